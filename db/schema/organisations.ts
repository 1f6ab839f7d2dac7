import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communes, sections } from "./geography";
import { spaces } from "./spaces";

import type { OrganisationType } from "../../app/modules/organisations/types";

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    acronym: text("acronym"),
    type: text("type").$type<OrganisationType>().notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    sectionCode: text("section_code").references(() => sections.code),
    yearFounded: integer("year_founded"),
    legallyRecognised: integer("legally_recognised", { mode: "boolean" }).notNull().default(false),
    ledByWoman: integer("led_by_woman", { mode: "boolean" }).notNull().default(false),
    ledByYouth: integer("led_by_youth", { mode: "boolean" }).notNull().default(false),
    archivedAt: integer("archived_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("organisations_commune_idx").on(t.communeCode)],
);

/** Members of an organisation by sex and age group, as counted at a date. */
export const membershipCounts = sqliteTable(
  "membership_counts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** YYYY-MM-DD */
    countedOn: text("counted_on").notNull(),
    women: integer("women").notNull(),
    men: integer("men").notNull(),
    /** Members per age group id (see app/modules/people/age-groups.ts). */
    byAgeGroup: text("by_age_group", { mode: "json" }).$type<Record<string, number>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("membership_counts_org_idx").on(t.organisationId, t.countedOn)],
);

/** An organisation's membership of a space; leaving closes the row, history stays. */
export const spaceMemberships = sqliteTable(
  "space_memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    joinedOn: text("joined_on").notNull(),
    leftOn: text("left_on"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("space_memberships_space_idx").on(t.spaceId), index("space_memberships_org_idx").on(t.organisationId)],
);

/**
 * How one space reaches an organisation: each space keeps its own contact, so admitting an
 * organisation that is a member elsewhere shows nothing of what the other spaces recorded.
 */
export const organisationContacts = sqliteTable(
  "organisation_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    contactName: text("contact_name"),
    phone: text("phone"),
    email: text("email"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("organisation_contacts_space_org_idx").on(t.spaceId, t.organisationId)],
);
