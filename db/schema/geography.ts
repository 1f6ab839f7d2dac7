import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Where a row comes from: the official reference data, or an administrator's addition. */
export type GeographySource = "reference" | "local";

export const departments = sqliteTable("departments", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameOcha: text("name_ocha").notNull(),
});

export const arrondissements = sqliteTable("arrondissements", {
  code: text("code").primaryKey(),
  departmentCode: text("department_code")
    .notNull()
    .references(() => departments.code),
  name: text("name").notNull(),
});

export const communes = sqliteTable(
  "communes",
  {
    code: text("code").primaryKey(),
    departmentCode: text("department_code")
      .notNull()
      .references(() => departments.code),
    arrondissementCode: text("arrondissement_code")
      .notNull()
      .references(() => arrondissements.code),
    name: text("name").notNull(),
    nameOcha: text("name_ocha"),
    /** Accent-free, lower-case name used by the search. */
    searchKey: text("search_key").notNull(),
    source: text("source").$type<GeographySource>().notNull().default("reference"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("communes_department_idx").on(t.departmentCode)],
);

export const sections = sqliteTable(
  "sections",
  {
    code: text("code").primaryKey(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    label: text("label").notNull(),
    /** JSON array of other spellings in use. */
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Accent-free, lower-case name and aliases, separated by "|". */
    searchKey: text("search_key").notNull(),
    source: text("source").$type<GeographySource>().notNull().default("reference"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("sections_commune_number_idx").on(t.communeCode, t.number)],
);
