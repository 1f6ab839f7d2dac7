import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../app/modules/i18n/catalog.server";
import type { ReportFigure } from "../../app/modules/reports/figure-types";
import { figureReference, type ReportDocument, type SectionKey } from "../../app/modules/reports/report-document";
import { reportDocx } from "../../app/modules/reports/report-docx.server";
import { closeReportPrinter, reportPdf } from "../../app/modules/reports/report-pdf.server";
import { documentMessages } from "../../app/modules/reports/reports.server";
import { reportsExportMessages } from "../../app/modules/reports/report-exports.messages";
import { signInCookie, startTestServer } from "../setup/test-server";

/**
 * A report's PDF (printed by Debian's Chromium) and Word file, read back as their readers'
 * tools read them: poppler's pdftotext and pdfinfo for the PDF, unzip for the Word file's XML
 * (Debian's poppler-utils and unzip, installed with Chromium by scripts/ensure-chromium.sh); and both
 * downloaded from the server, or the PDF refused in the reader's language without Chromium.
 */

const CSS = readFileSync(new URL("../../app/styles.css", import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "makon-report-exports-"));
afterAll(async () => {
  await closeReportPrinter();
  rmSync(dir, { recursive: true, force: true });
});

const attendance: ReportFigure = {
  id: "attendance.bySexAge",
  title: "reports.figure.attendance.bySexAge.title",
  definition: "reports.figure.attendance.bySexAge.definition",
  table: {
    columns: [{ key: "reports.figure.col.present" }, { key: "reports.figure.col.shareOfAttendance" }],
    rows: [
      { label: { key: "reports.figure.group.women" }, cells: [{ count: 187 }, { share: 0.46, of: 406 }] },
      { label: { key: "reports.figure.group.men" }, cells: [{ count: 215 }, { share: 0.53, of: 406 }] },
      { label: { key: "reports.figure.group.sexUnstated" }, cells: [{ fewerThan: 5 }, { fewerThan: 5 }] },
    ],
    people: true,
  },
  chart: { type: "bars", column: 1 },
};
const motions: ReportFigure = {
  id: "motions.byState",
  title: "reports.figure.motions.byState.title",
  definition: "reports.figure.motions.byState.definition",
  table: {
    columns: [{ key: "reports.figure.col.motions" }, { key: "reports.figure.col.share" }],
    rows: [
      { label: { text: "Adoptée (Conseil municipal de Limonade)" }, cells: [{ count: 14 }, { share: 0.56, of: 25 }] },
      { label: { text: "Rejetée" }, cells: [{ count: 6 }, { share: 0.24, of: 25 }] },
      { label: { text: "Retirée" }, cells: [{ count: 5 }, { share: 0.2, of: 25 }] },
    ],
    people: false,
  },
  chart: null,
};
const trend: ReportFigure = {
  id: "attendance.sharesTrend",
  title: "reports.figure.attendance.sharesTrend.title",
  definition: "reports.figure.attendance.sharesTrend.definition",
  table: {
    columns: [{ key: "reports.figure.col.womenShare" }],
    rows: ["12 janv.", "9 févr.", "8 mars", "12 avr.", "10 mai", "14 juin"].map((day, i) => ({ label: { text: day }, cells: [{ share: [0.38, 0.41, 0.45, 0.44, 0.5, 0.52][i]!, of: 60 }] })),
    people: true,
  },
  chart: { type: "line", column: 0 },
};

/** Long enough paragraphs that a section fills pages of its own. */
const paragraphs = (n: number, text: string) => Array.from({ length: n }, (_, i) => `${text} (${i + 1})`).join("\n\n");
const FRENCH =
  "À Limonade, l'assemblée s'est réunie chaque mois à l'école nationale ; les délégué·es des organisations ont présenté leurs priorités, débattu des motions et suivi les engagements de la mairie et du CASEC, avec une attention particulière à la parole des femmes, des jeunes et des personnes handicapées, qui ont été plus nombreuses à s'exprimer qu'en début d'année.";
