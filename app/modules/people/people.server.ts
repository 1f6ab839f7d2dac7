import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { delegateSeats, organisations, people, spaceMemberships } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { hashPassword } from "../auth/password.server";
import type { Actor, Role } from "../auth/roles";
import { spaceForRegister } from "../organisations/organisations.server";
import type { DelegateRow } from "../organisations/import-rows";
import { fail, ok, type Result } from "../result";
import { checkSeat, type SeatKind, type SeatPeriod, type SeatRefusal } from "../spaces/seats";
import { contactTaken, insertAccount } from "../users/users.server";
import { ageGroupOf } from "./age-groups";
import type { AccountFields, PersonInput } from "./people.schemas";

export type PeopleCode = "forbidden" | "space_not_found" | "not_found" | "not_member" | SeatRefusal | "email_taken" | "phone_taken";

export function insertPerson(tx: Tx, person: PersonInput, userId: string | null, now: number): number {
  return tx
    .insert(people)
    .values({ ...person, phone: person.phone ?? null, userId, createdAt: now })
    .returning({ id: people.id })
    .get().id;
}

/** Hashes the account's password before the transaction (better-sqlite3 transactions are synchronous). */
export async function prepareAccount(db: Db, person: PersonInput, account: AccountFields): Promise<Result<{ email: string | null; passwordHash: string } | null, "email_taken" | "phone_taken">> {
  if (!account.createAccount) return ok(null);
  const taken = contactTaken(db, { email: account.accountEmail, phone: person.phone });
  if (taken) return fail(taken, taken === "email_taken" ? "accountEmail" : "phone");
  return ok({ email: account.accountEmail ?? null, passwordHash: await hashPassword(account.accountPassword) });
}

export function createLinkedAccount(
  tx: Tx,
  person: PersonInput,
  account: { email: string | null; passwordHash: string } | null,
  role: Role,
  spaceId: number,
  actorId: string,
  now: number,
): string | null {
  if (!account) return null;
  return insertAccount(tx, { name: person.name, email: account.email, phone: person.phone ?? null, locale: person.preferredLanguage, passwordHash: account.passwordHash, role, spaceId, actorId, now });
}

function seatsOfSpace(db: Db | Tx, spaceId: number): SeatPeriod[] {
  return db
    .select({ organisationId: delegateSeats.organisationId, personId: delegateSeats.personId, seat: delegateSeats.seat, fromDate: delegateSeats.fromDate, toDate: delegateSeats.toDate })
    .from(delegateSeats)
    .where(eq(delegateSeats.spaceId, spaceId))
    .all();
}

function isCurrentMember(db: Db | Tx, spaceId: number, organisationId: number): boolean {
  return !!db
    .select({ id: spaceMemberships.id })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, spaceId), eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn)))
    .get();
}

export interface SeatInput {
  organisationId: number;
  seat: SeatKind;
  fromDate: string;
}

/**
 * Registers a person and seats them as a member organisation's delegate, within the seats
 * the space's rules give; with an account (role delegate in this space) when asked.
 */
