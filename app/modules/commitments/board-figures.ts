import { commitmentFlags, daysBetween, type CommitmentState } from "./commitment-state";

/**
 * The accountability board's figures, from commitments as they stand: how many were made,
 * claimed done, confirmed done, are overdue; by authority, theme and year; and how long the
 * people waited from the promise to its confirmation. Pure: the same rows always give the same
 * figures (the capitalisation reports read them from here too).
 */
export interface FigureRow {
  state: CommitmentState;
  dueDate: string;
  pledgedOn: string;
  /** The last day anything was said about it (an update, an answer, the record). */
  lastNewsDay: string;
  /** The day it became verified, when it is. */
  verifiedOn: string | null;
  authorityId: number;
  authorityName: string;
  theme: string;
}

export interface FigureCounts {
  made: number;
  /** Claimed done and waiting for the people, or verified. */
  claimedDone: number;
  /** Done and confirmed (by two organisations, or by a meeting). */
  confirmed: number;
  overdue: number;
}

export interface BoardFigures extends FigureCounts {
  byAuthority: ({ id: number; name: string } & FigureCounts)[];
  byTheme: ({ theme: string } & FigureCounts)[];
  byYear: ({ year: number } & FigureCounts)[];
  /** Median days from the promise to its confirmation, over the confirmed ones (null: none yet). */
  medianDaysToConfirmed: number | null;
}

const empty = (): FigureCounts => ({ made: 0, claimedDone: 0, confirmed: 0, overdue: 0 });

function add(counts: FigureCounts, row: FigureRow, today: string): void {
  counts.made++;
  if (row.state === "claimed_done" || row.state === "verified") counts.claimedDone++;
  if (row.state === "verified") counts.confirmed++;
  if (commitmentFlags(row, today).overdueDays !== null) counts.overdue++;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function boardFigures(rows: readonly FigureRow[], today: string): BoardFigures {
  const total = empty();
  const authorities = new Map<number, { id: number; name: string } & FigureCounts>();
  const themes = new Map<string, { theme: string } & FigureCounts>();
  const years = new Map<number, { year: number } & FigureCounts>();
  for (const row of rows) {
    add(total, row, today);
    const a = authorities.get(row.authorityId) ?? { id: row.authorityId, name: row.authorityName, ...empty() };
    add(a, row, today);
    authorities.set(row.authorityId, a);
    const t = themes.get(row.theme) ?? { theme: row.theme, ...empty() };
    add(t, row, today);
    themes.set(row.theme, t);
    const year = Number(row.pledgedOn.slice(0, 4));
    const y = years.get(year) ?? { year, ...empty() };
    add(y, row, today);
    years.set(year, y);
  }
  const waits = rows.filter((r) => r.state === "verified" && r.verifiedOn !== null).map((r) => daysBetween(r.pledgedOn, r.verifiedOn!));
  return {
    ...total,
    byAuthority: [...authorities.values()].sort((x, y) => y.made - x.made || x.name.localeCompare(y.name)),
    byTheme: [...themes.values()].sort((x, y) => y.made - x.made || x.theme.localeCompare(y.theme)),
    byYear: [...years.values()].sort((x, y) => y.year - x.year),
    medianDaysToConfirmed: median(waits),
  };
}
