import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, newSpace, signInAs, test } from "./fixtures";

/**
 * Every page at 360 px (a cheap phone), for each audience that sees it, in French and in
 * Kreyòl: nothing sticks out sideways (issue 12). The data is this file's own (its own space,
 * people, accounts and meetings), with long names and addresses on purpose. Register dates are
 * written in the reader's language, never as 2026-12-01.
 */

const WIDTH = 360;
test.use({ viewport: { width: WIDTH, height: 640 }, isMobile: true, hasTouch: true });

const PASSWORD = "etwat-2026-modpas";
const LOCALES = ["fr", "ht"] as const;
type Locale = (typeof LOCALES)[number];

function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Now in Haiti, as a datetime-local field takes it, and this year. */
function haitiNow(): { dateTime: string; year: number } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "America/Port-au-Prince", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(Date.now())
      .map((x) => [x.type, x.value]),
  );
  return { dateTime: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, year: Number(p.year) };
}

interface World {
  space: string;
  organisation: string;
  live: string;
  closed: string;
  planned: string;
  plannedId: string;
  screen: string;
  geography: { department: string; commune: string };
  personAccount: string;
  facilitatorAccount: string;
  emails: { delegate: string; official: string; facilitator: string };
  official: string;
  year: number;
  motion: string;
  draft: string;
  commitment: string;
  communeBoard: string;
  report: string;
  draftReport: string;
}

/** One space of this file's own, set up once per worker through the pages' forms (plain posts). */
let world: Promise<World> | null = null;
function theWorld(baseURL: string | undefined): Promise<World> {
  world ??= setUp(baseURL).catch((error) => {
    world = null;
    throw error;
  });
  return world;
}

