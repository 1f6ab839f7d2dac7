import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { communes, sections } from "./geography";

import type { MajorityRule, SpaceLevel, SpaceSetting, SpaceStatus, VotingBase } from "../../app/modules/spaces/space-options";

/** A Makòn consultation space and its rules. */
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
    votingBase: text("voting_base").$type<VotingBase>().notNull().default("organisation"),
    /** Share of member organisations that must be present, in percent. */
    quorumPercent: integer("quorum_percent").notNull().default(50),
    majorityRule: text("majority_rule").$type<MajorityRule>().notNull().default("simple"),
    titularSeats: integer("titular_seats").notNull().default(1),
    substituteSeats: integer("substitute_seats").notNull().default(1),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("spaces_commune_idx").on(t.communeCode)],
);
