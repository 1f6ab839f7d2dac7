import { AGE_GROUP_IDS, isYoungGroup, type AgeGroupId } from "../people/age-groups";

/**
 * A space's composition at a glance: member organisations by type, delegates by sex and
 * age group, and the sections of its commune with no member organisation. Unstated sex and
 * unknown age are counted in their own column, never guessed.
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

export interface Composition {
  organisations: { total: number; byType: Record<string, number>; ledByWoman: Share; ledByYouth: Share };
  delegates: {
    total: number;
    bySexAndAge: Record<SexKey, Record<AgeKey, number>>;
    bySex: Record<SexKey, number>;
    byAge: Record<AgeKey, number>;
    women: Share;
    youth: Share;
  };
  sectionsWithoutMember: string[];
}

const share = (count: number, total: number): Share => ({ count, share: total === 0 ? 0 : count / total });

export function composition(input: {
  organisations: readonly { type: string; sectionCode: string | null; ledByWoman: boolean; ledByYouth: boolean }[];
  delegates: readonly { sex: "female" | "male" | null; ageGroup: AgeGroupId | null }[];
  /** The sections a member organisation could be in (the commune's, for a commune-level space). */
  sectionCodes: readonly string[];
}): Composition {
  const byType: Record<string, number> = {};
  for (const org of input.organisations) byType[org.type] = (byType[org.type] ?? 0) + 1;
  const orgTotal = input.organisations.length;

  const emptyAges = () => Object.fromEntries(AGE_KEYS.map((k) => [k, 0])) as Record<AgeKey, number>;
  const bySexAndAge = { female: emptyAges(), male: emptyAges(), unstated: emptyAges() };
  const bySex: Record<SexKey, number> = { female: 0, male: 0, unstated: 0 };
  const byAge = emptyAges();
  let young = 0;
  for (const d of input.delegates) {
    const sex: SexKey = d.sex ?? "unstated";
    const age: AgeKey = d.ageGroup ?? "unknown";
    bySexAndAge[sex][age]++;
    bySex[sex]++;
    byAge[age]++;
    if (isYoungGroup(d.ageGroup)) young++;
  }
  const total = input.delegates.length;
  const covered = new Set(input.organisations.map((o) => o.sectionCode).filter(Boolean));
  return {
    organisations: {
      total: orgTotal,
      byType,
      ledByWoman: share(input.organisations.filter((o) => o.ledByWoman).length, orgTotal),
      ledByYouth: share(input.organisations.filter((o) => o.ledByYouth).length, orgTotal),
    },
    delegates: { total, bySexAndAge, bySex, byAge, women: share(bySex.female, total), youth: share(young, total) },
    sectionsWithoutMember: input.sectionCodes.filter((code) => !covered.has(code)),
  };
}
