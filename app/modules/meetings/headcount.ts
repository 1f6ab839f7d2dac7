import { AGE_GROUP_IDS, type AgeGroupId } from "../people/age-groups";
import { SEXES, type Sex } from "../people/sex";

/**
 * Headcount mode: a crowd counted by taps, sex × age group, with or without a disability.
 * Each tap is one anonymous attendance row, so the figures are the door's figures.
 */
export interface HeadcountCell {
  sex: Sex;
  ageGroup: AgeGroupId;
  disability: boolean;
}

/** The name an anonymous row carries: a label and its number, so no two read as the same person. */
export const HEADCOUNT_PREFIX = "Comptage / Kontaj #";
export const headcountName = (n: number): string => `${HEADCOUNT_PREFIX}${n}`;
export const isHeadcountRow = (row: { personId: number | null; name: string }): boolean => row.personId === null && row.name.startsWith(HEADCOUNT_PREFIX);

/** The number the next anonymous row takes: one more than the highest already used. */
export function nextHeadcountNumber(names: readonly string[]): number {
  let max = 0;
  for (const name of names) {
    if (!name.startsWith(HEADCOUNT_PREFIX)) continue;
    const n = Number(name.slice(HEADCOUNT_PREFIX.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max + 1;
}

export const sameCell = (row: { sex: string | null; ageGroup: string | null; disability: boolean }, cell: HeadcountCell): boolean =>
  row.sex === cell.sex && row.ageGroup === cell.ageGroup && row.disability === cell.disability;

/** The row a "−1" takes back: the last tap of that cell (highest id), or none. */
export function lastTapOf<R extends { id: number; personId: number | null; name: string; sex: string | null; ageGroup: string | null; disability: boolean }>(
  rows: readonly R[],
  cell: HeadcountCell,
): R | null {
  let last: R | null = null;
  for (const row of rows) if (isHeadcountRow(row) && sameCell(row, cell) && (!last || row.id > last.id)) last = row;
  return last;
}

/** Taps per cell, keyed `sex:ageGroup:0|1`, for the counters. */
export function headcountCounts(rows: readonly { personId: number | null; name: string; sex: string | null; ageGroup: string | null; disability: boolean }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sex of SEXES) for (const age of AGE_GROUP_IDS) for (const d of [false, true]) counts[cellKey({ sex, ageGroup: age, disability: d })] = 0;
  for (const row of rows) {
    if (!isHeadcountRow(row)) continue;
    const key = `${row.sex}:${row.ageGroup}:${row.disability ? 1 : 0}`;
    if (key in counts) counts[key]! += 1;
  }
  return counts;
}

export const cellKey = (cell: HeadcountCell): string => `${cell.sex}:${cell.ageGroup}:${cell.disability ? 1 : 0}`;
