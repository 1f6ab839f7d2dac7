import type { AgeGroupId } from "../people/age-groups";
import { queued, requested, running, type TurnState } from "./queue";
import { emptyTotals, speakingTotals, type SpeakingTotals } from "./speaking-time";
import type { Sex } from "../people/sex";
import type { MeetingStatus } from "../meetings/meeting-state";
import type { Locale } from "../i18n/locales";

/**
 * What every live screen of a meeting follows (console, shared screen, delegates' phones),
 * written by the server only into the meeting's live document. It stays small: the queue,
 * the current item and speaker, and speaking totals of finished turns (the running turn is
 * added by each screen, up to its own clock).
 */
export interface LivePerson {
  turnId: number;
  attendanceId: number;
  name: string;
  organisation: string | null;
}

export interface LiveState {
  status: MeetingStatus;
  locale: Locale;
  item: { id: number; title: string; number: number; of: number; plannedMinutes: number | null; spentMs: number; since: number | null } | null;
  speaker: (LivePerson & { sex: Sex | null; ageGroup: AgeGroupId | null; startedAt: number; limitSeconds: number }) | null;
  queue: LivePerson[];
  requests: LivePerson[];
  /** Finished turns only. */
  spoken: SpeakingTotals;
  turnLimitSeconds: number;
  message: string | null;
}

export interface LiveTurnRow {
  id: number;
  attendanceId: number;
  state: TurnState;
  position: number;
  startedAt: number | null;
  endedAt: number | null;
  limitSeconds: number | null;
  name: string;
  organisation: string | null;
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
}

export function buildLiveState(input: {
  meeting: {
    status: LiveState["status"];
    screenLocale: LiveState["locale"];
    currentItemId: number | null;
    currentItemSince: number | null;
    turnLimitSeconds: number;
    screenMessage: string | null;
  };
  agenda: readonly { id: number; title: string; plannedMinutes: number | null; spentMs: number }[];
  turns: readonly LiveTurnRow[];
}): LiveState {
  const { meeting, agenda, turns } = input;
  const index = agenda.findIndex((i) => i.id === meeting.currentItemId);
  const item = index >= 0 ? agenda[index]! : null;
  const person = (t: LiveTurnRow): LivePerson => ({ turnId: t.id, attendanceId: t.attendanceId, name: t.name, organisation: t.organisation });
  const current = running(turns);
  const finished = turns.filter((t) => t.state === "done" && t.startedAt !== null && t.endedAt !== null);
  return {
    status: meeting.status,
    locale: meeting.screenLocale,
    item: item
      ? { id: item.id, title: item.title, number: index + 1, of: agenda.length, plannedMinutes: item.plannedMinutes, spentMs: item.spentMs, since: meeting.currentItemSince }
      : null,
    speaker: current
      ? { ...person(current), sex: current.sex, ageGroup: current.ageGroup, startedAt: current.startedAt!, limitSeconds: current.limitSeconds ?? meeting.turnLimitSeconds }
      : null,
    queue: queued(turns).map(person),
    requests: requested(turns).map(person),
    spoken: finished.length ? speakingTotals(finished.map((t) => ({ sex: t.sex, ageGroup: t.ageGroup, startedAt: t.startedAt!, endedAt: t.endedAt })), 0) : emptyTotals(),
    turnLimitSeconds: meeting.turnLimitSeconds,
    message: meeting.screenMessage,
  };
}

/** Speaking totals as of `now`: finished turns plus the one running. */
export function totalsNow(state: Pick<LiveState, "spoken" | "speaker">, now: number): SpeakingTotals {
  return state.speaker ? speakingTotals([{ ...state.speaker, endedAt: null }], now, state.spoken) : state.spoken;
}

/** Time spent on the current item as of `now`. */
export function itemSpentMs(item: NonNullable<LiveState["item"]>, now: number): number {
  return item.spentMs + (item.since === null ? 0 : Math.max(0, now - item.since));
}

/** Where a person stands: speaking, n-th in the queue, asked (waiting to be accepted), or nowhere. */
export function placeOf(state: Pick<LiveState, "speaker" | "queue" | "requests">, attendanceId: number): { kind: "speaking" } | { kind: "queued"; place: number; turnId: number } | { kind: "requested"; turnId: number } | { kind: "none" } {
  if (state.speaker?.attendanceId === attendanceId) return { kind: "speaking" };
  const place = state.queue.findIndex((p) => p.attendanceId === attendanceId);
  if (place >= 0) return { kind: "queued", place: place + 1, turnId: state.queue[place]!.turnId };
  const request = state.requests.find((p) => p.attendanceId === attendanceId);
  return request ? { kind: "requested", turnId: request.turnId } : { kind: "none" };
}
