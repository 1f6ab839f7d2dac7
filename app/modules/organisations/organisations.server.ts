import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { jsonField, type Db, type Tx } from "../../../db/client";
import { auditLog, delegateSeats, membershipCounts, organisationContacts, organisations, sections, spaceMemberships, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { fail, ok, type Result } from "../result";
import type { ContactInput, MembershipCountInput, OrganisationInput } from "./organisations.schemas";
import type { OrganisationRow } from "./import-rows";

export type OrganisationCode =
  | "forbidden"
  | "space_not_found"
  | "not_found"
  | "section_outside_territory"
  | "already_member"
  | "not_member"
  | "left_before_joined"
  | "has_history"
  | "archived"
  | "member_elsewhere";

/** A space that the actor may register things in, or the refusal. */
export function spaceForRegister(db: Db, actor: Actor | null, spaceId: number): Result<typeof spaces.$inferSelect, "forbidden" | "space_not_found"> {
  if (!can(actor, "space.facilitate", { spaceId })) return fail("forbidden");
  const space = db.select().from(spaces).where(eq(spaces.id, spaceId)).get();
  return space ? ok(space) : fail("space_not_found");
}

function sectionInTerritory(db: Db | Tx, space: typeof spaces.$inferSelect, sectionCode: string | undefined | null): boolean {
  if (!sectionCode) return true;
  const section = db.select({ commune: sections.communeCode }).from(sections).where(eq(sections.code, sectionCode)).get();
  if (!section || section.commune !== space.communeCode) return false;
  return !space.sectionCode || space.sectionCode === sectionCode;
}

/** Audit subjects: the shared record, and one space's contact (internal to that space). */
const ORGANISATION_SUBJECT = "organisation";
const CONTACT_SUBJECT = "organisation_contact";

/** The organisation's shared record: what every space it belongs to shows. */
function sharedValues(input: OrganisationInput) {
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    type: input.type,
    sectionCode: input.sectionCode ?? null,
    yearFounded: input.yearFounded ?? null,
    legallyRecognised: input.legallyRecognised,
    ledByWoman: input.ledByWoman,
    ledByYouth: input.ledByYouth,
  };
}

export type Contact = {
  contactName: string | null;
  phone: string | null;
  email: string | null;
};

const NO_CONTACT: Contact = { contactName: null, phone: null, email: null };

function contactValues(input: ContactInput): Contact {
  return { contactName: input.contactName ?? null, phone: input.phone ?? null, email: input.email ?? null };
}

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(b).every((k) => a[k] === b[k]);

/** The contact one space keeps for an organisation (none when it recorded none). */
function contactOf(db: Db | Tx, spaceId: number, organisationId: number): Contact {
  const row = db
    .select({ contactName: organisationContacts.contactName, phone: organisationContacts.phone, email: organisationContacts.email })
    .from(organisationContacts)
    .where(and(eq(organisationContacts.spaceId, spaceId), eq(organisationContacts.organisationId, organisationId)))
    .get();
  return row ?? NO_CONTACT;
}

/**
 * Writes this space's contact for an organisation (an empty one removes the row), audited in
 * this space only: the other spaces never see it, not even in their history.
 */
function saveContact(tx: Tx, actorId: string, spaceId: number, organisationId: number, contact: Contact, now: number): void {
  const before = contactOf(tx, spaceId, organisationId);
  if (sameValues(before, contact)) return;
  const where = and(eq(organisationContacts.spaceId, spaceId), eq(organisationContacts.organisationId, organisationId));
  if (contact.contactName === null && contact.phone === null && contact.email === null) {
    tx.delete(organisationContacts).where(where).run();
  } else {
    tx.insert(organisationContacts)
      .values({ spaceId, organisationId, ...contact, updatedAt: now })
      .onConflictDoUpdate({ target: [organisationContacts.spaceId, organisationContacts.organisationId], set: { ...contact, updatedAt: now } })
      .run();
  }
  appendAudit(tx, { at: now, actorId, action: "organisation.update", spaceId, subjectType: CONTACT_SUBJECT, subjectId: organisationId, before, after: contact });
}

