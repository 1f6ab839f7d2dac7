import type { MessageKey, Params } from "../i18n/translate";

/**
 * A report's figures as data: every figure a table (rows × columns of cells) with its title,
 * its definition and, where a picture helps, a chart drawn from the same cells. Pages, print,
 * CSV, Markdown and Word all render this one shape; it is what a published version freezes
 * (as JSON), so it holds no function and no database row.
 */

/** A label in the report's language: a message (with its parameters), or a name as recorded (an authority, a meeting's date). */
export type Label = { key: MessageKey; params?: Params } | { text: string };

/**
 * One cell. `count` cells that count people (`FigureTable.people`) become `{ fewerThan: 5 }`
 * for the public between 1 and 4 (`maskFigure`), shown "< 5"; a `share` is 0 to 1 of `of`
 * people (masked with its count); `days` and `minutes` are durations; null is "—".
 */
export type Cell = { count: number } | { fewerThan: number } | { share: number; of: number } | { days: number } | { minutes: number } | { text: string } | null;

export interface FigureRow {
  label: Label;
  cells: Cell[];
}

export interface FigureTable {
  columns: Label[];
  rows: FigureRow[];
  /** Whether its counts describe people (attendance, speakers): small cells are masked for the public. */
  people: boolean;
}

/** Bars: one bar a row, from one column of shares (0–1) or counts; a line: one point a row, in order (a trend meeting by meeting). */
export type ChartSpec = { type: "bars"; column: number } | { type: "line"; column: number };

/** Every figure a report carries, in the order it shows them. */
export const FIGURE_IDS = [
  "meetings.byKind",
  "attendance.bySexAge",
  "attendance.sharesTrend",
  "attendance.disability",
  "organisations.activeByType",
  "speaking.bySexAge",
  "motions.byState",
  "motions.byTheme",
  "motions.byProposerType",
  "polls.secret",
  "commitments.byAuthority",
  "commitments.delays",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

export interface ReportFigure {
  id: FigureId;
  title: MessageKey;
  /** How it is computed, in words, shown beside it. */
  definition: MessageKey;
  table: FigureTable;
  chart: ChartSpec | null;
}

/** What a report covers: one space, every space of a commune, or the whole programme; and a period of local (Haiti) days, inclusive. */
export type ReportScope = { kind: "space"; spaceId: number } | { kind: "commune"; communeCode: string } | { kind: "programme" };
export interface ReportPeriod {
  /** YYYY-MM-DD, Haiti's day. */
  from: string;
  to: string;
}

/** A report's figures, computed at one instant from the public record of its scope and period. */
export interface ReportFigures {
  scope: ReportScope;
  period: ReportPeriod;
  computedAt: number;
  figures: ReportFigure[];
}
