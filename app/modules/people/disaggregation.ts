import { AGE_GROUP_IDS, isYoungGroup, type AgeGroupId } from "./age-groups";
import type { Sex } from "./sex";

/**
 * People counted by sex and age group: the one tally behind the composition of a space,
 * the attendance of a meeting, exports and reports. Unstated sex and unknown age are
 * counted in their own column, never guessed.
 */
export type SexKey = "female" | "male" | "unstated";
export type AgeKey = AgeGroupId | "unknown";
export const SEX_KEYS: readonly SexKey[] = ["female", "male", "unstated"];
export const AGE_KEYS: readonly AgeKey[] = [...AGE_GROUP_IDS, "unknown"];

export interface Share {
  count: number;
  /** 0 to 1; 0 when there is nobody. */
  share: number;
}

export interface SexAgeTally {
  total: number;
  bySexAndAge: Record<SexKey, Record<AgeKey, number>>;
  bySex: Record<SexKey, number>;
  byAge: Record<AgeKey, number>;
  women: Share;
  youth: Share;
}

export const share = (count: number, total: number): Share => ({ count, share: total === 0 ? 0 : count / total });

export function tallyBySexAndAge(people: readonly { sex: Sex | null; ageGroup: AgeGroupId | null }[]): SexAgeTally {
  const emptyAges = () => Object.fromEntries(AGE_KEYS.map((k) => [k, 0])) as Record<AgeKey, number>;
  const bySexAndAge = { female: emptyAges(), male: emptyAges(), unstated: emptyAges() };
  const bySex: Record<SexKey, number> = { female: 0, male: 0, unstated: 0 };
  const byAge = emptyAges();
  let young = 0;
  for (const p of people) {
    const sex: SexKey = p.sex ?? "unstated";
    const age: AgeKey = p.ageGroup ?? "unknown";
    bySexAndAge[sex][age]++;
    bySex[sex]++;
    byAge[age]++;
    if (isYoungGroup(p.ageGroup)) young++;
  }
  const total = people.length;
  return { total, bySexAndAge, bySex, byAge, women: share(bySex.female, total), youth: share(young, total) };
}
