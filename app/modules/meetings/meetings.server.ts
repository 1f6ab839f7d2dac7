import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import { preparedPer, type Db, type Tx } from "../../../db/client";
import {
  agendaItems,
  attendance,
  authorities,
  meetingAuthorities,
  meetingFacilitators,
  meetingSessions,
  meetings,
  officials,
  organisations,
  people,
  polls,
  roleGrants,
  spaceMemberships,
  spaces,
  speakingTurns,
  users,
} from "../../../db/schema/index";
import type { AgendaItemKind, AttendanceRole, MeetingKind } from "./kinds";
import { appendAudit } from "../audit/audit.server";
import { commit, type Deps } from "../deps.server";
import { can, isAdmin } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { AgeGroupId } from "../people/age-groups";
import { fail, ok, type Result } from "../result";
import { approvalRefusal, canChangeAttendance, canEditPlan, nextStatus, reopenRefusal, type MeetingEvent } from "./meeting-state";
import { renderMarkdown } from "./markdown";
import { openLiveMeeting, settleLiveMeeting } from "../live/live.server";
import type { MeetingCode } from "./messages";
import { MINUTES_ROOT, minutesRef } from "./minutes";
import type { Sex } from "../people/sex";

export type { MeetingCode };

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  startsAt: number;
  endsAt: number | null;
  place: string;
  published: boolean;
  facilitatorIds: string[];
  authorityIds: number[];
}

type MeetingRow = typeof meetings.$inferSelect;

/** The meeting, if the actor may change it (a facilitator of its space, or an admin). */
function meetingForChange(db: Db | Tx, actor: Actor | null, meetingId: number): Result<MeetingRow, "forbidden" | "not_found"> {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  return can(actor, "meeting.run", { spaceId: meeting.spaceId }) ? ok(meeting) : fail("forbidden");
}

/**
 * Whether every user named to facilitate holds the facilitator role in the meeting's space.
 * An administrator who is not a facilitator there is not listed: a meeting's facilitators
 * are the space's.
 */
function facilitatorsOfSpace(db: Db | Tx, spaceId: number, userIds: readonly string[]): boolean {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return true;
  const held = db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.spaceId, spaceId), eq(roleGrants.role, "facilitator"), inArray(roleGrants.userId, wanted)))
    .all();
  return new Set(held.map((g) => g.userId)).size === wanted.length;
}

function setLinks(tx: Tx, meetingId: number, spaceId: number, input: MeetingInput): void {
  tx.delete(meetingFacilitators).where(eq(meetingFacilitators.meetingId, meetingId)).run();
  tx.delete(meetingAuthorities).where(eq(meetingAuthorities.meetingId, meetingId)).run();
  // Checked by the command before: each is a facilitator of the space.
  for (const userId of new Set(input.facilitatorIds)) tx.insert(meetingFacilitators).values({ meetingId, userId }).run();
  const space = tx.select().from(spaces).where(eq(spaces.id, spaceId)).get()!;
  const knownAuthorities = input.authorityIds.length
    ? tx.select({ id: authorities.id }).from(authorities).where(and(inArray(authorities.id, input.authorityIds), eq(authorities.communeCode, space.communeCode))).all()
    : [];
  for (const { id } of knownAuthorities) tx.insert(meetingAuthorities).values({ meetingId, authorityId: id }).run();
}

export function planMeeting(db: Db, actor: Actor | null, spaceId: number, input: MeetingInput, now: number): Result<{ id: number }, MeetingCode> {
  if (!can(actor, "meeting.run", { spaceId })) return fail("forbidden");
  if (!db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).get()) return fail("not_found");
  if (!facilitatorsOfSpace(db, spaceId, input.facilitatorIds)) return fail("not_facilitator", "facilitatorIds");
  const { facilitatorIds: _f, authorityIds: _a, ...row } = input;
  const id = db.transaction((tx) => {
    const inserted = tx.insert(meetings).values({ ...row, spaceId, createdAt: now }).returning({ id: meetings.id }).get();
    setLinks(tx, inserted.id, spaceId, input);
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "meeting.plan", spaceId, visibility: input.published ? "public" : undefined, subjectType: "meeting", subjectId: inserted.id, after: { ...input, spaceId } });
    return inserted.id;
  });
  return ok({ id });
}

