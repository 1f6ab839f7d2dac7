import type { Translate } from "../i18n/translate";
import type { Decision, DecisionRules, Tally } from "./decision";
import type { PollMethod } from "./methods";
import { majorityChoice } from "./rules";

/**
 * A poll's rule and its decision in words, as the screen, the phones, the motion's page and
 * the exports say them, from the rules recorded at opening and the stored result.
 */

/** What abstentions count toward under a majority, said with the rule. */
function abstentionWords(rules: DecisionRules, t: Translate): string {
  const { majority } = rules;
  if (majority.kind === "simple") return t("polls.rule.abstentionsIgnored");
  // Measured against everyone eligible, an abstention weighs as a vote that is not for.
  if (majority.kind === "absolute" && majority.base === "eligible") return t("polls.rule.abstentionsNotFor");
  return t(rules.abstentionsCount ? "polls.rule.abstentionsCounted" : "polls.rule.abstentionsIgnored");
}

/** "Majorité des deux tiers : au moins deux voix pour sur trois, les abstentions ne comptent pas · quorum : 50 % …" */
export function rulesWords(rules: DecisionRules, method: PollMethod, t: Translate): string {
  const parts = method === "consensus" ? [t("polls.rule.consensus")] : [`${t(`polls.rule.${majorityChoice(rules.majority)}`)}, ${abstentionWords(rules, t)}`];
  if (rules.presenceQuorumPercent !== null) parts.push(t("polls.rule.presenceQuorum", { percent: rules.presenceQuorumPercent }));
  if (method !== "consensus" && rules.turnoutQuorumPercent !== null) parts.push(t("polls.rule.turnoutQuorum", { percent: rules.turnoutQuorumPercent }));
  return parts.join(" · ");
}

const abstentions = (count: number, t: Translate) => t(count <= 1 ? "polls.abstentions.one" : "polls.abstentions.many", { count });

/** "31 pour, 9 contre, 4 abstentions" */
export function countsWords(tally: Tally, t: Translate): string {
  return t("polls.counts", { yes: tally.yes, no: tally.no, abstentions: abstentions(tally.abstain, t) });
}

/** "Adoptée à la majorité des deux tiers : 31 pour, 9 contre, 4 abstentions" */
export function decisionWords(decision: Decision, rules: DecisionRules, tally: Tally, t: Translate): string {
  const counts = countsWords(tally, t);
  switch (decision.reason) {
    case "majority_reached":
      return t("polls.decision.adopted", { majority: t(`polls.majority.${majorityChoice(rules.majority)}`), counts });
    case "majority_missed":
      return t("polls.decision.majorityMissed", { counts });
    case "tie":
      return t("polls.decision.tie", { counts });
    case "no_votes":
      return t("polls.decision.noVotes");
    case "only_abstentions":
      return t("polls.decision.onlyAbstentions", { abstentions: abstentions(tally.abstain, t) });
    case "presence_quorum":
      return t("polls.decision.presenceQuorum", { percent: rules.presenceQuorumPercent ?? 0 });
    case "turnout_quorum":
      return t("polls.decision.turnoutQuorum", { percent: rules.turnoutQuorumPercent ?? 0, counts });
    case "consensus":
      return t("polls.decision.consensus");
    case "no_consensus":
      return t("polls.decision.noConsensus");
  }
}