function insertMember(
  tx: Tx,
  actorId: string,
  spaceId: number,
  communeCode: string,
  input: OrganisationInput,
  joinedOn: string,
  counts: { women: number | null; men: number | null } | null,
  now: number,
): number {
  const values = sharedValues(input);
  const org = tx.insert(organisations).values({ ...values, communeCode, createdAt: now }).returning({ id: organisations.id }).get();
  tx.insert(spaceMemberships).values({ spaceId, organisationId: org.id, joinedOn, createdAt: now }).run();
  if (counts && (counts.women !== null || counts.men !== null)) {
    tx.insert(membershipCounts).values({ organisationId: org.id, countedOn: joinedOn, women: counts.women ?? 0, men: counts.men ?? 0, byAgeGroup: {}, createdAt: now }).run();
  }
  appendAudit(tx, { at: now, actorId, action: "organisation.register", spaceId, subjectType: ORGANISATION_SUBJECT, subjectId: org.id, after: { ...values, spaceId, joinedOn } });
  saveContact(tx, actorId, spaceId, org.id, contactValues(input), now);
  return org.id;
}

/** Registers an organisation of the space's territory and admits it as a member. */
export function registerOrganisation(db: Db, actor: Actor | null, spaceId: number, input: OrganisationInput, joinedOn: string, now: number): Result<{ id: number }, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!sectionInTerritory(db, space.value, input.sectionCode)) return fail("section_outside_territory", "sectionCode");
  const id = db.transaction((tx) => insertMember(tx, actor!.userId, spaceId, space.value.communeCode, input, joinedOn, null, now));
  return ok({ id });
}

/** Registers every row of an import, or none of them. */
export function importOrganisations(db: Db, actor: Actor | null, spaceId: number, rows: readonly OrganisationRow[], now: number): Result<{ count: number }, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (rows.some((r) => !sectionInTerritory(db, space.value, r.sectionCode))) return fail("section_outside_territory");
  db.transaction((tx) => {
    for (const row of rows) {
      const input: OrganisationInput = {
        name: row.name,
        acronym: row.acronym ?? undefined,
        type: row.type,
        sectionCode: row.sectionCode ?? undefined,
        contactName: row.contactName ?? undefined,
        phone: row.phone ?? undefined,
        email: row.email ?? undefined,
        yearFounded: row.yearFounded ?? undefined,
        legallyRecognised: row.legallyRecognised,
        ledByWoman: row.ledByWoman,
        ledByYouth: row.ledByYouth,
      };
      insertMember(tx, actor!.userId, spaceId, space.value.communeCode, input, row.joinedOn, { women: row.women, men: row.men }, now);
    }
  });
  return ok({ count: rows.length });
}

/** The spaces an organisation is a current member of (ids and names). */
function currentSpaces(db: Db | Tx, organisationId: number): { id: number; name: string }[] {
  return db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaceMemberships)
    .innerJoin(spaces, eq(spaces.id, spaceMemberships.spaceId))
    .where(and(eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn)))
    .orderBy(asc(spaces.name))
    .all();
}

/**
 * Edits an organisation from one of the spaces it is a current member of. The record is
 * shared: a change is written to the audit once per space it currently belongs to (same
 * before/after, each with its space), saying which space made it. The contact is this
 * space's own and changes only here.
 */
export function updateOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, input: OrganisationInput, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!memberOrganisation(db, spaceId, organisationId)) return fail("not_found");
  return db.transaction((tx): Result<null, OrganisationCode> => {
    const org = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get()!;
    if (org.archivedAt) return fail("archived");
    const members = currentSpaces(tx, organisationId);
    if (!members.some((m) => m.id === spaceId)) return fail("not_member");
    // Another space may have placed it in a section outside this space's territory: keeping it is no change.
    if (input.sectionCode !== (org.sectionCode ?? undefined) && !sectionInTerritory(tx, space.value, input.sectionCode)) return fail("section_outside_territory", "sectionCode");
    const values = sharedValues(input);
    const before = pick(org, values);
    if (!sameValues(before, values)) {
      tx.update(organisations).set(values).where(eq(organisations.id, organisationId)).run();
      for (const member of members) {
        appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.update", spaceId: member.id, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, before, after: { ...values, fromSpaceId: spaceId } });
      }
    }
    saveContact(tx, actor!.userId, spaceId, organisationId, contactValues(input), now);
    return ok(null);
  });
}