export function updateMeeting(deps: Deps, actor: Actor | null, meetingId: number, input: MeetingInput, now: number): Result<null, MeetingCode> {
  const meeting = meetingForChange(deps.db, actor, meetingId);
  if (!meeting.ok) return meeting;
  if (!canEditPlan(meeting.value.status)) return fail("wrong_state");
  if (!facilitatorsOfSpace(deps.db, meeting.value.spaceId, input.facilitatorIds)) return fail("not_facilitator", "facilitatorIds");
  const { facilitatorIds: _f, authorityIds: _a, ...row } = input;
  return commit(deps, (tx, emit) => {
    tx.update(meetings).set(row).where(eq(meetings.id, meetingId)).run();
    setLinks(tx, meetingId, meeting.value.spaceId, input);
    const before = { kind: meeting.value.kind, title: meeting.value.title, startsAt: meeting.value.startsAt, endsAt: meeting.value.endsAt, place: meeting.value.place, published: meeting.value.published };
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "meeting.update", spaceId: meeting.value.spaceId, visibility: input.published ? "public" : undefined, subjectType: "meeting", subjectId: meetingId, before, after: input });
    emit({ type: "meeting.planChanged", meetingId });
    return ok(null);
  });
}

/**
 * Moves a meeting along its life, with what follows in the same transaction: opening makes
 * the first item current and gives the shared screen its link; closing ends the running turn,
 * lets waiting requests lapse and locks the attendance (the minutes stay editable by the
 * facilitators until they are approved: `approveMinutes`); reopening (a facilitator within
 * `REOPEN_WINDOW_MS` of closing, an administrator after, never once the minutes are approved)
 * brings it back to live in the same session, its turns kept, no item current. Screens and
 * open sockets follow from the events once it has committed; an opened meeting's minutes
 * start from its agenda.
 */
export function changeMeetingStatus(
  deps: Deps,
  actor: Actor | null,
  meetingId: number,
  event: MeetingEvent,
  options: { now: number; reason?: string; minutesTemplate?: (meeting: Meeting) => string },
): Result<null, MeetingCode> {
  const result = commit<null, MeetingCode>(deps, (tx, emit) => {
    // Checked inside the transaction: two facilitators closing at once close it once.
    const found = meetingForChange(tx, actor, meetingId);
    if (!found.ok) return found;
    const meeting = found.value;
    const status = nextStatus(meeting.status, event);
    if (!status) return fail("wrong_state");
    if (event === "reopen") {
      const refusal = reopenRefusal(meeting, { admin: isAdmin(actor) }, options.now);
      if (refusal) return fail(refusal);
    }
    const changes: Partial<MeetingRow> = { status };
    if (event === "start") {
      changes.startedAt = options.now;
      openLiveMeeting(tx, meetingId, options.now);
    }
    if (event === "cancel") changes.cancelReason = options.reason ?? "";
    if (event === "close") {
      // A poll still open would be left with ballots refused and no result: it is closed first.
      if (tx.select({ id: polls.id }).from(polls).where(and(eq(polls.meetingId, meetingId), eq(polls.state, "open"))).get()) return fail("poll_open");
      settleLiveMeeting(tx, meetingId, options.now);
      changes.closedAt = options.now;
    }
    if (event === "reopen") changes.closedAt = null;
    tx.update(meetings).set(changes).where(eq(meetings.id, meetingId)).run();
    appendAudit(tx, { at: options.now, actorId: actor!.userId, action: `meeting.${event}`, spaceId: meeting.spaceId, visibility: meeting.published ? "public" : undefined, subjectType: "meeting", subjectId: meetingId, before: { status: meeting.status, closedAt: meeting.closedAt }, after: { status, reason: options.reason } });
    // Reopened, the meeting's documents are decided again as when it opened: the minutes
    // writable, the screen's link valid again.
    emit({ type: event === "start" || event === "reopen" ? "meeting.opened" : event === "close" ? "meeting.closed" : "meeting.cancelled", meetingId });
    return ok(null);
  });
  const template = options.minutesTemplate;
  if (result.ok && event === "start" && template) {
    deps.realtime.seedText(minutesRef(meetingId), MINUTES_ROOT, () => template(getMeeting(deps.db, meetingId)!));
  }
  return result;
}

