import { formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import type { Translate } from "../i18n/translate";
import type { Cell, Label, ReportFigure } from "./figure-types";

/**
 * A figure's words and numbers as plain text, the same in every rendering (page, print,
 * Markdown, CSV): a label in the report's language, a cell as people read it — "< 5" for a
 * masked cell, "—" for none, shares as a percentage, durations with their unit.
 */
export function labelText(label: Label, t: Translate): string {
  return "key" in label ? t(label.key, label.params) : label.text;
}

export function cellText(cell: Cell, locale: Locale, t: Translate): string {
  return formatCell(cell, locale, t, false);
}

/**
 * A cell as a spreadsheet reads it: counts without thousands separators, shares to one
 * decimal, plain spaces (French Excel takes "42,5 %" as a percentage, not with a narrow
 * no-break space).
 */
export function cellCsvText(cell: Cell, locale: Locale, t: Translate): string {
  return formatCell(cell, locale, t, true).replace(/[\u00a0\u202f]/g, " ");
}

function formatCell(cell: Cell, locale: Locale, t: Translate, exact: boolean): string {
  if (cell === null) return "—";
  if ("fewerThan" in cell) return `< ${cell.fewerThan}`;
  if ("count" in cell) return formatNumber(cell.count, locale, exact ? { useGrouping: false } : undefined);
  if ("share" in cell) return formatNumber(cell.share, locale, { style: "percent", minimumFractionDigits: exact ? 1 : 0, maximumFractionDigits: exact ? 1 : 0 });
  if ("days" in cell) {
    const n = formatNumber(cell.days, locale, { maximumFractionDigits: 1, useGrouping: !exact });
    // French puts a unit in the singular below two ("1,5 jour"); Kreyòl has one word for both.
    return t(Math.abs(cell.days) < 2 ? "reports.render.day" : "reports.render.days", { n });
  }
  if ("minutes" in cell) return t("reports.render.minutes", { n: formatNumber(cell.minutes, locale, { maximumFractionDigits: 1, useGrouping: !exact }) });
  return cell.text;
}

/**
 * Every figure's cells as rows for `toCsv`, one row a cell, under a header: figure id,
 * title, definition, row, column, value. Long rather than wide, so that figures of
 * different shapes sit in one sheet and filter by figure, row or column.
 */
export function figuresCsvRows(figures: readonly ReportFigure[], t: Translate, locale: Locale): string[][] {
  const header = [t("reports.render.csv.figure"), t("reports.render.csv.title"), t("reports.render.csv.definition"), t("reports.render.csv.row"), t("reports.render.csv.column"), t("reports.render.csv.value")];
  const rows: string[][] = [header];
  for (const figure of figures) {
    const title = t(figure.title);
    const definition = t(figure.definition);
    const columns = figure.table.columns.map((c) => labelText(c, t));
    for (const row of figure.table.rows) {
      const rowLabel = labelText(row.label, t);
      columns.forEach((column, i) => rows.push([figure.id, title, definition, rowLabel, column, cellCsvText(row.cells[i] ?? null, locale, t)]));
    }
  }
  return rows;
}
