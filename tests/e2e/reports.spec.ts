import { execFileSync } from "node:child_process";
import { request as playwrightRequest, type Browser, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, signInAs, test } from "./fixtures";

/**
 * Issue 15's path: a quarterly report for a commune whose meetings this file holds, its
 * figures read against the meetings' own pages, two sections written from two browsers,
 * published, then read by the public and downloaded as PDF (read back with poppler) and Word
 * (read back with unzip).
 *
 * The commune is one no space used yet, so that every figure of its report is about this
 * file's two spaces and two meetings alone, whatever else the suite has written.
 */

const PASSWORD = "rapo-komin-2026";
const AUTHORS = { width: 1280, height: 900 };

/** Today in Haiti (YYYY-MM-DD) and its quarter. */
function haitiToday(): { day: string; year: number; quarter: number } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Port-au-Prince", year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now());
  return { day, year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Whitespace as a reader sees it: runs of spaces, no-break spaces and line ends as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** Walk-ins of a meeting by sex and age group: each cell 0 or at least 5, so that no page and no report masks a figure compared here. */
type Cells = { sex: "female" | "male"; ageGroup: string; count: number }[];

interface Meeting {
  path: string;
  spaceName: string;
  kind: "ordinary" | "extraordinary";
  cells: Cells;
}

interface World {
  commune: { code: string; name: string };
  spaces: string[];
  meetings: Meeting[];
  authors: { name: string; email: string }[];
  today: ReturnType<typeof haitiToday>;
  suffix: string;
}

/**
 * Two spaces of an unused commune, each with a facilitator who has an account, and a meeting
 * held today in each (published, walk-ins recorded at the door, started and closed), all
 * through the pages' forms as an administrator posts them.
 */
async function setUp(baseURL: string): Promise<World> {
  const suffix = Date.now().toString(36);
  const today = haitiToday();
  const commune = withDb((db) => db.prepare("SELECT code, name FROM communes WHERE code NOT IN (SELECT commune_code FROM spaces) ORDER BY code = 'HT0922' DESC, code LIMIT 1").get() as { code: string; name: string });
  const spaceNames = [`Makòn ${commune.name} Nò ${suffix}`, `Makòn ${commune.name} Sid ${suffix}`];
  const spaces = withDb((db) =>
    spaceNames.map((name) => {
      const row = db
        .prepare("INSERT INTO spaces (name, level, commune_code, section_code, setting, description, status, created_at) VALUES (?, 'commune', ?, NULL, 'rural', '', 'active', ?) RETURNING id")
        .get(name, commune.code, Date.now()) as { id: number };
      return `/espaces/${row.id}`;
    }),
  );
  const authors = [
    { name: `Guerline Saint-Éloi ${suffix}`, email: `guerline.rapo.${suffix}@makon.ht` },
    { name: `Jean-Wesner Désir ${suffix}`, email: `wesner.rapo.${suffix}@makon.ht` },
  ];
  const meetings: Meeting[] = [
    {
      path: "",
      spaceName: spaceNames[0]!,
      kind: "ordinary",
      cells: [
        { sex: "female", ageGroup: "25_35", count: 6 },
        { sex: "male", ageGroup: "18_24", count: 5 },
        { sex: "male", ageGroup: "36_59", count: 5 },
      ],
    },
    {
      path: "",
      spaceName: spaceNames[1]!,
      kind: "extraordinary",
      cells: [
        { sex: "female", ageGroup: "36_59", count: 7 },
        { sex: "male", ageGroup: "25_35", count: 5 },
      ],
    },
  ];
  const http = await playwrightRequest.newContext({ baseURL });
  try {
    const post = async (path: string, form: Record<string, string>) => {
      const response = await http.post(path, { form, maxRedirects: 0 });
      expect([200, 302, 303], `POST ${path} ${JSON.stringify(form)}`).toContain(response.status());
      return response;
    };
    await post("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
    for (const [i, author] of authors.entries()) {
      await post("/admin/comptes/nouveau", { name: author.name, email: author.email, password: PASSWORD, role: "facilitator", spaceId: spaces[i]!.split("/").pop()!, locale: "" });
    }
    for (const [i, meeting] of meetings.entries()) {
      const created = await post(`${spaces[i]}/reunions/nouvelle`, {
        intent: "meeting",
        kind: meeting.kind,
        title: `Asanble ${meeting.kind === "ordinary" ? "òdinè" : "ekstraòdinè"} ${suffix}`,
        startsAt: `${today.day}T${i === 0 ? "09" : "14"}:00`,
        place: "Lekòl nasyonal",
        published: "on",
      });
      meeting.path = created.headers().location!;
      await post(meeting.path, { intent: "start" });
      for (const cell of meeting.cells) {
        for (let n = 1; n <= cell.count; n++) {
          await post(`${meeting.path}/presences`, { intent: "walkin", name: `Moun ${cell.sex} ${cell.ageGroup} ${n} ${suffix}`, sex: cell.sex, ageGroup: cell.ageGroup, organisationId: "", role: "observer" });
        }
      }
      await post(meeting.path, { intent: "close", confirm: "1" });
    }
  } finally {
    await http.dispose();
  }
  return { commune, spaces, meetings, authors, today, suffix };
}

async function author(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: AUTHORS });
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}