async function setUp(baseURL: string | undefined): Promise<World> {
  const suffix = Date.now().toString(36);
  const { dateTime, year } = haitiNow();
  const emails = {
    delegate: `anne-marie.jean-baptiste.${suffix}@organisations-paysannes-du-nord.makon.ht`,
    official: `wilner.casec.premiere-section.${suffix}@collectivites-territoriales.makon.ht`,
    facilitator: `animatrice.seksyon-kominal.${suffix}@organisations-paysannes-du-nord.makon.ht`,
  };
  // Authorities are the commune's: other spaces of this commune list them too.
  const official = `Wilner Saint-Fleur ${suffix}`;
  const space = newSpace(`Makòn Seksyon Kominal Bwa-de-Lans ak Bò-Lanmè ${suffix}`);
  const spaceId = space.split("/").pop()!;
  const http: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    const post = async (path: string, form: Record<string, string>) => {
      const response = await http.post(path, { form, maxRedirects: 0 });
      expect([200, 302, 303], `POST ${path} ${JSON.stringify(form)}`).toContain(response.status());
      return response;
    };
    const located = async (path: string, form: Record<string, string>) => (await post(path, form)).headers().location!;
    const one = <T>(sql: string, ...params: unknown[]) => withDb((db) => db.prepare(sql).get(...params) as T);
    await post("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });

    // The register: two organisations with long names, a delegate each (one seat ended), a CASEC member.
    const organisation = await located(`${space}/organisations/nouvelle`, {
      name: `Association des producteurs agricoles et éleveurs de la deuxième section communale ${suffix}`,
      acronym: `APAEDSC${suffix}`.toUpperCase(),
      type: "peasant",
      contactName: "Marie-Lourdes Saint-Hilaire",
      phone: "+50937001234",
      email: `contact.producteurs-agricoles-eleveurs.${suffix}@organisations-paysannes-du-nord.makon.ht`,
      joinedOn: `${year}-01-01`,
    });
    const organisationId = organisation.split("/").pop()!;
    await post(organisation, { intent: "count", countedOn: `${year}-03-08`, women: "1250", men: "980", age_u18: "40", age_18_24: "310", age_25_35: "620", age_36_59: "900", age_60p: "360" });
    const second = (await located(`${space}/organisations/nouvelle`, { name: `Gwoupman Fanm Vanyan Bwa-de-Lans ${suffix}`, type: "women", joinedOn: `${year}-02-07` })).split("/").pop()!;
    await post(`${space}/delegues/nouveau`, {
      name: "Anne-Marie Jean-Baptiste Saint-Fleur",
      sex: "female",
      birthYear: "1990",
      organisationId,
      seat: "titular",
      fromDate: `${year}-01-01`,
      namedPublicly: "on",
      createAccount: "on",
      accountEmail: emails.delegate,
      accountPassword: PASSWORD,
    });
    await post(`${space}/delegues/nouveau`, { name: "Wilfrid Désir", sex: "male", birthYear: "1975", organisationId: second, seat: "titular", fromDate: `${year}-01-01`, namedPublicly: "on" });
    const ended = one<{ id: number }>("SELECT s.id FROM delegate_seats s JOIN people p ON p.id = s.person_id WHERE p.name = 'Wilfrid Désir' AND s.organisation_id = ?", Number(second));
    await post(space, { intent: "endSeat", seatId: String(ended.id), toDate: `${year}-12-31`, confirm: "1" });
    await post(`${space}/autorites`, { intent: "authority", kind: "casec", name: `CASEC de la deuxième section communale de Bois-de-Lance ${suffix}` });
    const authority = one<{ id: number }>("SELECT id FROM authorities WHERE name = ?", `CASEC de la deuxième section communale de Bois-de-Lance ${suffix}`);
    await post(`${space}/autorites`, {
      intent: "official",
      authorityId: String(authority.id),
      name: official,
      sex: "male",
      title: "Président du conseil d'administration de la section communale",
      mandateStart: `${year - 1}-02-07`,
      mandateEnd: `${year + 3}-02-07`,
      createAccount: "on",
      accountEmail: emails.official,
      accountPassword: PASSWORD,
    });
    const facilitatorAccount = await located("/admin/comptes/nouveau", { name: "Jocelyne Marie-Claire Pierre-Louis", email: emails.facilitator, password: PASSWORD, role: "facilitator", spaceId, locale: "" });

    // Meetings: one live (with people, a speaker and a message on the screen), one closed, one planned today.
    const meeting = async (title: string) => {
      const path = await located(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title, startsAt: dateTime, place: "Lekòl nasyonal Bwa-de-Lans", published: "on" });
      await post(path, { intent: "agenda-add", title: "Réparation de la fontaine publique de Bois-de-Lance et budget de l'eau potable", kind: "discussion", plannedMinutes: "20" });
      await post(path, { intent: "agenda-add", title: "Divers", kind: "discussion", plannedMinutes: "10" });
      const personId = one<{ id: number }>("SELECT id FROM people WHERE name = 'Anne-Marie Jean-Baptiste Saint-Fleur' ORDER BY id DESC").id;
      await post(`${path}/presences`, { intent: "known", personId: String(personId) });
      await post(`${path}/presences`, { intent: "walkin", name: "Jean-Rémy Désir-Bien-Aimé", sex: "male", ageGroup: "25_35", organisationId: second, role: "observer" });
      await post(path, { intent: "start" });
      const meetingId = path.split("/").pop()!;
      const attendance = one<{ id: number }>("SELECT id FROM attendance WHERE meeting_id = ? ORDER BY id LIMIT 1", Number(meetingId));
      await post(`${path}/console`, { intent: "add", attendanceId: String(attendance.id) });
      const turn = one<{ id: number }>("SELECT id FROM speaking_turns WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", Number(meetingId));
      await post(`${path}/console`, { intent: "start", turnId: String(turn.id) });
      return path;
    };
    const live = await meeting(`Asanble jeneral ordinè Bwa-de-Lans ${suffix}`);
    await post(`${live}/console`, { intent: "message", text: "Motion : le conseil d'administration de la section communale s'engage à réparer la fontaine avant la saison des pluies." });
    const closed = await meeting(`Reyinyon fèmen ${suffix}`);
    await post(`${closed}/console`, { intent: "stop" });
    // A show of hands decided in the closed meeting: its result on the meeting's page.
    const pollOpen = { question: "Èske asanble a dakò pou kotizasyon ane a monte a 500 goud pou chak òganizasyon manm?", motionId: "", majority: "two_thirds_at_least", presenceQuorumPercent: "", turnoutQuorumPercent: "" };
    await post(`${closed}/console`, { intent: "poll-open", ...pollOpen, method: "hands" });
    const closedPoll = one<{ id: number }>("SELECT id FROM polls WHERE meeting_id = ? ORDER BY id DESC", Number(closed.split("/").pop())).id;
    await post(`${closed}/console`, { intent: "poll-hands", pollId: String(closedPoll), yes: "1", no: "0", abstain: "0" });
    await post(`${closed}/console`, { intent: "poll-close", pollId: String(closedPoll) });
    await post(closed, { intent: "close", confirm: "1" });

    // Motions: the delegate drafts two (one left a draft), submits one and amends it; it is admitted to the live meeting, where a named poll is open.
    const delegateHttp = await playwrightRequest.newContext({ baseURL });
    let motion: string;
    let draft: string;
    try {
      const asDelegate = async (path: string, form: Record<string, string>) => {
        const response = await delegateHttp.post(path, { form, maxRedirects: 0 });
        expect([200, 302, 303], `POST ${path} ${JSON.stringify(form)}`).toContain(response.status());
        return response;
      };
      await asDelegate("/connexion", { identifier: emails.delegate, password: PASSWORD, redirectTo: "/" });
      const drafted = async (title: string) =>
        (
          await asDelegate(`${space}/motions/nouvelle`, {
            organisationId,
            title,
            text: "Nou mande konsèy administrasyon seksyon kominal la repare fontèn piblik Bwa-de-Lans la anvan sezon lapli a.\n\nNou mande tou pou yo pibliye bidjè dlo potab la chak twa mwa.",
            rationale: "Fontèn nan sèk depi mwa mas; fanm ak timoun ap mache twa kilomèt pou yo jwenn dlo.",
            theme: "water",
            authorityId: String(authority.id),
          })
        ).headers().location!;
      motion = await drafted(`Réhabilitation de la fontaine publique de Bois-de-Lance et publication trimestrielle du budget de l'eau potable ${suffix}`);
      draft = await drafted(`Collecte commune du lait ${suffix}`);
      await asDelegate(motion, { intent: "submit" });
      await asDelegate(motion, { intent: "amend", organisationId, paragraph: "1", replacement: "Nou mande tou pou yo pibliye bidjè dlo potab la chak mwa, ak tout depans yo fè.", rationale: "Chak mwa pi klè." });
    } finally {
      await delegateHttp.dispose();
    }
    const motionId = motion.split("/").pop()!;
    await post(motion, { intent: "admit", targetId: motionId, meetingId: live.split("/").pop()! });
    await post(`${live}/console`, { intent: "poll-open", ...pollOpen, method: "named", countdownMinutes: "5" });
    const planned = await located(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: `Reyinyon jodi a ${suffix}`, startsAt: dateTime, place: "Lekòl", published: "on" });
    // A commitment of the CASEC on the motion, with long words and a first piece of news.
    const commitment = await located(`${space}/engagements/nouveau`, {
      authorityId: String(authority.id),
      officialId: "",
      office: "Bureau du Conseil d'administration de la section communale (CASEC), bâtiment de la mairie annexe",
      title: `Réhabilitation complète du captage et des quatre fontaines publiques de Bois-de-Lance ${suffix}`,
      text: "Le CASEC s'engage à réhabiliter le captage, remplacer 1 200 mètres de tuyaux et remettre en état les quatre fontaines avant la saison des pluies.",
      theme: "water",
      motionId,
      meetingId: live.split("/").pop()!,
      sectionCode: "",
      dueDate: `${year + 1}-03-31`,
      budgetHtg: "1450000",
      beneficiaries: "2400",
      beneficiariesNote: "Les familles des habitations Bois-de-Lance, Camp-Coq et Roucou-Bas",
      ben_female_25_35: "400",
      isPublic: "on",
    });
    // The space's reports for the year: one published (its figures, charts and tables), one still a draft.
    const report = await located("/rapports/nouveau", { scopeKind: "space", spaceId, periodKind: "year", year: String(year), template: "periodic", locale: "ht", title: `Rapò anyèl espas la ak yon tit ki long anpil pou wè si li koupe byen ${suffix}` });
    await post(report, { intent: "publish", confirm: "1" });
    const draftReport = await located("/rapports/nouveau", { scopeKind: "space", spaceId, periodKind: "quarter", year: String(year), quarter: "4", template: "sheet", locale: "fr", title: "" });
    await post(commitment, { intent: "progress", move: "update", note: "Tiyo yo rive; n ap kòmanse travay la nan kaptaj la semèn pwochèn.", percent: "30", link: `https://collectivites-territoriales.example.ht/casec/bois-de-lance/rapports/avancement-des-travaux-du-captage-${suffix}.pdf` });

    const consolePage = await (await http.get(`${live}/console`)).text();
    const screen = /href="(\/ecran\/[^"]+)"/.exec(consolePage)?.[1];
    expect(screen, "the console links to the shared screen").toBeTruthy();
    const spacePage = await (await http.get(space)).text();
    const commune = /href="(\/geographie\/[^"/]+\/[^"]+)"/.exec(spacePage)![1]!;
    const personId = one<{ id: number }>("SELECT id FROM people WHERE name = 'Anne-Marie Jean-Baptiste Saint-Fleur' ORDER BY id DESC").id;
    return {
      space,
      organisation,
      live,
      closed,
      planned,
      plannedId: planned.split("/").pop()!,
      screen: screen!,
      geography: { department: commune.split("/").slice(0, 3).join("/"), commune },
      personAccount: `${space}/personnes/${personId}/compte`,
      facilitatorAccount,
      emails,
      official,
      year,
      motion,
      draft,
      commitment,
      communeBoard: `/redevabilite/${commune.split("/").pop()!}`,
      report,
      draftReport,
    };
  } finally {
    await http.dispose();
  }
}