function pick<T extends object>(from: Record<string, unknown>, like: T): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, from[k]])) as Partial<T>;
}

/** An organisation that is or was a member of the space. */
function memberOrganisation(db: Db, spaceId: number, organisationId: number) {
  const row = db
    .select({ organisation: organisations })
    .from(organisations)
    .innerJoin(spaceMemberships, and(eq(spaceMemberships.organisationId, organisations.id), eq(spaceMemberships.spaceId, spaceId)))
    .where(eq(organisations.id, organisationId))
    .get();
  return row?.organisation ?? null;
}

function currentMembership(db: Db | Tx, spaceId: number, organisationId: number) {
  return db
    .select()
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, spaceId), eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn)))
    .get();
}

/**
 * Admits an organisation already registered in the territory (a member of another space, or
 * a former member), with this space's own contact: the other spaces' contacts stay theirs.
 */
export function admitOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, joinedOn: string, now: number, contact?: ContactInput): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const org = db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!org || org.communeCode !== space.value.communeCode) return fail("not_found");
  if (org.archivedAt) return fail("archived");
  if (currentMembership(db, spaceId, organisationId)) return fail("already_member");
  db.transaction((tx) => {
    tx.insert(spaceMemberships).values({ spaceId, organisationId, joinedOn, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.admit", spaceId, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, after: { spaceId, joinedOn } });
    if (contact) saveContact(tx, actor!.userId, spaceId, organisationId, contactValues(contact), now);
  });
  return ok(null);
}

/** Ends a membership at a date; the organisation's delegates to the space leave with it. */
export function leaveSpace(db: Db, actor: Actor | null, spaceId: number, organisationId: number, leftOn: string, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const membership = currentMembership(db, spaceId, organisationId);
  if (!membership) return fail("not_member");
  if (leftOn < membership.joinedOn) return fail("left_before_joined", "leftOn");
  db.transaction((tx) => {
    tx.update(spaceMemberships).set({ leftOn }).where(eq(spaceMemberships.id, membership.id)).run();
    tx.update(delegateSeats)
      .set({ toDate: leftOn })
      .where(and(eq(delegateSeats.spaceId, spaceId), eq(delegateSeats.organisationId, organisationId), or(isNull(delegateSeats.toDate), gt(delegateSeats.toDate, leftOn))))
      .run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.leave", spaceId, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, before: { spaceId, leftOn: null }, after: { spaceId, leftOn } });
  });
  return ok(null);
}

/**
 * Deletes an organisation entered by mistake. One with history (delegates, other spaces,
 * later attendance) is refused: archive it instead.
 */
export function deleteOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const org = memberOrganisation(db, spaceId, organisationId);
  if (!org) return fail("not_found");
  const seats = db.select({ id: delegateSeats.id }).from(delegateSeats).where(eq(delegateSeats.organisationId, organisationId)).limit(1).all();
  const otherSpaces = db.select({ id: spaceMemberships.id }).from(spaceMemberships).where(and(eq(spaceMemberships.organisationId, organisationId), ne(spaceMemberships.spaceId, spaceId))).limit(1).all();
  if (seats.length > 0 || otherSpaces.length > 0) return fail("has_history");
  const contact = contactOf(db, spaceId, organisationId);
  db.transaction((tx) => {
    tx.delete(membershipCounts).where(eq(membershipCounts.organisationId, organisationId)).run();
    // Its only space: its contacts and memberships are this space's.
    tx.delete(organisationContacts).where(eq(organisationContacts.organisationId, organisationId)).run();
    tx.delete(spaceMemberships).where(eq(spaceMemberships.organisationId, organisationId)).run();
    tx.delete(organisations).where(eq(organisations.id, organisationId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.delete", spaceId, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, before: { ...org, ...contact } });
  });
  return ok(null);
}

/**
 * Archives an organisation that belongs to no other space now: its membership and seats in
 * this space end today, its history stays. While another space counts it as a member it is
 * refused (member_elsewhere): this space ends its own membership instead (leaveSpace).
 */
export function archiveOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, today: string, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!memberOrganisation(db, spaceId, organisationId)) return fail("not_found");
  return db.transaction((tx): Result<null, OrganisationCode> => {
    const org = tx.select({ archivedAt: organisations.archivedAt }).from(organisations).where(eq(organisations.id, organisationId)).get()!;
    if (org.archivedAt) return fail("archived");
    if (currentSpaces(tx, organisationId).some((s) => s.id !== spaceId)) return fail("member_elsewhere");
    tx.update(organisations).set({ archivedAt: now }).where(eq(organisations.id, organisationId)).run();
    tx.update(spaceMemberships)
      .set({ leftOn: today })
      .where(and(eq(spaceMemberships.spaceId, spaceId), eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn)))
      .run();
    tx.update(delegateSeats)
      .set({ toDate: today })
      .where(and(eq(delegateSeats.spaceId, spaceId), eq(delegateSeats.organisationId, organisationId), or(isNull(delegateSeats.toDate), gt(delegateSeats.toDate, today))))
      .run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.archive", spaceId, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, before: { archivedAt: null }, after: { archivedAt: now } });
    return ok(null);
  });
}

