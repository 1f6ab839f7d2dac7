import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { authorities, delegateSeats, officials, organisations, people, roleGrants, spaceMemberships, spaces, users } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { hashPassword } from "../auth/password.server";
import { can, isAdmin } from "../auth/permissions";
import { parseIdentifier } from "../auth/phone";
import { commit, type Deps } from "../deps.server";
import type { Actor, Role } from "../auth/roles";
import { spaceForRegister } from "../organisations/organisations.server";
import type { DelegateRow } from "../organisations/import-rows";
import { fail, ok, type Result } from "../result";
import { checkSeat, type SeatKind, type SeatPeriod, type SeatRefusal } from "../spaces/seats";
import { contactTaken, insertAccount } from "../users/users.server";
import { ageGroupOf } from "./age-groups";
import type { ConsentCode, LinkCode } from "./messages";
import type { AccountFields, PersonInput } from "./people.schemas";

export type PeopleCode = "forbidden" | "space_not_found" | "not_found" | "not_member" | SeatRefusal | "email_taken" | "phone_taken";

export function insertPerson(tx: Tx, person: PersonInput, userId: string | null, now: number): number {
  return tx
    .insert(people)
    .values({ ...person, phone: person.phone ?? null, namedPublicly: person.namedPublicly ?? false, userId, createdAt: now })
    .returning({ id: people.id })
    .get().id;
}

/** Hashes the account's password before the transaction (better-sqlite3 transactions are synchronous). */
export async function prepareAccount(db: Db, actor: Actor | null, person: PersonInput, account: AccountFields): Promise<Result<{ email: string | null; passwordHash: string } | null, "email_taken" | "phone_taken">> {
  if (!account.createAccount) return ok(null);
  // Only an administrator is told; anyone else learns nothing of other accounts (issue 11).
  const taken = contactTaken(db, { email: account.accountEmail, phone: person.phone }, actor);
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
  const prepared = await prepareAccount(db, actor, person, account);
  if (!prepared.ok) return prepared;
  return db.transaction((tx) => {
    // Checked inside the transaction: another facilitator may have filled the seat meanwhile.
    const refusal = checkSeat(space.value, seatsOfSpace(tx, spaceId), { ...seat, personId: -1, toDate: null });
    if (refusal) return fail(refusal, "seat");
    const userId = createLinkedAccount(tx, person, prepared.value, "delegate", spaceId, actor!.userId, now);
    const personId = insertPerson(tx, person, userId, now);
    tx.insert(delegateSeats).values({ spaceId, personId, ...seat, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.seat", spaceId, subjectType: "person", subjectId: personId, after: { ...person, ...seat, spaceId, userId } });
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
      // An import records no consent: the person is counted, not named, on public pages.
      const person: PersonInput = { name: row.name, sex: row.sex, birthYear: row.birthYear, ageGroup: row.ageGroup, disability: row.disability, phone: row.phone ?? undefined, preferredLanguage: null, namedPublicly: false };
      const personId = insertPerson(tx, person, null, now);
      const seat = { organisationId: row.organisationId, seat: row.seat, fromDate: row.fromDate };
      tx.insert(delegateSeats).values({ spaceId, personId, ...seat, createdAt: now }).run();
      appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.seat", spaceId, subjectType: "person", subjectId: personId, after: { ...person, ...seat, spaceId, import: true } });
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
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "delegate.unseat", spaceId, subjectType: "person", subjectId: seat.personId, before: { seatId, toDate: null }, after: { seatId, toDate } });
  });
  return ok(null);
}

const SEAT_ORDER: Record<SeatKind, number> = { titular: 0, substitute: 1 };

/**
 * Delegates seated in a space on a date, with their effective age group that year: the
 * register as its keepers see it (exports, check-in). Pages pick from it by audience
 * (`delegatesFor` in `views.ts`).
 */