/**
 * Freezes a closed meeting's minutes as they stand in the shared document (Markdown and
 * sanitised HTML): by a facilitator directly, or at a later meeting of the same space that
 * is running and has the approval of minutes on its agenda (`inMeetingId`, recorded). The
 * public reads minutes only once approved; the minutes' open sockets become readers.
 */
export function approveMinutes(deps: Deps, actor: Actor | null, meetingId: number, options: { now: number; inMeetingId?: number }): Result<null, MeetingCode> {
  return commit<null, MeetingCode>(deps, (tx, emit) => {
    const found = meetingForChange(tx, actor, meetingId);
    if (!found.ok) return found;
    const meeting = found.value;
    let at: Parameters<typeof approvalRefusal>[1] = null;
    if (options.inMeetingId !== undefined) {
      const other = meetingForChange(tx, actor, options.inMeetingId);
      if (!other.ok) return other;
      const item = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.meetingId, other.value.id),
            eq(agendaItems.kind, "minutes_approval"),
            isNull(agendaItems.withdrawnAt),
            // The item for these minutes, or one that names no meeting (an older agenda's).
            or(eq(agendaItems.approvesMeetingId, meetingId), isNull(agendaItems.approvesMeetingId)),
          ),
        )
        .get();
      at = { id: other.value.id, spaceId: other.value.spaceId, status: other.value.status, hasApprovalItem: !!item };
    }
    const refusal = approvalRefusal(meeting, at);
    if (refusal) return fail(refusal);
    // Read in the same synchronous run as the commit and the sockets' downgrade that
    // follows it: no edit can arrive in between.
    const markdown = deps.realtime.readText(minutesRef(meetingId), MINUTES_ROOT);
    const changes = { minutesMarkdown: markdown, minutesHtml: renderMarkdown(markdown), minutesApprovedAt: options.now, minutesApprovedInMeetingId: at?.id ?? null };
    tx.update(meetings).set(changes).where(eq(meetings.id, meetingId)).run();
    appendAudit(tx, { at: options.now, actorId: actor!.userId, action: "meeting.approveMinutes", spaceId: meeting.spaceId, visibility: meeting.published ? "public" : undefined, subjectType: "meeting", subjectId: meetingId, after: { inMeetingId: at?.id ?? null } });
    // The same re-decision as when a meeting closes: the minutes' writers become readers.
    // (A "meeting.minutesApproved" event would say it better; publisher.ts maps these alike.)
    emit({ type: "meeting.closed", meetingId });
    return ok(null);
  });
}

/**
 * Closed meetings of a space whose minutes wait for approval, held before `before` (the
 * meeting that would approve them), latest first.
 */
export function listMinutesAwaitingApproval(db: Db, spaceId: number, before: number, exceptMeetingId?: number) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.spaceId, spaceId), eq(meetings.status, "closed"), isNull(meetings.minutesApprovedAt), lt(meetings.startsAt, before)))
    .orderBy(desc(meetings.startsAt))
    .all()
    .filter((m) => m.id !== exceptMeetingId);
}

