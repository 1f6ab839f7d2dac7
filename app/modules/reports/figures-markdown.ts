import { formatDate } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import type { Translate } from "../i18n/translate";
import type { Cell, ReportFigure } from "./figure-types";
import { cellText, labelText } from "./figures-csv";
import { FIGURE_REFERENCE, SHEET_DETAILS, type ReportDocument } from "./report-document";

/** Text inside a table cell or a heading: one line, and a "|" that does not end the cell. */
const inline = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*[\r\n]+\s*/g, " ").trim();
const italic = (text: string) => `*${inline(text).replace(/\*/g, "\\*")}*`;
const numeric = (cell: Cell) => cell !== null && !("text" in cell);

/** A figure as Markdown: its title as a heading, its definition in italics, its table (numbers aligned right), and what "< 5" means when it has one. */
export function figureMarkdown(figure: ReportFigure, t: Translate, locale: Locale): string {
  const { columns, rows } = figure.table;
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const alignments = columns.map((_, i) => {
    const cells = rows.map((r) => r.cells[i] ?? null).filter((c) => c !== null);
    return cells.length > 0 && cells.every(numeric) ? "---:" : "---";
  });
  const table = [
    line([" ", ...columns.map((c) => inline(labelText(c, t)))]),
    line(["---", ...alignments]),
    ...rows.map((r) => line([inline(labelText(r.label, t)), ...columns.map((_, i) => inline(cellText(r.cells[i] ?? null, locale, t)))])),
  ];
  const masked = rows.some((r) => r.cells.some((c) => c !== null && "fewerThan" in c));
  return [`### ${inline(t(figure.title))}`, italic(t(figure.definition)), table.join("\n"), ...(masked ? [t("reports.render.masked")] : [])].join("\n\n");
}

/**
 * A whole report as one Markdown file: its title, place, period and version; a sheet's
 * essential information; each section under its heading, with every `{{figure:…}}` line
 * replaced by that figure (a figure the report does not carry is left out); then the
 * figures no section placed, so that every figure is in the file once at least.
 */
export function reportMarkdown(doc: ReportDocument, t: Translate, locale: Locale): string {
  const pair = (label: string, value: string) => t("reports.render.pair", { label: `**${label}**`, value });
  const figures = new Map(doc.figures.map((f) => [f.id as string, f]));
  const placed = new Set<string>();
  const version = doc.version !== null && doc.publishedAt !== null ? t("reports.version", { version: doc.version, date: formatDate(doc.publishedAt, locale) }) : t("reports.draft");
  // Two spaces end a line without ending the paragraph.
  const blocks: string[] = [`# ${inline(doc.title)}`, [pair(t("reports.detail.place"), inline(doc.scopeLabel)), pair(t("reports.detail.period"), inline(doc.periodLabel)), version].join("  \n")];

  if (doc.template === "sheet") {
    // A detail may run over several lines: they stay in its list item, indented.
    const item = (detail: (typeof SHEET_DETAILS)[number]) => `- ${pair(t(`reports.detail.${detail}`), (doc.details[detail]?.trim() || "—").replace(/\r?\n/g, "\n  "))}`;
    blocks.push(`## ${t("reports.essentials")}`, SHEET_DETAILS.map(item).join("\n"));
  }

  for (const section of doc.sections) {
    blocks.push(`## ${t(`reports.section.${section.key}`)}`);
    const lines: string[] = [];
    for (const line of section.markdown.split(/\r?\n/)) {
      const id = FIGURE_REFERENCE.exec(line.trim())?.[1];
      if (id === undefined) {
        lines.push(line);
        continue;
      }
      const figure = figures.get(id);
      if (!figure) continue;
      placed.add(id);
      if (lines.length > 0 && lines[lines.length - 1]!.trim() !== "") lines.push("");
      lines.push(figureMarkdown(figure, t, locale), "");
    }
    const text = lines.join("\n").trim();
    if (text) blocks.push(text);
  }

  const rest = doc.figures.filter((f) => !placed.has(f.id));
  if (rest.length > 0) blocks.push(`## ${t("reports.figures")}`, ...rest.map((f) => figureMarkdown(f, t, locale)));
  return blocks.join("\n\n") + "\n";
}
