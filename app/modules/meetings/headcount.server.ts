import { and, desc, eq, isNull, like } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { attendance, meetings, speakingTurns } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, isAdmin } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { commit, type Deps } from "../deps.server";
import { fail, ok, type Result } from "../result";
import type { HeadcountCode } from "./door-codes";
import { HEADCOUNT_PREFIX, headcountCounts, headcountName, lastTapOf, nextHeadcountNumber, type HeadcountCell } from "./headcount";
import { canChangeAttendance } from "./meeting-state";

type MeetingRow = typeof meetings.$inferSelect;

/** The meeting, if the actor keeps its attendance and the list is still open to changes. */
function meetingForCount(db: Db, actor: Actor | null, meetingId: number): Result<MeetingRow, HeadcountCode> {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return fail("forbidden");
  if (!canChangeAttendance(meeting.status, { admin: isAdmin(actor) })) return fail("locked");
  return ok(meeting);
}

const headcountRows = (db: Pick<Db, "select">, meetingId: number) =>
  db
    .select({ id: attendance.id, personId: attendance.personId, name: attendance.name, sex: attendance.sex, ageGroup: attendance.ageGroup, disability: attendance.disability })
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), isNull(attendance.personId), like(attendance.name, `${HEADCOUNT_PREFIX}%`)))
    .orderBy(desc(attendance.id))
    .all();

/** Taps per cell so far (`headcount.ts`, `cellKey`). */
export function getHeadcount(db: Db, meetingId: number): Record<string, number> {
  return headcountCounts(headcountRows(db, meetingId));
}

/**
 * One tap: one anonymous attendance row in that cell (no name, no organisation, an observer
 * of the meeting), counted in the same figures as the door's; screens follow.
 */
export function tapHeadcount(deps: Deps, actor: Actor | null, meetingId: number, cell: HeadcountCell, now: number): Result<{ id: number }, HeadcountCode> {
  const meeting = meetingForCount(deps.db, actor, meetingId);
  if (!meeting.ok) return meeting;
  return commit(deps, (tx, emit) => {
    const name = headcountName(nextHeadcountNumber(headcountRows(tx, meetingId).map((r) => r.name)));
    const row = { meetingId, personId: null, name, sex: cell.sex, ageGroup: cell.ageGroup, disability: cell.disability, organisationId: null, role: "observer" as const };
    const inserted = tx.insert(attendance).values({ ...row, arrivedAt: now, recordedBy: actor!.userId, createdAt: now }).returning({ id: attendance.id }).get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.headcount", spaceId: meeting.value.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...cell, id: inserted.id } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ id: inserted.id });
  });
}

/**
 * "−1": takes back the last tap of that cell that no one has spoken from (a counted row can be
 * put on the speakers' list; its turns stay in the record, so that row is kept).
 */
export function undoHeadcount(deps: Deps, actor: Actor | null, meetingId: number, cell: HeadcountCell, now: number): Result<{ id: number }, HeadcountCode> {
  const meeting = meetingForCount(deps.db, actor, meetingId);
  if (!meeting.ok) return meeting;
  return commit(deps, (tx, emit) => {
    const rows = headcountRows(tx, meetingId);
    const spoke = new Set(tx.select({ id: speakingTurns.attendanceId }).from(speakingTurns).where(eq(speakingTurns.meetingId, meetingId)).all().map((t) => t.id));
    const last = lastTapOf(rows.filter((r) => !spoke.has(r.id)), cell);
    if (!last) return fail(lastTapOf(rows, cell) ? "has_spoken" : "nothing_to_undo");
    tx.delete(attendance).where(eq(attendance.id, last.id)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.headcountUndo", spaceId: meeting.value.spaceId, subjectType: "meeting", subjectId: meetingId, before: { ...cell, id: last.id } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ id: last.id });
  });
}