const KREYOL =
  "Nan Limonade, asanble a te reyini chak mwa nan lekòl nasyonal la; delege òganizasyon yo te prezante priyorite yo, yo te diskite mosyon yo e yo te swiv angajman meri a ak CASEC la, epi fanm, jèn ak moun andikape te pran lapawòl pi plis pase nan kòmansman ane a.";

const periodic: ReportDocument = {
  id: 41,
  version: 2,
  publishedAt: Date.UTC(2027, 0, 20, 15),
  template: "periodic",
  locale: "fr",
  title: "Rapport annuel 2026 — élèves, rivières et forêts",
  scopeLabel: "Makòn Limonade",
  periodLabel: "1er janvier – 31 décembre 2026",
  details: {},
  sections: [
    { key: "summary", markdown: `L'année en **bref** : onze réunions, *vingt-cinq* motions.\n\n${paragraphs(3, FRENCH)}` },
    { key: "participation", markdown: `${paragraphs(6, FRENCH)}\n\n${figureReference("attendance.bySexAge")}\n\n${paragraphs(10, FRENCH)}` },
    { key: "deliberation", markdown: `## Les motions de l'année\n\n- Réparer la route de Bois-de-Lance\n- Ouvrir la cantine de l'école\n\n${figureReference("motions.byState")}\n\n${paragraphs(4, FRENCH)}` },
    { key: "accountability", markdown: paragraphs(14, FRENCH) },
    { key: "outlook", markdown: "" },
  ],
  figures: [attendance, motions, trend],
};

const sheet: ReportDocument = {
  id: 42,
  version: null,
  publishedAt: null,
  template: "sheet",
  locale: "ht",
  title: "Fich: kijan fanm yo pran lapawòl nan asanble a",
  scopeLabel: "Makòn Limonade",
  periodLabel: "1 janvye – 30 jen 2026",
  details: { theme: "Patisipasyon fanm", objective: "Plis fanm pran lapawòl", contributors: "Rose-Andrée Louis, Wilner Saint-Fleur" },
  sections: [
    { key: "audience", markdown: "Delege òganizasyon yo ak animatè yo." },
    { key: "context", markdown: paragraphs(8, KREYOL) },
    { key: "practice", markdown: `1. Nou fè yon lis moun ki vle pale.\n2. Yon fanm pale apre chak gason.\n\n${paragraphs(10, KREYOL)}\n\n${figureReference("attendance.bySexAge")}` },
    { key: "testimonies", markdown: "> « Kounye a mwen pa pè pale devan tout moun. » — Manmzèl Jèsula, Bwa-de-Lans" },
    { key: "contacts", markdown: "Biwo Makòn Limonade, lari Kapwa." },
  ],
  figures: [attendance],
};

const headingOf = (doc: ReportDocument, key: SectionKey | "essentials" | "figures") => translate(doc.locale, key === "essentials" ? "reports.essentials" : key === "figures" ? "reports.figures" : `reports.section.${key}`);

