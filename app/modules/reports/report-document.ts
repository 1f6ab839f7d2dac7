import type { Locale } from "../i18n/locales";
import type { FigureId, ReportFigure } from "./figure-types";

/** The two kinds of report: a periodic report (quarterly, annual) and a capitalisation (good-practice) sheet. */
export const REPORT_TEMPLATES = ["periodic", "sheet"] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/** The narrative sections of each template, in order: each a document written together. */
export const TEMPLATE_SECTIONS = {
  periodic: ["summary", "participation", "deliberation", "accountability", "outlook"],
  sheet: ["audience", "context", "practice", "changes", "successFactors", "replication", "obstacles", "analysis", "recommendations", "testimonies", "contacts"],
} as const satisfies Record<ReportTemplate, readonly string[]>;
export type SectionKey = (typeof TEMPLATE_SECTIONS)[ReportTemplate][number];
export const SECTION_KEYS: readonly SectionKey[] = [...new Set<SectionKey>([...TEMPLATE_SECTIONS.periodic, ...TEMPLATE_SECTIONS.sheet])];

/** A report section's shared document (`report:<id>:<section>`), whose Markdown is the Y.Text of this root. */
export const SECTION_ROOT = "body";
export const sectionRef = (reportId: number, section: SectionKey) => ({ kind: "report-section" as const, reportId, section });

/** A capitalisation sheet's essential information, typed in a form (the title, place and period are the report's own). */
export const SHEET_DETAILS = ["theme", "objective", "aspect", "learningQuestion", "contributors", "personInCharge"] as const;
export type SheetDetail = (typeof SHEET_DETAILS)[number];

/** Text as a CSS string (the running title in the page's margin), safe inside a style element or a property. */
export const cssString = (text: string) => `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ").replace(/</g, "\\3C ")}"`;

/** A figure placed in a section's Markdown, on a line of its own: `{{figure:attendance.bySexAge}}`. */
export const FIGURE_REFERENCE = /^\{\{figure:([a-zA-Z.]+)\}\}$/;
export const figureReference = (id: FigureId) => `{{figure:${id}}}`;

/**
 * A report as every rendering reads it (page, print, PDF, Word, Markdown): its words in its
 * own language, its figures already masked for its readers, its sections' Markdown as written.
 * A published version is one of these, frozen.
 */
export interface ReportDocument {
  id: number;
  /** The published version shown, or null for the draft. */
  version: number | null;
  publishedAt: number | null;
  template: ReportTemplate;
  locale: Locale;
  title: string;
  /** "Makòn Limonade", "Commune de Limonade (3 espaces)", "Programme": in the report's language. */
  scopeLabel: string;
  /** "1er janvier – 31 décembre 2026": in the report's language. */
  periodLabel: string;
  details: Partial<Record<SheetDetail, string>>;
  sections: { key: SectionKey; markdown: string }[];
  figures: ReportFigure[];
}

/** A section's Markdown cut where figures are placed: text to render, and figures by id, in order. */
export type SectionPart = { kind: "text"; markdown: string } | { kind: "figure"; id: string };
export function splitSection(markdown: string): SectionPart[] {
  const parts: SectionPart[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.join("").trim() !== "") parts.push({ kind: "text", markdown: text.join("\n") });
    text = [];
  };
  for (const line of markdown.split("\n")) {
    const figure = FIGURE_REFERENCE.exec(line.trim());
    if (figure) {
      flush();
      parts.push({ kind: "figure", id: figure[1]! });
    } else text.push(line);
  }
  flush();
  return parts;
}

/** What every rendering shows of a report: the sections with text, and the figures no section placed (shown after them). */
export function documentLayout(doc: Pick<ReportDocument, "sections" | "figures">) {
  const placed = new Set(doc.sections.flatMap((s) => splitSection(s.markdown).flatMap((p) => (p.kind === "figure" ? [p.id] : []))));
  return { written: doc.sections.filter((s) => s.markdown.trim() !== ""), unplaced: doc.figures.filter((f) => !placed.has(f.id)) };
}
