import { z } from "zod";
import { checkbox, optionalText, requiredText } from "../forms";
import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexKey } from "../people/disaggregation";
import { BALLOT_CHOICES, POLL_METHODS } from "./methods";
import { MAJORITY_CHOICES, majorityOf } from "./rules";

/** The forms of polls (the console's and the phone's), as their commands take them. */

const id = z.coerce.number().int().positive();
const count = z.string().trim().regex(/^\d{1,6}$/, { error: "error.count" }).transform(Number);
const blankOr = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const percent = blankOr(z.coerce.number({ error: "error.invalid" }).int({ error: "error.invalid" }).min(1, { error: "error.invalid" }).max(100, { error: "error.invalid" }));

export const OpenPollSchema = z
  .object({
    question: requiredText(500),
    motionId: blankOr(id),
    method: z.enum(POLL_METHODS, { error: "error.invalid" }),
    majority: z.enum(MAJORITY_CHOICES, { error: "error.invalid" }),
    abstentionsCount: checkbox,
    presenceQuorumPercent: percent,
    turnoutQuorumPercent: percent,
    countdownMinutes: blankOr(z.coerce.number({ error: "error.minutes" }).int({ error: "error.minutes" }).min(1, { error: "error.minutes" }).max(120, { error: "error.minutes" })),
  })
  .transform((v) => ({
    question: v.question,
    motionId: v.motionId ?? null,
    method: v.method,
    rules: { majority: majorityOf(v.majority), abstentionsCount: v.abstentionsCount, presenceQuorumPercent: v.presenceQuorumPercent ?? null, turnoutQuorumPercent: v.turnoutQuorumPercent ?? null },
    countdownMinutes: v.countdownMinutes ?? null,
  }));
export type OpenPoll = z.output<typeof OpenPollSchema>;

/** A ballot, from the phone's form or its socket: the poll it is for (never "the open one": a late ballot must not land in the next poll) and the choice. */
export const BallotSchema = z.object({ pollId: id, choice: z.enum(BALLOT_CHOICES, { error: "error.invalid" }) });
export type Ballot = z.output<typeof BallotSchema>;

/** The field of a breakdown cell: the hands for, of one sex and age group ("for_female_18_24"). */
export const breakdownField = (sex: SexKey, age: AgeKey) => `for_${sex}_${age}`;
const breakdownShape = Object.fromEntries(SEX_KEYS.flatMap((sex) => AGE_KEYS.map((age) => [breakdownField(sex, age), blankOr(count)]))) as Record<string, ReturnType<typeof blankOr<typeof count>>>;

/** Counted hands (or paper ballots), optionally the hands for by sex and age group: all cells blank is no breakdown. */
export const HandsSchema = z
  .object({ pollId: id, yes: count, no: count, abstain: count, ...breakdownShape })
  .transform((v) => {
    const cells = v as unknown as Record<string, number | undefined>;
    const given = SEX_KEYS.some((sex) => AGE_KEYS.some((age) => cells[breakdownField(sex, age)] !== undefined));
    const breakdown = given ? (Object.fromEntries(SEX_KEYS.map((sex) => [sex, Object.fromEntries(AGE_KEYS.map((age) => [age, cells[breakdownField(sex, age)] ?? 0]))])) as HandsBreakdown) : null;
    return { pollId: v.pollId, tally: { yes: v.yes, no: v.no, abstain: v.abstain }, breakdown };
  });
export type Hands = z.output<typeof HandsSchema>;
export type HandsBreakdown = Record<SexKey, Record<AgeKey, number>>;

export const ConsensusSchema = z.object({
  pollId: id,
  reached: z.enum(["yes", "no"], { error: "error.required" }).transform((v) => v === "yes"),
  objections: optionalText(2000).transform((v) => v ?? ""),
});
export type Consensus = z.output<typeof ConsensusSchema>;

export const ClosePollSchema = z.object({ pollId: id });

/**
 * The console's one step after a poll on a motion or amendment: recorded adopted or rejected
 * with that poll (the command checks the poll decided so), or withdrawn, or referred to a later
 * meeting or to an authority.
 */
export const PollDecisionSchema = z.object({
  motionId: id,
  move: z.enum(["adopt", "reject", "withdraw", "refer"], { error: "error.invalid" }),
  pollId: blankOr(id),
  referredAuthorityId: blankOr(id),
});
export type PollDecision = z.output<typeof PollDecisionSchema>;

/** The console's poll forms, by intent; each is parsed by its own schema above. */
export const POLL_INTENTS = ["poll-open", "poll-hands", "poll-consensus", "poll-close", "poll-decide"] as const;
export type PollIntent = (typeof POLL_INTENTS)[number];
export const isPollIntent = (intent: unknown): intent is PollIntent => (POLL_INTENTS as readonly unknown[]).includes(intent);
