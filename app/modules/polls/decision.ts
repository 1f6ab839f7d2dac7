/**
 * How a poll is decided, from its tallies and the rules recorded when it opened. Integers
 * only, compared by cross-multiplication (no division, no rounding), so a boundary such as
 * "two thirds" is exact: 20 of 30 is two thirds, 19 of 29 is not. The result is stored with
 * the poll; every screen, page, export and report reads the stored result.
 */

/** Votes per option, in whole units (one per voter, or per organisation). */
export interface Tally {
  yes: number;
  no: number;
  abstain: number;
}

export const MAJORITY_KINDS = ["simple", "absolute", "two_thirds", "three_quarters"] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];

/**
 * - simple: more for than against;
 * - absolute: for is more than half of a base: the valid votes, or the eligible voters present;
 * - two_thirds / three_quarters: of the votes cast for and against (and abstentions when they
 *   count), reached "at least" or only when "more than" the fraction.
 */
export type Majority =
  | { kind: "simple" }
  | { kind: "absolute"; base: "valid" | "eligible" }
  | { kind: "two_thirds" | "three_quarters"; boundary: "at_least" | "more_than" };

export interface DecisionRules {
  majority: Majority;
  /** Whether abstentions count in the base of an absolute majority of valid votes and of a qualified one. */
  abstentionsCount: boolean;
  /** Share (per cent) of member organisations that must be present when the poll opens; null: none. */
  presenceQuorumPercent: number | null;
  /** Share (per cent) of the eligible voters who must vote (abstaining is voting); null: none. */
  turnoutQuorumPercent: number | null;
}

/** What the rules are applied to: the tally, and the counts frozen when the poll opened. */
export interface PollFacts {
  tally: Tally;
  /** Eligible voters present when the poll opened (their weight). */
  eligible: number;
  /** Member organisations present, and all member organisations, when the poll opened. */
  organisationsPresent: number;
  organisations: number;
}

export type Outcome = "adopted" | "rejected" | "no_decision";
export type DecisionReason = "presence_quorum" | "turnout_quorum" | "no_votes" | "only_abstentions" | "tie" | "majority_reached" | "majority_missed" | "consensus" | "no_consensus";

export interface Decision {
  outcome: Outcome;
  reason: DecisionReason;
  /** The votes the majority was measured against (for: compared with this base), for the words on screen. */
  base: number;
}

export const cast = (tally: Tally): number => tally.yes + tally.no + tally.abstain;

/** Whether `part` reaches `percent` per cent of `whole` (at least). */
const reachesPercent = (part: number, whole: number, percent: number) => part * 100 >= percent * whole;

/** Whether the presence quorum is met with these counts (checked when the poll opens). */
export function presenceQuorumMet(rules: Pick<DecisionRules, "presenceQuorumPercent">, organisationsPresent: number, organisations: number): boolean {
  return rules.presenceQuorumPercent === null || reachesPercent(organisationsPresent, organisations, rules.presenceQuorumPercent);
}

export function decide(rules: DecisionRules, facts: PollFacts): Decision {
  const { yes, no, abstain } = facts.tally;
  const counted = yes + no + (rules.abstentionsCount ? abstain : 0);
  const base = rules.majority.kind === "absolute" && rules.majority.base === "eligible" ? facts.eligible : rules.majority.kind === "simple" ? yes + no : counted;
  const result = (outcome: Outcome, reason: DecisionReason): Decision => ({ outcome, reason, base });
  // A missed quorum decides nothing: it is never recorded as a rejection.
  if (!presenceQuorumMet(rules, facts.organisationsPresent, facts.organisations)) return result("no_decision", "presence_quorum");
  if (rules.turnoutQuorumPercent !== null && !reachesPercent(cast(facts.tally), facts.eligible, rules.turnoutQuorumPercent)) return result("no_decision", "turnout_quorum");
  if (cast(facts.tally) === 0) return result("rejected", "no_votes");
  if (yes === 0 && no === 0) return result("rejected", "only_abstentions");
  if (yes === no) return result("rejected", "tie");
  return result(reached(rules.majority, yes, no, base) ? "adopted" : "rejected", reached(rules.majority, yes, no, base) ? "majority_reached" : "majority_missed");
}

/**
 * A poll held by consensus: adopted when the facilitator records consensus, not adopted when
 * objections stand. The presence quorum applies as to a vote; there is no tally.
 */
export function decideConsensus(rules: Pick<DecisionRules, "presenceQuorumPercent">, facts: { reached: boolean; organisationsPresent: number; organisations: number }): Decision {
  const result = (outcome: Outcome, reason: DecisionReason): Decision => ({ outcome, reason, base: 0 });
  if (!presenceQuorumMet(rules, facts.organisationsPresent, facts.organisations)) return result("no_decision", "presence_quorum");
  return facts.reached ? result("adopted", "consensus") : result("rejected", "no_consensus");
}

function reached(majority: Majority, yes: number, no: number, base: number): boolean {
  switch (majority.kind) {
    case "simple":
      return yes > no;
    case "absolute":
      return yes * 2 > base;
    case "two_thirds":
    case "three_quarters": {
      const [num, den] = majority.kind === "two_thirds" ? [2, 3] : [3, 4];
      return majority.boundary === "at_least" ? yes * den >= num * base : yes * den > num * base;
    }
  }
}

/**
 * A hybrid poll: phone ballots and a counted show of hands. The hands are those of the
 * eligible present voters who did not vote by phone, so a hand count larger than that is
 * refused; the result adds both, nobody counted twice.
 */
export function handLimit(eligible: number, votedByPhone: number): number {
  return Math.max(0, eligible - votedByPhone);
}

export function addTallies(a: Tally, b: Tally): Tally {
  return { yes: a.yes + b.yes, no: a.no + b.no, abstain: a.abstain + b.abstain };
}

/** Why a tally entered by hand is refused, or null. */
export function tallyRefusal(tally: Tally, limit: number): "not_whole" | "over_limit" | null {
  if (![tally.yes, tally.no, tally.abstain].every((n) => Number.isSafeInteger(n) && n >= 0)) return "not_whole";
  return cast(tally) > limit ? "over_limit" : null;
}
