import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { meetings } from "./meetings";
import { organisations } from "./organisations";
import { authorities, people } from "./people";
import { spaces } from "./spaces";
import { users } from "./users";
import type { MotionMove, MotionState } from "../../app/modules/motions/motion-state";
import type { MotionTheme } from "../../app/modules/motions/themes";

/**
 * A motion, or an amendment to one (`parentId` set): proposed by a member organisation
 * through its delegate, admitted to a meeting, decided. Motions are numbered per space and
 * year (M-2026-014); an amendment by its rank under its motion.
 */
export const motions = sqliteTable(
  "motions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    /** The motion an amendment amends; null for a motion. */
    parentId: integer("parent_id"),
    year: integer("year").notNull(),
    /** Rank in the space and year (motions), or under the motion (amendments). */
    sequence: integer("sequence").notNull(),
    title: text("title").notNull(),
    /** A motion's current text (Markdown); its versions are kept in `motion_versions`. */
    text: text("text").notNull().default(""),
    rationale: text("rationale").notNull().default(""),
    theme: text("theme").$type<MotionTheme>().notNull().default("other"),
    /** The authority it addresses, if any. */
    authorityId: integer("authority_id").references(() => authorities.id),
    /** An amendment: the paragraph it replaces (0-based), as it read, and the replacement. */
    paragraph: integer("paragraph"),
    originalText: text("original_text"),
    replacementText: text("replacement_text"),
    proposerOrganisationId: integer("proposer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    proposerPersonId: integer("proposer_person_id")
      .notNull()
      .references(() => people.id),
    state: text("state").$type<MotionState>().notNull().default("draft"),
    /** The meeting it is admitted to (or was decided in). */
    meetingId: integer("meeting_id").references(() => meetings.id),
    /** Referred to an authority rather than a later meeting. */
    referredAuthorityId: integer("referred_authority_id").references(() => authorities.id),
    /** Escalation: the motion of a section's space this one was forwarded from. */
    forwardedFromId: integer("forwarded_from_id"),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // NULLs are distinct in a unique index: motions and amendments are numbered by two partial ones.
    uniqueIndex("motions_number_idx").on(t.spaceId, t.year, t.sequence).where(sql`${t.parentId} IS NULL`),
    uniqueIndex("motions_amendment_number_idx").on(t.parentId, t.sequence).where(sql`${t.parentId} IS NOT NULL`),
    index("motions_space_state_idx").on(t.spaceId, t.state),
    index("motions_parent_idx").on(t.parentId),
    index("motions_forwarded_idx").on(t.forwardedFromId),
  ],
);

/** Every text a motion has had: as submitted, then after each adopted amendment. */
export const motionVersions = sqliteTable(
  "motion_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    version: integer("version").notNull(),
    text: text("text").notNull(),
    /** The adopted amendment that made this version; null for the submitted text. */
    amendmentId: integer("amendment_id").references(() => motions.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("motion_versions_idx").on(t.motionId, t.version)],
);

/** An organisation invited to co-sponsor a motion; it accepts (or declines) through its own delegate. */
export const motionCosponsors = sqliteTable(
  "motion_cosponsors",
  {
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    invitedAt: integer("invited_at").notNull(),
    answeredAt: integer("answered_at"),
    accepted: integer("accepted", { mode: "boolean" }),
    answeredByPersonId: integer("answered_by_person_id").references(() => people.id),
  },
  (t) => [uniqueIndex("motion_cosponsors_idx").on(t.motionId, t.organisationId)],
);

/** A motion's history of states: each move, by whom and when (and in which meeting). */
export const motionEvents = sqliteTable(
  "motion_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id),
    move: text("move").$type<MotionMove | "forward" | "amend">().notNull(),
    fromState: text("from_state").$type<MotionState>(),
    toState: text("to_state").$type<MotionState>().notNull(),
    actorId: text("actor_id").references(() => users.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    /** The poll whose result decided it, when one did. */
    pollId: integer("poll_id"),
    note: text("note").notNull().default(""),
    at: integer("at").notNull(),
  },
  (t) => [index("motion_events_motion_idx").on(t.motionId, t.at)],
);
