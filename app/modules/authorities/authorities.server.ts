import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { authorities, officials, people, sections } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import type { Actor } from "../auth/roles";
import { spaceForRegister } from "../organisations/organisations.server";
import type { AuthorityKind } from "../organisations/types";
import { createLinkedAccount, insertPerson, prepareAccount } from "../people/people.server";
import type { AccountFields, PersonInput } from "../people/people.schemas";
import { fail, ok, type Result } from "../result";

export type AuthorityCode = "forbidden" | "space_not_found" | "not_found" | "section_outside_territory" | "email_taken" | "phone_taken";

/** Registers a local authority (CASEC of a section, municipal council…) of the space's commune. */
export function registerAuthority(
  db: Db,
  actor: Actor | null,
  spaceId: number,
  input: { kind: AuthorityKind; name: string; sectionCode?: string },
  now: number,
): Result<{ id: number }, AuthorityCode> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  if (input.sectionCode) {
    const section = db.select({ commune: sections.communeCode }).from(sections).where(eq(sections.code, input.sectionCode)).get();
    if (!section || section.commune !== space.value.communeCode) return fail("section_outside_territory", "sectionCode");
  }
  const row = { kind: input.kind, name: input.name, communeCode: space.value.communeCode, sectionCode: input.sectionCode ?? null };
  const id = db.transaction((tx) => {
    const inserted = tx.insert(authorities).values({ ...row, createdAt: now }).returning({ id: authorities.id }).get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "authority.register", spaceId, subjectType: "authority", subjectId: inserted.id, after: row });
    return inserted.id;
  });
  return ok({ id });
}

/** Registers an official of an authority, with an account (role official in this space) when asked. */
export async function registerOfficial(
  db: Db,
  actor: Actor | null,
  spaceId: number,
  person: PersonInput,
  input: { authorityId: number; title: string; mandateStart?: string; mandateEnd?: string },
  account: AccountFields,
  now: number,
): Promise<Result<{ personId: number; userId: string | null }, AuthorityCode>> {
  const space = spaceForRegister(db, actor, spaceId);
  if (!space.ok) return space;
  const authority = db.select().from(authorities).where(eq(authorities.id, input.authorityId)).get();
  if (!authority || authority.communeCode !== space.value.communeCode) return fail("not_found", "authorityId");
  const prepared = await prepareAccount(db, actor, person, account);
  if (!prepared.ok) return prepared;
  return db.transaction((tx) => {
    const userId = createLinkedAccount(tx, person, prepared.value, "official", spaceId, actor!.userId, now);
    const personId = insertPerson(tx, person, userId, now);
    const row = { authorityId: authority.id, personId, title: input.title, mandateStart: input.mandateStart ?? null, mandateEnd: input.mandateEnd ?? null };
    tx.insert(officials).values({ ...row, createdAt: now }).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "official.register", spaceId, subjectType: "person", subjectId: personId, after: { ...person, ...row, userId } });
    return ok({ personId, userId });
  });
}

/**
 * The authorities of a space's territory with their officials, as the register lists them:
 * officials are public (their name, function and mandate); `personId` and `hasAccount` are
 * for the register's keepers (`publicAuthorities` drops them).
 */
export function listAuthorities(db: Db, space: { communeCode: string; sectionCode: string | null }) {
  const rows = db
    .select({ id: authorities.id, kind: authorities.kind, name: authorities.name, sectionName: sections.name })
    .from(authorities)
    .leftJoin(sections, eq(sections.code, authorities.sectionCode))
    .where(
      and(
        eq(authorities.communeCode, space.communeCode),
        space.sectionCode ? or(isNull(authorities.sectionCode), eq(authorities.sectionCode, space.sectionCode)) : undefined,
      ),
    )
    .orderBy(asc(authorities.kind), asc(authorities.name))
    .all();
  const ids = rows.map((r) => r.id);
  const officialRows = ids.length
    ? db
        .select({
          id: officials.id,
          authorityId: officials.authorityId,
          personId: officials.personId,
          title: officials.title,
          mandateStart: officials.mandateStart,
          mandateEnd: officials.mandateEnd,
          name: people.name,
          userId: people.userId,
        })
        .from(officials)
        .innerJoin(people, eq(people.id, officials.personId))
        .where(inArray(officials.authorityId, ids))
        .orderBy(asc(people.name))
        .all()
    : [];
  return rows.map((r) => ({
    ...r,
    officials: officialRows
      .filter((o) => o.authorityId === r.id)
      .map((o) => ({ id: o.id, personId: o.personId, name: o.name, title: o.title, mandateStart: o.mandateStart, mandateEnd: o.mandateEnd, hasAccount: o.userId !== null })),
  }));
}

/** The same for a page anyone reads: no person ids, no account links. */
export function publicAuthorities(list: ReturnType<typeof listAuthorities>) {
  return list.map((a) => ({ ...a, officials: a.officials.map(({ personId: _p, hasAccount: _h, ...o }) => o) }));
}