/** The page's language: the switch's cookie (the switch also writes a signed-in account's own setting, which would outlive this file). */
async function useLanguage(page: Page, locale: Locale) {
  await page.context().addCookies([{ name: "makon_lang", value: locale, url: process.env.MAKON_E2E_URL! }]);
}

/** What sticks out past the right edge, where the page itself would scroll: the outermost culprits and the innermost. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const describe = (e: Element) => {
      const r = e.getBoundingClientRect();
      const name = e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") + [...e.classList].map((c) => `.${c}`).join("") + (e.getAttribute("data-testid") ? `[data-testid=${e.getAttribute("data-testid")}]` : "");
      return `${name} (right ${Math.round(r.right)}, width ${Math.round(r.width)}) «${(e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50)}»`;
    };
    // An element inside a box that clips or scrolls sideways does not widen the page.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const out = [...document.body.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > width + 0.5 && e.checkVisibility({ visibilityProperty: true }) && !clipped(e));
    const set = new Set(out);
    const outermost = out.filter((e) => !set.has(e.parentElement!));
    const innermost = out.filter((e) => ![...e.children].some((c) => set.has(c)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      culprits: [...new Set([...outermost.slice(0, 6), ...innermost.slice(0, 6)])].map(describe),
    };
  }, WIDTH);
}

interface Visit {
  path: string;
  /** The page's status when it is not 200 (the page seen is then the error page). */
  status?: number;
  /** Waits for what the page draws after loading (live pages). */
  ready?: (page: Page) => Promise<void>;
}

