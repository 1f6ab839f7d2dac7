import { describe, expect, it } from "vitest";
import { translator } from "../../app/modules/i18n/catalog.server";
import { decide, decideConsensus, type Decision, type DecisionRules, type Majority, type Tally } from "../../app/modules/polls/decision";
import { MAJORITY_CHOICES, defaultRules, majorityChoice, majorityOf } from "../../app/modules/polls/rules";
import { decisionWords, rulesWords } from "../../app/modules/polls/words";

const fr = translator("fr");
const ht = translator("ht");
const rules = (majority: Majority, extra: Partial<DecisionRules> = {}): DecisionRules => ({ majority, abstentionsCount: false, presenceQuorumPercent: null, turnoutQuorumPercent: null, ...extra });
const tally = (yes: number, no: number, abstain: number): Tally => ({ yes, no, abstain });
const decided = (r: DecisionRules, t: Tally, extra: { organisationsPresent?: number } = {}): Decision =>
  decide(r, { tally: t, eligible: 60, organisationsPresent: extra.organisationsPresent ?? 20, organisations: 20 });
const both = (d: Decision, r: DecisionRules, t: Tally) => [decisionWords(d, r, t, fr), decisionWords(d, r, t, ht)];

describe("a decision in words", () => {
  it("names the majority reached and the numbers, in both languages", () => {
    const twoThirds = rules({ kind: "two_thirds", boundary: "at_least" });
    expect(both(decided(twoThirds, tally(31, 9, 4)), twoThirds, tally(31, 9, 4))).toEqual([
      "Adoptée à la majorité des deux tiers : 31 pour, 9 contre, 4 abstentions",
      "Adopte ak majorite de tyè: 31 pou, 9 kont, 4 abstansyon",
    ]);
    const more = rules({ kind: "three_quarters", boundary: "more_than" });
    expect(decisionWords(decided(more, tally(31, 9, 1)), more, tally(31, 9, 1), fr)).toBe("Adoptée à plus des trois quarts : 31 pour, 9 contre, 1 abstention");
    const simple = rules({ kind: "simple" });
    expect(decisionWords(decided(simple, tally(12, 3, 0)), simple, tally(12, 3, 0), fr)).toBe("Adoptée à la majorité simple : 12 pour, 3 contre, 0 abstention");
    const absolute = rules({ kind: "absolute", base: "eligible" });
    expect(decisionWords(decided(absolute, tally(31, 0, 0)), absolute, tally(31, 0, 0), ht)).toBe("Adopte ak majorite absoli moun ki gen dwa vote ki la yo: 31 pou, 0 kont, 0 abstansyon");
  });

  it("says why a poll was rejected or decided nothing", () => {
    const twoThirds = rules({ kind: "two_thirds", boundary: "more_than" }, { presenceQuorumPercent: 50, turnoutQuorumPercent: 60 });
    const cases: [Tally, { organisationsPresent?: number }, string, string][] = [
      [tally(40, 20, 0), {}, "Rejetée, majorité non atteinte : 40 pour, 20 contre, 0 abstention", "Rejte, li pa jwenn majorite a: 40 pou, 20 kont, 0 abstansyon"],
      [tally(40, 0, 0), { organisationsPresent: 9 }, "Pas de décision : le quorum de 50 % des organisations n'était pas atteint", "Pa gen desizyon: kowòm 50 % òganizasyon yo pa t rive"],
      [tally(20, 2, 2), {}, "Pas de décision : moins de 60 % des votant·es ont voté (20 pour, 2 contre, 2 abstentions)", "Pa gen desizyon: mwens pase 60 % moun ki gen dwa vote te vote (20 pou, 2 kont, 2 abstansyon)"],
    ];
    for (const [t, extra, french, kreyol] of cases) expect(both(decided(twoThirds, t, extra), twoThirds, t)).toEqual([french, kreyol]);
    const simple = rules({ kind: "simple" });
    expect(both(decided(simple, tally(10, 10, 2)), simple, tally(10, 10, 2))).toEqual(["Rejetée à égalité : 10 pour, 10 contre, 2 abstentions", "Rejte, vòt yo egal: 10 pou, 10 kont, 2 abstansyon"]);
    expect(both(decided(simple, tally(0, 0, 0)), simple, tally(0, 0, 0))).toEqual(["Rejetée : aucun vote", "Rejte: pa gen okenn vòt"]);
    expect(both(decided(simple, tally(0, 0, 12)), simple, tally(0, 0, 12))).toEqual(["Rejetée : 12 abstentions, aucune voix pour ni contre", "Rejte: 12 abstansyon, pa gen okenn vòt pou ni kont"]);
  });

  it("says a consensus, or its absence", () => {
    const r = rules({ kind: "simple" }, { presenceQuorumPercent: 50 });
    const none = tally(0, 0, 0);
    expect(both(decideConsensus(r, { reached: true, organisationsPresent: 10, organisations: 20 }), r, none)).toEqual(["Adoptée par consensus", "Adopte pa konsansis"]);
    expect(both(decideConsensus(r, { reached: false, organisationsPresent: 10, organisations: 20 }), r, none)).toEqual(["Pas de consensus : non adoptée", "Pa gen konsansis: li pa adopte"]);
    expect(decideConsensus(r, { reached: true, organisationsPresent: 9, organisations: 20 })).toEqual({ outcome: "no_decision", reason: "presence_quorum", base: 0 });
  });
});

describe("a poll's rule in words", () => {
  it("states the majority, what abstentions count toward and the quorums", () => {
    expect(rulesWords(rules({ kind: "two_thirds", boundary: "at_least" }, { abstentionsCount: true, presenceQuorumPercent: 50, turnoutQuorumPercent: 60 }), "secret", fr)).toBe(
      "Majorité des deux tiers : au moins deux voix pour sur trois, les abstentions comptent dans le total · quorum : 50 % des organisations membres présentes · participation minimale : 60 % des votant·es",
    );
    expect(rulesWords(rules({ kind: "simple" }, { abstentionsCount: true }), "named", ht)).toBe("Majorite senp: plis vòt pou pase vòt kont, abstansyon pa konte");
    expect(rulesWords(rules({ kind: "absolute", base: "eligible" }), "hands", fr)).toBe("Majorité absolue : plus de la moitié des votant·es présent·es, s'abstenir revient à ne pas voter pour");
    expect(rulesWords(rules({ kind: "absolute", base: "valid" }, { presenceQuorumPercent: 30 }), "consensus", ht)).toBe("Desizyon pa konsansis · kowòm: 30 % òganizasyon manm yo la");
  });

  it("has words for every majority, which a form sends as one value", () => {
    for (const choice of MAJORITY_CHOICES) {
      expect(majorityChoice(majorityOf(choice))).toBe(choice);
      for (const t of [fr, ht]) expect(rulesWords(rules(majorityOf(choice)), "named", t)).not.toContain("⟦");
    }
  });

  it("defaults to the space's majority and quorum", () => {
    expect(defaultRules({ majorityRule: "two_thirds", quorumPercent: 40 })).toEqual({ majority: { kind: "two_thirds", boundary: "at_least" }, abstentionsCount: false, presenceQuorumPercent: 40, turnoutQuorumPercent: null });
    expect(defaultRules({ majorityRule: "absolute", quorumPercent: 50 }).majority).toEqual({ kind: "absolute", base: "valid" });
    expect(defaultRules({ majorityRule: "consensus", quorumPercent: 50 }).majority).toEqual({ kind: "simple" });
  });
});
