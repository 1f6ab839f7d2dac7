import { eq, sql } from "drizzle-orm";
import { preparedPer, type Db } from "../../../db/client";
import { meetings, people } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can, rolesIn } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { commit, type Deps } from "../deps.server";
import { ageGroupOf, type AgeGroupId } from "../people/age-groups";
import { fail, ok, type Result } from "../result";
import { openForArrivals, selfCheckInPath, selfCheckInState, type SelfCheckInState } from "./arrivals";
import { attendanceCandidate } from "./attendance.server";
import type { SelfCheckInCode } from "./door-codes";
import type { AttendanceRole } from "./kinds";
import { insertAttendance, isPresent, meetingRow, type AttendanceInput } from "./meetings.server";
import { qrCode, type QrCode } from "./qr-code.server";
import { meetingYear } from "./views";

type MeetingRow = typeof meetings.$inferSelect;

/** A self check-in's own read, prepared once per database (a rush at a meeting's start), the others being the door's. */
function prepareSelfReads(db: Db) {
  return { person: db.select().from(people).where(eq(people.id, sql.placeholder("id"))).prepare() };
}

const selfReads = preparedPer(prepareSelfReads);

/**
 * Who the signed-in account is at this meeting, if it may check itself in: a delegate seated
 * in the space or an official of its commune (the door's own list), or a person holding a
 * role in the space (then as a facilitator, an official or an observer). Null otherwise.
 */
function selfAttendee(db: Db, actor: Actor | null, meeting: MeetingRow, now: number): AttendanceInput | null {
  if (!actor?.personId) return null;
  const known = attendanceCandidate(db, meeting.spaceId, actor.personId, now);
  if (known) return known;
  if (!can(actor, "meeting.attend", { spaceId: meeting.spaceId })) return null;
  const person = selfReads(db).person.get({ id: actor.personId });
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

/**
 * What the self check-in page shows: the meeting (its title only to who may see it) and where
 * the account stands. Reads only: a GET never checks anyone in.
 */
export function getSelfCheckIn(db: Db, actor: Actor | null, meetingId: number, now: number) {
  const meeting = meetingRow(db, meetingId);
  if (!meeting) return null;
  const who = selfAttendee(db, actor, meeting, now);
  const state: SelfCheckInState = selfCheckInState({
    hasPerson: !!actor?.personId,
    allowed: who !== null,
    present: who !== null && isPresent(db, meeting.id, who.personId!),
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
  const meeting = meetingRow(db, meetingId);
  if (!meeting) return fail("not_found");
  if (!actor?.personId) return fail("no_person");
  const who = selfAttendee(db, actor, meeting, now);
  if (!who) return fail("not_allowed");
  return commit(deps, (tx, emit) => {
    // Checked again inside the transaction: two taps (or two phones) record one row.
    // (The prepared reads run on the transaction's connection, so inside it.)
    if (isPresent(db, meetingId, who.personId!)) return fail("already_present");
    const current = meetingRow(db, meetingId)!;
    if (!openForArrivals(current, now)) return fail("not_open");
    const id = insertAttendance(db, { ...who, meetingId, at: now, recordedBy: actor.userId });
    appendAudit(tx, { at: now, actorId: actor.userId, action: "attendance.selfCheckIn", spaceId: meeting.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...who, id } });
    emit({ type: "attendance.changed", meetingId });
    return ok({ id });
  });
}

/** The meeting's self check-in link at the address phones reach, and its QR code: for the door page and the printed sheet. */
export function selfCheckInLink(origin: string, meetingId: number): { url: string; qr: QrCode } {
  const url = new URL(selfCheckInPath(meetingId), origin).href;
  return { url, qr: qrCode(url) };
}
