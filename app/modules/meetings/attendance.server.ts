import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { containsEveryWord, defineTextFunction, preparedPer, type Db } from "../../../db/client";
import { attendance, auditLog, authorities, delegateSeats, meetings, officials, organisations, people, spaceMemberships, spaces } from "../../../db/schema/index";
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
import { attendanceFigures, possibleDuplicates, type AttendanceFigures } from "./attendance-figures";
import { attendanceCounted, listAttendance, recordAttendance, type AttendanceInput } from "./meetings.server";
import { attendeesFor, meetingYear, type AttendeeView } from "./views";
import { audienceIn, type Audience } from "../spaces/audience";

/**
 * The door's reads, prepared once per database: at a check-in rush, building the drizzle
 * queries anew for each person costs more than running them. The search compares search keys
 * (`searchKey`: accents, case and hyphens aside) through `search_key`, the same function made
 * callable from SQL on this connection.
 */
function prepareDoorReads(db: Db) {
  defineTextFunction(db, "search_key", searchKey);
  const spaceId = sql.placeholder("spaceId");
  const communeCode = sql.placeholder("communeCode");
  const meetingId = sql.placeholder("meetingId");
  const personId = sql.placeholder("personId");
  const today = sql.placeholder("today");
  const words = sql.placeholder("words");
  const limit = sql.placeholder("limit");
  const seated = and(eq(delegateSeats.spaceId, spaceId), lte(delegateSeats.fromDate, today), or(isNull(delegateSeats.toDate), gte(delegateSeats.toDate, today)));
  // Within an organisation, titular delegates before substitutes.
  const delegateOrder = [asc(organisations.name), asc(organisations.id), sql`case ${delegateSeats.seat} when 'titular' then 0 else 1 end`, asc(people.name)];
  const absent = sql`${people.id} not in (select ${attendance.personId} from ${attendance} where ${attendance.meetingId} = ${meetingId} and ${attendance.personId} is not null)`;
  // Every word typed (a JSON array of search keys) is found in the candidate's key.
  const matches = (key: SQL) => containsEveryWord(key, words);
  const person = { personId: people.id, name: people.name, sex: people.sex, birthYear: people.birthYear, ageGroup: people.ageGroup, disability: people.disability };
  return {
    quorumPercent: db.select({ quorumPercent: spaces.quorumPercent }).from(spaces).where(eq(spaces.id, spaceId)).prepare(),
    memberOrganisations: db
      .select({ id: spaceMemberships.organisationId })
      .from(spaceMemberships)
      .where(and(eq(spaceMemberships.spaceId, spaceId), isNull(spaceMemberships.leftOn)))
      .prepare(),
    delegate: db
      .select({ ...person, organisationId: delegateSeats.organisationId })
      .from(delegateSeats)
      .innerJoin(people, eq(people.id, delegateSeats.personId))
      .innerJoin(organisations, eq(organisations.id, delegateSeats.organisationId))
      .where(and(seated, eq(delegateSeats.personId, personId)))
      .orderBy(...delegateOrder)
      .limit(1)
      .prepare(),
    official: db
      .select(person)
      .from(officials)
      .innerJoin(people, eq(people.id, officials.personId))
      .innerJoin(authorities, eq(authorities.id, officials.authorityId))
      .where(and(eq(officials.personId, personId), eq(authorities.communeCode, sql`(select ${spaces.communeCode} from ${spaces} where ${spaces.id} = ${spaceId})`)))
      .limit(1)
      .prepare(),
    searchDelegates: db
      .select({
        personId: people.id,
        name: people.name,
        organisationName: sql<string>`coalesce(${organisations.acronym}, ${organisations.name})`,
        total: sql<number>`count(*) over ()`,
      })
      .from(delegateSeats)
      .innerJoin(people, eq(people.id, delegateSeats.personId))
      .innerJoin(organisations, eq(organisations.id, delegateSeats.organisationId))
      .where(and(seated, absent, matches(sql`search_key(${people.name} || ' ' || coalesce(${organisations.acronym}, '') || ' ' || ${organisations.name})`)))
      .orderBy(...delegateOrder)
      .limit(limit)
      .prepare(),
    searchOfficials: db
      .select({
        personId: people.id,
        name: people.name,
        organisationName: sql<string>`${officials.title} || ' · ' || ${authorities.name}`,
        total: sql<number>`count(*) over ()`,
      })
      .from(officials)
      .innerJoin(people, eq(people.id, officials.personId))
      .innerJoin(authorities, eq(authorities.id, officials.authorityId))
      .where(and(eq(authorities.communeCode, communeCode), absent, matches(sql`search_key(${people.name} || ' ' || ${officials.title} || ' ' || ${authorities.name})`)))
      .orderBy(asc(people.name), asc(officials.id))
      .limit(limit)
      .prepare(),
  };
}

const doorReads = preparedPer(prepareDoorReads);

