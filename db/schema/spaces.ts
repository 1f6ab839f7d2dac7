import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { communes, sections } from "./geography";

export type SpaceLevel = "commune" | "section";
export type SpaceSetting = "rural" | "urban";
export type SpaceStatus = "active" | "dormant";

/** A Makòn consultation space. Its rules and members come with the spaces issue. */
export const spaces = sqliteTable(
  "spaces",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    level: text("level").$type<SpaceLevel>().notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    sectionCode: text("section_code").references(() => sections.code),
    setting: text("setting").$type<SpaceSetting>().notNull(),
    description: text("description").notNull().default(""),
    status: text("status").$type<SpaceStatus>().notNull().default("active"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("spaces_commune_idx").on(t.communeCode)],
);