export function recordMembershipCount(db: Db, actor: Actor | null, spaceId: number, organisationId: number, input: MembershipCountInput, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!memberOrganisation(db, spaceId, organisationId)) return fail("not_found");
  // The counts belong to the organisation and show in every space it belongs to: only a
  // space it belongs to now adds one, and each of those spaces has it in its history.
  return db.transaction((tx): Result<null, OrganisationCode> => {
    const members = currentSpaces(tx, organisationId);
    if (!members.some((m) => m.id === spaceId)) return fail("not_member");
    tx.insert(membershipCounts).values({ organisationId, countedOn: input.countedOn, women: input.women, men: input.men, byAgeGroup: input.byAgeGroup, createdAt: now }).run();
    for (const member of members) {
      appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.count", spaceId: member.id, subjectType: ORGANISATION_SUBJECT, subjectId: organisationId, after: { ...input, fromSpaceId: spaceId } });
    }
    return ok(null);
  });
}

export interface MemberFilter {
  type?: string;
  sectionCode?: string;
  ledByWoman?: boolean;
  ledByYouth?: boolean;
}

/**
 * Current member organisations of a space, with their latest membership count and this
 * space's own contact (contactName, phone, email: null when it recorded none).
 */
export function listMembers(db: Db, spaceId: number, filter: MemberFilter = {}) {
  const rows = db
    .select({
      organisation: organisations,
      joinedOn: spaceMemberships.joinedOn,
      sectionName: sections.name,
      contactName: organisationContacts.contactName,
      phone: organisationContacts.phone,
      email: organisationContacts.email,
    })
    .from(spaceMemberships)
    .innerJoin(organisations, eq(organisations.id, spaceMemberships.organisationId))
    .leftJoin(sections, eq(sections.code, organisations.sectionCode))
    .leftJoin(organisationContacts, and(eq(organisationContacts.organisationId, organisations.id), eq(organisationContacts.spaceId, spaceId)))
    .where(and(eq(spaceMemberships.spaceId, spaceId), isNull(spaceMemberships.leftOn)))
    .orderBy(asc(organisations.name))
    .all();
  const latest = latestCounts(db, rows.map((r) => r.organisation.id));
  return rows
    .filter(({ organisation: o }) =>
      (!filter.type || o.type === filter.type) &&
      (!filter.sectionCode || o.sectionCode === filter.sectionCode) &&
      (!filter.ledByWoman || o.ledByWoman) &&
      (!filter.ledByYouth || o.ledByYouth),
    )
    .map((r) => ({
      ...r.organisation,
      contactName: r.contactName,
      phone: r.phone,
      email: r.email,
      joinedOn: r.joinedOn,
      sectionName: r.sectionName,
      count: latest.get(r.organisation.id) ?? null,
    }));
}

