import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sections } from "./geography";
import { meetings } from "./meetings";
import { motions } from "./motions";
import { organisations } from "./organisations";
import { authorities, officials, people } from "./people";
import { spaces } from "./spaces";
import { users } from "./users";
import type { CommitmentActor, CommitmentMove, CommitmentState } from "../../app/modules/commitments/commitment-state";
import type { MotionTheme } from "../../app/modules/motions/themes";
import type { AgeKey, SexKey } from "../../app/modules/people/disaggregation";

/**
 * What an authority promised a space: by whom (an official, or an office without an account),
 * what, by when, for whom, in answer to which motion and in which meeting. Its state moves only
 * through `commitment_updates`, which keep every step; the state here is the last one's.
 */
export const commitments = sqliteTable(
  "commitments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    authorityId: integer("authority_id")
      .notNull()
      .references(() => authorities.id),
    /** The official who answers for it, when there is one; else `office` names who does. */
    officialId: integer("official_id").references(() => officials.id),
    office: text("office").notNull().default(""),
    title: text("title").notNull(),
    /** What exactly is promised (Markdown). */
    text: text("text").notNull().default(""),
    theme: text("theme").$type<MotionTheme>().notNull().default("other"),
    motionId: integer("motion_id").references(() => motions.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    sectionCode: text("section_code").references(() => sections.code),
    /** The due date in force (a day, "2027-03-31"); the first one agreed is kept beside it. */
    dueDate: text("due_date").notNull(),
    originalDueDate: text("original_due_date").notNull(),
    budgetHtg: integer("budget_htg"),
    beneficiaries: integer("beneficiaries"),
    beneficiariesNote: text("beneficiaries_note").notNull().default(""),
    beneficiariesBreakdown: text("beneficiaries_breakdown", { mode: "json" }).$type<Record<SexKey, Record<AgeKey, number>>>(),
    /** Shown on the public accountability board (with its updates and evidence). */
    public: integer("public", { mode: "boolean" }).notNull().default(true),
    state: text("state").$type<CommitmentState>().notNull().default("pledged"),
    /** The day it was promised (the meeting's, or the day it was recorded). */
    pledgedOn: text("pledged_on").notNull(),
    /** How many times it was claimed done: each claim gets its own round of the people's answers. */
    claimRound: integer("claim_round").notNull().default(0),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("commitments_space_idx").on(t.spaceId, t.state),
    index("commitments_authority_idx").on(t.authorityId),
    index("commitments_motion_idx").on(t.motionId),
  ],
);

/**
 * Every step of a commitment, append-only: its recording, a progress note, a claim, an
 * organisation's confirmation or dispute, what a meeting decided, a new due date. Who and when
 * on each; never updated nor deleted.
 */
export const commitmentUpdates = sqliteTable(
  "commitment_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    move: text("move").$type<CommitmentMove | "record">().notNull(),
    actorKind: text("actor_kind").$type<CommitmentActor>().notNull(),
    fromState: text("from_state").$type<CommitmentState>(),
    toState: text("to_state").$type<CommitmentState>().notNull(),
    note: text("note").notNull().default(""),
    percent: integer("percent"),
    link: text("link"),
    /** A reschedule's new due date, and the one it replaced. */
    dueDate: text("due_date"),
    previousDueDate: text("previous_due_date"),
    /** A confirmation or dispute: the organisation that answered, in which claim round. */
    organisationId: integer("organisation_id").references(() => organisations.id),
    claimRound: integer("claim_round"),
    /** The meeting that decided it, when one did. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    actorId: text("actor_id").references(() => users.id),
    actorPersonId: integer("actor_person_id").references(() => people.id),
    at: integer("at").notNull(),
  },
  (t) => [
    index("commitment_updates_commitment_idx").on(t.commitmentId, t.at),
    // Once per organisation and claim: a second answer is refused by the command and by the database.
    uniqueIndex("commitment_answers_idx").on(t.commitmentId, t.claimRound, t.organisationId).where(sql`${t.organisationId} IS NOT NULL`),
  ],
);

/** A photo or a document attached to an update; the file itself lives under the data folder. */
export const commitmentEvidence = sqliteTable(
  "commitment_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id")
      .notNull()
      .references(() => commitmentUpdates.id),
    commitmentId: integer("commitment_id")
      .notNull()
      .references(() => commitments.id),
    kind: text("kind").$type<"photo" | "document">().notNull(),
    /** Random stored names; never the uploader's. */
    file: text("file").notNull(),
    thumb: text("thumb"),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    originalName: text("original_name").notNull().default(""),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("commitment_evidence_file_idx").on(t.file), index("commitment_evidence_commitment_idx").on(t.commitmentId)],
);
