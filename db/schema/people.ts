import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communes, sections } from "./geography";
import { organisations } from "./organisations";
import { spaces } from "./spaces";
import { users } from "./users";
import type { Locale } from "../../app/modules/i18n/locales";
import type { AuthorityKind } from "../../app/modules/organisations/types";
import type { AgeGroupId } from "../../app/modules/people/age-groups";
import type { Sex } from "../../app/modules/people/sex";
import type { SeatKind } from "../../app/modules/spaces/seats";

export const people = sqliteTable("people", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** null: not stated, and never guessed. */
  sex: text("sex").$type<Sex>(),
  birthYear: integer("birth_year"),
  /** Used when the birth year is not known. */
  ageGroup: text("age_group").$type<AgeGroupId>(),
  disability: integer("disability", { mode: "boolean" }).notNull().default(false),
  /** Agreed to be named on public pages; minors are never named, whatever this says. */
  namedPublicly: integer("named_publicly", { mode: "boolean" }).notNull().default(false),
  phone: text("phone"),
  preferredLanguage: text("preferred_language").$type<Locale>(),
  /** The account that acts as this person; one person per account (NULLs aside, unique). */
  userId: text("user_id").references(() => users.id),
  createdAt: integer("created_at").notNull(),
}, (t) => [uniqueIndex("people_user_idx").on(t.userId)]);

/** A person seated as an organisation's delegate to a space, for a period. */
export const delegateSeats = sqliteTable(
  "delegate_seats",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    seat: text("seat").$type<SeatKind>().notNull(),
    fromDate: text("from_date").notNull(),
    toDate: text("to_date"),
    createdAt: integer("created_at").notNull(),
  },
  // By person: who a signed-in account is, read on every request and socket command.
  (t) => [index("delegate_seats_space_idx").on(t.spaceId), index("delegate_seats_org_idx").on(t.organisationId), index("delegate_seats_person_idx").on(t.personId)],
);

export const authorities = sqliteTable(
  "authorities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").$type<AuthorityKind>().notNull(),
    name: text("name").notNull(),
    communeCode: text("commune_code")
      .notNull()
      .references(() => communes.code),
    sectionCode: text("section_code").references(() => sections.code),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("authorities_commune_idx").on(t.communeCode)],
);

export const officials = sqliteTable(
  "officials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    authorityId: integer("authority_id")
      .notNull()
      .references(() => authorities.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    title: text("title").notNull(),
    mandateStart: text("mandate_start"),
    mandateEnd: text("mandate_end"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("officials_authority_idx").on(t.authorityId), index("officials_person_idx").on(t.personId)],
);
