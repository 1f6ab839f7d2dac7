import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { agendaItems, attendance, meetings, organisations, people, speakingTurns } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { Locale } from "../i18n/locales";
import type { AgeGroupId } from "../people/age-groups";
import { commit, type Deps } from "../deps.server";
import { fail, ok, type Result } from "../result";
import { buildLiveState, type LiveState, type LiveTurnRow } from "./live-state";
import type { PriorityRule } from "./priority";
import type { LiveCode } from "./messages";
import { applyQueueAction } from "./queue";
import { speakingTotals } from "./speaking-time";

export type ConsoleAction =
  | { type: "add"; attendanceId: number }
  | { type: "accept"; turnId: number }
  | { type: "withdraw"; turnId: number }
  | { type: "move"; turnId: number; direction: "up" | "down" | "top" }
  | { type: "start"; turnId: number }
  | { type: "stop" }
  | { type: "item"; itemId: number }
  | { type: "limit"; seconds: number }
  | { type: "priority"; rule: PriorityRule }
  | { type: "message"; text: string | null }
  | { type: "screen-locale"; locale: Locale };

export type DelegateAction = { type: "request" } | { type: "withdraw" };


type MeetingRow = typeof meetings.$inferSelect;

/**
 * The reads behind every live change, prepared once per database: building drizzle queries
 * anew on each console action costs more than running them.
 */
