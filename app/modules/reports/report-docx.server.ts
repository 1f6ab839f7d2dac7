import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { Lexer, type Token, type Tokens } from "marked";
import { formatDate } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import { translatorOf, type Messages, type Translate } from "../i18n/translate";
import type { Cell, ReportFigure } from "./figure-types";
import { cellText, labelText } from "./figures-csv";
import { documentLayout, SHEET_DETAILS, splitSection, type ReportDocument } from "./report-document";
import { reportsExportMessages } from "./report-exports.messages";

/**
 * A report as a Word document, for the NGO staff and donors who edit reports in Word: its
 * cover, a sheet's essential information, each section's Markdown as Word's own headings,
 * paragraphs, lists and quotes (testimonies), and every figure as a real table with its title
 * and definition. Charts stay on the page and in the PDF: the table carries their figures.
 * Sections are Heading 1, as they are h2 under the report's h1 on the page; a section's own
 * Markdown headings follow one level down, as on the page.
 */
export async function reportDocx(doc: ReportDocument, messages: Messages): Promise<Buffer> {
  const t = translatorOf(messages);
  const locale = doc.locale;
  const { written, unplaced: rest } = documentLayout(doc);
  const details = SHEET_DETAILS.filter((k) => doc.details[k]);
  const lists = { count: 0 };

  const body: (Paragraph | Table)[] = [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: t(`reports.template.${doc.template}`), allCaps: true, color: "5C5853" })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: `${doc.scopeLabel} — ${doc.periodLabel}`, size: 28 })] }),
    new Paragraph({
      children: [new TextRun({ text: doc.version !== null && doc.publishedAt !== null ? t("reports.version", { version: doc.version, date: formatDate(doc.publishedAt, locale) }) : t("reports.draft"), color: "5C5853" }), new PageBreak()],
    }),
  ];
  if (doc.template === "sheet") {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("reports.essentials"))] }));
    const facts: [string, string][] = [
      [t("reports.detail.place"), doc.scopeLabel],
      [t("reports.detail.period"), doc.periodLabel],
      ...details.map((k): [string, string] => [t(`reports.detail.${k}`), doc.details[k]!]),
    ];
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: facts.map(([label, value]) => new TableRow({ children: [cell([new TextRun({ text: label, bold: true })], 35), cell([new TextRun(value)], 65)] })),
      }),
    );
  }
  for (const section of written) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t(`reports.section.${section.key}`))] }));
    for (const part of splitSection(section.markdown)) {
      if (part.kind === "text") body.push(...markdownBlocks(part.markdown, lists));
      else {
        const figure = doc.figures.find((f) => f.id === part.id);
        if (figure) body.push(...figureBlocks(figure, t, locale));
      }
    }
  }
  if (rest.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("reports.figures"))] }));
    for (const figure of rest) body.push(...figureBlocks(figure, t, locale));
  }

  const language = { value: WORD_LANGUAGE[locale] };
  const document = new Document({
    title: doc.title,
    subject: `${doc.scopeLabel} — ${doc.periodLabel}`,
    creator: "Makòn",
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22, language } },
        title: { run: { size: 52, bold: true, language } },
        heading1: { run: { size: 32, bold: true, color: "0B5D5B", language }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { size: 26, bold: true, language }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: "D9D3C7", space: 8 } }, spacing: { before: 120, after: 120 } },
        },
        { id: "FigureTitle", name: "Figure title", basedOn: "Normal", next: "Normal", run: { bold: true }, paragraph: { spacing: { before: 240 }, keepNext: true } },
        { id: "FigureNote", name: "Figure note", basedOn: "Normal", next: "Normal", run: { size: 18, color: "5C5853" }, paragraph: { keepNext: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1020, left: 907, right: 907, header: 454, footer: 454 } } },
        headers: {
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${doc.title} — ${doc.scopeLabel}`, size: 18 })] })] }),
          first: new Header({ children: [] }),
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 18 })] })] }),
          first: new Footer({ children: [] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Word's language tags: Word knows Haitian Creole as ht-HT. */
const WORD_LANGUAGE: Record<Locale, string> = { fr: "fr-FR", ht: "ht-HT" };
const ORDERED = "report-ordered";

function cell(children: ParagraphChild[], width?: number, header = false): TableCell {
  return new TableCell({
    width: width === undefined ? undefined : { size: width, type: WidthType.PERCENTAGE },
    shading: header ? { fill: "F4EFE4" } : undefined,
    children: [new Paragraph({ children })],
  });
}

/** A figure: its title, its definition, a word for the chart left out, its table (header row repeated across pages), and the "< 5" note when it has masked cells. */
function figureBlocks(figure: ReportFigure, t: Translate, locale: Locale): (Paragraph | Table)[] {
  const { columns, rows } = figure.table;
  const isMasked = (c: Cell) => c !== null && "fewerThan" in c;
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ style: "FigureTitle", children: [new TextRun(t(figure.title))] }),
    new Paragraph({ style: "FigureNote", children: [new TextRun(t("reports.render.pair", { label: t("reports.definition"), value: t(figure.definition) }))] }),
  ];
  if (figure.chart) blocks.push(new Paragraph({ style: "FigureNote", children: [new TextRun({ text: reportsExportMessages["reports.exports.chartInTable"][locale], italics: true })] }));
  blocks.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: [cell([], undefined, true), ...columns.map((c) => cell([new TextRun({ text: labelText(c, t), bold: true })], undefined, true))] }),
        ...rows.map((row) => new TableRow({ cantSplit: true, children: [cell([new TextRun({ text: labelText(row.label, t), bold: true })]), ...columns.map((_, i) => cell([new TextRun(cellText(row.cells[i] ?? null, locale, t))]))] })),
      ],
    }),
  );
  if (rows.some((r) => r.cells.some(isMasked))) blocks.push(new Paragraph({ style: "FigureNote", children: [new TextRun(t("reports.render.masked"))] }));
  return blocks;
}

// The same reading of Markdown as the page's (`renderMarkdown`): GitHub's flavour, a line break where the text has one.
const lexer = () => new Lexer({ gfm: true, breaks: true });
const SAFE_LINK = /^(https?:|mailto:)/i;
const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

interface Format {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

/** A section's text as Word blocks; `lists` numbers its ordered lists apart, each from 1. */
function markdownBlocks(markdown: string, lists: { count: number }): (Paragraph | Table)[] {
  return blocks(lexer().lex(markdown), { quote: false, level: 0 }, lists);
}

function blocks(tokens: Token[], where: { quote: boolean; level: number }, lists: { count: number }): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const style = where.quote ? "Quote" : undefined;
  for (const token of tokens) {
    switch (token.type) {
      case "paragraph":
        out.push(new Paragraph({ style, children: inline((token as Tokens.Paragraph).tokens, {}) }));
        break;
      case "text": {
        const text = token as Tokens.Text;
        out.push(new Paragraph({ style, children: text.tokens ? inline(text.tokens, {}) : plain(text.text, {}) }));
        break;
      }
      case "heading": {
        const heading = token as Tokens.Heading;
        out.push(new Paragraph({ heading: HEADINGS[Math.min(heading.depth, 5) - 1], children: inline(heading.tokens, {}) }));
        break;
      }
      case "blockquote":
        out.push(...blocks((token as Tokens.Blockquote).tokens, { ...where, quote: true }, lists));
        break;
      case "list":
        out.push(...listBlocks(token as Tokens.List, where.level, style, lists));
        break;
      case "code":
        out.push(...(token as Tokens.Code).text.split("\n").map((line) => new Paragraph({ style, children: plain(line, { code: true }) })));
        break;
      case "table": {
        const table = token as Tokens.Table;
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: table.header.map((h) => cell(inline(h.tokens, { bold: true }), undefined, true)) }),
              ...table.rows.map((row) => new TableRow({ children: row.map((c) => cell(inline(c.tokens, {}))) })),
            ],
          }),
        );
        break;
      }
      case "hr":
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
      case "space":
        break;
      default:
        // Raw HTML is text on the page too (`renderMarkdown` shows it, never runs it).
        if ("text" in token && typeof token.text === "string" && token.text.trim() !== "") out.push(new Paragraph({ style, children: plain(token.text, {}) }));
    }
  }
  return out;
}

function listBlocks(list: Tokens.List, level: number, style: string | undefined, lists: { count: number }): Paragraph[] {
  const instance = list.ordered ? ++lists.count : 0;
  const out: Paragraph[] = [];
  for (const item of list.items) {
    let first = true;
    for (const token of item.tokens) {
      if (token.type === "list") {
        out.push(...listBlocks(token as Tokens.List, Math.min(level + 1, 3), style, lists));
        continue;
      }
      const children = "tokens" in token && token.tokens ? inline(token.tokens, {}) : "text" in token ? plain(String(token.text), {}) : [];
      if (token.type === "space" || children.length === 0) continue;
      const marker = list.ordered ? { numbering: { reference: ORDERED, level, instance } } : { bullet: { level } };
      // An item's further paragraphs sit under its first, without a marker of their own.
      out.push(first ? new Paragraph({ style, ...marker, children }) : new Paragraph({ style, indent: { left: 720 * (level + 1) }, children }));
      first = false;
    }
  }
  return out;
}

function inline(tokens: Token[] | undefined, format: Format): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case "strong":
        out.push(...inline((token as Tokens.Strong).tokens, { ...format, bold: true }));
        break;
      case "em":
        out.push(...inline((token as Tokens.Em).tokens, { ...format, italics: true }));
        break;
      case "del":
        out.push(...inline((token as Tokens.Del).tokens, { ...format, strike: true }));
        break;
      case "codespan":
        out.push(...plain((token as Tokens.Codespan).text, { ...format, code: true }));
        break;
      case "br":
        out.push(new TextRun({ break: 1 }));
        break;
      case "link": {
        const link = token as Tokens.Link;
        const href = link.href.trim();
        out.push(...(SAFE_LINK.test(href) ? [new ExternalHyperlink({ link: href, children: inline(link.tokens, { ...format, link: true }) })] : inline(link.tokens, format)));
        break;
      }
      case "image":
        // An image is not fetched by the server: its description stands in its place.
        out.push(...plain((token as Tokens.Image).text, format));
        break;
      case "text": {
        const text = token as Tokens.Text;
        out.push(...(text.tokens ? inline(text.tokens, format) : plain(text.text, format)));
        break;
      }
      default:
        if ("text" in token && typeof token.text === "string") out.push(...plain(token.text, format));
    }
  }
  return out;
}

/** Text as runs, a line break where it has one. */
function plain(text: string, format: Format): TextRun[] {
  return text.split("\n").map(
    (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: format.bold, italics: format.italics, strike: format.strike, font: format.code ? "Consolas" : undefined, style: format.link ? "Hyperlink" : undefined }),
  );
}
