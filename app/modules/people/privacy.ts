import { AGE_GROUP_IDS, ageGroupOf, isYoungGroup } from "./age-groups";
import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexAgeTally, type SexKey } from "./disaggregation";

/**
 * What the public may know of people. Public pages show figures, officials, and people who
 * agreed to be named; everyone else appears only in aggregates, and a cell describing fewer
 * than five people is shown as "< 5". Minors are never named publicly, whatever they said.
 *
 * A masked cell must not come back by subtraction: wherever a total is shown, a group of
 * cells that adds up to it never has exactly one cell hidden (`suppressCells`).
 */
export const SMALL_CELL = 5;

/**
 * A count as a page shows it: the number; "<5" for 1 to 4 people (0 describes nobody, it
 * stays 0); "hidden" for a larger count hidden so that a "< 5" beside it cannot be worked
 * out from a total (secondary suppression).
 */
export type CountCell = number | "<5" | "hidden";

export const maskCount = (count: number): CountCell => (count > 0 && count < SMALL_CELL ? "<5" : count);

/** Whether a cell is shown as a number. */
export const isShown = (cell: CountCell): cell is number => typeof cell === "number";

/** Cells that add up to a shown total: a row and its margin, a column and its margin, the margins and the grand total. */
export interface SumGroup {
  total: string;
  parts: readonly string[];
}

/**
 * Small-cell masking with simple secondary suppression, the one rule behind every public
 * figure about people.
 *
 * 1. Primary: a cell of 1 to 4 is "<5". Zero stays 0.
 * 2. Secondary: a group (its total and the parts that add up to it) with exactly one hidden
 *    member gives that member away by subtraction; so the smallest other non-zero member
 *    of the group is hidden too ("hidden"), the parts before the total (a total is never
 *    smaller than its parts). Repeated until no group changes, since rows and columns share
 *    cells. A hidden total whose parts are all shown is such a group too.
 *
 * `fixed` cells are public by other means (a list everyone reads): never hidden.
 */
export function suppressCells(values: Readonly<Record<string, number>>, groups: readonly SumGroup[], options: { fixed?: readonly string[] } = {}): Record<string, CountCell> {
  const fixed = new Set(options.fixed ?? []);
  const hidden = new Map<string, "<5" | "hidden">();
  for (const [key, value] of Object.entries(values)) if (!fixed.has(key) && maskCount(value) === "<5") hidden.set(key, "<5");
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const members = [...group.parts, group.total];
      if (members.filter((k) => hidden.has(k)).length !== 1) continue;
      const candidates = members.filter((k) => !hidden.has(k) && !fixed.has(k) && (values[k] ?? 0) > 0);
      if (candidates.length === 0) continue;
      const smallest = candidates.reduce((a, b) => (values[b]! < values[a]! ? b : a));
      hidden.set(smallest, "hidden");
      changed = true;
    }
  }
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, hidden.get(key) ?? value]));
}

/** A share and its count; the share is null when its count or its total is masked (it would reveal them). */
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

const YOUNG_AGES: readonly AgeKey[] = AGE_GROUP_IDS.filter((age) => isYoungGroup(age));

/**
 * The groups of a sex × age table that add up to what it shows: each sex's row to its
 * margin, each age's column to its margin, both margins to the total, and the young age
 * groups to the youth count shown beside the table.
 */
export function sexAgeGroups(): SumGroup[] {
  return [
    ...SEX_KEYS.map((sex) => ({ total: `sex:${sex}`, parts: AGE_KEYS.map((age) => `cell:${sex}:${age}`) })),
    ...AGE_KEYS.map((age) => ({ total: `age:${age}`, parts: SEX_KEYS.map((sex) => `cell:${sex}:${age}`) })),
    { total: "total", parts: SEX_KEYS.map((sex) => `sex:${sex}`) },
    { total: "total", parts: AGE_KEYS.map((age) => `age:${age}`) },
    { total: "youth", parts: YOUNG_AGES.map((age) => `age:${age}`) },
  ];
}

/**
 * The public's tally: every cell of 1 to 4 people shown as "< 5", the cells that would give
 * one away hidden, and the shares of masked counts (or of a masked total) left out.
 */
export function maskTally(tally: SexAgeTally): SexAgeView {
  const values: Record<string, number> = { total: tally.total, youth: tally.youth.count };
  for (const sex of SEX_KEYS) {
    values[`sex:${sex}`] = tally.bySex[sex];
    for (const age of AGE_KEYS) values[`cell:${sex}:${age}`] = tally.bySexAndAge[sex][age];
  }
  for (const age of AGE_KEYS) values[`age:${age}`] = tally.byAge[age];
  const cells = suppressCells(values, sexAgeGroups());
  const total = cells.total!;
  const shareOf = (count: CountCell, share: number): ShareView => ({ count, share: isShown(count) && isShown(total) ? share : null });
  const row = (sex: SexKey) => Object.fromEntries(AGE_KEYS.map((age) => [age, cells[`cell:${sex}:${age}`]!])) as Record<AgeKey, CountCell>;
  return {
    total,
    bySexAndAge: { female: row("female"), male: row("male"), unstated: row("unstated") },
    bySex: Object.fromEntries(SEX_KEYS.map((sex) => [sex, cells[`sex:${sex}`]!])) as Record<SexKey, CountCell>,
    byAge: Object.fromEntries(AGE_KEYS.map((age) => [age, cells[`age:${age}`]!])) as Record<AgeKey, CountCell>,
    women: shareOf(cells["sex:female"]!, tally.women.share),
    youth: shareOf(cells.youth!, tally.youth.share),
  };
}

/**
 * The number of people not named on a public page beside a list of those who are. It is the
 * total shown in the figures minus the list, both public: masking it would hide nothing, so
 * it is shown as counted while the figures' total is shown, and masked with it otherwise.
 */
export function unnamedCount(unnamed: number, publicTotal: CountCell): CountCell {
  if (isShown(publicTotal) || unnamed === 0) return unnamed;
  return maskCount(unnamed) === "<5" ? "<5" : "hidden";
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