export function listDelegates(db: Db, spaceId: number, date: string) {
  const year = Number(date.slice(0, 4));
  return db
    .select({
      seat: delegateSeats,
      person: {
        id: people.id,
        name: people.name,
        sex: people.sex,
        birthYear: people.birthYear,
        ageGroup: people.ageGroup,
        disability: people.disability,
        namedPublicly: people.namedPublicly,
        phone: people.phone,
        userId: people.userId,
      },
      organisationName: organisations.name,
      organisationAcronym: organisations.acronym,
    })
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
      /** Set once the seat is ended (it is still listed on its last day). */
      toDate: seat.toDate,
      organisationId: seat.organisationId,
      organisationName,
      organisationAcronym,
      personId: person.id,
      name: person.name,
      sex: person.sex,
      birthYear: person.birthYear,
      ageGroup: ageGroupOf(person, year),
      disability: person.disability,
      namedPublicly: person.namedPublicly,
      phone: person.phone,
      hasAccount: person.userId !== null,
    }));
}


/** A person of this space's register: seated there as a delegate (now or before), or an official of an authority of its commune. */
function personOfSpace(db: Db | Tx, space: { id: number; communeCode: string }, personId: number) {
  const person = db.select({ id: people.id, name: people.name, userId: people.userId, namedPublicly: people.namedPublicly }).from(people).where(eq(people.id, personId)).get();
  if (!person) return null;
  const seated = db.select({ id: delegateSeats.id }).from(delegateSeats).where(and(eq(delegateSeats.personId, personId), eq(delegateSeats.spaceId, space.id))).get();
  const official = db
    .select({ id: officials.id })
    .from(officials)
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .where(and(eq(officials.personId, personId), eq(authorities.communeCode, space.communeCode)))
    .get();
  return seated || official ? person : null;
}

/**
 * Whether the actor runs every space this person sits in (and every space of the communes
 * where they hold a mandate): linking a person is acting for them everywhere, so a
 * facilitator of one space may not link someone another space also relies on; an
 * administrator may.
 */
function actsForAllSpacesOf(db: Db | Tx, actor: Actor | null, personId: number): boolean {
  const seatSpaces = db.select({ spaceId: delegateSeats.spaceId }).from(delegateSeats).where(eq(delegateSeats.personId, personId)).all();
  const mandateSpaces = db
    .select({ spaceId: spaces.id })
    .from(officials)
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .innerJoin(spaces, eq(spaces.communeCode, authorities.communeCode))
    .where(eq(officials.personId, personId))
    .all();
  return [...seatSpaces, ...mandateSpaces].every(({ spaceId }) => can(actor, "space.facilitate", { spaceId }));
}

/** What the page about a person's account shows a facilitator: the person, their consent to be named, and the account, if linked. */
export function getPersonAccount(db: Db, space: { id: number; communeCode: string }, personId: number) {
  const person = personOfSpace(db, space, personId);
  if (!person) return null;
  const account = person.userId ? (db.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, person.userId)).get() ?? null) : null;
  return { id: person.id, name: person.name, namedPublicly: person.namedPublicly, account };
}

/**
 * Records a person's consent to be named on public pages (lists of delegates, attendance of
 * published meetings), given or withdrawn after registration. A facilitator of a space where
 * the person sits (or holds a mandate) records it; for a person another space also relies
 * on, only whoever runs all of them (an administrator), as for linking an account: their
 * name would appear on that space's pages too. Minors are never named, whatever is recorded
 * (`nameablePublicly`). Recording what is already recorded writes nothing.
 */
export function setNamedPublicly(db: Db, actor: Actor | null, spaceId: number, personId: number, named: boolean, now: number): Result<{ namedPublicly: boolean }, ConsentCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  return db.transaction((tx): Result<{ namedPublicly: boolean }, ConsentCode> => {
    const person = personOfSpace(tx, space.value, personId);
    if (!person) return fail("not_found");
    if (!actsForAllSpacesOf(tx, actor, personId)) return fail("shared_person");
    if (person.namedPublicly === named) return ok({ namedPublicly: named });
    tx.update(people).set({ namedPublicly: named }).where(eq(people.id, personId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "person.consent", spaceId, subjectType: "person", subjectId: personId, before: { namedPublicly: person.namedPublicly }, after: { namedPublicly: named } });
    return ok({ namedPublicly: named });
  });
}

/**
 * Links a person of the register to an existing account (found by e-mail or phone): the
 * account then acts as that person — their seats let them speak for their organisation,
 * their mandates answer for their authority. One person per account, one account per person.
 */
