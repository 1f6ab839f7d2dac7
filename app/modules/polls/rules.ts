import type { MajorityRule } from "../spaces/space-options";
import type { DecisionRules, Majority } from "./decision";

/**
 * A majority as one word, for a form's select and for the words on screen: the kind with its
 * base or its boundary.
 */
export const MAJORITY_CHOICES = [
  "simple",
  "absolute_valid",
  "absolute_eligible",
  "two_thirds_at_least",
  "two_thirds_more_than",
  "three_quarters_at_least",
  "three_quarters_more_than",
] as const;
export type MajorityChoice = (typeof MAJORITY_CHOICES)[number];

export function majorityOf(choice: MajorityChoice): Majority {
  switch (choice) {
    case "simple":
      return { kind: "simple" };
    case "absolute_valid":
      return { kind: "absolute", base: "valid" };
    case "absolute_eligible":
      return { kind: "absolute", base: "eligible" };
    case "two_thirds_at_least":
    case "two_thirds_more_than":
      return { kind: "two_thirds", boundary: choice === "two_thirds_at_least" ? "at_least" : "more_than" };
    case "three_quarters_at_least":
    case "three_quarters_more_than":
      return { kind: "three_quarters", boundary: choice === "three_quarters_at_least" ? "at_least" : "more_than" };
  }
}

export function majorityChoice(majority: Majority): MajorityChoice {
  switch (majority.kind) {
    case "simple":
      return "simple";
    case "absolute":
      return `absolute_${majority.base}`;
    case "two_thirds":
    case "three_quarters":
      return `${majority.kind}_${majority.boundary}`;
  }
}

/**
 * The rules a poll opens with unless the facilitator changes them: the space's majority (a
 * space that decides by consensus votes by simple majority when it does vote) and its
 * quorum; abstentions not counted; no turnout quorum.
 */
export function defaultRules(space: { majorityRule: MajorityRule; quorumPercent: number }): DecisionRules {
  const majority: Record<MajorityRule, Majority> = {
    simple: { kind: "simple" },
    absolute: { kind: "absolute", base: "valid" },
    two_thirds: { kind: "two_thirds", boundary: "at_least" },
    consensus: { kind: "simple" },
  };
  return { majority: majority[space.majorityRule], abstentionsCount: false, presenceQuorumPercent: space.quorumPercent, turnoutQuorumPercent: null };
}