/** Visits every page in both languages; each overflow is a soft failure naming its culprits. */
async function visitAll(page: Page, who: string, visits: Visit[]) {
  for (const locale of LOCALES) {
    await useLanguage(page, locale);
    for (const visit of visits) {
      const response = await page.goto(visit.path);
      // The page meant, not an error page for an audience that may not see it.
      expect.soft(response?.status(), `${who} ${locale} ${visit.path}`).toBe(visit.status ?? 200);
      // The shared screen speaks the language the console chose for it, not the reader's.
      if (!visit.path.startsWith("/ecran/")) await expect(page.locator("html")).toHaveAttribute("lang", locale);
      if (visit.ready) await visit.ready(page).catch((error: Error) => expect.soft(error.message, `${who} ${locale} ${visit.path} did not draw`).toBe(""));
      const { scrollWidth, culprits } = await overflow(page);
      expect.soft(scrollWidth, `${who} ${locale} ${visit.path} is ${scrollWidth} px wide:\n  ${culprits.join("\n  ")}`).toBeLessThanOrEqual(WIDTH);
    }
  }
}

const live = (testId: string) => async (page: Page) => {
  await expect(page.getByTestId(testId)).toHaveText(/\S/);
};

async function as(browser: Browser, baseURL: string | undefined, email: string | null) {
  const context = await browser.newContext({ baseURL, viewport: { width: WIDTH, height: 640 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  if (email) await signInAs(page, email);
  return page;
}

test("at 360 px nothing overflows: anonymous visitors, the shared screen, 404", async ({ page, baseURL }) => {
  test.slow(); // a page load can take a second or two on a busy 2-core machine
  const w = await theWorld(baseURL);
  await visitAll(page, "anonymous", [
    { path: "/" },
    { path: "/connexion" },
    { path: "/geographie" },
    { path: w.geography.department },
    { path: w.geography.commune },
    { path: w.space },
    { path: w.organisation },
    { path: w.live },
    { path: w.closed },
    { path: `${w.closed}/imprimer` },
    { path: w.screen, ready: live("screen-item") },
    { path: `${w.space}/motions` },
    { path: w.motion },
    { path: `${w.space}/engagements` },
    { path: w.commitment },
    { path: w.communeBoard },
    { path: "/rapports" },
    { path: w.report },
    { path: `${w.report}/imprimer` },
    { path: "/cette-page-n-existe-pas", status: 404 },
    { path: `/arrivee/${w.plannedId}` },
  ]);
});

test("at 360 px nothing overflows: a delegate's and an official's pages, the phone page, self check-in", async ({ browser, baseURL }) => {
  test.slow(); // a page load can take a second or two on a busy 2-core machine
  const w = await theWorld(baseURL);
  for (const [who, email] of [
    ["delegate", w.emails.delegate],
    ["official", w.emails.official],
  ] as const) {
    const page = await as(browser, baseURL, email);
    await visitAll(page, who, [
      { path: "/" },
      { path: w.space },
      { path: w.live },
      // The named poll open in the live meeting: the phone shows its ballot.
      { path: `${w.live}/direct`, ready: live("phone-question") },
      { path: `${w.live}/presences` },
      { path: w.closed },
      { path: `/arrivee/${w.plannedId}` },
      { path: "/compte" },
      { path: `${w.space}/motions` },
      { path: w.motion },
      { path: w.commitment },
      ...(who === "official" ? [{ path: "/mes-engagements" }] : []),
      // Her own organisation's pages: a new motion, her draft and its edit, an amendment's form.
      ...(who === "delegate" ? [{ path: `${w.space}/motions/nouvelle` }, { path: w.draft }, { path: `${w.draft}/modifier` }, { path: `${w.motion}?amender=1` }] : []),
    ]);
    await page.context().close();
  }
});

test("at 360 px nothing overflows: a facilitator's pages, the live meeting's console, door, headcount, paper", async ({ browser, baseURL }) => {
  test.slow(); // a page load can take a second or two on a busy 2-core machine
  const w = await theWorld(baseURL);
  const page = await as(browser, baseURL, w.emails.facilitator);
  await visitAll(page, "facilitator", [
    { path: w.space },
    { path: w.organisation },
    { path: `${w.space}/organisations/nouvelle` },
    { path: `${w.space}/delegues/nouveau` },
    { path: `${w.space}/autorites` },
    { path: `${w.space}/import` },
    { path: w.personAccount },
    { path: `${w.space}/reunions/nouvelle` },
    { path: w.live },
    { path: `${w.live}/console`, ready: live("console-connection") },
    { path: `${w.live}/presences` },
    { path: `${w.live}/presences?q=anne` },
    { path: `${w.live}/comptage` },
    { path: `${w.live}/saisie` },
    { path: `${w.live}/feuille` },
    { path: w.planned },
    { path: `${w.planned}/modifier` },
    { path: w.closed },
    { path: `${w.closed}/imprimer` },
    { path: "/compte" },
    { path: `${w.space}/motions` },
    { path: w.motion },
    { path: `${w.live}/bulletins` },
    { path: `${w.space}/engagements?state=in_progress` },
    { path: `${w.space}/engagements/nouveau` },
    { path: w.commitment },
    { path: "/rapports/nouveau" },
    { path: w.draftReport },
  ]);
  // The import's preview, with its problems: long values, every column.
  const csv = [
    "Nom;Sexe;Année de naissance;Organisation;Siège;Téléphone;Colonne que personne ne lit mais dont le titre est très long",
    "Marie-Thérèse Jean-Baptiste Saint-Hilaire Désir;F;1990;Association des producteurs agricoles introuvable de la deuxième section;titulaire;+50937001234;x",
    "Jean;X;19;Gwoupman;siège-de-quelqu-un-d-autre-tres-long-sans-espaces-du-tout;pas-un-numero-de-telephone-mais-une-tres-longue-chaine;y",
    "Wilfrid Désir-Bien-Aimé;H;1975;APAEDSC;titulaire;;z",
  ].join("\n");
  for (const locale of LOCALES) {
    await useLanguage(page, locale);
    await page.goto(`${w.space}/import`);
    await page.locator('input[name="kind"][value="delegates"]').check();
    await page.locator("#import-file").setInputFiles({ name: "delegues.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.locator("form.panel button[type=submit]").click();
    await expect(page.getByTestId("import-errors")).toBeVisible();
    const { scrollWidth, culprits } = await overflow(page);
    expect.soft(scrollWidth, `facilitator ${locale} import preview is ${scrollWidth} px wide:\n  ${culprits.join("\n  ")}`).toBeLessThanOrEqual(WIDTH);
  }
  await page.context().close();
});

test("at 360 px nothing overflows: an administrator's pages (accounts, settings, new space)", async ({ browser, baseURL }) => {
  test.slow(); // a page load can take a second or two on a busy 2-core machine
  const w = await theWorld(baseURL);
  const page = await as(browser, baseURL, "admin@makon.ht");
  await visitAll(page, "admin", [
    { path: "/" },
    { path: "/admin/comptes" },
    { path: "/admin/comptes/nouveau" },
    { path: w.facilitatorAccount },
    { path: "/espaces/nouveau" },
    { path: `${w.space}/reglages` },
    { path: w.space },
    { path: "/compte" },
  ]);
  await page.context().close();
});

test("register dates read in the reader's language: Kreyòl month names, no 2026-12-01 in tables", async ({ browser, baseURL }) => {
  const w = await theWorld(baseURL);
  const page = await as(browser, baseURL, w.emails.facilitator);
  await useLanguage(page, "ht");
  const iso = /\d{4}-\d{2}-\d{2}/;
  await page.goto(w.space);
  await expect(page.locator("html")).toHaveAttribute("lang", "ht");
  // The seat that ends on 31 December, the organisations' first day, the CASEC member's mandate.
  await expect(page.getByTestId("seat-ended")).toHaveText(`Plas la fini 31 desanm ${w.year}`);
  await expect(page.getByTestId("members").getByRole("row", { name: /APAEDSC/ })).toContainText(`1 janvye ${w.year}`);
  await expect(page.getByTestId("members").getByRole("row", { name: /Gwoupman Fanm Vanyan/ })).toContainText(`7 fevriye ${w.year}`);
  await expect(page.locator(".authorities li li").filter({ hasText: w.official })).toContainText(`(7 fevriye ${w.year - 1} → 7 fevriye ${w.year + 3})`);
  for (const cell of await page.locator("td, th").allInnerTexts()) expect(cell).not.toMatch(iso);
  expect(await page.locator("main").innerText()).not.toMatch(iso);
  await page.goto(w.organisation);
  await expect(page.getByRole("main")).toContainText(`1 janvye ${w.year} →`);
  await expect(page.getByRole("row", { name: /1\s?250/ })).toContainText(`8 mas ${w.year}`);
  expect(await page.locator("main").innerText()).not.toMatch(iso);
  // In French: the first of the month as French writes it.
  await useLanguage(page, "fr");
  await page.goto(w.space);
  await expect(page.getByTestId("seat-ended")).toHaveText(`Siège terminé le 31 décembre ${w.year}`);
  await expect(page.getByTestId("members").getByRole("row", { name: /APAEDSC/ })).toContainText(`1er janvier ${w.year}`);
  for (const cell of await page.locator("td, th").allInnerTexts()) expect(cell).not.toMatch(iso);
  await page.context().close();
});
