import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { cellText, labelText, ReportFigureView } from "../../app/components/report-figure";
import { parseCsv, toCsv } from "../../app/modules/csv/csv";
import { translate } from "../../app/modules/i18n/catalog.server";
import type { Locale } from "../../app/modules/i18n/locales";
import { fill, type MessageKey, type Translate } from "../../app/modules/i18n/translate";
import type { Cell, FigureId, Label, ReportFigure } from "../../app/modules/reports/figure-types";
import { figuresCsvRows } from "../../app/modules/reports/figures-csv";
import { figureMarkdown, reportMarkdown } from "../../app/modules/reports/figures-markdown";
import { figureReference, type ReportDocument } from "../../app/modules/reports/report-document";

/** The fixtures' own words (the figures' real titles are another module's), over the catalogue's. */
const FIXTURE_WORDS: Record<string, Record<Locale, string>> = {
  "test.women.title": { fr: "Part des femmes présentes", ht: "Pousantaj fanm ki te la" },
  "test.women.definition": { fr: "Femmes parmi les personnes présentes.", ht: "Fanm pami moun ki te la." },
  "test.trend.title": { fr: "Évolution, réunion par réunion", ht: "Evolisyon, reyinyon apre reyinyon" },
  "test.trend.definition": { fr: "Une réunion par point, dans l'ordre.", ht: "Yon reyinyon pou chak pwen, nan lòd." },
  "test.speakers.title": { fr: "Prises de parole", ht: "Moun ki pran lapawòl" },
  "test.speakers.definition": { fr: "Personnes qui ont parlé | au moins une fois.", ht: "Moun ki pale | omwen yon fwa." },
  "test.count": { fr: "Nombre", ht: "Kantite" },
  "test.share": { fr: "Part", ht: "Pousantaj" },
  "test.women": { fr: "Femmes", ht: "Fanm" },
  "test.men": { fr: "Hommes", ht: "Gason" },
  "test.meeting": { fr: "Réunion {n}", ht: "Reyinyon {n}" },
};
const k = (key: string) => key as MessageKey;
const tFor =
  (locale: Locale): Translate =>
  (key, params) =>
    key in FIXTURE_WORDS ? fill(FIXTURE_WORDS[key]![locale], params) : translate(locale, key, params);
const fr = tFor("fr");
const ht = tFor("ht");

const figure = (id: FigureId, name: string, columns: Label[], rows: [Label, Cell[]][], chart: ReportFigure["chart"]): ReportFigure => ({
  id,
  title: k(`test.${name}.title`),
  definition: k(`test.${name}.definition`),
  table: { columns, rows: rows.map(([label, cells]) => ({ label, cells })), people: true },
  chart,
});

const bars = figure(
  "attendance.bySexAge",
  "women",
  [{ key: k("test.count") }, { key: k("test.share") }],
  [
    [{ key: k("test.women") }, [{ count: 42 }, { share: 0.42, of: 100 }]],
    [{ key: k("test.men") }, [{ count: 58 }, { share: 0.58, of: 100 }]],
  ],
  { type: "bars", column: 1 },
);
const line = figure(
  "attendance.sharesTrend",
  "trend",
  [{ key: k("test.share") }],
  [0.3, 0.45, 0.38, 0.5, 0.61].map((share, i) => [{ key: k("test.meeting"), params: { n: i + 1 } }, [{ share, of: 40 }]]),
  { type: "line", column: 0 },
);
const masked = figure(
  "speaking.bySexAge",
  "speakers",
  [{ key: k("test.count") }, { text: "Délai | moyen" }],
  [
    [{ text: "Conseil | municipal" }, [{ count: 12_345 }, { days: 12 }]],
    [{ key: k("test.women") }, [{ fewerThan: 5 }, { days: 1 }]],
    [{ key: k("test.men") }, [{ count: 6 }, { minutes: 35 }]],
    [{ text: "Autre" }, [null, { text: "n/d" }]],
  ],
  { type: "bars", column: 0 },
);

