import type { ReportPeriod } from "./figure-types";

/**
 * A report's own rules, pure: its scope and period kinds, the period a quarter or a year
 * stands for, and its two statuses — draft (its authors write) and published (it stands as
 * its last version; writing again starts the next one).
 */
export const SCOPE_KINDS = ["space", "commune", "programme"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const PERIOD_KINDS = ["quarter", "year", "dates"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const REPORT_STATUSES = ["draft", "published"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type PeriodChoice = { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: "year"; year: number } | { kind: "dates"; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days a period choice covers, inclusive; null when its dates are the wrong way round. */
export function periodOf(choice: PeriodChoice): ReportPeriod | null {
  switch (choice.kind) {
    case "year":
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case "quarter": {
      const first = (choice.quarter - 1) * 3 + 1;
      return { from: `${choice.year}-${pad(first)}-01`, to: `${choice.year}-${pad(first + 2)}-${pad(lastDay(choice.year, first + 2))}` };
    }
    case "dates":
      return choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
  }
}

/** Which quarter or year a period is, when it is exactly one (how lists and titles name it). */
export function periodKindOf(period: ReportPeriod): { kind: "year"; year: number } | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: "dates" } {
  const year = Number(period.from.slice(0, 4));
  const same = (p: ReportPeriod | null) => p !== null && p.from === period.from && p.to === period.to;
  if (same(periodOf({ kind: "year", year }))) return { kind: "year", year };
  for (const quarter of [1, 2, 3, 4] as const) if (same(periodOf({ kind: "quarter", year, quarter }))) return { kind: "quarter", year, quarter };
  return { kind: "dates" };
}

/** Whether its authors may write: a draft is written; a published report is read until someone takes it up again. */
export const writable = (status: ReportStatus) => status === "draft";