/** What a closed meeting's printable page shows the public: its present count and women's share; and its kind, from its page. */
async function meetingPage(page: Page, path: string) {
  await page.goto(path);
  const kind = flat((await page.locator(".tags .tag").first().textContent())!);
  await page.goto(`${path}/imprimer`);
  const panel = page.getByTestId("attendance-panel");
  return { kind, present: flat((await panel.getByTestId("present-count").textContent())!), womenShare: flat((await panel.getByTestId("women-present").textContent())!) };
}

/** A figure's table in a preview: the text of a row's cells, by the row's heading. */
async function figureRow(scope: Locator, figure: string, rowLabel: string): Promise<string[]> {
  const row = scope.locator(`figure[data-figure="${figure}"] tbody tr`).filter({ has: scope.page().getByRole("rowheader", { name: rowLabel, exact: true }) });
  await expect(row).toHaveCount(1);
  return (await row.locator("td").allTextContents()).map(flat);
}

test("a commune's quarterly report: figures as the meeting pages give them, two authors writing at once, published, read by the public, as PDF and Word", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const w = await setUp(baseURL!);
  const [first, second] = w.authors as [World["authors"][0], World["authors"][0]];
  const title = `Rapport trimestriel : élan des femmes et des jeunes ${w.suffix}`;
  const summary = "À Anse-à-Foleur, les délégué·es ont débattu de l'eau potable ; les femmes ont pris la parole à égalité.";
  const outlook = "Prochaine étape : étendre l'expérience aux sections rurales, avec l'appui des élèves et des aînés.";

  const writer = await author(browser, baseURL!, first.email);
  const coWriter = await author(browser, baseURL!, second.email);
  const publicContext = await browser.newContext({ baseURL });
  const reader = await publicContext.newPage();
  try {
    // The first facilitator creates the commune's report for this quarter.
    await writer.goto("/rapports/nouveau");
    await writer.getByLabel("Une commune (tous ses espaces)").check();
    await writer.getByLabel("Commune (pour un rapport de commune)").selectOption({ label: w.commune.name });
    await writer.getByLabel("Un trimestre").check();
    await writer.getByLabel("Année", { exact: true }).fill(String(w.today.year));
    await writer.getByLabel("Trimestre", { exact: true }).selectOption(String(w.today.quarter));
    await writer.getByLabel("Rapport périodique").check();
    await writer.getByLabel("Langue du rapport").selectOption("fr");
    await writer.getByLabel("Titre (facultatif)").fill(title);
    await writer.getByRole("button", { name: "Créer le rapport" }).click();
    await expect(writer).toHaveURL(/\/rapports\/\d+$/);
    const reportPath = new URL(writer.url()).pathname;
    await expect(writer.getByTestId("report-title")).toHaveText(title);
    await expect(writer.locator(".report-scope")).toContainText(w.commune.name);
    await expect(writer.locator(".report-scope")).toContainText(`${["1er", "2e", "3e", "4e"][w.today.quarter - 1]} trimestre ${w.today.year}`);

    await test.step("three figures of the draft say what the meetings' pages say", async () => {
      const preview = writer.getByTestId("section-participation-preview");
      const pages = [];
      for (const meeting of w.meetings) pages.push(await meetingPage(reader, meeting.path));
      // The trend: one row a meeting, named by its day and its space; present and women's share as on the meeting's page.
      for (const [i, meeting] of w.meetings.entries()) {
        const cells = await figureRow(preview, "attendance.sharesTrend", `${w.today.day} · ${meeting.spaceName}`);
        expect(cells[0], `present at ${meeting.spaceName}`).toBe(pages[i]!.present);
        expect(cells[2], `women's share at ${meeting.spaceName}`).toBe(pages[i]!.womenShare);
        expect(Number(pages[i]!.present)).toBe(meeting.cells.reduce((n, c) => n + c.count, 0));
      }
      // Meetings held, by kind: as many of each kind as the meeting pages name, and both in all.
      for (const kind of new Set(pages.map((p) => p.kind))) {
        expect(await figureRow(preview, "meetings.byKind", kind)).toEqual([String(pages.filter((p) => p.kind === kind).length)]);
      }
      expect(await figureRow(preview, "meetings.byKind", "Ensemble")).toEqual([String(pages.length)]);
      // Attendance by sex and age: all present, the sum of the meetings' present counts.
      const all = await figureRow(preview, "attendance.bySexAge", "Ensemble");
      expect(all.at(-2)).toBe(String(pages.reduce((n, p) => n + Number(p.present), 0)));
    });

    await test.step("two authors write two sections at once and see each other", async () => {
      // The second facilitator (of the commune's other space) finds the draft among their reports.
      await coWriter.goto("/rapports");
      await coWriter.getByTestId("reports-mine").getByRole("link", { name: title }).click();
      await expect(coWriter).toHaveURL(new RegExp(`${reportPath}$`));
      const mine = writer.getByTestId("section-summary-text");
      const theirs = coWriter.getByTestId("section-outlook-text");
      await expect(mine).toBeEditable();
      await expect(theirs).toBeEditable();
      await expect(writer.getByTestId("section-outlook-status")).toContainText(`écrit aussi : ${second.name}`);
      await expect(coWriter.getByTestId("section-summary-status")).toContainText(`écrit aussi : ${first.name}`);
      await mine.click();
      await mine.pressSequentially(summary);
      await theirs.click();
      await theirs.pressSequentially(outlook);
      // Each sees the other's words in the preview, without reloading.
      await expect(coWriter.getByTestId("section-summary-preview")).toContainText(summary);
      await expect(writer.getByTestId("section-outlook-preview")).toContainText(outlook);
      await expect(writer.getByTestId("section-summary-preview")).toContainText(summary);
      await expect(coWriter.getByTestId("section-outlook-preview")).toContainText(outlook);
    });

    await test.step("publishing freezes it: the other author stops writing, the public reads it", async () => {
      await expect(writer.getByTestId("report-publish")).toHaveText("Publier la version 1");
      await writer.getByTestId("report-publish").click();
      await writer.getByRole("button", { name: "Oui, publier" }).click();
      await expect(writer.getByTestId("report-status")).toHaveText("Publié");
      await expect(writer.getByTestId("report-version")).toContainText("Version 1, publiée le");
      // The other author's open page turns to reading at once; reloaded, it is the published report.
      await expect(coWriter.getByTestId("section-outlook-text")).toHaveCount(0);
      await expect(coWriter.getByTestId("section-outlook-preview")).toContainText(outlook);
      await coWriter.reload();
      await expect(coWriter.getByTestId("report-status")).toHaveText("Publié");
      await expect(coWriter.locator("textarea")).toHaveCount(0);

      const response = await reader.goto(reportPath);
      expect(response?.status()).toBe(200);
      const doc = reader.getByTestId("report-document");
      await expect(doc.getByTestId("report-title")).toHaveText(title);
      await expect(doc.locator('section[data-section="summary"]')).toContainText(summary);
      await expect(doc.locator('section[data-section="outlook"]')).toContainText(outlook);
      await expect(reader.getByTestId("report-author")).toHaveCount(0);
    });

    await test.step("the PDF: pages, contents with page numbers, the sections where it says, the text with its accents", async () => {
      const [download] = await Promise.all([reader.waitForEvent("download", { timeout: 90_000 }), reader.getByTestId("report-exports").getByRole("link", { name: "PDF", exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(`rapport-${reportPath.split("/").pop()}-v1.pdf`);
      const file = test.info().outputPath("rapport.pdf");
      await download.saveAs(file);
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
      expect(count).toBeGreaterThanOrEqual(3);
      // pdftotext ends every page with a form feed.
      const pages = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
      expect(pages).toHaveLength(count);
      expect(flat(pages[0]!)).toContain(title);
      expect(pages[1]).toContain("Table des matières");
      for (const heading of ["Résumé", "Perspectives"]) {
        const line = pages[1]!.split("\n").find((l) => l.includes(heading));
        expect(line, `${heading} in the contents`).toMatch(/\d+\s*$/);
        const number = Number(/(\d+)\s*$/.exec(line!)![1]);
        expect(number).toBeGreaterThanOrEqual(3);
        expect(number).toBeLessThanOrEqual(count);
        // Below the running header, that page starts with the section's heading.
        const body = pages[number - 1]!.split("\n").filter((l) => l.trim() !== "" && !l.includes(`${title} — `));
        expect(body[0]!.trim(), `${heading} on page ${number}`).toBe(heading);
      }
      const text = flat(pages.join("\n"));
      expect(text).toContain(summary);
      expect(text).toContain(outlook);
    });

    await test.step("the Word file holds the title and both sections' text", async () => {
      const [download] = await Promise.all([reader.waitForEvent("download"), reader.getByTestId("report-exports").getByRole("link", { name: "Word", exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(`rapport-${reportPath.split("/").pop()}-v1.docx`);
      const file = test.info().outputPath("rapport.docx");
      await download.saveAs(file);
      const xml = execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8", maxBuffer: 32 * 1024 * 1024 });
      // The document's text, paragraph by paragraph, its runs joined.
      const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
        [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
          .map((t) => t[1])
          .join("")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, "&"),
      );
      expect(paragraphs).toContain(title);
      expect(paragraphs).toContain("Résumé");
      expect(paragraphs).toContain("Perspectives");
      expect(paragraphs).toContain(summary);
      expect(paragraphs).toContain(outlook);
    });
  } finally {
    await writer.context().close();
    await coWriter.context().close();
    await publicContext.close();
  }
});
