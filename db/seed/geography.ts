import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { arrondissements, communes, departments, sections } from "../schema/index";
import { searchKey, searchKeyWithAliases } from "../../app/modules/geography/search-key";

interface AdminFile {
  departments: {
    code: string;
    name: string;
    nameOcha: string;
    communes: {
      code: string;
      name: string;
      nameOcha: string;
      arrondissement: string;
      arrondissementCode: string;
      sections: { code: string; name: string; number: number; label: string; aliases?: string[] }[];
    }[];
  }[];
}

const dataFile = join(dirname(fileURLToPath(import.meta.url)), "haiti-admin.json");

export function readReferenceGeography(): AdminFile {
  return JSON.parse(readFileSync(dataFile, "utf8")) as AdminFile;
}

/**
 * Loads Haiti's departments, arrondissements, communes and sections from the project's copy
 * of the reference data. Idempotent: rows already there (and administrators' additions)
 * are left as they are.
 */
export function loadGeography(db: Db, now: number, data: AdminFile = readReferenceGeography()): { inserted: number } {
  let inserted = 0;
  db.transaction((tx) => {
    for (const dep of data.departments) {
      inserted += tx.insert(departments).values({ code: dep.code, name: dep.name, nameOcha: dep.nameOcha }).onConflictDoNothing().run().changes;
      for (const commune of dep.communes) {
        inserted += tx
          .insert(arrondissements)
          .values({ code: commune.arrondissementCode, departmentCode: dep.code, name: commune.arrondissement })
          .onConflictDoNothing()
          .run().changes;
        inserted += tx
          .insert(communes)
          .values({
            code: commune.code,
            departmentCode: dep.code,
            arrondissementCode: commune.arrondissementCode,
            name: commune.name,
            nameOcha: commune.nameOcha,
            searchKey: searchKey(commune.name),
            source: "reference",
            createdAt: now,
          })
          .onConflictDoNothing()
          .run().changes;
        for (const section of commune.sections) {
          const aliases = section.aliases ?? [];
          inserted += tx
            .insert(sections)
            .values({
              code: section.code,
              communeCode: commune.code,
              number: section.number,
              name: section.name,
              label: section.label,
              aliases,
              searchKey: searchKeyWithAliases(section.name, aliases),
              source: "reference",
              createdAt: now,
            })
            .onConflictDoNothing()
            .run().changes;
        }
      }
    }
  });
  return { inserted };
}

export function geographyCounts(db: Db) {
  const count = (table: string) =>
    (db.get(sql.raw(`select count(*) as n from ${table}`)) as { n: number }).n;
  return {
    departments: count("departments"),
    arrondissements: count("arrondissements"),
    communes: count("communes"),
    sections: count("sections"),
  };
}
