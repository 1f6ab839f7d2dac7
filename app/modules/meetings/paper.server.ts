import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { attendance, meetings } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, isAdmin } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { commit, type Deps } from "../deps.server";
import { listMemberOptions } from "../organisations/organisations.server";
import { fail, ok, type Result } from "../result";
import { getSpace } from "../spaces/spaces.server";
import { attendanceCandidates } from "./attendance.server";
import type { PaperCode } from "./door-codes";
import { canChangeAttendance } from "./meeting-state";
import type { AttendanceInput } from "./meetings.server";
import { readSheetLines, type LineProblem, type RawLine } from "./paper-sheet";

type MeetingRow = typeof meetings.$inferSelect;

/**
 * What the A4 sheet and its entry screen list: the space's delegates and officials (whether
 * each is already on the list), and the member organisations the blank lines may name.
 */
export function getPaperSheet(db: Db, meeting: Pick<MeetingRow, "id" | "spaceId">, now: number) {
  const space = getSpace(db, meeting.spaceId)!;
  const present = new Set(
    db
      .select({ personId: attendance.personId })
      .from(attendance)
      .where(eq(attendance.meetingId, meeting.id))
      .all()
      .map((r) => r.personId),
  );
  const known = attendanceCandidates(db, space, now)
    .map((c) => ({ personId: c.personId, name: c.name, organisationName: c.organisationName, role: c.role, present: present.has(c.personId) }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name, "fr") : a.role === "delegate" ? -1 : 1));
  return { known, organisations: listMemberOptions(db, space.id) };
}

export type PaperResult = Result<{ recorded: number; alreadyPresent: number }, PaperCode> | { ok: false; code: "bad_lines"; problems: { line: number; problems: LineProblem[] }[] };

/**
 * A paper sheet re-entered: the known people ticked and the filled lines, recorded together
 * in one transaction with one audit entry, or nothing at all. A line without sex or age group
 * is refused unless "prefers not to say" was chosen; every bad line is named. Someone already
 * on the list (checked in at the door or by phone) is not recorded twice.
 */
export function enterPaperSheet(deps: Deps, actor: Actor | null, meetingId: number, input: { personIds: readonly number[]; lines: readonly RawLine[] }, now: number): PaperResult {
  const { db } = deps;
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return fail("forbidden");
  if (!canChangeAttendance(meeting.status, { admin: isAdmin(actor) })) return fail("locked");
  const space = getSpace(db, meeting.spaceId)!;
  const organisationIds = new Set(listMemberOptions(db, space.id).map((o) => o.id));
  const read = readSheetLines(input.lines, organisationIds);
  if (read.problems.length > 0) return { ok: false, code: "bad_lines", problems: read.problems };
  const candidates = new Map(attendanceCandidates(db, space, now).map((c) => [c.personId, c]));
  const wanted = [...new Set(input.personIds)];
  if (wanted.some((id) => !candidates.has(id))) return fail("not_candidate");
  // The sheet does not say when each person arrived: the session's start, if it has begun.
  const arrivedAt = Math.min(now, meeting.startedAt ?? meeting.startsAt);
  return commit(deps, (tx, emit) => {
    const present = new Set(
      tx
        .select({ personId: attendance.personId })
        .from(attendance)
        .where(eq(attendance.meetingId, meetingId))
        .all()
        .map((r) => r.personId),
    );
    const rows: AttendanceInput[] = [];
    for (const id of wanted) {
      if (present.has(id)) continue;
      const { personId, name, sex, ageGroup, disability, organisationId, role } = candidates.get(id)!;
      rows.push({ personId, name, sex, ageGroup, disability, organisationId, role });
    }
    for (const line of read.lines) rows.push({ personId: null, name: line.name, sex: line.sex, ageGroup: line.ageGroup, disability: line.disability, organisationId: line.organisationId, role: "observer" });
    if (rows.length === 0) return ok({ recorded: 0, alreadyPresent: wanted.length });
    const ids = rows.map((row) => tx.insert(attendance).values({ ...row, meetingId, arrivedAt, recordedBy: actor!.userId, createdAt: now }).returning({ id: attendance.id }).get().id);
    appendAudit(tx, {
      at: now,
      actorId: actor!.userId,
      action: "attendance.paperEntry",
      spaceId: meeting.spaceId,
      subjectType: "meeting",
      subjectId: meetingId,
      after: { rows: rows.map((row, i) => ({ ...row, id: ids[i] })) },
    });
    emit({ type: "attendance.changed", meetingId });
    return ok({ recorded: rows.length, alreadyPresent: wanted.length - (rows.length - read.lines.length) });
  });
}