function prepareLiveReads(db: Db) {
  const id = sql.placeholder("id");
  return {
    meeting: db.select().from(meetings).where(eq(meetings.id, id)).prepare(),
    agenda: db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position)).prepare(),
    turns: db
      .select({
        id: speakingTurns.id,
        attendanceId: speakingTurns.attendanceId,
        state: speakingTurns.state,
        position: speakingTurns.position,
        startedAt: speakingTurns.startedAt,
        endedAt: speakingTurns.endedAt,
        limitSeconds: speakingTurns.limitSeconds,
        agendaItemId: speakingTurns.agendaItemId,
        name: attendance.name,
        organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.name})`,
        sex: attendance.sex,
        ageGroup: attendance.ageGroup,
      })
      .from(speakingTurns)
      .innerJoin(attendance, eq(attendance.id, speakingTurns.attendanceId))
      .leftJoin(organisations, eq(organisations.id, attendance.organisationId))
      .where(eq(speakingTurns.meetingId, id))
      .orderBy(asc(speakingTurns.id))
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareLiveReads>>();

export function liveReads(db: Db) {
  let reads = prepared.get(db);
  if (!reads) prepared.set(db, (reads = prepareLiveReads(db)));
  return reads;
}

/** The meeting's turns with what the screens show of each speaker. */
export function loadTurns(db: Db, meetingId: number): (LiveTurnRow & { agendaItemId: number | null })[] {
  return liveReads(db)
    .turns.all({ id: meetingId })
    .map((t) => ({ ...t, ageGroup: t.ageGroup as AgeGroupId | null }));
}

export function liveStateOf(meeting: MeetingRow, agenda: (typeof agendaItems.$inferSelect)[], turns: LiveTurnRow[]): LiveState {
  return buildLiveState({ meeting, agenda, turns });
}

/** Closes the stretch of time on the current item and opens one on another (or none). */
function switchItem(tx: Tx, meeting: MeetingRow, itemId: number | null, now: number): void {
  if (meeting.currentItemId !== null && meeting.currentItemSince !== null) {
    tx.update(agendaItems)
      .set({ spentMs: sql`${agendaItems.spentMs} + ${Math.max(0, now - meeting.currentItemSince)}` })
      .where(eq(agendaItems.id, meeting.currentItemId))
      .run();
  }
  tx.update(meetings)
    .set({ currentItemId: itemId, currentItemSince: itemId === null ? null : now })
    .where(eq(meetings.id, meeting.id))
    .run();
}

/** When the meeting opens: the first agenda item is current and the shared screen gets its link. */
export function openLiveMeeting(tx: Tx, meeting: MeetingRow, now: number): void {
  const first = tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).orderBy(asc(agendaItems.position)).limit(1).get();
  switchItem(tx, meeting, first?.id ?? null, now);
  if (!meeting.screenToken) tx.update(meetings).set({ screenToken: randomBytes(16).toString("base64url") }).where(eq(meetings.id, meeting.id)).run();
}

/** When the meeting closes: the running turn ends, waiting requests lapse, the item's time is counted. */
export function settleLiveMeeting(tx: Tx, meeting: MeetingRow, now: number): void {
  tx.update(speakingTurns)
    .set({ state: "done", endedAt: now })
    .where(and(eq(speakingTurns.meetingId, meeting.id), eq(speakingTurns.state, "speaking")))
    .run();
  tx.update(speakingTurns)
    .set({ state: "withdrawn" })
    .where(and(eq(speakingTurns.meetingId, meeting.id), inArray(speakingTurns.state, ["requested", "queued"])))
    .run();
  switchItem(tx, meeting, null, now);
}

/**
 * Applies one change to the speakers' list as a transaction: the list is read, checked and
 * written inside it, so two facilitators acting at once are applied one after the other,
 * the second against the list the first left.
 */
function changeQueue(tx: Tx, meeting: MeetingRow, action: Parameters<typeof applyQueueAction>[1], now: number): Result<null, LiveCode> {
  const turns = tx
    .select({ id: speakingTurns.id, attendanceId: speakingTurns.attendanceId, state: speakingTurns.state, position: speakingTurns.position })
    .from(speakingTurns)
    .where(eq(speakingTurns.meetingId, meeting.id))
    .all();
  const result = applyQueueAction(turns, action, now);
  if (!result.ok) return fail(result.code);
  const { insert, updates } = result.changes;
  if (insert) tx.insert(speakingTurns).values({ ...insert, meetingId: meeting.id, requestedBy: action.type === "request" ? "delegate" : "facilitator", requestedAt: now }).run();
  for (const { id, ...set } of updates) {
    // A turn that starts is on the current item, with the limit in force.
    const extra = set.state === "speaking" ? { agendaItemId: meeting.currentItemId, limitSeconds: meeting.turnLimitSeconds } : {};
    tx.update(speakingTurns).set({ ...set, ...extra }).where(eq(speakingTurns.id, id)).run();
  }
  return ok(null);
}

function liveMeeting(db: Db | Tx, meetingId: number): Result<MeetingRow, LiveCode> {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  return meeting.status === "live" ? ok(meeting) : fail("not_live");
}

function presentRow(db: Db | Tx, meetingId: number, attendanceId: number): boolean {
  return !!db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.id, attendanceId), eq(attendance.meetingId, meetingId))).get();
}

/** A facilitator's action on the live meeting (the console). */
export function runConsoleAction(deps: Deps, actor: Actor | null, meetingId: number, action: ConsoleAction, now: number): Result<null, LiveCode> {
  return commit(deps, (tx, emit) => {
    const found = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!found) return fail("not_found");
    if (!can(actor, "meeting.run", { spaceId: found.spaceId })) return fail("forbidden");
    if (found.status !== "live") return fail("not_live");
    const meeting = found;
    let result: Result<null, LiveCode> = ok(null);
    switch (action.type) {
      case "item": {
        const item = tx.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.id, action.itemId), eq(agendaItems.meetingId, meetingId))).get();
        if (!item) return fail("not_in_agenda");
        if (meeting.currentItemId !== item.id) switchItem(tx, meeting, item.id, now);
        break;
      }
      case "limit":
        tx.update(meetings).set({ turnLimitSeconds: action.seconds }).where(eq(meetings.id, meetingId)).run();
        break;
      case "priority":
        tx.update(meetings).set({ priorityRule: action.rule }).where(eq(meetings.id, meetingId)).run();
        break;
      case "message":
        tx.update(meetings).set({ screenMessage: action.text }).where(eq(meetings.id, meetingId)).run();
        break;
      case "screen-locale":
        tx.update(meetings).set({ screenLocale: action.locale }).where(eq(meetings.id, meetingId)).run();
        break;
      case "add":
        if (!presentRow(tx, meetingId, action.attendanceId)) return fail("not_present");
        result = changeQueue(tx, meeting, action, now);
        break;
      default:
        result = changeQueue(tx, meeting, action, now);
    }
    if (!result.ok) return result;
    appendAudit(tx, { at: now, actorId: actor!.userId, action: `live.${action.type}`, subjectType: "meeting", subjectId: meetingId, after: action });
    emit({ type: "live.changed", meetingId });
    return result;
  });
}

/** The attendance row of the signed-in person at this meeting, if they were checked in. */
export function presenceOf(db: Db | Tx, actor: Actor | null, meetingId: number): number | null {
  if (!actor) return null;
  const row = db
    .select({ id: attendance.id })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .where(and(eq(attendance.meetingId, meetingId), eq(people.userId, actor.userId)))
    .get();
  return row?.id ?? null;
}

/** A delegate's own request to speak, or its withdrawal, from their phone. */
export function runDelegateAction(deps: Deps, actor: Actor | null, meetingId: number, action: DelegateAction, now: number): Result<null, LiveCode> {
  if (!actor) return fail("forbidden");
  return commit(deps, (tx, emit) => {
    const live = liveMeeting(tx, meetingId);
    if (!live.ok) return live;
    const attendanceId = presenceOf(tx, actor, meetingId);
    if (attendanceId === null) return fail("not_present");
    let result: Result<null, LiveCode>;
    if (action.type === "request") {
      result = changeQueue(tx, live.value, { type: "request", attendanceId }, now);
    } else {
      const waiting = tx
        .select({ id: speakingTurns.id })
        .from(speakingTurns)
        .where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.attendanceId, attendanceId), inArray(speakingTurns.state, ["requested", "queued"])))
        .get();
      if (!waiting) return fail("not_waiting");
      result = changeQueue(tx, live.value, { type: "withdraw", turnId: waiting.id }, now);
    }
    if (!result.ok) return result;
    appendAudit(tx, { at: now, actorId: actor.userId, action: `live.delegate-${action.type}`, subjectType: "meeting", subjectId: meetingId, after: { attendanceId } });
    emit({ type: "live.changed", meetingId });
    return result;
  });
}

/** A meeting's id and space, or null. */
export function meetingPlace(db: Db, meetingId: number): { id: number; spaceId: number } | null {
  return db.select({ id: meetings.id, spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, meetingId)).get() ?? null;
}

/** The meeting a shared screen's link opens, or null. */
export function meetingByScreenToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return db.select().from(meetings).where(eq(meetings.screenToken, token)).get() ?? null;
}

/** Turns kept for the record: who spoke, when, how long, on which item. */
export function listTurns(db: Db, meetingId: number) {
  return loadTurns(db, meetingId).filter((t) => t.startedAt !== null && (t.state === "done" || t.state === "speaking"));
}

/** The speaking record of a meeting: its turns with their items, and the totals by group. */
export function speakingRecord(db: Db, meeting: { id: number; closedAt: number | null }, now: number) {
  const items = new Map(db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all().map((i) => [i.id, i.title]));
  const at = meeting.closedAt ?? now;
  const turns = listTurns(db, meeting.id).sort((a, b) => a.startedAt! - b.startedAt!);
  return {
    turns: turns.map((turn) => ({
      id: turn.id,
      name: turn.name,
      organisation: turn.organisation,
      item: turn.agendaItemId === null ? null : (items.get(turn.agendaItemId) ?? null),
      startedAt: turn.startedAt!,
      ms: Math.max(0, (turn.endedAt ?? at) - turn.startedAt!),
    })),
    totals: speakingTotals(
      turns.map((turn) => ({ sex: turn.sex, ageGroup: turn.ageGroup, startedAt: turn.startedAt!, endedAt: turn.endedAt })),
      at,
    ),
  };
}
