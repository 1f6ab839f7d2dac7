import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { attendance, meetings, people } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, rolesIn } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { commit, type Deps } from "../deps.server";
import { ageGroupOf, type AgeGroupId } from "../people/age-groups";
import { fail, ok, type Result } from "../result";
import { getSpace } from "../spaces/spaces.server";
import { openForArrivals, selfCheckInPath, selfCheckInState, type SelfCheckInState } from "./arrivals";
import { attendanceCandidates } from "./attendance.server";
import type { SelfCheckInCode } from "./door-codes";
import type { AttendanceRole } from "./kinds";
import type { AttendanceInput } from "./meetings.server";
import { qrCode, type QrCode } from "./qr-code.server";
import { meetingYear } from "./views";

type MeetingRow = typeof meetings.$inferSelect;

/**
 * Who the signed-in account is at this meeting, if it may check itself in: a delegate seated
 * in the space or an official of its commune (the door's own list), or a person holding a
 * role in the space (then as a facilitator, an official or an observer). Null otherwise.
 */
function selfAttendee(db: Db, actor: Actor | null, meeting: MeetingRow, now: number): AttendanceInput | null {
  if (!actor?.personId) return null;
  const space = getSpace(db, meeting.spaceId);
  if (!space) return null;
  const known = attendanceCandidates(db, space, now).find((c) => c.personId === actor.personId);
  if (known) {
    const { personId, name, sex, ageGroup, disability, organisationId, role } = known;
    return { personId, name, sex, ageGroup, disability, organisationId, role };
  }
  if (!can(actor, "meeting.attend", { spaceId: meeting.spaceId })) return null;
  const person = db.select().from(people).where(eq(people.id, actor.personId)).get();
  if (!person) return null;
  const roles = rolesIn(actor, meeting.spaceId);
  const role: AttendanceRole = roles.includes("facilitator") ? "facilitator" : roles.includes("official") ? "official" : "observer";
  return {
    personId: person.id,
    name: person.name,
    sex: person.sex,
    ageGroup: ageGroupOf(person, meetingYear(meeting.startsAt)) as AgeGroupId | null,
    disability: person.disability,
    organisationId: null,
    role,
  };
}

const present = (db: Db, meetingId: number, personId: number) =>
  !!db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, personId))).get();

/**
 * What the self check-in page shows: the meeting (its title only to who may see it) and where
 * the account stands. Reads only: a GET never checks anyone in.
 */
export function getSelfCheckIn(db: Db, actor: Actor | null, meetingId: number, now: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  const who = selfAttendee(db, actor, meeting, now);
  const state: SelfCheckInState = selfCheckInState({
    hasPerson: !!actor?.personId,
    allowed: who !== null,
    present: who !== null && present(db, meeting.id, who.personId!),
    open: openForArrivals(meeting, now),
  });
  const shown = who !== null || can(actor, "meeting.see", meeting);
  return {
    meeting: shown ? { id: meeting.id, spaceId: meeting.spaceId, title: meeting.title, startsAt: meeting.startsAt, place: meeting.place, status: meeting.status } : null,
    name: who?.name ?? null,
    state,
  };
}

/**
 * Checks the signed-in delegate (or official) in, once, for this meeting only, while it is
 * open for arrivals. The row is what the door would record for her; the audit says she did it.
 */
export function checkInSelf(deps: Deps, actor: Actor | null, meetingId: number, now: number): Result<{ id: number }, SelfCheckInCode> {
  const { db } = deps;
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return fail("not_found");
  if (!actor?.personId) return fail("no_person");
  const who = selfAttendee(db, actor, meeting, now);
  if (!who) return fail("not_allowed");
  return commit(deps, (tx, emit) => {
    // Checked again inside the transaction: two taps (or two phones) record one row.
    if (tx.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, who.personId!))).get()) return fail("already_present");
    const current = tx.select({ status: meetings.status, startsAt: meetings.startsAt, startedAt: meetings.startedAt }).from(meetings).where(eq(meetings.id, meetingId)).get()!;
    if (!openForArrivals(current, now)) return fail("not_open");
    const inserted = tx.insert(attendance).values({ ...who, meetingId, arrivedAt: now, recordedBy: actor.userId, createdAt: now }).returning({ id: attendance.id }).get();
    appendAudit(tx, { at: now, actorId: actor.userId, action: "attendance.selfCheckIn", spaceId: meeting.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...who, id: inserted.id } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ id: inserted.id });
  });
}

/** The meeting's self check-in link at the address phones reach, and its QR code: for the door page and the printed sheet. */
export function selfCheckInLink(origin: string, meetingId: number): { url: string; qr: QrCode } {
  const url = new URL(selfCheckInPath(meetingId), origin).href;
  return { url, qr: qrCode(url) };
}
