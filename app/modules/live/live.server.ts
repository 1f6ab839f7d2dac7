import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { preparedPer, type Db, type Tx } from "../../../db/client";
import { agendaItems, attendance, commitments, meetingSessions, meetings, organisations, people, spaces, speakingTurns } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, rolesIn } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { Locale } from "../i18n/locales";
import type { AgeGroupId } from "../people/age-groups";
import { commit, type Deps } from "../deps.server";
import { fail, ok, type Result } from "../result";
import { buildLiveState, type LiveState, type LiveTurnRow } from "./live-state";
import type { PriorityRule } from "./priority";
import type { LiveCode } from "./messages";
import { applyQueueAction } from "./queue";
import { newScreenToken } from "./screen-link.server";
import { speakingTotals } from "./speaking-time";
import { DEFAULT_TURN_LIMIT_SECONDS } from "./turn-limits";

export type ConsoleAction =
  | { type: "add"; attendanceId: number }
  | { type: "accept"; turnId: number }
  | { type: "withdraw"; turnId: number }
  | { type: "restore"; turnId: number; to: "requested" | "queued" }
  | { type: "move"; turnId: number; direction: "up" | "down" | "top" }
  | { type: "start"; turnId: number }
  | { type: "stop" }
  | { type: "item"; itemId: number }
  | { type: "limit"; seconds: number }
  | { type: "priority"; rule: PriorityRule }
  | { type: "message"; text: string | null }
  | { type: "screen-locale"; locale: Locale }
  /** A commitment review puts one of the space's public commitments on the shared screen, or takes it off (null). */
  | { type: "commitment"; commitmentId: number | null };

export type DelegateAction = { type: "request" } | { type: "withdraw" };


type MeetingRow = typeof meetings.$inferSelect;
type SessionRow = typeof meetingSessions.$inferSelect;

/** A meeting with its live session's settings (their defaults before it first opens). */
export type LiveMeetingRow = MeetingRow & Omit<SessionRow, "meetingId" | "screenToken"> & { screenToken: string | null };

function withSession({ meeting, session }: { meeting: MeetingRow; session: SessionRow | null }): LiveMeetingRow {
  if (session) {
    const { meetingId: _id, ...settings } = session;
    return { ...meeting, ...settings };
  }
  return { ...meeting, currentItemId: null, currentItemSince: null, turnLimitSeconds: DEFAULT_TURN_LIMIT_SECONDS, priorityRule: "none", screenMessage: null, screenLocale: "fr", screenCommitmentId: null, screenToken: null };
}

const meetingWithSession = (db: Db | Tx) =>
  db.select({ meeting: meetings, session: meetingSessions }).from(meetings).leftJoin(meetingSessions, eq(meetingSessions.meetingId, meetings.id));

/** A meeting and its session, read inside a command's transaction. */
function loadLiveMeeting(db: Db | Tx, meetingId: number): LiveMeetingRow | null {
  const row = meetingWithSession(db).where(eq(meetings.id, meetingId)).get();
  return row ? withSession(row) : null;
}

/**
 * The reads behind every live change, prepared once per database: building drizzle queries
 * anew on each console action costs more than running them.
 */
