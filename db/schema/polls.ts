import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { meetings } from "./meetings";
import { motions } from "./motions";
import { organisations } from "./organisations";
import { people } from "./people";
import { users } from "./users";
import type { Decision, DecisionRules } from "../../app/modules/polls/decision";
import type { BallotChoice, PollMethod, PollState } from "../../app/modules/polls/methods";
import type { VotingBase } from "../../app/modules/spaces/space-options";
import type { SexAgeTally } from "../../app/modules/people/disaggregation";

/**
 * A poll in a meeting, on a motion or an amendment. Its rules are recorded when it opens, and
 * the figures the rules need are frozen then (organisations present, eligible voters); the
 * result is decided once, at closing, and stored: every page reads the stored result.
 *
 * Phone ballots are added to the counters here in the same transaction that records that the
 * voter voted: a secret poll keeps no row per ballot holding a choice.
 */
export const polls = sqliteTable(
  "polls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    motionId: integer("motion_id").references(() => motions.id),
    question: text("question").notNull(),
    method: text("method").$type<PollMethod>().notNull(),
    state: text("state").$type<PollState>().notNull().default("open"),
    votingBase: text("voting_base").$type<VotingBase>().notNull(),
    rules: text("rules", { mode: "json" }).$type<DecisionRules>().notNull(),
    /** Frozen at opening: the presence quorum's figures and the number of eligible voters. */
    organisationsPresent: integer("organisations_present").notNull(),
    organisations: integer("organisations").notNull(),
    eligible: integer("eligible").notNull(),
    /** Phone ballots, by option. */
    phoneYes: integer("phone_yes").notNull().default(0),
    phoneNo: integer("phone_no").notNull().default(0),
    phoneAbstain: integer("phone_abstain").notNull().default(0),
    /** A counted show of hands (or paper ballots), entered at closing; null when none. */
    handsYes: integer("hands_yes"),
    handsNo: integer("hands_no"),
    handsAbstain: integer("hands_abstain"),
    /** The hands for, optionally by sex and age group (never for a secret poll). */
    handsBreakdown: text("hands_breakdown", { mode: "json" }).$type<SexAgeTally>(),
    /** Consensus: reached or not, and the objections raised. */
    consensus: integer("consensus", { mode: "boolean" }),
    objections: text("objections"),
    /** The decision, stored at closing. */
    result: text("result", { mode: "json" }).$type<Decision>(),
    /** A countdown shown on the screen and phones; the facilitator still closes the poll. */
    closesAt: integer("closes_at"),
    openedAt: integer("opened_at").notNull(),
    closedAt: integer("closed_at"),
    openedBy: text("opened_by").references(() => users.id),
  },
  (t) => [index("polls_meeting_idx").on(t.meetingId), index("polls_motion_idx").on(t.motionId)],
);

/**
 * Who may vote in a poll, frozen when it opens (one row per voter, written in voter order),
 * and whether they have voted. The choice is kept only for a named poll; in a secret poll it
 * goes to the counters and nowhere else, and this table has no time column, so neither the
 * rows nor their order say who voted what or when.
 */
export const pollVoters = sqliteTable(
  "poll_voters",
  {
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    voted: integer("voted", { mode: "boolean" }).notNull().default(false),
    /** Named polls only. */
    choice: text("choice").$type<BallotChoice>(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.personId] })],
);
