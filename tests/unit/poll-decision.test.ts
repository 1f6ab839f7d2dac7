import { describe, expect, it } from "vitest";
import { addTallies, decide, decideConsensus, handLimit, presenceQuorumMet, tallyRefusal, type DecisionRules, type Majority, type PollFacts } from "../../app/modules/polls/decision";

const rules = (majority: Majority, extra: Partial<DecisionRules> = {}): DecisionRules => ({ majority, abstentionsCount: false, presenceQuorumPercent: null, turnoutQuorumPercent: null, ...extra });
const facts = (yes: number, no: number, abstain: number, extra: Partial<PollFacts> = {}): PollFacts => ({ tally: { yes, no, abstain }, eligible: 40, organisationsPresent: 20, organisations: 20, ...extra });
const outcome = (r: DecisionRules, f: PollFacts) => {
  const d = decide(r, f);
  return `${d.outcome}:${d.reason}`;
};

describe("deciding a poll", () => {
  it.each([
    // simple: more for than against, abstentions aside
    [{ kind: "simple" }, 11, 10, 30, "adopted:majority_reached"],
    [{ kind: "simple" }, 10, 11, 0, "rejected:majority_missed"],
    [{ kind: "simple" }, 10, 10, 5, "rejected:tie"],
    // absolute of the valid votes (abstentions not counted here)
    [{ kind: "absolute", base: "valid" }, 11, 10, 9, "adopted:majority_reached"],
    // absolute of the eligible present (40): 21 is more than half, 20 is not
    [{ kind: "absolute", base: "eligible" }, 21, 0, 0, "adopted:majority_reached"],
    [{ kind: "absolute", base: "eligible" }, 20, 1, 0, "rejected:majority_missed"],
    // two thirds of 30 votes for and against: 20 reaches it "at least", not "more than"
    [{ kind: "two_thirds", boundary: "at_least" }, 20, 10, 7, "adopted:majority_reached"],
    [{ kind: "two_thirds", boundary: "more_than" }, 20, 10, 7, "rejected:majority_missed"],
    [{ kind: "two_thirds", boundary: "more_than" }, 21, 10, 0, "adopted:majority_reached"],
    [{ kind: "two_thirds", boundary: "at_least" }, 19, 10, 0, "rejected:majority_missed"],
    // three quarters of 40: 30 at least, 31 more than
    [{ kind: "three_quarters", boundary: "at_least" }, 30, 10, 0, "adopted:majority_reached"],
    [{ kind: "three_quarters", boundary: "at_least" }, 29, 10, 0, "rejected:majority_missed"],
    [{ kind: "three_quarters", boundary: "more_than" }, 30, 10, 0, "rejected:majority_missed"],
    [{ kind: "three_quarters", boundary: "more_than" }, 31, 10, 0, "adopted:majority_reached"],
  ] as const)("%o with %i for, %i against, %i abstaining: %s", (majority, yes, no, abstain, expected) => {
    expect(outcome(rules(majority), facts(yes, no, abstain))).toBe(expected);
  });

  it("counts abstentions in the base only when the rules say so", () => {
    // 20 for, 10 against, 3 abstaining: two thirds of 30, but not of 33.
    expect(outcome(rules({ kind: "two_thirds", boundary: "at_least" }), facts(20, 10, 3))).toBe("adopted:majority_reached");
    expect(outcome(rules({ kind: "two_thirds", boundary: "at_least" }, { abstentionsCount: true }), facts(20, 10, 3))).toBe("rejected:majority_missed");
    // 11 for, 10 against, 2 abstaining: more than half of 21, not of 23.
    expect(outcome(rules({ kind: "absolute", base: "valid" }, { abstentionsCount: true }), facts(11, 10, 2))).toBe("rejected:majority_missed");
    expect(decide(rules({ kind: "absolute", base: "valid" }, { abstentionsCount: true }), facts(11, 10, 2)).base).toBe(23);
  });

  it("rejects a poll with no votes, a tie and one where everybody abstained", () => {
    for (const majority of [{ kind: "simple" }, { kind: "absolute", base: "valid" }, { kind: "two_thirds", boundary: "at_least" }] as const) {
      expect(outcome(rules(majority), facts(0, 0, 0))).toBe("rejected:no_votes");
      expect(outcome(rules(majority), facts(0, 0, 12))).toBe("rejected:only_abstentions");
      expect(outcome(rules(majority), facts(7, 7, 1))).toBe("rejected:tie");
    }
  });

  it("records a missed quorum as no decision, never as a rejection", () => {
    const quorum = rules({ kind: "simple" }, { presenceQuorumPercent: 50, turnoutQuorumPercent: 60 });
    // 9 of 20 organisations present: below half.
    expect(outcome(quorum, facts(30, 0, 0, { organisationsPresent: 9 }))).toBe("no_decision:presence_quorum");
    expect(outcome(quorum, facts(24, 0, 0, { organisationsPresent: 10 }))).toBe("adopted:majority_reached");
    // 60 % of 40 eligible is 24 votes cast, abstentions included.
    expect(outcome(quorum, facts(20, 2, 1))).toBe("no_decision:turnout_quorum");
    expect(outcome(quorum, facts(20, 2, 2))).toBe("adopted:majority_reached");
    // No votes with a turnout quorum is a missed quorum.
    expect(outcome(quorum, facts(0, 0, 0))).toBe("no_decision:turnout_quorum");
    expect(presenceQuorumMet({ presenceQuorumPercent: 50 }, 10, 20)).toBe(true);
    expect(presenceQuorumMet({ presenceQuorumPercent: 50 }, 9, 20)).toBe(false);
    expect(presenceQuorumMet({ presenceQuorumPercent: null }, 0, 20)).toBe(true);
  });

  it("adopts by consensus, rejects when objections stand, and decides nothing without the presence quorum", () => {
    const consensus = (reached: boolean, organisationsPresent: number) => {
      const d = decideConsensus({ presenceQuorumPercent: 50 }, { reached, organisationsPresent, organisations: 20 });
      return `${d.outcome}:${d.reason}`;
    };
    expect(consensus(true, 10)).toBe("adopted:consensus");
    expect(consensus(false, 10)).toBe("rejected:no_consensus");
    expect(consensus(true, 9)).toBe("no_decision:presence_quorum");
  });

  it("adds a hybrid poll's phones and hands, the hands limited to those who did not vote by phone", () => {
    expect(handLimit(40, 31)).toBe(9);
    expect(handLimit(5, 5)).toBe(0);
    expect(tallyRefusal({ yes: 5, no: 3, abstain: 1 }, 9)).toBeNull();
    expect(tallyRefusal({ yes: 5, no: 4, abstain: 1 }, 9)).toBe("over_limit");
    expect(tallyRefusal({ yes: 1.5, no: 0, abstain: 0 }, 9)).toBe("not_whole");
    expect(tallyRefusal({ yes: -1, no: 0, abstain: 0 }, 9)).toBe("not_whole");
    const total = addTallies({ yes: 20, no: 8, abstain: 3 }, { yes: 5, no: 3, abstain: 1 });
    expect(total).toEqual({ yes: 25, no: 11, abstain: 4 });
    expect(outcome(rules({ kind: "two_thirds", boundary: "at_least" }), facts(total.yes, total.no, total.abstain))).toBe("adopted:majority_reached");
  });
});