export function addAgendaItem(
  deps: Deps,
  actor: Actor | null,
  meetingId: number,
  input: { kind: AgendaItemKind; title: string; plannedMinutes: number | null; approvesMeetingId?: number | null },
  now: number,
): Result<{ id: number }, MeetingCode> {
  const meeting = meetingForChange(deps.db, actor, meetingId);
  if (!meeting.ok) return meeting;
  if (!canEditPlan(meeting.value.status)) return fail("wrong_state");
  return commit(deps, (tx, emit) => {
    if (input.approvesMeetingId != null) {
      // Minutes of an earlier closed meeting of this space, not approved yet, and not already on this agenda.
      const target = tx.select().from(meetings).where(eq(meetings.id, input.approvesMeetingId)).get();
      if (input.kind !== "minutes_approval" || !target || target.spaceId !== meeting.value.spaceId || target.startsAt >= meeting.value.startsAt) return fail("not_found");
      if (target.status !== "closed") return fail("wrong_state");
      if (target.minutesApprovedAt !== null) return fail("minutes_approved");
      const twice = tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.approvesMeetingId, target.id), isNull(agendaItems.withdrawnAt)))
        .get();
      if (twice) return fail("already_on_agenda");
    }
    const last = tx.select({ position: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get();
    const inserted = tx.insert(agendaItems).values({ ...input, meetingId, position: (last?.position ?? 0) + 1, createdAt: now }).returning({ id: agendaItems.id }).get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "agenda.add", spaceId: meeting.value.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...input, id: inserted.id } });
    emit({ type: "meeting.planChanged", meetingId });
    return ok({ id: inserted.id });
  });
}

function agendaItemOf(db: Db, actor: Actor | null, itemId: number) {
  const item = db.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), isNull(agendaItems.withdrawnAt))).get();
  if (!item) return fail("not_found" as const);
  const meeting = meetingForChange(db, actor, item.meetingId);
  if (!meeting.ok) return meeting;
  if (!canEditPlan(meeting.value.status)) return fail("wrong_state" as const);
  return ok({ ...item, spaceId: meeting.value.spaceId });
}

/**
 * Takes an item off the agenda. Before the meeting opens it is deleted; once live it is
 * withdrawn, so the time spent on it and the turns taken on it keep their item. The item
 * under discussion cannot be withdrawn: the console moves on first.
 */
export function removeAgendaItem(deps: Deps, actor: Actor | null, itemId: number, now: number): Result<null, MeetingCode> {
  const item = agendaItemOf(deps.db, actor, itemId);
  if (!item.ok) return item;
  return commit<null, MeetingCode>(deps, (tx, emit) => {
    const meeting = tx.select({ status: meetings.status, spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, item.value.meetingId)).get()!;
    if (meeting.status === "planned") {
      tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    } else {
      const current = tx.select({ id: meetingSessions.currentItemId }).from(meetingSessions).where(eq(meetingSessions.meetingId, item.value.meetingId)).get();
      if (current?.id === itemId) return fail("current_item");
      tx.update(agendaItems).set({ withdrawnAt: now }).where(eq(agendaItems.id, itemId)).run();
    }
    appendAudit(tx, { at: now, actorId: actor!.userId, action: meeting.status === "planned" ? "agenda.remove" : "agenda.withdraw", spaceId: meeting.spaceId, subjectType: "meeting", subjectId: item.value.meetingId, before: item.value });
    emit({ type: "meeting.planChanged", meetingId: item.value.meetingId });
    return ok(null);
  });
}

/** Swaps an item with its neighbour above or below. */
export function moveAgendaItem(deps: Deps, actor: Actor | null, itemId: number, direction: "up" | "down", now: number): Result<null, MeetingCode> {
  const item = agendaItemOf(deps.db, actor, itemId);
  if (!item.ok) return item;
  const items = deps.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, item.value.meetingId), isNull(agendaItems.withdrawnAt)))
    .orderBy(asc(agendaItems.position))
    .all();
  const index = items.findIndex((i) => i.id === itemId);
  const other = items[direction === "up" ? index - 1 : index + 1];
  if (!other) return ok(null);
  return commit(deps, (tx, emit) => {
    tx.update(agendaItems).set({ position: other.position }).where(eq(agendaItems.id, item.value.id)).run();
    tx.update(agendaItems).set({ position: item.value.position }).where(eq(agendaItems.id, other.id)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "agenda.move", spaceId: item.value.spaceId, subjectType: "meeting", subjectId: item.value.meetingId, after: { itemId, direction } });
    emit({ type: "meeting.planChanged", meetingId: item.value.meetingId });
    return ok(null);
  });
}

