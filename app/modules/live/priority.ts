import type { AgeGroupId } from "../people/age-groups";
import { isYoungGroup } from "../people/age-groups";
import type { Sex } from "../people/sex";

/**
 * The console's priority rule: when the last two speakers were not women (or not young
 * people), suggest the first such person waiting in the queue. A suggestion only: the
 * facilitator decides.
 */
export const PRIORITY_RULES = ["none", "women", "youth", "women_or_youth"] as const;
export type PriorityRule = (typeof PRIORITY_RULES)[number];

export interface Speaker {
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
}

export interface Suggestion<T> {
  entry: T;
  reason: "woman" | "young";
}

const isWoman = (s: Speaker) => s.sex === "female";
const isYoung = (s: Speaker) => isYoungGroup(s.ageGroup);

/**
 * `lastSpeakers`: the most recent first. `queue`: in speaking order. Nothing is suggested
 * when fewer than two people have spoken, when the head of the queue already fits, or when
 * nobody waiting fits.
 */
export function suggestNext<T extends Speaker>(rule: PriorityRule, lastSpeakers: readonly Speaker[], queue: readonly T[]): Suggestion<T> | null {
  if (rule === "none" || lastSpeakers.length < 2 || queue.length === 0) return null;
  const lastTwo = lastSpeakers.slice(0, 2);
  const checks: { reason: Suggestion<T>["reason"]; fits: (s: Speaker) => boolean }[] = [];
  if ((rule === "women" || rule === "women_or_youth") && !lastTwo.some(isWoman)) checks.push({ reason: "woman", fits: isWoman });
  if ((rule === "youth" || rule === "women_or_youth") && !lastTwo.some(isYoung)) checks.push({ reason: "young", fits: isYoung });
  if (checks.length === 0 || checks.some((c) => c.fits(queue[0]!))) return null;
  for (const entry of queue) {
    const check = checks.find((c) => c.fits(entry));
    if (check) return { entry, reason: check.reason };
  }
  return null;
}
