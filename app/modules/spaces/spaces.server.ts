import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { communes, departments, sections, spaces } from "../../../db/schema/index";

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
