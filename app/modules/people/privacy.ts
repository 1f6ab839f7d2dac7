import { ageGroupOf } from "./age-groups";
import type { AgeKey, SexAgeTally, SexKey } from "./disaggregation";

/**
 * What the public may know of people. Public pages show figures, officials, and people who
 * agreed to be named; everyone else appears only in aggregates, and a cell describing fewer
 * than five people is shown as "< 5". Minors are never named publicly, whatever they said.
 */
export const SMALL_CELL = 5;

/** A count as a page shows it: the number, or "<5" for 1 to 4 people (0 describes nobody). */
export type CountCell = number | "<5";

export const maskCount = (count: number): CountCell => (count > 0 && count < SMALL_CELL ? "<5" : count);

/** A share and its count; the share is null when its count is masked (it would reveal it). */
export interface ShareView {
  count: CountCell;
  share: number | null;
}

/** A sex × age tally as a page shows it: SexAgeTally itself (members) or masked (the public). */
export interface SexAgeView {
  total: CountCell;
  bySexAndAge: Record<SexKey, Record<AgeKey, CountCell>>;
  bySex: Record<SexKey, CountCell>;
  byAge: Record<AgeKey, CountCell>;
  women: ShareView;
  youth: ShareView;
}

const maskRecord = <K extends string>(record: Record<K, number>): Record<K, CountCell> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskCount(v as number)])) as Record<K, CountCell>;

const maskShare = (s: { count: number; share: number }): ShareView => {
  const count = maskCount(s.count);
  return { count, share: count === "<5" ? null : s.share };
};

/** The public's tally: every cell of 1 to 4 people shown as "< 5", shares of such cells hidden. */
export function maskTally(tally: SexAgeTally): SexAgeView {
  return {
    total: maskCount(tally.total),
    bySexAndAge: {
      female: maskRecord(tally.bySexAndAge.female),
      male: maskRecord(tally.bySexAndAge.male),
      unstated: maskRecord(tally.bySexAndAge.unstated),
    },
    bySex: maskRecord(tally.bySex),
    byAge: maskRecord(tally.byAge),
    women: maskShare(tally.women),
    youth: maskShare(tally.youth),
  };
}

/** Under 18 in that year: by birth year when known, else by the age group recorded. */
export function isMinor(person: { birthYear?: number | null; ageGroup?: string | null }, year: number): boolean {
  return ageGroupOf(person, year) === "u18" || person.ageGroup === "u18";
}

/**
 * Whether a person may be named on a public page: an official, or a person who agreed to
 * be named; never a minor; never someone only described at the door (a walk-in).
 */
export function nameablePublicly(person: { known: boolean; official: boolean; namedPublicly: boolean; minor: boolean }): boolean {
  return person.known && !person.minor && (person.official || person.namedPublicly);
}
