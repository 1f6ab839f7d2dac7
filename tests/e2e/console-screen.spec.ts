import { request as playwrightRequest, type Locator, type Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";
const SINCE = "2026-01-01";
const LONG_MESSAGE = ("Motion : le conseil d'administration de la section communale s'engage à réparer la fontaine de Bois-de-Lance avant la saison des pluies, " +
  "à publier le budget de l'eau potable chaque trimestre et à rendre compte à l'assemblée des délégué·es de chaque dépense engagée. ").repeat(2).slice(0, 500);

/** Nothing scrolls: the page is no wider and no taller than the window. */
async function expectNoOverflow(page: Page) {
  const size = await page.evaluate(() => {
    const e = document.scrollingElement!;
    return { sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight };
  });
  expect(size.sw, "no horizontal overflow").toBeLessThanOrEqual(size.cw);
  expect(size.sh, "no vertical overflow").toBeLessThanOrEqual(size.ch);
}

/** Visible and wholly inside the window, not clipped away. */
async function expectInView(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
}

test("the console puts phones' requests first, finds people without accents, and the shared screen fits 4:3 projectors with a message", async ({ browser, baseURL }) => {
  // The register and the meeting, as plain form posts from another device.
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const organisation = await form(`${SPACE}/organisations/nouvelle`, { name: "Gwoupman Peyizan Bwa Lans", type: "peasant", joinedOn: SINCE });
  const organisationId = organisation.headers().location!.split("/").pop()!;
  await form(`${SPACE}/delegues/nouveau`, {
    name: "Rosemène Étienne",
    sex: "female",
    birthYear: "1996",
    organisationId,
    seat: "titular",
    fromDate: SINCE,
    createAccount: "on",
    accountEmail: "rosemene@makon.ht",
    accountPassword: "rosemene-2026-pass",
  });
  const planned = await form(`${SPACE}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Asanble Bwa Lans", startsAt: "2026-12-05T09:00", place: "Lekòl nasyonal" });
  const meetingPath = planned.headers().location!;
  await form(meetingPath, { intent: "agenda-add", title: "Réparation de la fontaine publique de Bois-de-Lance et budget de l'eau potable", kind: "discussion", plannedMinutes: "20" });
  await form(meetingPath, { intent: "agenda-add", title: "Divers", kind: "discussion", plannedMinutes: "10" });
  const candidates = await (await door.get(`${meetingPath}/presences?q=Rosemene`)).text();
  const personId = /name="personId" value="(\d+)"/.exec(candidates)![1]!;
  await form(`${meetingPath}/presences`, { intent: "known", personId });
  const walkIns = ["Édouard Préval", "Anne-Gaëlle Saint-Fleur", "Jean-Rémy Désir", "Ketly Benoît", "Frantz Célestin", "Marie-Ange Joseph"];
  for (const [i, name] of walkIns.entries()) {
    await form(`${meetingPath}/presences`, { intent: "walkin", name, sex: i % 2 ? "female" : "male", ageGroup: "25_35", organisationId: "", role: "observer", ...(i === 0 ? { disability: "on" } : {}) });
  }
  await form(meetingPath, { intent: "start" });

  // The facilitator's laptop: 1366×768.
  const consoleContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
  const desk = await consoleContext.newPage();
  await signInAs(desk, "admin@makon.ht");
  await desk.goto(`${meetingPath}/console`);
  await expect(desk.getByTestId("console-connection")).toHaveText("En direct");

  // The delegate's phone, at 360 px: her home page shows the live meeting first, under a one-line header.
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signInAs(phone, "rosemene@makon.ht");
  await phone.goto("/");
  const banner = phone.getByTestId("live-now");
  await expect(banner).toContainText("Réunion en direct maintenant");
  await expect(banner).toContainText("Asanble Bwa Lans");
  await expectInView(phone, banner);
  // First in the page: nothing of the main content comes before it.
  expect(await phone.evaluate(() => document.querySelector("main")!.firstElementChild?.getAttribute("data-testid"))).toBe("live-now");
  const header = await phone.locator(".site-header .bar").boundingBox();
  expect(header!.height, "the phone header is one line").toBeLessThanOrEqual(56);
  expect(await phone.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
  // Her space's page too.
  await phone.goto(SPACE);
  expect(await phone.evaluate(() => document.querySelector("main")!.firstElementChild?.getAttribute("data-testid"))).toBe("live-now");
  await phone.getByTestId("live-now").getByRole("link", { name: "Suivre et demander la parole" }).tap();
  await phone.getByRole("button", { name: "Demander la parole" }).tap();
  await expect(phone.getByTestId("my-place")).toHaveText("Demande envoyée : en attente de l'animateur·rice.");

  // On the console, without a reload: at the top, with its count, above the fold.
  await expect(desk.getByTestId("console-requests")).toContainText("Rosemène Étienne");
  await expect(desk.getByRole("heading", { name: /Demandes de parole \(1\)/ })).toBeVisible();
  await expect(desk.getByTestId("requests-count")).toHaveText("1");
  await expectInView(desk, desk.getByRole("button", { name: "Accepter la demande de Rosemène Étienne" }));
  await desk.getByRole("button", { name: "Accepter la demande de Rosemène Étienne" }).click();
  await expect(desk.getByTestId("console-queue")).toContainText("Rosemène Étienne");

  // Adding speakers by typing part of a name, without its accents.
  const search = desk.getByLabel("Chercher une personne présente");
  await search.fill("edouard");
  await expect(desk.getByTestId("speaker-search-count")).toHaveText("1 personne(s) trouvée(s)");
  await expect(desk.getByLabel("Inscrire sur la liste")).toHaveValue(/\d+/);
  await desk.getByRole("button", { name: "Inscrire sur la liste" }).click();
  await expect(desk.getByTestId("console-queue")).toContainText("Édouard Préval");
  // Enter adds the one person found.
  for (const typed of ["gaelle", "jean-remy", "BENOIT", "celestin"]) {
    await search.fill(typed);
    await expect(desk.getByTestId("speaker-search-count")).toHaveText("1 personne(s) trouvée(s)");
    await search.press("Enter");
  }
  for (const name of ["Anne-Gaëlle Saint-Fleur", "Jean-Rémy Désir", "Ketly Benoît", "Frantz Célestin"]) await expect(desk.getByTestId("console-queue")).toContainText(name);
  await search.fill("zzz");
  await expect(desk.getByTestId("speaker-search-count")).toHaveText("Aucune personne présente ne correspond à « zzz ».");

  // The screen's link: short to read (grouped) and a QR code of it.
  const screenLink = await desk.getByTestId("screen-link").getAttribute("href");
  const token = screenLink!.slice("/ecran/".length);
  expect(token, "twelve characters to type, none of them look-alikes").toMatch(/^[2-9a-hjkmnp-z]{12}$/);
  await expect(desk.getByTestId("screen-address")).toHaveText(`${new URL(baseURL!).origin}/ecran/${token}`);
  await expect(desk.getByTestId("screen-qr")).toHaveAttribute("src", /^data:image\/svg\+xml;base64,/);
  expect(await desk.getByTestId("screen-qr").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // One speaker, five waiting, a long message: on a 1024×768 projector, then 800×600.
  await desk.getByRole("button", { name: "Donner la parole à Rosemène Étienne" }).click();
  await desk.getByLabel("Message à afficher à l'écran (ou texte d'une motion)").fill(LONG_MESSAGE);
  await desk.getByRole("button", { name: "Afficher à l'écran" }).click();

  const screenContext = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
  const screen = await screenContext.newPage();
  // Typed with its groups' spaces, in capitals, the link opens the same screen.
  await screen.goto(`/ecran/${token.slice(0, 4).toUpperCase()} ${token.slice(4)}`);
  await expect(screen.getByTestId("screen-speaker")).toContainText("Rosemène Étienne");
  for (const viewport of [{ width: 1024, height: 768 }, { width: 800, height: 600 }]) {
    await screen.setViewportSize(viewport);
    await expect(screen.getByTestId("screen-message")).toContainText(LONG_MESSAGE.slice(0, 40));
    await expectNoOverflow(screen);
    await expectInView(screen, screen.getByTestId("screen-item"));
    await expectInView(screen, screen.locator(".screen-item-title"));
    await expectInView(screen, screen.locator(".screen-speaker-name"));
    await expectInView(screen, screen.getByTestId("countdown"));
    await expectInView(screen, screen.getByTestId("screen-message"));
    // Three named, the others counted.
    await expect(screen.getByTestId("screen-next").locator("li")).toHaveCount(3);
    await expect(screen.getByTestId("screen-more")).toHaveText("+2 autres en attente");
    await expectInView(screen, screen.getByTestId("screen-more"));
  }
  // Without a message the parity bar is back, and the screen still fits.
  await desk.getByRole("button", { name: "Retirer le message" }).click();
  await expect(screen.getByTestId("screen-message")).toHaveCount(0);
  await expect(screen.getByTestId("parity")).toBeVisible();
  // The room's count, with disability; a figure under five reads "< 5" on a projector.
  await expect(screen.getByTestId("screen-present")).toHaveText("7 personnes présentes · en situation de handicap : < 5");
  await expectNoOverflow(screen);
  await expectInView(screen, screen.getByTestId("countdown"));

  await door.dispose();
  await consoleContext.close();
  await phoneContext.close();
  await screenContext.close();
});