export async function registerDelegate(
  db: Db,
  actor: Actor | null,
  spaceId: number,
  person: PersonInput,
  seat: SeatInput,
  account: AccountFields,
  now: number,
): Promise<Result<{ personId: number; userId: string | null }, PeopleCode>> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!isCurrentMember(db, spaceId, seat.organisationId)) return fail("not_member", "organisationId");
  const prepared = await prepareAccount(db, person, account);
  if (!prepared.ok) return prepared;
  return db.transaction((tx) => {
    // Checked inside the transaction: another facilitator may have filled the seat meanwhile.
    const refusal = checkSeat(space.value, seatsOfSpace(tx, spaceId), { ...seat, personId: -1, toDate: null });
    if (refusal) return fail(refusal, "seat");
    const userId = createLinkedAccount(tx, person, prepared.value, "delegate", spaceId, actor!.userId, now);
    const personId = insertPerson(tx, person, userId, now);
    tx.insert(delegateSeats).values({ spaceId, personId, ...seat, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.seat", subjectType: "person", subjectId: personId, after: { ...person, ...seat, spaceId, userId } });
    return ok({ personId, userId });
  });
}

/** Seats every row of an import, or none: a row past the seats of its organisation stops all. */
export function importDelegates(
  db: Db,
  actor: Actor | null,
  spaceId: number,
  rows: readonly DelegateRow[],
  now: number,
): Result<{ count: number }, PeopleCode> & { line?: number } {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  return db.transaction((tx) => {
    // Every row is checked against the seats already held and those of the rows before it
    // (new people get provisional negative ids), before anything is written.
    const seats = seatsOfSpace(tx, spaceId);
    for (const [index, row] of rows.entries()) {
      if (!isCurrentMember(tx, spaceId, row.organisationId)) return { ...fail("not_member"), line: row.line };
      const wanted = { organisationId: row.organisationId, personId: -1 - index, seat: row.seat, fromDate: row.fromDate, toDate: null };
      const refusal = checkSeat(space.value, seats, wanted);
      if (refusal) return { ...fail(refusal), line: row.line };
      seats.push(wanted);
    }
    for (const row of rows) {
      const person: PersonInput = { name: row.name, sex: row.sex, birthYear: row.birthYear, ageGroup: row.ageGroup, disability: row.disability, phone: row.phone ?? undefined, preferredLanguage: null };
      const personId = insertPerson(tx, person, null, now);
      const seat = { organisationId: row.organisationId, seat: row.seat, fromDate: row.fromDate };
      tx.insert(delegateSeats).values({ spaceId, personId, ...seat, createdAt: now }).run();
      appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.seat", subjectType: "person", subjectId: personId, after: { ...person, ...seat, spaceId, import: true } });
    }
    return ok({ count: rows.length });
  });
}

export function endSeat(db: Db, actor: Actor | null, spaceId: number, seatId: number, toDate: string, now: number): Result<null, PeopleCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const seat = db.select().from(delegateSeats).where(and(eq(delegateSeats.id, seatId), eq(delegateSeats.spaceId, spaceId))).get();
  if (!seat || seat.toDate !== null) return fail("not_found");
  if (toDate < seat.fromDate) return fail("dates_reversed", "toDate");
  db.transaction((tx) => {
    tx.update(delegateSeats).set({ toDate }).where(eq(delegateSeats.id, seatId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.unseat", subjectType: "person", subjectId: seat.personId, before: { seatId, toDate: null }, after: { seatId, toDate } });
  });
  return ok(null);
}

const SEAT_ORDER: Record<SeatKind, number> = { titular: 0, substitute: 1 };

/** Delegates seated in a space on a date, with their effective age group that year. */
export function listDelegates(db: Db, spaceId: number, date: string) {
  const year = Number(date.slice(0, 4));
  return db
    .select({ seat: delegateSeats, person: people, organisationName: organisations.name, organisationAcronym: organisations.acronym })
    .from(delegateSeats)
    .innerJoin(people, eq(people.id, delegateSeats.personId))
    .innerJoin(organisations, eq(organisations.id, delegateSeats.organisationId))
    .where(eq(delegateSeats.spaceId, spaceId))
    .orderBy(asc(organisations.name), asc(people.name))
    .all()
    .filter(({ seat }) => seat.fromDate <= date && (seat.toDate === null || seat.toDate >= date))
    // Within an organisation, titular delegates before substitutes.
    .sort((a, b) => (a.seat.organisationId === b.seat.organisationId ? SEAT_ORDER[a.seat.seat] - SEAT_ORDER[b.seat.seat] : 0))
    .map(({ seat, person, organisationName, organisationAcronym }) => ({
      seatId: seat.id,
      seat: seat.seat,
      fromDate: seat.fromDate,
      organisationId: seat.organisationId,
      organisationName,
      organisationAcronym,
      personId: person.id,
      name: person.name,
      sex: person.sex,
      birthYear: person.birthYear,
      ageGroup: ageGroupOf(person, year),
      disability: person.disability,
      phone: person.phone,
      hasAccount: person.userId !== null,
    }));
}
