import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { communes, departments, roleGrants, sections, spaces, users } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { fail, ok, type Result } from "../result";
import type { SpaceInput } from "./spaces.schemas";

/** Spaces grouped by their commune, communes in alphabetical order. */
export function listSpacesByCommune(db: Db) {
  const rows = db
    .select({
      id: spaces.id,
      name: spaces.name,
      level: spaces.level,
      setting: spaces.setting,
      status: spaces.status,
      description: spaces.description,
      communeCode: communes.code,
      communeName: communes.name,
      departmentName: departments.name,
      sectionLabel: sections.label,
    })
    .from(spaces)
    .innerJoin(communes, eq(communes.code, spaces.communeCode))
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .leftJoin(sections, eq(sections.code, spaces.sectionCode))
    .orderBy(asc(communes.name), asc(spaces.level), asc(spaces.name))
    .all();
  const groups: { communeCode: string; communeName: string; departmentName: string; spaces: typeof rows }[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.communeCode === row.communeCode);
    if (!group) {
      group = { communeCode: row.communeCode, communeName: row.communeName, departmentName: row.departmentName, spaces: [] };
      groups.push(group);
    }
    group.spaces.push(row);
  }
  return groups;
}

export function listSpaceOptions(db: Db) {
  return db.select({ id: spaces.id, name: spaces.name }).from(spaces).orderBy(asc(spaces.name)).all();
}

export type SpaceCode = "forbidden" | "not_found" | "commune_not_found" | "section_not_found";

function checkTerritory(db: Db, input: SpaceInput): SpaceCode | null {
  if (!db.select({ code: communes.code }).from(communes).where(eq(communes.code, input.communeCode)).get()) return "commune_not_found";
  if (input.level === "section") {
    const section = db.select({ commune: sections.communeCode }).from(sections).where(eq(sections.code, input.sectionCode ?? "")).get();
    if (!section || section.commune !== input.communeCode) return "section_not_found";
  }
  return null;
}

function spaceRow(input: SpaceInput) {
  return {
    name: input.name,
    level: input.level,
    communeCode: input.communeCode,
    sectionCode: input.level === "section" ? (input.sectionCode ?? null) : null,
    setting: input.setting,
    description: input.description ?? "",
    status: input.status,
    votingBase: input.votingBase,
    quorumPercent: input.quorumPercent,
    majorityRule: input.majorityRule,
    titularSeats: input.titularSeats,
    substituteSeats: input.substituteSeats,
  };
}

export function createSpace(db: Db, actor: Actor | null, input: SpaceInput, now: number): Result<{ id: number }, SpaceCode> {
  if (!can(actor, "space.manage")) return fail("forbidden");
  const territory = checkTerritory(db, input);
  if (territory) return fail(territory, territory === "commune_not_found" ? "communeCode" : "sectionCode");
  const row = spaceRow(input);
  const id = db.transaction((tx) => {
    const inserted = tx.insert(spaces).values({ ...row, createdAt: now }).returning({ id: spaces.id }).get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "space.create", spaceId: inserted.id, subjectType: "space", subjectId: inserted.id, after: row });
    return inserted.id;
  });
  return ok({ id });
}

export function updateSpace(db: Db, actor: Actor | null, spaceId: number, input: SpaceInput, now: number): Result<null, SpaceCode> {
  if (!can(actor, "space.manage")) return fail("forbidden");
  const before = db.select().from(spaces).where(eq(spaces.id, spaceId)).get();
  if (!before) return fail("not_found");
  const territory = checkTerritory(db, input);
  if (territory) return fail(territory, territory === "commune_not_found" ? "communeCode" : "sectionCode");
  const row = spaceRow(input);
  db.transaction((tx) => {
    tx.update(spaces).set(row).where(eq(spaces.id, spaceId)).run();
    const { id: _id, createdAt: _createdAt, ...previous } = before;
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "space.update", spaceId, subjectType: "space", subjectId: spaceId, before: previous, after: row });
  });
  return ok(null);
}

export function getSpace(db: Db, spaceId: number) {
  const row = db
    .select({ space: spaces, communeName: communes.name, departmentCode: departments.code, departmentName: departments.name, sectionLabel: sections.label })
    .from(spaces)
    .innerJoin(communes, eq(communes.code, spaces.communeCode))
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .leftJoin(sections, eq(sections.code, spaces.sectionCode))
    .where(eq(spaces.id, spaceId))
    .get();
  if (!row) return null;
  const territorySections = db
    .select({ code: sections.code, number: sections.number, name: sections.name, label: sections.label, aliases: sections.aliases })
    .from(sections)
    .where(row.space.sectionCode ? eq(sections.code, row.space.sectionCode) : eq(sections.communeCode, row.space.communeCode))
    .orderBy(asc(sections.number))
    .all();
  return { ...row.space, communeName: row.communeName, departmentCode: row.departmentCode, departmentName: row.departmentName, sectionLabel: row.sectionLabel, territorySections };
}

export type Space = NonNullable<ReturnType<typeof getSpace>>;

/** What a space's page shows of the space itself (public): its place, its rules, its territory. */
export function spaceView(space: Space) {
  return {
    id: space.id,
    name: space.name,
    description: space.description,
    level: space.level,
    setting: space.setting,
    status: space.status,
    communeCode: space.communeCode,
    communeName: space.communeName,
    departmentCode: space.departmentCode,
    departmentName: space.departmentName,
    sectionLabel: space.sectionLabel,
    votingBase: space.votingBase,
    quorumPercent: space.quorumPercent,
    majorityRule: space.majorityRule,
    titularSeats: space.titularSeats,
    substituteSeats: space.substituteSeats,
    territorySections: space.territorySections.map((s) => ({ code: s.code, label: s.label })),
  };
}

/** A space's facilitators with their grant and account (settings, meeting forms: for who manages them). */
export function listFacilitators(db: Db, spaceId: number) {
  return db
    .select({ grantId: roleGrants.id, userId: users.id, name: users.name })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.spaceId, spaceId), eq(roleGrants.role, "facilitator")))
    .orderBy(asc(users.name))
    .all();
}

export function listCommuneOptions(db: Db) {
  return db
    .select({ code: communes.code, name: communes.name, departmentName: departments.name })
    .from(communes)
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .orderBy(asc(communes.name))
    .all();
}