/** What a meeting's figures are counted against: its space's member organisations and quorum. */
export function meetingFiguresInput(db: Db, meeting: { spaceId: number }) {
  const reads = doorReads(db);
  const space = reads.quorumPercent.get({ spaceId: meeting.spaceId })!;
  const memberOrganisationIds = reads.memberOrganisations.all({ spaceId: meeting.spaceId }).map((m) => m.id);
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

/**
 * The known person the door (or her own phone) checks in, as the door records her: a delegate
 * seated in the space today (with the organisation of her first seat, as the door lists them)
 * or an official of an authority of its commune. Null for anyone else.
 */
export function attendanceCandidate(db: Db, spaceId: number, personId: number, now: number): AttendanceInput | null {
  const today = localDate(now);
  const reads = doorReads(db);
  const delegate = reads.delegate.get({ spaceId, personId, today });
  const known = delegate ?? reads.official.get({ spaceId, personId });
  if (!known) return null;
  return {
    personId: known.personId,
    name: known.name,
    sex: known.sex,
    ageGroup: ageGroupOf(known, Number(today.slice(0, 4))) as AgeGroupId | null,
    disability: known.disability,
    organisationId: delegate ? delegate.organisationId : null,
    role: delegate ? "delegate" : "official",
  };
}

/**
 * The known people not yet on a meeting's list who answer the door's search (every word typed
 * found in their name, their organisation's acronym or name, or an official's title and
 * institution; all of them without a search): delegates first, at most `limit`, and how many
 * more there are. Only what the door shows of each.
 */
export function searchAttendanceCandidates(db: Db, input: { spaceId: number; communeCode: string; meetingId: number; query: string; limit: number; now: number }) {
  const reads = doorReads(db);
  const words = JSON.stringify(searchKey(input.query).split(" ").filter(Boolean));
  const params = { spaceId: input.spaceId, communeCode: input.communeCode, meetingId: input.meetingId, today: localDate(input.now), words, limit: input.limit };
  const delegates = reads.searchDelegates.all(params);
  // At least one official read, for their count.
  const officialRows = reads.searchOfficials.all({ ...params, limit: Math.max(1, input.limit - delegates.length) });
  const total = (delegates[0]?.total ?? 0) + (officialRows[0]?.total ?? 0);
  const shown = [...delegates, ...officialRows].slice(0, input.limit).map(({ personId, name, organisationName }) => ({ personId, name, organisationName }));
  return { candidates: shown, more: total - shown.length };
}

/**
 * The door's list of who came, as `audience` sees it (officials named with their institution),
 * and the meeting's figures. With `since`, only the rows recorded after that one: what a page
 * showing the list up to it lacks after a check-in; `count` is then the whole list's length,
 * for the page to tell whether it lacks anything else (a removal elsewhere).
 */
export function doorList(db: Db, meeting: { id: number; spaceId: number; startsAt: number }, audience: Audience, since = 0): { rows: AttendeeView[]; count: number; figures: AttendanceFigures } {
  const fresh = listAttendance(db, meeting.id, since);
  // After a check-in, the figures count every row, read with only what they count.
  const counted = since > 0 ? attendanceCounted(db, meeting.id) : fresh;
  const figures = attendanceFigures({ rows: counted, ...meetingFiguresInput(db, meeting) });
  const institutions = officialInstitutions(db, fresh);
  const views = attendeesFor(audience, fresh, meetingYear(meeting.startsAt)).rows.map((r) => (institutions.has(r.id) ? { ...r, organisation: institutions.get(r.id)! } : r));
  return { rows: views, count: counted.length, figures };
}

/** What a check-in at the door brings its page: the rows it lacked, the length of the whole list, and the figures. */
export interface DoorCheckIn {
  rows: AttendeeView[];
  count: number;
  figures: AttendanceFigures;
}

/**
 * A known person checked in at the door, as its form posts it or its socket sends it: recorded,
 * then what the door's page, showing the list up to the row `since`, lacks (one exchange per
 * person at a rush, the page not read again).
 */
export function checkInAtDoor(deps: Deps, actor: Actor | null, meeting: { id: number; spaceId: number; startsAt: number }, personId: number, since: number, now: number): DoorCheckInResult {
  // Who may not check people in learns nothing of who could be.
  if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return fail("forbidden");
  const person = attendanceCandidate(deps.db, meeting.spaceId, personId, now);
  if (!person) return fail("not_found");
  const recorded = recordAttendance(deps, actor, meeting.id, person, now);
  if (recorded.ok) return ok({ name: person.name, change: doorChange(deps.db, actor, meeting, since) });
  // Already there (checked in at another door, or this tap's answer lost on its way and its
  // post come after it): said so, and the page is brought her row all the same.
  return recorded.code === "already_present" ? { ...recorded, change: doorChange(deps.db, actor, meeting, since) } : recorded;
}

/**
 * A walk-in recorded at the door, as its form posts it or its socket sends it, then what the
 * door's page lacks. `entryKey`: the walk-in's key drawn by the page (null from a page without
 * script), under which a second sending is answered with the row the first wrote.
 */
export function walkInAtDoor(
  deps: Deps,
  actor: Actor | null,
  meeting: { id: number; spaceId: number; startsAt: number },
  input: Omit<AttendanceInput, "personId">,
  entryKey: string | null,
  since: number,
  now: number,
): Result<{ name: string; change: DoorCheckIn }, MeetingCode> {
  const recorded = recordAttendance(deps, actor, meeting.id, { ...input, personId: null }, now, entryKey);
  return recorded.ok ? ok({ name: input.name, change: doorChange(deps.db, actor, meeting, since) }) : recorded;
}

/** A check-in at the door: recorded, or why not; a person already on the list comes with what the page lacks. */
export type DoorCheckInResult = Result<{ name: string; change: DoorCheckIn }, MeetingCode> | { ok: false; code: "already_present"; change: DoorCheckIn };

/** What the door's page, showing the list up to the row `since`, lacks after a check-in (a walk-in's too). */
export function doorChange(db: Db, actor: Actor | null, meeting: { id: number; spaceId: number; startsAt: number }, since: number): DoorCheckIn {
  const list = doorList(db, meeting, audienceIn(actor, meeting.spaceId), since);
  return { rows: list.rows, count: list.count, figures: list.figures };
}

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
