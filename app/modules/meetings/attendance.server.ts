import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { attendance, auditLog, authorities, meetings, officials, people, spaceMemberships, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, isAdmin } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { localDate } from "../dates";
import { commit, type Deps } from "../deps.server";
import { searchKey } from "../geography/search-key";
export { matchesSearch } from "./attendance-search";
import { fail, ok, type Result } from "../result";
import { canChangeAttendance } from "./meeting-state";
import type { MeetingCode } from "./messages";
import { ageGroupOf, type AgeGroupId } from "../people/age-groups";
import { listDelegates } from "../people/people.server";
import { attendanceFigures, possibleDuplicates } from "./attendance-figures";
import { listAttendance } from "./meetings.server";

/** What a meeting's figures are counted against: its space's member organisations and quorum. */
export function meetingFiguresInput(db: Db, meeting: { spaceId: number }) {
  const space = db.select({ quorumPercent: spaces.quorumPercent }).from(spaces).where(eq(spaces.id, meeting.spaceId)).get()!;
  const memberOrganisationIds = db
    .select({ id: spaceMemberships.organisationId })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, meeting.spaceId), isNull(spaceMemberships.leftOn)))
    .all()
    .map((m) => m.id);
  return { memberOrganisationIds, quorumPercent: space.quorumPercent };
}

/** The figures of a meeting as the panel, the printable page and exports show them. */
export function meetingFigures(db: Db, meeting: { id: number; spaceId: number }) {
  const rows = listAttendance(db, meeting.id);
  return {
    rows,
    figures: attendanceFigures({ rows, ...meetingFiguresInput(db, meeting) }),
    duplicates: possibleDuplicates(rows),
  };
}

export type MeetingFigures = ReturnType<typeof meetingFigures>["figures"];

/** The known people of a space who may be ticked present: its delegates and its officials. */
export function attendanceCandidates(db: Db, space: { id: number; communeCode: string }, now: number) {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const delegates = listDelegates(db, space.id, today).map((d) => ({
    personId: d.personId,
    name: d.name,
    sex: d.sex,
    ageGroup: d.ageGroup,
    disability: d.disability,
    organisationId: d.organisationId as number | null,
    organisationName: d.organisationAcronym ?? d.organisationName,
    role: "delegate" as const,
    searchKey: searchKey([d.name, d.organisationAcronym ?? "", d.organisationName ?? ""].join(" ")),
  }));
  const officialRows = db
    .select({ person: people, authorityName: authorities.name, title: officials.title })
    .from(officials)
    .innerJoin(people, eq(people.id, officials.personId))
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .where(eq(authorities.communeCode, space.communeCode))
    .all()
    .map(({ person, authorityName, title }) => ({
      personId: person.id,
      name: person.name,
      sex: person.sex,
      ageGroup: ageGroupOf(person, year) as AgeGroupId | null,
      disability: person.disability,
      organisationId: null,
      organisationName: `${title} · ${authorityName}`,
      role: "official" as const,
      searchKey: searchKey([person.name, title, authorityName].join(" ")),
    }));
  return [...delegates, ...officialRows];
}

/**
 * The institution of each official on a meeting's list ("Membre du CASEC · CASEC de la 1re
 * section"), by attendance row: officials are named with what they hold, on every page.
 */
export function officialInstitutions(db: Db, rows: readonly { id: number; personId: number | null; role: string }[]): Map<number, string> {
  const officialRows = rows.filter((r) => r.role === "official" && r.personId !== null);
  if (officialRows.length === 0) return new Map();
  const mandates = db
    .select({ personId: officials.personId, title: officials.title, authorityName: authorities.name })
    .from(officials)
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .where(inArray(officials.personId, officialRows.map((r) => r.personId!)))
    .all();
  const byPerson = new Map<number, string>();
  for (const m of mandates) if (!byPerson.has(m.personId)) byPerson.set(m.personId, `${m.title} · ${m.authorityName}`);
  return new Map(officialRows.filter((r) => byPerson.has(r.personId!)).map((r) => [r.id, byPerson.get(r.personId!)!]));
}

/** The row as the removal's audit entry kept it: enough to put it back as it was. */
interface RemovedRow {
  id: number;
  meetingId: number;
  personId: number | null;
  name: string;
  sex: string | null;
  ageGroup: string | null;
  disability: boolean;
  organisationId: number | null;
  role: string;
  arrivedAt: number;
  recordedBy: string | null;
  createdAt: number;
}

/**
 * Undoes a removal from the door's list: the row comes back as it was, with its id and its
 * arrival time, from what the removal's audit entry kept. Answers as the first time when the
 * row is already back (a second tap, a re-post). Refused when the person was checked in
 * again meanwhile (already present) or when nothing was removed.
 */
export function restoreAttendance(deps: Deps, actor: Actor | null, meetingId: number, attendanceId: number, now: number): Result<{ name: string }, MeetingCode> {
  const { db } = deps;
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  if (!can(actor, "meeting.run", meeting)) return fail("forbidden");
  if (!canChangeAttendance(meeting.status, { admin: isAdmin(actor) })) return fail(meeting.status === "closed" ? "locked" : "wrong_state");
  const existing = db.select({ id: attendance.id, name: attendance.name, meetingId: attendance.meetingId }).from(attendance).where(eq(attendance.id, attendanceId)).get();
  if (existing) return existing.meetingId === meetingId ? ok({ name: existing.name }) : fail("not_found");
  const removed = db
    .select({ before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.action, "attendance.remove"), eq(auditLog.subjectType, "meeting"), eq(auditLog.subjectId, String(meetingId))))
    .orderBy(desc(auditLog.id))
    .all()
    .map((e) => e.before as RemovedRow | null)
    .find((row) => row?.id === attendanceId && row.meetingId === meetingId);
  if (!removed) return fail("not_found");
  if (removed.personId !== null && db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, removed.personId))).get()) {
    return fail("already_present");
  }
  return commit<{ name: string }, MeetingCode>(deps, (tx, emit) => {
    const row = {
      id: removed.id,
      meetingId,
      personId: removed.personId,
      name: removed.name,
      sex: removed.sex,
      ageGroup: removed.ageGroup,
      disability: removed.disability,
      organisationId: removed.organisationId,
      role: removed.role,
      arrivedAt: removed.arrivedAt,
      recordedBy: removed.recordedBy,
      createdAt: removed.createdAt,
    } as typeof attendance.$inferInsert;
    tx.insert(attendance).values(row).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "attendance.record", spaceId: meeting.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...row, restored: true } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ name: removed.name });
  });
}