describe.each([
  ["a periodic report in French", periodic, ["summary", "participation", "deliberation", "accountability", "figures"] as const],
  ["a capitalisation sheet in Kreyòl", sheet, ["essentials", "audience", "context", "practice", "testimonies", "contacts"] as const],
])("the PDF of %s", (_, doc, listed) => {
  let pages: string[] = [];
  let info = "";
  beforeAll(async () => {
    const pdf = await reportPdf(doc, documentMessages(doc), { css: CSS });
    expect(pdf).not.toBeNull();
    const file = join(dir, `report-${doc.id}.pdf`);
    writeFileSync(file, pdf!);
    info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    // pdftotext ends every page with a form feed.
    pages = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  }, 90_000);

  it("is A4, several pages, each after the cover with the running header and its number out of the total", () => {
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(count).toBe(pages.length);
    expect(count).toBeGreaterThan(listed.length + 2);
    pages.forEach((page, i) => {
      if (i === 0) return;
      expect(page).toContain(`${doc.title} — ${doc.scopeLabel}`);
      expect(page).toMatch(new RegExp(`(^|\\s)${i + 1} ?/ ?${count}\\s*$`));
    });
  });

  it("has the cover alone on the first page, without header or number, and the contents alone on the second", () => {
    // The cover's title is large: it may wrap.
    expect(pages[0]!.replace(/\s+/g, " ")).toContain(doc.title);
    expect(pages[0]).toContain(translate(doc.locale, `reports.template.${doc.template}`).toLocaleUpperCase(doc.locale));
    expect(pages[0]).toContain(`${doc.scopeLabel} — ${doc.periodLabel}`);
    expect(pages[0]).toContain(doc.version === null ? translate(doc.locale, "reports.draft") : `Version ${doc.version}`);
    expect(pages[0]).not.toContain(`${doc.title} — ${doc.scopeLabel}`);
    expect(pages[0]).not.toMatch(/\d+ ?\/ ?\d+\s*$/);
    expect(pages[0]).not.toContain(translate(doc.locale, "reports.contents"));
    expect(pages[1]).toContain(translate(doc.locale, "reports.contents"));
    expect(pages[1]).not.toContain(translate(doc.locale, "reports.definition"));
  });

  it("lists every section in the contents with the page it starts on, in order", () => {
    const numbers = listed.map((key) => {
      const line = pages[1]!.split("\n").find((l) => l.includes(headingOf(doc, key)));
      expect(line, headingOf(doc, key)).toBeDefined();
      return Number(/(\d+)\s*$/.exec(line!)![1]);
    });
    expect(numbers[0]).toBe(3);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]!);
    listed.forEach((key, i) => {
      const page = pages[numbers[i]! - 1]!;
      // Below the running header, the page starts with the section's heading.
      const body = page.split("\n").filter((l) => l.trim() !== "" && !l.includes(`${doc.title} — `));
      expect(body[0]!.trim(), `${key} on page ${numbers[i]}`).toBe(headingOf(doc, key));
      // ...and the page before it (the contents aside) does not hold it.
      if (numbers[i]! > 3) expect(pages[numbers[i]! - 2]).not.toContain(headingOf(doc, key));
    });
  });

  it("keeps the text and its accents as text, figures and masked cells included", () => {
    const all = pages.join("\n");
    if (doc.locale === "fr") {
      expect(all).toContain("élèves, rivières et forêts");
      expect(all).toContain("Réparer la route de Bois-de-Lance");
      expect(all).toContain(translate("fr", "reports.figure.motions.byState.title"));
      expect(all).toContain("Adoptée (Conseil municipal de Limonade)");
    } else {
      expect(all).toContain("kijan fanm yo pran lapawòl");
      expect(all).toContain("Kounye a mwen pa pè pale devan tout moun.");
      expect(all).toContain("Rose-Andrée Louis");
    }
    expect(all).toContain(translate(doc.locale, "reports.figure.attendance.bySexAge.title"));
    expect(all).toMatch(/< 5/);
  });
});