export interface AttendanceInput {
  personId: number | null;
  name: string;
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
  disability: boolean;
  organisationId: number | null;
  role: AttendanceRole;
}

/** After closing, only an administrator corrects attendance (audited like everything else). */
function attendanceWritable(meeting: MeetingRow, actor: Actor | null): boolean {
  return canChangeAttendance(meeting.status, { admin: isAdmin(actor) });
}

/** An attendee speaks for an organisation that is, or was, a member of the meeting's space. */
function organisationKnown(db: Db, spaceId: number, organisationId: number | null): boolean {
  if (organisationId === null) return true;
  return !!attendanceReads(db).member.get({ spaceId, organisationId });
}

/**
 * Records who came. `entryKey`, a walk-in's key drawn by the door's page: the same walk-in sent
 * again (its socket's answer lost, then its form's post) is answered with the row it wrote.
 */
export function recordAttendance(deps: Deps, actor: Actor | null, meetingId: number, input: AttendanceInput, now: number, entryKey: string | null = null): Result<{ id: number }, MeetingCode> {
  const { db } = deps;
  // As meetingForChange, through the prepared read: this is the door's hottest path.
  const meeting = meetingRow(db, meetingId);
  if (!meeting) return fail("not_found");
  if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return fail("forbidden");
  if (!attendanceWritable(meeting, actor)) return fail(meeting.status === "closed" ? "locked" : "wrong_state");
  if (!organisationKnown(db, meeting.spaceId, input.organisationId)) return fail("not_member");
  if (input.personId !== null && isPresent(db, meetingId, input.personId)) return fail("already_present");
  return commit(deps, (tx, emit) => {
    // Read in the transaction, which holds the write lock: no other process records it meanwhile.
    const earlier = entryKey === null ? undefined : attendanceReads(db).entry.get({ meetingId, entryKey });
    if (earlier) return ok({ id: earlier.id });
    const id = insertAttendance(db, { ...input, meetingId, at: now, recordedBy: actor!.userId, entryKey });
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.record", spaceId: meeting.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...input, id } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ id });
  });
}

export function correctAttendance(deps: Deps, actor: Actor | null, attendanceId: number, input: Omit<AttendanceInput, "personId">, now: number): Result<null, MeetingCode> {
  const { db } = deps;
  const row = db.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
  if (!row) return fail("not_found");
  const meeting = meetingForChange(db, actor, row.meetingId);
  if (!meeting.ok) return meeting;
  if (!attendanceWritable(meeting.value, actor)) return fail("locked");
  if (!organisationKnown(db, meeting.value.spaceId, input.organisationId)) return fail("not_member");
  return commit(deps, (tx, emit) => {
    tx.update(attendance).set(input).where(eq(attendance.id, attendanceId)).run();
    const { id: _id, createdAt: _c, recordedBy: _r, ...before } = row;
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.correct", spaceId: meeting.value.spaceId, subjectType: "meeting", subjectId: row.meetingId, before, after: { ...input, id: attendanceId } });
    emit({ type: "attendance.changed", meetingId: row.meetingId });
    return ok(null);
  });
}

