import { and, asc, count, eq, like } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { arrondissements, communes, departments, sections } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { fail, ok, type Result } from "../result";
import { nextFreeCommuneCode, nextFreeSectionNumber, sectionCode, sectionLabel } from "./codes";
import type { AddCommune, AddSection } from "./geography.schemas";
import type { GeographyCode } from "./messages";
import { searchKey, searchKeyWithAliases } from "./search-key";

export function listDepartments(db: Db) {
  const communeCounts = db
    .select({ code: communes.departmentCode, n: count() })
    .from(communes)
    .groupBy(communes.departmentCode)
    .all();
  const sectionCounts = db
    .select({ code: communes.departmentCode, n: count() })
    .from(sections)
    .innerJoin(communes, eq(communes.code, sections.communeCode))
    .groupBy(communes.departmentCode)
    .all();
  return db
    .select()
    .from(departments)
    .orderBy(asc(departments.code))
    .all()
    .map((d) => ({
      code: d.code,
      name: d.name,
      communeCount: communeCounts.find((c) => c.code === d.code)?.n ?? 0,
      sectionCount: sectionCounts.find((c) => c.code === d.code)?.n ?? 0,
    }));
}

export function getDepartment(db: Db, code: string) {
  const department = db.select().from(departments).where(eq(departments.code, code)).get();
  if (!department) return null;
  const sectionCounts = db
    .select({ code: sections.communeCode, n: count() })
    .from(sections)
    .innerJoin(communes, eq(communes.code, sections.communeCode))
    .where(eq(communes.departmentCode, code))
    .groupBy(sections.communeCode)
    .all();
  const communeRows = db.select().from(communes).where(eq(communes.departmentCode, code)).orderBy(asc(communes.code)).all();
  const arrondissementRows = db
    .select()
    .from(arrondissements)
    .where(eq(arrondissements.departmentCode, code))
    .orderBy(asc(arrondissements.code))
    .all();
  return {
    code: department.code,
    name: department.name,
    arrondissements: arrondissementRows.map((a) => ({
      code: a.code,
      name: a.name,
      communes: communeRows
        .filter((c) => c.arrondissementCode === a.code)
        .map((c) => ({
          code: c.code,
          name: c.name,
          source: c.source,
          sectionCount: sectionCounts.find((s) => s.code === c.code)?.n ?? 0,
        })),
    })),
  };
}

export function getCommune(db: Db, code: string) {
  const row = db
    .select({ commune: communes, department: departments, arrondissement: arrondissements })
    .from(communes)
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .innerJoin(arrondissements, eq(arrondissements.code, communes.arrondissementCode))
    .where(eq(communes.code, code))
    .get();
  if (!row) return null;
  const sectionRows = db.select().from(sections).where(eq(sections.communeCode, code)).orderBy(asc(sections.number)).all();
  return {
    code: row.commune.code,
    name: row.commune.name,
    source: row.commune.source,
    department: { code: row.department.code, name: row.department.name },
    arrondissement: { code: row.arrondissement.code, name: row.arrondissement.name },
    sections: sectionRows.map((s) => ({
      code: s.code,
      number: s.number,
      name: s.name,
      label: s.label,
      aliases: s.aliases,
      source: s.source,
    })),
  };
}

const SEARCH_LIMIT = 50;

/** Communes and sections whose name (or another spelling) contains the query, accents ignored. */
export function searchGeography(db: Db, query: string) {
  const words = searchKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return { communes: [], sections: [] };
  const pattern = `%${words.join(" ")}%`;
  const communeRows = db
    .select({ code: communes.code, name: communes.name, departmentCode: departments.code, departmentName: departments.name })
    .from(communes)
    .innerJoin(departments, eq(departments.code, communes.departmentCode))
    .where(like(communes.searchKey, pattern))
    .orderBy(asc(communes.name))
    .limit(SEARCH_LIMIT)
    .all();
  const sectionRows = db
    .select({
      code: sections.code,
      label: sections.label,
      name: sections.name,
      aliases: sections.aliases,
      communeCode: communes.code,
      communeName: communes.name,
      departmentCode: communes.departmentCode,
    })
    .from(sections)
    .innerJoin(communes, eq(communes.code, sections.communeCode))
    .where(like(sections.searchKey, pattern))
    .orderBy(asc(sections.name), asc(sections.code))
    .limit(SEARCH_LIMIT)
    .all();
  return { communes: communeRows, sections: sectionRows };
}

export function addCommune(
  db: Db,
  actor: Actor | null,
  departmentCode: string,
  input: AddCommune,
  now: number,
): Result<{ code: string }, GeographyCode> {
  if (!can(actor, "geography.edit")) return fail("forbidden");
  const arrondissement = db.select().from(arrondissements).where(eq(arrondissements.code, input.arrondissementCode)).get();
  if (!arrondissement || arrondissement.departmentCode !== departmentCode) return fail("arrondissement_not_found", "arrondissementCode");
  const used = db.select({ code: communes.code }).from(communes).where(eq(communes.departmentCode, departmentCode)).all().map((c) => c.code);
  const code = input.code ?? nextFreeCommuneCode(arrondissement.code, used);
  if (!code) return fail("no_free_code", "code");
  if (!code.startsWith(arrondissement.code)) return fail("code_outside_arrondissement", "code");
  if (db.select({ code: communes.code }).from(communes).where(eq(communes.code, code)).get()) return fail("code_taken", "code");
  const key = searchKey(input.name);
  if (db.select({ code: communes.code }).from(communes).where(and(eq(communes.departmentCode, departmentCode), eq(communes.searchKey, key))).get()) {
    return fail("name_taken", "name");
  }
  const row = { code, departmentCode, arrondissementCode: arrondissement.code, name: input.name, nameOcha: null, searchKey: key, source: "local" as const, createdAt: now };
  db.transaction((tx) => {
    tx.insert(communes).values(row).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "commune.add", spaceId: null, subjectType: "commune", subjectId: code, after: row });
  });
  return ok({ code });
}

export function addSection(
  db: Db,
  actor: Actor | null,
  communeCode: string,
  input: AddSection,
  now: number,
): Result<{ code: string }, GeographyCode> {
  if (!can(actor, "geography.edit")) return fail("forbidden");
  if (!db.select({ code: communes.code }).from(communes).where(eq(communes.code, communeCode)).get()) return fail("commune_not_found");
  const existing = db.select().from(sections).where(eq(sections.communeCode, communeCode)).all();
  const number = input.number ?? nextFreeSectionNumber(existing.map((s) => s.number));
  if (existing.some((s) => s.number === number)) return fail("number_taken", "number");
  if (existing.some((s) => s.searchKey.split("|")[0] === searchKey(input.name))) return fail("name_taken", "name");
  const code = sectionCode(communeCode, number);
  const row = {
    code,
    communeCode,
    number,
    name: input.name,
    label: sectionLabel(number, input.name),
    aliases: input.aliases,
    searchKey: searchKeyWithAliases(input.name, input.aliases),
    source: "local" as const,
    createdAt: now,
  };
  db.transaction((tx) => {
    tx.insert(sections).values(row).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "section.add", spaceId: null, subjectType: "section", subjectId: code, after: row });
  });
  return ok({ code });
}