describe("the Word file", () => {
  const docx = async (doc: ReportDocument) => {
    const file = join(dir, `report-${doc.id}.docx`);
    writeFileSync(file, await reportDocx(doc, documentMessages(doc)));
    const part = (name: string) => execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
    return { xml: part("word/document.xml"), styles: part("word/styles.xml") };
  };
  /** The document's text, paragraph by paragraph, runs joined. */
  const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

  it("has a periodic report's title, sections as headings, its figures as tables, in French", async () => {
    const { xml, styles } = await docx(periodic);
    const text = paragraphsOf(xml).map(unescape);
    expect(text).toContain(periodic.title);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="fr-FR"/);
    const heading = (name: string) => new RegExp(`<w:pStyle w:val="Heading1"/>[\\s\\S]*?<w:t[^>]*>${name}</w:t>`);
    expect(xml).toMatch(heading(translate("fr", "reports.section.participation")));
    expect(xml).toMatch(heading(translate("fr", "reports.section.accountability")));
    expect(text).toContain("Réparer la route de Bois-de-Lance");
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}<w:t[^>]*>bref<\/w:t>/);
    // The figure placed in "Participation" is a table: title, then its rows with the masked cell as "< 5".
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => paragraphsOf(m[0]).map(unescape));
    expect(tables).toHaveLength(3);
    const table = tables.find((cells) => cells.includes(translate("fr", "reports.figure.group.sexUnstated")))!;
    expect(table).toEqual(expect.arrayContaining([translate("fr", "reports.figure.col.present"), "187", "< 5", "46\u00a0%"]));
    expect(text).toContain(translate("fr", "reports.figure.attendance.bySexAge.title"));
    // The two figures with a chart (the bars, the line) send the reader to their table.
    expect(text.filter((p) => p === reportsExportMessages["reports.exports.chartInTable"].fr)).toHaveLength(2);
    expect(text.join("\n")).toContain(translate("fr", "reports.figure.motions.byState.definition").slice(0, 40));
    expect(tables.some((cells) => cells.includes("Adoptée (Conseil municipal de Limonade)"))).toBe(true);
  });

  it("has a sheet's essential information and its testimony as a quote, in Kreyòl", async () => {
    const { xml, styles } = await docx(sheet);
    const text = paragraphsOf(xml).map(unescape);
    expect(text).toContain(sheet.title);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="ht-HT"/);
    expect(text).toContain(translate("ht", "reports.essentials"));
    expect(text.join("\n")).toContain("Rose-Andrée Louis, Wilner Saint-Fleur");
    expect(xml).toMatch(/<w:pStyle w:val="Quote"\/>[\s\S]*?Kounye a mwen pa pè pale devan tout moun\./);
    expect(text).toContain("Nou fè yon lis moun ki vle pale.");
  });
});

describe("the downloads", () => {
  it("give a draft's PDF and Word file to its authors only, and say in the reader's language when the server has no Chromium", async () => {
    const server = await startTestServer();
    try {
      const facilitator = await signInCookie(server.url, "animateur@makon.ht");
      const form = { scopeKind: "space", spaceId: "1", periodKind: "year", year: String(new Date().getUTCFullYear()), template: "periodic", locale: "fr", title: "Rapport de l'année, à télécharger" };
      const createdReport = await fetch(`${server.url}/rapports/nouveau`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: facilitator }, redirect: "manual" });
      expect(createdReport.status).toBe(302);
      const id = Number(createdReport.headers.get("location")!.split("/").pop());
      const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: "manual" });

      const pdf = await get(`/rapports/${id}.pdf`, { Cookie: facilitator });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="rapport-${id}-brouillon.pdf"`);
      expect(pdf.headers.get("cache-control")).toBe("private, no-store");
      const file = join(dir, "downloaded.pdf");
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      expect(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ")).toContain("Rapport de l'année, à télécharger");
      // Printed with the app's built stylesheet: the cover and the contents each on a page of their own.
      expect(Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1])).toBeGreaterThanOrEqual(3);

      const docx = await get(`/rapports/${id}.docx`, { Cookie: facilitator });
      expect(docx.status).toBe(200);
      expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(docx.headers.get("content-disposition")).toBe(`attachment; filename="rapport-${id}-brouillon.docx"`);
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");

      for (const path of [`/rapports/${id}.pdf`, `/rapports/${id}.docx`]) expect((await get(path)).status).toBe(404);

      const before = process.env.CHROMIUM_PATH;
      process.env.CHROMIUM_PATH = join(dir, "no-chromium");
      try {
        const refused = await get(`/rapports/${id}.pdf`, { Cookie: `${facilitator}; makon_lang=ht` });
        expect(refused.status).toBe(503);
        expect(await refused.text()).toBe(reportsExportMessages["reports.exports.pdfUnavailable"].ht);
        expect((await get(`/rapports/${id}.pdf`)).status).toBe(404);
      } finally {
        if (before === undefined) delete process.env.CHROMIUM_PATH;
        else process.env.CHROMIUM_PATH = before;
      }
    } finally {
      await server.stop();
    }
  }, 90_000);
});
