import { isYoungGroup, type AgeGroupId } from "../people/age-groups";
import { share, type Share } from "../people/disaggregation";
import type { Sex } from "../people/sex";

/**
 * Speaking time and turns by sex and by youth, from the recorded turns. A turn still running
 * counts up to `now`. The one computation behind the shared screen's parity bar, the
 * meeting's record and reports.
 */
export interface SpokenTurn {
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
  startedAt: number;
  /** null while the turn runs. */
  endedAt: number | null;
}

export type SpeakingGroup = "women" | "men" | "sexUnstated" | "young" | "notYoung" | "ageUnknown";
export const SPEAKING_GROUPS: readonly SpeakingGroup[] = ["women", "men", "sexUnstated", "young", "notYoung", "ageUnknown"];

export interface GroupTime {
  ms: number;
  turns: number;
}

export type SpeakingTotals = Record<SpeakingGroup | "all", GroupTime>;

export function emptyTotals(): SpeakingTotals {
  return Object.fromEntries([...SPEAKING_GROUPS, "all"].map((g) => [g, { ms: 0, turns: 0 }])) as SpeakingTotals;
}

export function sexGroup(sex: SpokenTurn["sex"]): SpeakingGroup {
  return sex === "female" ? "women" : sex === "male" ? "men" : "sexUnstated";
}

export function ageGroupOfTurn(ageGroup: AgeGroupId | null): SpeakingGroup {
  return ageGroup === null ? "ageUnknown" : isYoungGroup(ageGroup) ? "young" : "notYoung";
}

/** Adds turns to totals (by default, to nothing). A turn's time never goes below zero. */
export function speakingTotals(turns: readonly SpokenTurn[], now: number, base: SpeakingTotals = emptyTotals()): SpeakingTotals {
  const totals: SpeakingTotals = structuredClone(base);
  for (const turn of turns) {
    const ms = Math.max(0, (turn.endedAt ?? now) - turn.startedAt);
    for (const group of ["all", sexGroup(turn.sex), ageGroupOfTurn(turn.ageGroup)] as const) {
      totals[group].ms += ms;
      totals[group].turns += 1;
    }
  }
  return totals;
}

export interface ParityFigures {
  /** Shares of speaking time and of turns, 0 to 1. */
  time: Record<SpeakingGroup, Share>;
  turns: Record<SpeakingGroup, Share>;
  totalMs: number;
  totalTurns: number;
}

export function parityFigures(totals: SpeakingTotals): ParityFigures {
  const time = {} as Record<SpeakingGroup, Share>;
  const turns = {} as Record<SpeakingGroup, Share>;
  for (const group of SPEAKING_GROUPS) {
    time[group] = share(totals[group].ms, totals.all.ms);
    turns[group] = share(totals[group].turns, totals.all.turns);
  }
  return { time, turns, totalMs: totals.all.ms, totalTurns: totals.all.turns };
}

/** Seconds left in a turn (negative once over time). */
export function secondsLeft(turn: { startedAt: number; limitSeconds: number }, now: number): number {
  return Math.ceil((turn.startedAt + turn.limitSeconds * 1000 - now) / 1000);
}
