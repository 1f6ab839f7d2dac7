import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { delegateSeats, membershipCounts, organisations, sections, spaceMemberships, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { fail, ok, type Result } from "../result";
import type { MembershipCountInput, OrganisationInput } from "./organisations.schemas";
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
  | "archived";

/** A space that the actor may register things in, or the refusal. */
export function spaceForRegister(db: Db, actor: Actor | null, spaceId: number): Result<typeof spaces.$inferSelect, "forbidden" | "space_not_found"> {
  if (!can(actor, "space.facilitate", { spaceId })) return fail("forbidden");
  const space = db.select().from(spaces).where(eq(spaces.id, spaceId)).get();
  return space ? ok(space) : fail("space_not_found");
}

function sectionInTerritory(db: Db, space: typeof spaces.$inferSelect, sectionCode: string | undefined | null): boolean {
  if (!sectionCode) return true;
  const section = db.select({ commune: sections.communeCode }).from(sections).where(eq(sections.code, sectionCode)).get();
  if (!section || section.commune !== space.communeCode) return false;
  return !space.sectionCode || space.sectionCode === sectionCode;
}

function organisationValues(input: OrganisationInput) {
  return {
    name: input.name,
    acronym: input.acronym ?? null,
    type: input.type,
    sectionCode: input.sectionCode ?? null,
    contactName: input.contactName ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    yearFounded: input.yearFounded ?? null,
    legallyRecognised: input.legallyRecognised,
    ledByWoman: input.ledByWoman,
    ledByYouth: input.ledByYouth,
  };
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
  const values = organisationValues(input);
  const org = tx.insert(organisations).values({ ...values, communeCode, createdAt: now }).returning({ id: organisations.id }).get();
  tx.insert(spaceMemberships).values({ spaceId, organisationId: org.id, joinedOn, createdAt: now }).run();
  if (counts && (counts.women !== null || counts.men !== null)) {
    tx.insert(membershipCounts).values({ organisationId: org.id, countedOn: joinedOn, women: counts.women ?? 0, men: counts.men ?? 0, byAgeGroup: {}, createdAt: now }).run();
  }
  appendAudit(tx, { at: now, actorId, action: "organisation.register", spaceId, subjectType: "organisation", subjectId: org.id, after: { ...values, spaceId, joinedOn } });
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

export function updateOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, input: OrganisationInput, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const before = memberOrganisation(db, spaceId, organisationId);
  if (!before) return fail("not_found");
  if (!sectionInTerritory(db, space.value, input.sectionCode)) return fail("section_outside_territory", "sectionCode");
  const values = organisationValues(input);
  db.transaction((tx) => {
    tx.update(organisations).set(values).where(eq(organisations.id, organisationId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.update", spaceId, subjectType: "organisation", subjectId: organisationId, before: pick(before, values), after: values });
  });
  return ok(null);
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

/** Admits an organisation already registered in the territory (a member of another space, or a former member). */
export function admitOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, joinedOn: string, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const org = db.select().from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!org || org.communeCode !== space.value.communeCode) return fail("not_found");
  if (org.archivedAt) return fail("archived");
  if (currentMembership(db, spaceId, organisationId)) return fail("already_member");
  db.transaction((tx) => {
    tx.insert(spaceMemberships).values({ spaceId, organisationId, joinedOn, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.admit", spaceId, subjectType: "organisation", subjectId: organisationId, after: { spaceId, joinedOn } });
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
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.leave", spaceId, subjectType: "organisation", subjectId: organisationId, before: { spaceId, leftOn: null }, after: { spaceId, leftOn } });
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
  db.transaction((tx) => {
    tx.delete(membershipCounts).where(eq(membershipCounts.organisationId, organisationId)).run();
    tx.delete(spaceMemberships).where(eq(spaceMemberships.organisationId, organisationId)).run();
    tx.delete(organisations).where(eq(organisations.id, organisationId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.delete", spaceId, subjectType: "organisation", subjectId: organisationId, before: org });
  });
  return ok(null);
}

/** Archives an organisation: its memberships and seats end today, its history stays. */
export function archiveOrganisation(db: Db, actor: Actor | null, spaceId: number, organisationId: number, today: string, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const org = memberOrganisation(db, spaceId, organisationId);
  if (!org) return fail("not_found");
  if (org.archivedAt) return fail("archived");
  db.transaction((tx) => {
    tx.update(organisations).set({ archivedAt: now }).where(eq(organisations.id, organisationId)).run();
    tx.update(spaceMemberships).set({ leftOn: today }).where(and(eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn))).run();
    tx.update(delegateSeats).set({ toDate: today }).where(and(eq(delegateSeats.organisationId, organisationId), isNull(delegateSeats.toDate))).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.archive", spaceId, subjectType: "organisation", subjectId: organisationId, before: { archivedAt: null }, after: { archivedAt: now } });
  });
  return ok(null);
}

export function recordMembershipCount(db: Db, actor: Actor | null, spaceId: number, organisationId: number, input: MembershipCountInput, now: number): Result<null, OrganisationCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (!memberOrganisation(db, spaceId, organisationId)) return fail("not_found");
  db.transaction((tx) => {
    tx.insert(membershipCounts).values({ organisationId, countedOn: input.countedOn, women: input.women, men: input.men, byAgeGroup: input.byAgeGroup, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "organisation.count", spaceId, subjectType: "organisation", subjectId: organisationId, after: input });
  });
  return ok(null);
}

export interface MemberFilter {
  type?: string;
  sectionCode?: string;
  ledByWoman?: boolean;
  ledByYouth?: boolean;
}

/** Current member organisations of a space, with their latest membership count. */
export function listMembers(db: Db, spaceId: number, filter: MemberFilter = {}) {
  const rows = db
    .select({ organisation: organisations, joinedOn: spaceMemberships.joinedOn, sectionName: sections.name })
    .from(spaceMemberships)
    .innerJoin(organisations, eq(organisations.id, spaceMemberships.organisationId))
    .leftJoin(sections, eq(sections.code, organisations.sectionCode))
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
    .map((r) => ({ ...r.organisation, joinedOn: r.joinedOn, sectionName: r.sectionName, count: latest.get(r.organisation.id) ?? null }));
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

/** One organisation with its memberships and counts over time. */
export function getOrganisation(db: Db, spaceId: number, organisationId: number) {
  const org = memberOrganisation(db, spaceId, organisationId);
  if (!org) return null;
  const memberships = db
    .select({ id: spaceMemberships.id, spaceId: spaceMemberships.spaceId, spaceName: spaces.name, joinedOn: spaceMemberships.joinedOn, leftOn: spaceMemberships.leftOn })
    .from(spaceMemberships)
    .innerJoin(spaces, eq(spaces.id, spaceMemberships.spaceId))
    .where(eq(spaceMemberships.organisationId, organisationId))
    .orderBy(asc(spaceMemberships.joinedOn))
    .all();
  const counts = db.select().from(membershipCounts).where(eq(membershipCounts.organisationId, organisationId)).orderBy(desc(membershipCounts.countedOn)).all();
  const current = memberships.find((m) => m.spaceId === spaceId && m.leftOn === null) ?? null;
  return { ...org, memberships, counts, currentMembership: current };
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