const render = (f: ReportFigure, locale: Locale = "fr") => renderToStaticMarkup(createElement(ReportFigureView, { figure: f, t: tFor(locale), locale }));
const svgOf = (html: string) => /<svg[\s\S]*<\/svg>/.exec(html)![0];
const tableOf = (html: string) => /<table[\s\S]*<\/table>/.exec(html)![0];
const html = (text: string) => text.replace(/</g, "&lt;");
const attrs = (markup: string, tag: string) => [...markup.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
const PCT = (n: number) => `${n}\u00a0%`;

describe("a report figure on the page, in print and in a PDF", () => {
  it("draws bars of shares on 0–100 %, each with its value written, the same numbers in the table", () => {
    const page = render(bars);
    const svg = svgOf(page);
    expect(page).toMatch(/^<figure class="report-figure" data-figure="attendance.bySexAge"><figcaption>/);
    expect(page).toContain("Part des femmes présentes");
    expect(page).toContain("Définition : Femmes parmi les personnes présentes.");
    expect(svg).toMatch(/^<svg class="report-chart" viewBox="0 0 360 \d+" role="img" aria-label="Diagramme en barres\. Part des femmes présentes \(Part\) : Femmes : 42\s%( ;|&#x27;) /u);
    expect(svg).toContain(`<title>Diagramme en barres. Part des femmes présentes (Part) : Femmes : ${PCT(42)} ; Hommes : ${PCT(58)}.</title>`);
    // Scale 0–100 %: the bar's length is its share of the plot's 300 units.
    expect(attrs(svg, "rect").filter((r) => r.class === "report-chart-bar").map((r) => Number(r.width))).toEqual([126, 174]);
    for (const value of [PCT(42), PCT(58), PCT(0), PCT(50), PCT(100)]) expect(svg).toContain(`>${value}</text>`);
    const table = tableOf(page);
    expect(table).toContain('<th scope="col" class="num">Part</th>');
    expect(table).toContain('<th scope="row">Femmes</th><td class="num">42</td><td class="num">42\u00a0%</td>');
    expect(table).toContain("<caption");
    // Nothing from outside: no script, no link, no font, no markup written by hand.
    expect(page).not.toMatch(/<script|<style|href=|@import|url\((?!#)/);
  });

  it("carries no meaning by colour alone: greys and black, every bar with its value beside it", () => {
    for (const f of [bars, line, masked]) {
      const svg = svgOf(render(f));
      const fills = new Set([...svg.matchAll(/fill="([^"]+)"/g)].map((m) => m[1]));
      for (const colour of fills) expect(colour).toMatch(/^(#1c1b1a|#4d4d4d|#fff|none|url\(#report-hatch-[\w-]+\))$/);
      const shapes = attrs(svg, "rect").filter((r) => r.class === "report-chart-bar" || r.class === "report-chart-masked").length + attrs(svg, "circle").length;
      const values = [...svg.matchAll(/<text[^>]*font-weight="700"[^>]*>/g)].length - 1; // less the column's name
      expect(values).toBeGreaterThanOrEqual(shapes);
    }
  });

  it("draws the trend as a line with every point marked and written, and its table beside it", () => {
    const page = render(line);
    const svg = svgOf(page);
    expect(svg).toContain('aria-label="Courbe. Évolution, réunion par réunion (Part) : 5 points, de Réunion 1 : 30');
    expect(attrs(svg, "circle")).toHaveLength(5);
    expect(attrs(svg, "path")[0]!.d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){4}$/);
    for (const share of [30, 45, 38, 50, 61]) {
      expect(svg).toContain(`>${PCT(share)}</text>`);
      expect(tableOf(page)).toContain(`<td class="num">${PCT(share)}</td>`);
    }
    // The higher share is drawn higher: y falls as the share rises.
    const ys = attrs(svg, "circle").map((c) => Number(c.cy));
    expect(ys[4]).toBeLessThan(ys[3]!);
    expect(ys[0]).toBeGreaterThan(ys[1]!);
    expect(page).toContain('<th scope="row">Réunion 3</th>');
  });

  it("writes every point of a longer trend in two tiers, and of a crowded one its ends, highest and lowest, the table having them all", () => {
    const trend = (shares: number[]) => ({ ...line, table: { ...line.table, rows: shares.map((share, i) => ({ label: { key: k("test.meeting"), params: { n: i + 1 } }, cells: [{ share, of: 40 } as Cell] })) } });
    const twelve = [0.31, 0.35, 0.4, 0.36, 0.38, 0.44, 0.52, 0.49, 0.55, 0.61, 0.58, 0.66];
    const svg = svgOf(render(trend(twelve)));
    for (const share of twelve) expect(svg).toContain(`>${PCT(Math.round(share * 100))}</text>`);
    const forty = Array.from({ length: 40 }, (_, i) => 0.2 + ((i * 7) % 13) / 100 + (i === 17 ? 0.5 : 0));
    const page = render(trend(forty));
    const written = [...svgOf(page).matchAll(/font-weight="700"[^>]*>(\d+)\u00a0%<\/text>/g)].map((m) => Number(m[1]));
    expect(written.sort((a, b) => a - b)).toEqual([20, 20, 72]); // the first (also the lowest), the last, the highest
    expect(attrs(svgOf(page), "circle")).toHaveLength(40);
    expect(tableOf(page).match(/<tr>/g)).toHaveLength(41);
  });

  it("shows a masked cell as '< 5', a hatched stub of fixed length that tells nothing of the count", () => {
    const page = render(masked);
    const svg = svgOf(page);
    const stubs = attrs(svg, "rect").filter((r) => r.class === "report-chart-masked");
    expect(stubs).toHaveLength(1);
    expect(stubs[0]!.width).toBe("22");
    const hatch = /^url\(#(report-hatch-[\w-]+)\)$/.exec(stubs[0]!.fill!)![1];
    expect(svg).toContain(`<pattern id="${hatch}"`);
    expect(svg).toContain(`>${html("< 5")}</text>`);
    expect(tableOf(page)).toContain(`<td class="num report-cell-masked">${html("< 5")}</td>`);
    expect(page).toContain('<p class="report-figure-note">« &lt; 5 » : moins de cinq personnes.');
    // The same stub whatever the other bars measure; counts on 0–max, the largest full length.
    const small = render({ ...masked, table: { ...masked.table, rows: masked.table.rows.map((r, i) => (i === 0 ? { ...r, cells: [{ count: 7 }, r.cells[1]!] } : r)) } });
    expect(attrs(svgOf(small), "rect").filter((r) => r.class === "report-chart-masked")[0]!.width).toBe("22");
    expect(attrs(svg, "rect").filter((r) => r.class === "report-chart-bar").map((r) => Number(r.width))).toEqual([300, 0.1]);
    for (const value of ["12\u202f345", "6", "—"]) expect(svg).toContain(`>${value}</text>`);
    expect(tableOf(page)).toContain("<td>12 jours</td>");
    expect(tableOf(page)).toContain("<td>1 jour</td>");
    expect(tableOf(page)).toContain("<td>n/d</td>");
    expect(tableOf(page)).toContain('<th scope="row">Autre</th><td class="num">—</td>');
    // A table with no masked cell says nothing about "< 5".
    expect(render(bars)).not.toContain("report-figure-note");
  });

  it("speaks Kreyòl in Kreyòl: chart, definition, note and units", () => {
    const page = render(masked, "ht");
    expect(svgOf(page)).toContain('aria-label="Grafik baton. Moun ki pran lapawòl (Kantite): Conseil | municipal: 12');
    expect(page).toContain("Definisyon: Moun ki pale | omwen yon fwa.");
    expect(page).toContain("mwens pase senk moun");
    expect(page).toContain("<td>12 jou</td>");
    expect(page).toContain("<td>35 minit</td>");
    expect(svgOf(render(line, "ht"))).toContain('aria-label="Grafik liy. Evolisyon, reyinyon apre reyinyon (Pousantaj): 5 pwen, depi Reyinyon 1: 30');
    expect(page).not.toMatch(/Diagramme|Courbe|Définition|moins de cinq|jours/);
  });

  it("draws no chart when it has none, and keeps every pattern id its own", () => {
    const page = render({ ...bars, chart: null });
    expect(page).not.toContain("<svg");
    expect(page).toContain('<div class="report-figure-body">');
    const two = renderToStaticMarkup(createElement("div", null, createElement(ReportFigureView, { figure: masked, t: fr, locale: "fr" }), createElement(ReportFigureView, { figure: masked, t: fr, locale: "fr" })));
    const ids = [...two.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it("writes labels and cells as text for other renderings", () => {
    expect(labelText({ text: "CASEC" }, fr)).toBe("CASEC");
    expect(labelText({ key: k("test.meeting"), params: { n: 2 } }, ht)).toBe("Reyinyon 2");
    expect([{ count: 1234 }, { fewerThan: 5 }, { share: 0.425, of: 40 }, { days: 1.5 }, { minutes: 90 }, { text: "x" }, null].map((c) => cellText(c as Cell, "fr", fr))).toEqual([
      "1\u202f234",
      "< 5",
      PCT(43),
      "1,5 jour",
      "90 min",
      "x",
      "—",
    ]);
  });
});

describe("figures as CSV rows", () => {
  it("gives one row a cell under a header, masked cells '< 5', shares to one decimal, durations with their unit", () => {
    const rows = figuresCsvRows([bars, masked], fr, "fr");
    expect(rows[0]).toEqual(["Figure", "Titre", "Définition", "Ligne", "Colonne", "Valeur"]);
    expect(rows).toHaveLength(1 + 2 * 2 + 4 * 2);
    expect(rows[1]).toEqual(["attendance.bySexAge", "Part des femmes présentes", "Femmes parmi les personnes présentes.", "Femmes", "Nombre", "42"]);
    expect(rows[2]!.slice(3)).toEqual(["Femmes", "Part", "42,0 %"]);
    expect(rows.slice(5).map((r) => r.slice(3))).toEqual([
      ["Conseil | municipal", "Nombre", "12345"],
      ["Conseil | municipal", "Délai | moyen", "12 jours"],
      ["Femmes", "Nombre", "< 5"],
      ["Femmes", "Délai | moyen", "1 jour"],
      ["Hommes", "Nombre", "6"],
      ["Hommes", "Délai | moyen", "35 min"],
      ["Autre", "Nombre", "—"],
      ["Autre", "Délai | moyen", "n/d"],
    ]);
    expect(figuresCsvRows([masked], ht, "ht")[0]).toEqual(["Figi", "Tit", "Definisyon", "Liy", "Kolòn", "Valè"]);
    expect(figuresCsvRows([masked], ht, "ht")[2]![5]).toBe("12 jou");
    // Through the project's CSV writer and back, as Excel would read it.
    expect(parseCsv(toCsv(rows).slice(1)).map((r) => r.fields)).toEqual(rows);
  });
});

describe("figures and reports as Markdown", () => {
  it("writes a figure as a heading, its definition in italics and a table, with '|' escaped", () => {
    const md = figureMarkdown(masked, fr, "fr");
    const [heading, definition, table, note] = md.split("\n\n");
    expect(heading).toBe("### Prises de parole");
    expect(definition).toBe("*Personnes qui ont parlé \\| au moins une fois.*");
    expect(table!.split("\n")).toEqual([
      "|   | Nombre | Délai \\| moyen |",
      "| --- | ---: | --- |",
      "| Conseil \\| municipal | 12\u202f345 | 12 jours |",
      "| Femmes | < 5 | 1 jour |",
      "| Hommes | 6 | 35 min |",
      "| Autre | — | n/d |",
    ]);
    // Every line of the table has as many cells, counting only the pipes not escaped.
    for (const row of table!.split("\n")) expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(5);
    expect(note).toContain("« < 5 » : moins de cinq personnes.");
    expect(figureMarkdown(bars, fr, "fr").split("\n\n")).toHaveLength(3);
  });

  const doc = (over: Partial<ReportDocument>): ReportDocument => ({
    id: 1,
    version: 2,
    publishedAt: Date.UTC(2027, 2, 3, 15),
    template: "periodic",
    locale: "fr",
    title: "Rapport annuel 2026",
    scopeLabel: "Makòn Limonade",
    periodLabel: "Année 2026",
    details: {},
    sections: [
      { key: "summary", markdown: "Une année de réunions.\n" },
      { key: "participation", markdown: `Les femmes ont pris leur place.\n${figureReference("attendance.bySexAge")}\nEt la suite.\n  {{figure:nothing.here}}\nFin.` },
    ],
    figures: [bars, line],
    ...over,
  });

  it("writes the whole report: header, sections, figures where they are placed, the others at the end", () => {
    const md = reportMarkdown(doc({}), fr, "fr");
    expect(md.startsWith("# Rapport annuel 2026\n\n**Lieu** : Makòn Limonade  \n**Période** : Année 2026  \nVersion 2, publiée le 3 mars 2027\n\n## Résumé\n\nUne année de réunions.\n\n## Participation\n\nLes femmes ont pris leur place.\n\n### Part des femmes présentes\n")).toBe(true);
    expect(md).toContain("| Hommes | 58 | 58\u00a0% |\n\nEt la suite.\nFin.\n\n## Les chiffres\n\n### Évolution, réunion par réunion\n");
    expect(md).not.toContain("{{figure:");
    expect(md.match(/### Part des femmes présentes/g)).toHaveLength(1);
    expect(md.endsWith("| Réunion 5 | 61\u00a0% |\n")).toBe(true);
    expect(md).not.toContain("Informations essentielles");
  });

  it("writes a sheet's essential information, a draft as a draft, in Kreyòl, and no appendix when every figure is placed", () => {
    const sheet = doc({
      template: "sheet",
      version: null,
      publishedAt: null,
      locale: "ht",
      details: { theme: "Patisipasyon fanm", contributors: "Mari\nJan" },
      sections: [{ key: "practice", markdown: `Pratik la.\n\n${figureReference("attendance.sharesTrend")}\n${figureReference("attendance.bySexAge")}` }],
    });
    const md = reportMarkdown(sheet, ht, "ht");
    expect(md).toContain("**Kote**: Makòn Limonade  \n**Peryòd**: Année 2026  \nBouyon\n\n## Enfòmasyon esansyèl\n\n- **Tèm**: Patisipasyon fanm\n- **Objektif**: —\n");
    expect(md).toContain("- **Moun ki kontribye**: Mari\n  Jan\n");
    expect(md).toContain("## Deskripsyon pratik la ak etap kle yo\n\nPratik la.\n\n### Evolisyon, reyinyon apre reyinyon\n");
    expect(md).toContain("| Reyinyon 5 | 61\u00a0% |\n\n### Pousantaj fanm ki te la\n");
    expect(md).not.toContain("## Chif yo");
  });
});