export function removeAttendance(deps: Deps, actor: Actor | null, attendanceId: number, now: number): Result<null, MeetingCode> {
  const { db } = deps;
  const row = db.select().from(attendance).where(eq(attendance.id, attendanceId)).get();
  if (!row) return fail("not_found");
  const meeting = meetingForChange(db, actor, row.meetingId);
  if (!meeting.ok) return meeting;
  if (!attendanceWritable(meeting.value, actor)) return fail("locked");
  const turns = db.select({ state: speakingTurns.state }).from(speakingTurns).where(eq(speakingTurns.attendanceId, attendanceId)).all();
  // Who has spoken stays on the list: the record of turns points at them.
  if (turns.some((t) => t.state === "speaking" || t.state === "done")) return fail("has_spoken");
  return commit(deps, (tx, emit) => {
    tx.delete(speakingTurns).where(eq(speakingTurns.attendanceId, attendanceId)).run();
    tx.delete(attendance).where(eq(attendance.id, attendanceId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.remove", spaceId: meeting.value.spaceId, subjectType: "meeting", subjectId: row.meetingId, before: row });
    emit({ type: "attendance.changed", meetingId: row.meetingId });
    return ok(null);
  });
}

export function getMeeting(db: Db, meetingId: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  return {
    ...meeting,
    agenda: db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.withdrawnAt))).orderBy(asc(agendaItems.position)).all(),
    facilitators: db
      .select({ id: users.id, name: users.name })
      .from(meetingFacilitators)
      .innerJoin(users, eq(users.id, meetingFacilitators.userId))
      .where(eq(meetingFacilitators.meetingId, meetingId))
      .all(),
    authorities: db
      .select({ id: authorities.id, name: authorities.name })
      .from(meetingAuthorities)
      .innerJoin(authorities, eq(authorities.id, meetingAuthorities.authorityId))
      .where(eq(meetingAuthorities.meetingId, meetingId))
      .all(),
  };
}

export type Meeting = NonNullable<ReturnType<typeof getMeeting>>;

/**
 * A space's meetings as its page lists them: upcoming (soonest first) and past (latest
 * first). Unpublished meetings only for who may see them (the space's members).
 */
export function listMeetings(db: Db, spaceId: number, now: number, viewer: { seesUnpublished: boolean } = { seesUnpublished: false }) {
  const rows = db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status, kind: meetings.kind, published: meetings.published })
    .from(meetings)
    .where(and(eq(meetings.spaceId, spaceId), viewer.seesUnpublished ? undefined : eq(meetings.published, true)))
    .orderBy(desc(meetings.startsAt))
    .all()
    .map(({ published: _p, ...m }) => m);
  const isUpcoming = (m: (typeof rows)[number]) => m.startsAt >= now - 12 * 3600_000 && (m.status === "planned" || m.status === "live");
  return { upcoming: rows.filter(isUpcoming).reverse(), past: rows.filter((m) => !isUpcoming(m)) };
}

/**
 * A meeting's attendance as recorded at the door, with what decides whether a person may be
 * named publicly (their consent, their birth year, whether they hold a mandate). Internal:
 * pages pick from it by audience (`attendeesFor` in `views.ts`).
 */
export function listAttendance(db: Db, meetingId: number, since = 0) {
  return attendanceReads(db)
    .list.all({ meetingId, since })
    .map((r) => ({ ...r, ageGroup: r.ageGroup as AgeGroupId | null, namedPublicly: r.namedPublicly ?? false, official: r.personId !== null && r.official }));
}

/** What a meeting's figures count of each row (`attendanceFigures`), and no more: read after every check-in. */
export function attendanceCounted(db: Db, meetingId: number) {
  return attendanceReads(db)
    .counted.all({ meetingId })
    .map((r) => ({ ...r, ageGroup: r.ageGroup as AgeGroupId | null }));
}

/** What an attendance row's figures count (the list shows more; a report's dataset reads the same). */
export const attendanceCountedColumns = {
  id: attendance.id,
  personId: attendance.personId,
  name: attendance.name,
  sex: attendance.sex,
  ageGroup: attendance.ageGroup,
  disability: attendance.disability,
  organisationId: attendance.organisationId,
  role: attendance.role,
};

/**
 * What a check-in reads, and the list read again after each one (the door's answer, the live
 * figures), prepared once per database: at a rush, building these queries anew for each
 * person costs more than running them.
 */