function latestCounts(db: Db, ids: number[]) {
  const map = new Map<number, { countedOn: string; women: number; men: number; byAgeGroup: Record<string, number> }>();
  if (ids.length === 0) return map;
  const rows = db
    .select()
    .from(membershipCounts)
    .where(inArray(membershipCounts.organisationId, ids))
    .orderBy(desc(membershipCounts.countedOn), desc(membershipCounts.id))
    .all();
  for (const row of rows) if (!map.has(row.organisationId)) map.set(row.organisationId, row);
  return map;
}

/** The current members of a space as choices in a form: id and the name people use. */
export function listMemberOptions(db: Db, spaceId: number): { id: number; name: string }[] {
  return db
    .select({ id: organisations.id, name: sql<string>`coalesce(${organisations.acronym}, ${organisations.name})` })
    .from(spaceMemberships)
    .innerJoin(organisations, eq(organisations.id, spaceMemberships.organisationId))
    .where(and(eq(spaceMemberships.spaceId, spaceId), isNull(spaceMemberships.leftOn)))
    .orderBy(asc(organisations.name))
    .all();
}

/**
 * One organisation as a space sees it: the shared record, this space's own contact, its
 * memberships and counts over time, and the last change of the shared record (which space,
 * when). A row for the server: routes build their audience's view from it.
 */
export function getOrganisation(db: Db, spaceId: number, organisationId: number) {
  const org = memberOrganisation(db, spaceId, organisationId);
  if (!org) return null;
  const section = org.sectionCode ? db.select({ label: sections.label }).from(sections).where(eq(sections.code, org.sectionCode)).get() : undefined;
  const memberships = db
    .select({ id: spaceMemberships.id, spaceId: spaceMemberships.spaceId, spaceName: spaces.name, joinedOn: spaceMemberships.joinedOn, leftOn: spaceMemberships.leftOn })
    .from(spaceMemberships)
    .innerJoin(spaces, eq(spaces.id, spaceMemberships.spaceId))
    .where(eq(spaceMemberships.organisationId, organisationId))
    .orderBy(asc(spaceMemberships.joinedOn), asc(spaceMemberships.id))
    .all();
  const counts = db.select().from(membershipCounts).where(eq(membershipCounts.organisationId, organisationId)).orderBy(desc(membershipCounts.countedOn)).all();
  const current = memberships.find((m) => m.spaceId === spaceId && m.leftOn === null) ?? null;
  return {
    ...org,
    ...contactOf(db, spaceId, organisationId),
    sectionLabel: section?.label ?? null,
    memberships,
    counts,
    currentMembership: current,
    lastSharedChange: lastSharedChange(db, organisationId),
  };
}

/** The last change of an organisation's shared record: when, and from which space. */
function lastSharedChange(db: Db, organisationId: number): { at: number; spaceId: number; spaceName: string } | null {
  const entry = db
    .select({ at: auditLog.at, spaceId: sql<number | null>`coalesce(${jsonField<number>(auditLog.after, "fromSpaceId")}, ${auditLog.spaceId})` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "organisation.update"), eq(auditLog.subjectType, ORGANISATION_SUBJECT), eq(auditLog.subjectId, String(organisationId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1)
    .get();
  if (!entry || entry.spaceId === null) return null;
  const space = db.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, entry.spaceId)).get();
  return space ? { at: entry.at, spaceId: entry.spaceId, spaceName: space.name } : null;
}

/** Organisations of the territory that could be admitted: not current members, not archived. */
export function listAdmissible(db: Db, spaceId: number, communeCode: string) {
  const members = new Set(
    db
      .select({ id: spaceMemberships.organisationId })
      .from(spaceMemberships)
      .where(and(eq(spaceMemberships.spaceId, spaceId), isNull(spaceMemberships.leftOn)))
      .all()
      .map((r) => r.id),
  );
  return db
    .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym })
    .from(organisations)
    .where(and(eq(organisations.communeCode, communeCode), isNull(organisations.archivedAt)))
    .orderBy(asc(organisations.name))
    .all()
    .filter((o) => !members.has(o.id));
}