function prepareLiveReads(db: Db) {
  const id = sql.placeholder("id");
  return {
    meeting: meetingWithSession(db).where(eq(meetings.id, id)).prepare(),
    // Withdrawn items keep their time and turns but leave the agenda.
    agenda: db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, id), isNull(agendaItems.withdrawnAt))).orderBy(asc(agendaItems.position)).prepare(),
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
    // Who the console may add to the speakers' list, read again when the list or attendance moved.
    present: db
      .select({ id: attendance.id, name: attendance.name, organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.name})` })
      .from(attendance)
      .leftJoin(organisations, eq(organisations.id, attendance.organisationId))
      .where(eq(attendance.meetingId, id))
      .orderBy(asc(attendance.arrivedAt), asc(attendance.id))
      .prepare(),
    // The console's move to another item, checked and written inside its transaction.
    agendaItem: db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, sql.placeholder("itemId")), eq(agendaItems.meetingId, id), isNull(agendaItems.withdrawnAt)))
      .prepare(),
    addSpent: db
      .update(agendaItems)
      .set({ spentMs: sql`${agendaItems.spentMs} + ${sql.placeholder("ms")}` })
      .where(eq(agendaItems.id, id))
      .prepare(),
    setCurrent: db
      .update(meetingSessions)
      .set({ currentItemId: sql`${sql.placeholder("itemId")}`, currentItemSince: sql`${sql.placeholder("since")}`, screenCommitmentId: null })
      .where(eq(meetingSessions.meetingId, id))
      .prepare(),
  };
}

const liveReads = preparedPer(prepareLiveReads);

/** What the live screens are built from: the meeting with its session, and its agenda. */
export function readLiveMeeting(db: Db, meetingId: number) {
  const reads = liveReads(db);
  const row = reads.meeting.get({ id: meetingId });
  return row ? { meeting: withSession(row), agenda: reads.agenda.all({ id: meetingId }) } : null;
}

/** The people present at a meeting, in arrival order, as the console lists them. */
export function presentPeople(db: Db, meetingId: number): { id: number; name: string; organisation: string | null }[] {
  return liveReads(db).present.all({ id: meetingId });
}

/** The meeting's turns with what the screens show of each speaker. */
export function loadTurns(db: Db, meetingId: number): (LiveTurnRow & { agendaItemId: number | null })[] {
  return liveReads(db)
    .turns.all({ id: meetingId })
    .map((t) => ({ ...t, ageGroup: t.ageGroup as AgeGroupId | null }));
}

export function liveStateOf(meeting: LiveMeetingRow, agenda: (typeof agendaItems.$inferSelect)[], turns: LiveTurnRow[]): LiveState {
  return buildLiveState({ meeting, agenda, turns });
}

/** The live state alone (a phone's first page), for a meeting that exists. */
export function liveState(db: Db, meetingId: number): LiveState {
  const { meeting, agenda } = readLiveMeeting(db, meetingId)!;
  return liveStateOf(meeting, agenda, loadTurns(db, meetingId));
}

/** What moving to another item writes: the database's prepared statements on the console's path, plain queries when a meeting opens or closes. */
interface ItemWrites {
  addSpent(itemId: number, ms: number): void;
  setCurrent(meetingId: number, itemId: number | null, since: number | null): void;
}

const preparedItemWrites = (db: Db): ItemWrites => {
  const reads = liveReads(db);
  return { addSpent: (itemId, ms) => reads.addSpent.run({ id: itemId, ms }), setCurrent: (meetingId, itemId, since) => reads.setCurrent.run({ id: meetingId, itemId, since }) };
};

const plainItemWrites = (tx: Tx): ItemWrites => ({
  addSpent: (itemId, ms) => tx.update(agendaItems).set({ spentMs: sql`${agendaItems.spentMs} + ${ms}` }).where(eq(agendaItems.id, itemId)).run(),
  setCurrent: (meetingId, itemId, since) => tx.update(meetingSessions).set({ currentItemId: itemId, currentItemSince: since, screenCommitmentId: null }).where(eq(meetingSessions.meetingId, meetingId)).run(),
});

/**
 * Closes the stretch of time on the current item and opens one on another (or none); the
 * commitment a review put on the screen leaves it with its item.
 */
function switchItem(writes: ItemWrites, meeting: LiveMeetingRow, itemId: number | null, now: number): void {
  if (meeting.currentItemId !== null && meeting.currentItemSince !== null) writes.addSpent(meeting.currentItemId, Math.max(0, now - meeting.currentItemSince));
  writes.setCurrent(meeting.id, itemId, itemId === null ? null : now);
}

/** When the meeting opens: its session starts, the first agenda item is current and the shared screen gets its link. */
export function openLiveMeeting(tx: Tx, meetingId: number, now: number): void {
  tx.insert(meetingSessions).values({ meetingId, screenToken: newScreenToken() }).onConflictDoNothing().run();
  const first = tx
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.withdrawnAt)))
    .orderBy(asc(agendaItems.position))
    .limit(1)
    .get();
  switchItem(plainItemWrites(tx), loadLiveMeeting(tx, meetingId)!, first?.id ?? null, now);
}

/** When the meeting closes: the running turn ends, waiting requests lapse, the item's time is counted. */
export function settleLiveMeeting(tx: Tx, meetingId: number, now: number): void {
  tx.update(speakingTurns)
    .set({ state: "done", endedAt: now })
    .where(and(eq(speakingTurns.meetingId, meetingId), eq(speakingTurns.state, "speaking")))
    .run();
  tx.update(speakingTurns)
    .set({ state: "withdrawn" })
    .where(and(eq(speakingTurns.meetingId, meetingId), inArray(speakingTurns.state, ["requested", "queued"])))
    .run();
  switchItem(plainItemWrites(tx), loadLiveMeeting(tx, meetingId)!, null, now);
}

/**
 * Applies one change to the speakers' list as a transaction: the list is read, checked and
 * written inside it, so two facilitators acting at once are applied one after the other,
 * the second against the list the first left.
 */
function changeQueue(tx: Tx, meeting: LiveMeetingRow, action: Parameters<typeof applyQueueAction>[1], now: number): Result<null, LiveCode> {
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

function liveMeeting(db: Db | Tx, meetingId: number): Result<LiveMeetingRow, LiveCode> {
  const meeting = loadLiveMeeting(db, meetingId);
  if (!meeting) return fail("not_found");
  return meeting.status === "live" ? ok(meeting) : fail("not_live");
}

function presentRow(db: Db | Tx, meetingId: number, attendanceId: number): boolean {
  return !!db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.id, attendanceId), eq(attendance.meetingId, meetingId))).get();
}

/**
 * Why a commitment may not go on the shared screen: the room sees it, so only what the public
 * board shows goes up — a commitment of this space that is public — and only while the
 * current item is a commitment review.
 */
function screenCommitmentRefusal(tx: Tx, meeting: LiveMeetingRow, commitmentId: number): LiveCode | null {
  const item = meeting.currentItemId === null ? undefined : tx.select({ kind: agendaItems.kind }).from(agendaItems).where(eq(agendaItems.id, meeting.currentItemId)).get();
  if (item?.kind !== "commitment_review") return "not_reviewing";
  const commitment = tx.select({ spaceId: commitments.spaceId, public: commitments.public }).from(commitments).where(eq(commitments.id, commitmentId)).get();
  if (!commitment || commitment.spaceId !== meeting.spaceId) return "commitment_not_found";
  return commitment.public ? null : "commitment_not_public";
}

/** The console's actions after which the speakers' list (and the suggestion drawn from it) is as it was. */
const SPEAKERS_UNMOVED: ReadonlySet<ConsoleAction["type"]> = new Set(["item", "message", "screen-locale", "commitment"]);

/** A facilitator's action on the live meeting (the console). */
export function runConsoleAction(deps: Deps, actor: Actor | null, meetingId: number, action: ConsoleAction, now: number): Result<null, LiveCode> {
  // The console's actions come one after another while the room watches: the statements its
  // transaction runs are prepared once per database (building them costs more than running them).
  const reads = liveReads(deps.db);
  return commit(deps, (tx, emit) => {
    const row = reads.meeting.get({ id: meetingId });
    if (!row) return fail("not_found");
    const found = withSession(row);
    if (!can(actor, "meeting.run", { spaceId: found.spaceId })) return fail("forbidden");
    if (found.status !== "live") return fail("not_live");
    const meeting = found;
    let result: Result<null, LiveCode> = ok(null);
    switch (action.type) {
      case "item": {
        const item = reads.agendaItem.get({ id: meetingId, itemId: action.itemId });
        if (!item) return fail("not_in_agenda");
        if (meeting.currentItemId !== item.id) switchItem(preparedItemWrites(deps.db), meeting, item.id, now);
        break;
      }
      case "limit":
        tx.update(meetingSessions).set({ turnLimitSeconds: action.seconds }).where(eq(meetingSessions.meetingId, meetingId)).run();
        break;
      case "priority":
        tx.update(meetingSessions).set({ priorityRule: action.rule }).where(eq(meetingSessions.meetingId, meetingId)).run();
        break;
      case "message":
        tx.update(meetingSessions).set({ screenMessage: action.text }).where(eq(meetingSessions.meetingId, meetingId)).run();
        break;
      case "screen-locale":
        tx.update(meetingSessions).set({ screenLocale: action.locale }).where(eq(meetingSessions.meetingId, meetingId)).run();
        break;
      case "commitment": {
        if (action.commitmentId !== null) {
          const refusal = screenCommitmentRefusal(tx, meeting, action.commitmentId);
          if (refusal) return fail(refusal);
        }
        tx.update(meetingSessions).set({ screenCommitmentId: action.commitmentId }).where(eq(meetingSessions.meetingId, meetingId)).run();
        break;
      }
      case "add":
        if (!presentRow(tx, meetingId, action.attendanceId)) return fail("not_present");
        result = changeQueue(tx, meeting, action, now);
        break;
      default:
        result = changeQueue(tx, meeting, action, now);
    }
    if (!result.ok) return result;
    appendAudit(tx, { at: now, actorId: actor!.userId, action: `live.${action.type}`, spaceId: meeting.spaceId, subjectType: "meeting", subjectId: meetingId, after: action });
    emit({ type: "live.changed", meetingId, speakers: !SPEAKERS_UNMOVED.has(action.type) });
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
    // Only the space's own people take part, whatever register their person belongs to.
    if (!can(actor, "meeting.attend", { spaceId: live.value.spaceId })) return fail("forbidden");
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
    appendAudit(tx, { at: now, actorId: actor.userId, action: `live.delegate-${action.type}`, spaceId: live.value.spaceId, subjectType: "meeting", subjectId: meetingId, after: { attendanceId } });
    emit({ type: "live.changed", meetingId });
    return result;
  });
}

/** The name of the person a turn of this meeting belongs to, or null. */
export function turnSpeakerName(db: Db, meetingId: number, turnId: number): string | null {
  return (
    db
      .select({ name: attendance.name })
      .from(speakingTurns)
      .innerJoin(attendance, eq(attendance.id, speakingTurns.attendanceId))
      .where(and(eq(speakingTurns.id, turnId), eq(speakingTurns.meetingId, meetingId)))
      .get()?.name ?? null
  );
}

/** A meeting's id and space, or null. */
export function meetingPlace(db: Db, meetingId: number): { id: number; spaceId: number } | null {
  return db.select({ id: meetings.id, spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, meetingId)).get() ?? null;
}

/**
 * The meetings live now in the spaces where this person has a role (delegate, official,
 * facilitator, observer), for their home and space pages: where to go, phone or console.
 */
export function liveMeetingsFor(db: Db, actor: Actor | null, onlySpaceId?: number): { id: number; spaceId: number; title: string; spaceName: string; runs: boolean }[] {
  if (!actor) return [];
  const spaceIds = [...new Set(actor.grants.filter((g) => g.spaceId !== null && rolesIn(actor, g.spaceId).length > 0).map((g) => g.spaceId!))].filter((id) => onlySpaceId === undefined || id === onlySpaceId);
  if (spaceIds.length === 0) return [];
  return db
    .select({ id: meetings.id, spaceId: meetings.spaceId, title: meetings.title, spaceName: spaces.name })
    .from(meetings)
    .innerJoin(spaces, eq(spaces.id, meetings.spaceId))
    .where(and(eq(meetings.status, "live"), inArray(meetings.spaceId, spaceIds)))
    .orderBy(asc(meetings.id))
    .all()
    .map((m) => ({ ...m, runs: can(actor, "meeting.run", { spaceId: m.spaceId }) }));
}

/** The meeting a shared screen's link opens, or null. */
export function meetingByScreenToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{12,64}$/.test(token)) return null;
  const row = meetingWithSession(db).where(eq(meetingSessions.screenToken, token)).get();
  return row ? withSession(row) : null;
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
      attendanceId: turn.attendanceId,
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