function prepareAttendanceReads(db: Db) {
  const meetingId = sql.placeholder("meetingId");
  return {
    list: db
      .select({
        ...attendanceCountedColumns,
        arrivedAt: attendance.arrivedAt,
        organisationName: organisations.name,
        organisationAcronym: organisations.acronym,
        namedPublicly: people.namedPublicly,
        birthYear: people.birthYear,
        personAgeGroup: people.ageGroup,
        official: sql<boolean>`${attendance.personId} in (select ${officials.personId} from ${officials})`.mapWith(Boolean),
      })
      .from(attendance)
      .leftJoin(organisations, eq(organisations.id, attendance.organisationId))
      .leftJoin(people, eq(people.id, attendance.personId))
      // `since`: only the rows recorded after that one (0: all of them).
      .where(and(eq(attendance.meetingId, meetingId), gt(attendance.id, sql.placeholder("since"))))
      .orderBy(asc(attendance.arrivedAt), asc(attendance.id))
      .prepare(),
    counted: db
      .select(attendanceCountedColumns)
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .prepare(),
    meeting: db.select().from(meetings).where(eq(meetings.id, meetingId)).prepare(),
    member: db
      .select({ id: spaceMemberships.id })
      .from(spaceMemberships)
      .where(and(eq(spaceMemberships.spaceId, sql.placeholder("spaceId")), eq(spaceMemberships.organisationId, sql.placeholder("organisationId"))))
      .limit(1)
      .prepare(),
    present: db
      .select({ id: attendance.id })
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, sql.placeholder("personId"))))
      .prepare(),
    entry: db
      .select({ id: attendance.id })
      .from(attendance)
      .where(and(eq(attendance.meetingId, meetingId), eq(attendance.entryKey, sql.placeholder("entryKey"))))
      .prepare(),
    insert: db
      .insert(attendance)
      .values({
        meetingId,
        personId: sql.placeholder("personId"),
        name: sql.placeholder("name"),
        sex: sql.placeholder("sex"),
        ageGroup: sql.placeholder("ageGroup"),
        disability: sql.placeholder("disability"),
        organisationId: sql.placeholder("organisationId"),
        role: sql.placeholder("role"),
        arrivedAt: sql.placeholder("at"),
        recordedBy: sql.placeholder("recordedBy"),
        createdAt: sql.placeholder("at"),
        entryKey: sql.placeholder("entryKey"),
      })
      .returning({ id: attendance.id })
      .prepare(),
  };
}

const attendanceReads = preparedPer(prepareAttendanceReads);

/** Whether a known person is on a meeting's list already. */
export function isPresent(db: Db, meetingId: number, personId: number): boolean {
  return !!attendanceReads(db).present.get({ meetingId, personId });
}

/**
 * Writes a check-in's row; called inside the command's transaction (the prepared statement runs
 * on the same connection, so within it). Returns the row's id.
 */
export function insertAttendance(db: Db, row: AttendanceInput & { meetingId: number; at: number; recordedBy: string; entryKey?: string | null }): number {
  const { personId, name, sex, ageGroup, disability, organisationId, role, meetingId, at, recordedBy, entryKey = null } = row;
  return attendanceReads(db).insert.get({ personId, name, sex, ageGroup, disability, organisationId, role, meetingId, at, recordedBy, entryKey })!.id;
}

/** A meeting as stored, read through the prepared statement of the check-in path. */
export function meetingRow(db: Db, meetingId: number): MeetingRow | undefined {
  return attendanceReads(db).meeting.get({ meetingId });
}

/** Attendance of a space's meetings held between two instants, for exports. */
export function listSpaceAttendance(db: Db, spaceId: number, from: number, to: number) {
  return db
    .select({ row: attendance, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt, organisationName: organisations.name })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .leftJoin(organisations, eq(organisations.id, attendance.organisationId))
    .where(and(eq(meetings.spaceId, spaceId), gte(meetings.startsAt, from), lt(meetings.startsAt, to)))
    .orderBy(asc(meetings.startsAt), asc(attendance.arrivedAt))
    .all();
}

/** When a meeting's minutes were approved, and at which meeting if at another one (its title and date). */
export function minutesApproval(db: Db, meeting: { minutesApprovedAt: number | null; minutesApprovedInMeetingId: number | null }) {
  if (meeting.minutesApprovedAt === null) return null;
  const at = meeting.minutesApprovedInMeetingId === null
    ? null
    : db.select({ title: meetings.title, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.id, meeting.minutesApprovedInMeetingId)).get() ?? null;
  return { approvedAt: meeting.minutesApprovedAt, inMeeting: at };
}