export function linkAccount(
  deps: Deps,
  actor: Actor | null,
  spaceId: number,
  personId: number,
  account: { identifier: string } | { userId: string },
  now: number,
): Result<{ userId: string }, LinkCode> {
  const space = spaceForRegister(deps.db, actor, spaceId);
  if (!space.ok) return space;
  const parsed = "identifier" in account ? parseIdentifier(account.identifier) : null;
  return commit<{ userId: string }, LinkCode>(deps, (tx, emit) => {
    const person = personOfSpace(tx, space.value, personId);
    if (!person) return fail("not_found");
    if (!actsForAllSpacesOf(tx, actor, personId)) return fail("shared_person");
    if (person.userId) return fail("person_linked");
    const found =
      "userId" in account
        ? tx.select({ id: users.id }).from(users).where(eq(users.id, account.userId)).get()
        : parsed
          ? tx.select({ id: users.id }).from(users).where(parsed.kind === "email" ? eq(users.email, parsed.value) : eq(users.phone, parsed.value)).get()
          : undefined;
    // A facilitator finds only the accounts of their own space, so the form tells them
    // nothing about which addresses have an account elsewhere on the platform.
    if (!found || !(isAdmin(actor) || holdsRoleIn(tx, found.id, spaceId))) return fail("account_not_found", "identifier");
    if (tx.select({ id: people.id }).from(people).where(eq(people.userId, found.id)).get()) return fail("account_linked", "identifier");
    tx.update(people).set({ userId: found.id }).where(eq(people.id, personId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "person.linkAccount", spaceId, subjectType: "person", subjectId: personId, after: { userId: found.id, spaceId } });
    // What the account may do changed: its open sockets are decided again.
    emit({ type: "access.changed", userId: found.id });
    return ok({ userId: found.id });
  });
}

function holdsRoleIn(db: Db | Tx, userId: string, spaceId: number): boolean {
  return !!db.select({ id: roleGrants.id }).from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.spaceId, spaceId))).get();
}

export function unlinkAccount(deps: Deps, actor: Actor | null, spaceId: number, personId: number, now: number): Result<null, LinkCode> {
  const space = spaceForRegister(deps.db, actor, spaceId);
  if (!space.ok) return space;
  return commit<null, LinkCode>(deps, (tx, emit) => {
    const person = personOfSpace(tx, space.value, personId);
    if (!person) return fail("not_found");
    if (!actsForAllSpacesOf(tx, actor, personId)) return fail("shared_person");
    if (!person.userId) return fail("not_linked");
    tx.update(people).set({ userId: null }).where(eq(people.id, personId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "person.unlinkAccount", spaceId, subjectType: "person", subjectId: personId, before: { userId: person.userId, spaceId } });
    emit({ type: "access.changed", userId: person.userId });
    return ok(null);
  });
}

/**
 * For an account's page: the person it acts as, if any, and otherwise the people of its
 * spaces' registers not yet linked to an account, to choose from.
 */
export function accountPerson(db: Db, userId: string, spaceIds: readonly number[], today: string) {
  const linked = db.select({ id: people.id, name: people.name }).from(people).where(eq(people.userId, userId)).get() ?? null;
  if (linked) return { linked, candidates: [] };
  const candidates = [...new Set(spaceIds)].flatMap((spaceId) => {
    const space = db.select({ id: spaces.id, name: spaces.name, communeCode: spaces.communeCode }).from(spaces).where(eq(spaces.id, spaceId)).get();
    if (!space) return [];
    const seated = listDelegates(db, spaceId, today).filter((d) => !d.hasAccount).map((d) => ({ personId: d.personId, name: d.name, what: d.organisationAcronym ?? d.organisationName }));
    const officialsOfCommune = db
      .select({ personId: people.id, name: people.name, what: authorities.name, userId: people.userId })
      .from(officials)
      .innerJoin(people, eq(people.id, officials.personId))
      .innerJoin(authorities, eq(authorities.id, officials.authorityId))
      .where(eq(authorities.communeCode, space.communeCode))
      .all()
      .filter((o) => o.userId === null)
      .map(({ userId: _u, ...o }) => o);
    return [...seated, ...officialsOfCommune].map((p) => ({ ...p, spaceId, spaceName: space.name }));
  });
  // A person with two seats, or both seated and an official, is offered once.
  const once = new Map(candidates.map((c) => [c.personId, c]));
  return { linked: null, candidates: [...once.values()] };
}
