import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { expect, importCsv, newSpace, readDb, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";
const SINCE = "2026-01-01";

const turnsOf = (meetingId: number) => readDb((db) => (db.prepare("SELECT count(*) AS n FROM speaking_turns WHERE meeting_id = ?").get(meetingId) as { n: number }).n);

/**
 * A delegate taps "Demander la parole" while the phone has no network: the page stays, says
 * it is waiting, and sends the request once the network is back — exactly one request, and
 * the page back to normal without the delegate reloading it.
 */
test("a request to speak tapped offline waits for the network, then goes through once", async ({ browser, baseURL }) => {
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const organisation = await form(`${SPACE}/organisations/nouvelle`, { name: "Gwoupman Peyizan Bas Lenbe", type: "peasant", joinedOn: SINCE });
  const organisationId = organisation.headers().location!.split("/").pop()!;
  await form(`${SPACE}/delegues/nouveau`, {
    name: "Altagrâce Jean",
    sex: "female",
    birthYear: "1990",
    organisationId,
    seat: "titular",
    fromDate: SINCE,
    createAccount: "on",
    accountEmail: "altagrace@makon.ht",
    accountPassword: "altagrace-2026-pass",
  });
  const planned = await form(`${SPACE}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Reyinyon san rezo", startsAt: "2026-12-05T09:00", place: "Lekòl" });
  const meetingPath = planned.headers().location!;
  const meetingId = Number(meetingPath.split("/").pop());
  await form(meetingPath, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "15" });
  const candidates = await (await door.get(`${meetingPath}/presences?q=Altagrace`)).text();
  const personId = /name="personId" value="(\d+)"/.exec(candidates)![1]!;
  await form(`${meetingPath}/presences`, { intent: "known", personId });
  await form(meetingPath, { intent: "start" });

  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await signInAs(phone, "altagrace@makon.ht");
  await phone.goto(`${meetingPath}/direct`);
  await expect(phone.getByTestId("phone")).toHaveAttribute("data-connected", "true");
  await expect(phone.getByTestId("my-place")).toHaveText("Vous n'avez pas demandé la parole.");

  await context.setOffline(true);
  await phone.getByRole("button", { name: "Demander la parole" }).tap();
  await expect(phone.getByRole("status").filter({ hasText: "Pas de réseau" })).toBeVisible();
  await phone.waitForTimeout(1_000);
  expect(turnsOf(meetingId)).toBe(0);

  await context.setOffline(false);
  await expect(phone.getByTestId("my-place")).toHaveText("Demande envoyée : en attente de l'animateur·rice.", { timeout: 20_000 });
  await expect(phone.getByText("Pas de réseau")).toHaveCount(0);
  await expect(phone.getByTestId("phone-item")).toBeVisible();
  expect(turnsOf(meetingId)).toBe(1);
  await door.dispose();
  await context.close();
});

/**
 * Without JavaScript, a post is followed by a redirect to the page it produced: refreshing
 * it, or going back and forward, never posts again.
 */
test("without JavaScript, adding an agenda item redirects after the post, and a refresh adds nothing", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin@makon.ht");
  await page.goto(`${SPACE}/reunions/nouvelle`);
  await page.getByLabel("Titre").fill("Reyinyon san JavaScript");
  await page.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reyinyon san JavaScript");
  const meetingPath = new URL(page.url()).pathname;
  await page.getByLabel("Point", { exact: true }).fill("Dlo potab");
  await page.getByLabel("Durée prévue (minutes)").fill("20");
  await page.getByRole("button", { name: "Ajouter le point" }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}\\?_vu=`));
  await expect(page.getByTestId("agenda")).toContainText("Dlo potab");
  await page.reload();
  await page.goBack();
  await page.goForward();
  await page.goto(meetingPath);
  await expect(page.getByTestId("agenda").getByText("Dlo potab")).toHaveCount(1);
  await context.close();
});

/** What the door recorded for a meeting, read from the server's database. */
const attendanceOf = (meetingId: number) =>
  readDb(
    (db) =>
      db
        .prepare("SELECT name, sex, age_group AS ageGroup, role, organisation_id AS organisationId, person_id AS personId FROM attendance WHERE meeting_id = ?")
        .all(meetingId) as { name: string; sex: string | null; ageGroup: string | null; role: string; organisationId: number | null; personId: number | null }[],
  );
const organisationIdOf = (acronym: string) => readDb((db) => (db.prepare("SELECT id FROM organisations WHERE acronym = ?").get(acronym) as { id: number }).id);

/**
 * A facilitator at the door of a live meeting in a space of its own (one organisation, one
 * delegate), on a phone. The page carries a mark that a reload would wipe.
 */
async function atTheDoor(browser: Browser, baseURL: string | undefined, name: string, prepare?: (page: Page) => Promise<void>) {
  // Unique to this run: a test run again against the same database finds its own organisation.
  const label = `${name}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await prepare?.(page);
  await signInAs(page, "admin@makon.ht");
  const space = newSpace(`Makòn pòt san rezo ${label}`);
  await importCsv(page, space, "Des organisations", `Nom;Sigle;Type\nAsosyasyon Jèn Marmelad ${label};AJM${label};Association paysanne\n`);
  await importCsv(page, space, "Des délégué·es", `Nom;Sexe;Année de naissance;Organisation;Siège\nMarie-Ange Désir;F;1988;Asosyasyon Jèn Marmelad ${label};titulaire\n`);
  await page.goto(`${space}/reunions/nouvelle`);
  await page.getByLabel("Titre").fill(`Reyinyon pòt san rezo ${label}`);
  await page.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reyinyon pòt san rezo ${label}`);
  const meetingPath = new URL(page.url()).pathname;
  const meetingId = Number(meetingPath.split("/").pop());
  for (const fields of [{ intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "15" }, { intent: "start" }] as Record<string, string>[]) {
    const response = await page.request.post(meetingPath, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
  }
  await page.goto(`${meetingPath}/presences`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liste de présence");
  await page.evaluate(() => ((window as unknown as { doorMark: string }).doorMark = "same page"));
  return { context, page, label, meetingId, organisationId: organisationIdOf(`AJM${label}`), walkIn: page.getByRole("region", { name: "Autre participant·e" }) };
}

/**
 * The door's live connection refused (a proxy that drops WebSockets): each check-in goes as
 * its form's keyed post, as it does whenever that connection is not open.
 */
async function withoutLiveConnection(page: Page) {
  await page.routeWebSocket(/\/realtime\//, (socket) => socket.close());
}

/** The page is the one the facilitator opened: never reloaded, never an error page. */
async function samePage(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Liste de présence");
  expect(await page.evaluate(() => (window as unknown as { doorMark?: string }).doorMark)).toBe("same page");
}

/** A walk-in as a facilitator fills it: the name, then one tap per answer. */
async function fillWalkIn(page: Page, label: string) {
  const walkIn = page.getByRole("region", { name: "Autre participant·e" });
  await walkIn.getByLabel("Nom et prénom").fill("Roseline Augustin");
  await walkIn.getByText("Femme", { exact: true }).tap();
  await walkIn.getByText("18–24 ans", { exact: true }).tap();
  await walkIn.getByLabel("Organisation").selectOption({ label: `AJM${label}` });
  await walkIn.getByLabel("Rôle à la réunion").selectOption({ label: "Personne ressource" });
}

/** What was typed and tapped is still there. */
async function stillFilled(page: Page, label: string) {
  const walkIn = page.getByRole("region", { name: "Autre participant·e" });
  await expect(walkIn.getByLabel("Nom et prénom")).toHaveValue("Roseline Augustin");
  await expect(walkIn.getByRole("radio", { name: "Femme", exact: true })).toBeChecked();
  await expect(walkIn.getByRole("radio", { name: "18–24 ans", exact: true })).toBeChecked();
  await expect(walkIn.getByLabel("Organisation").locator("option:checked")).toHaveText(`AJM${label}`);
  await expect(walkIn.getByLabel("Rôle à la réunion")).toHaveValue("resource_person");
}

/** The walk-in is on the list, once, and the form waits for the next arrival. */
async function recordedOnce(page: Page, meetingId: number, organisationId: number) {
  const walkIn = page.getByRole("region", { name: "Autre participant·e" });
  const rows = page.getByTestId("attendance-list").getByRole("row", { name: /Roseline Augustin/ });
  await expect(rows).toHaveCount(1, { timeout: 20_000 });
  await expect(rows).toContainText("Femme");
  await expect(rows).toContainText("18–24 ans");
  await expect(rows).toContainText("Personne ressource");
  await expect(page.getByTestId("door-status")).toHaveText("Roseline Augustin est sur la liste.");
  await expect(page.getByTestId("present-count")).toHaveText("1");
  await expect(page.getByText("Pas de réseau")).toHaveCount(0);
  await expect(walkIn.getByLabel("Nom et prénom")).toHaveValue("");
  await expect(walkIn.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(walkIn.getByLabel("Rôle à la réunion")).toHaveValue("observer");
  await expect(walkIn.getByLabel("Nom et prénom")).toBeFocused();
  await samePage(page);
  expect(attendanceOf(meetingId)).toEqual([{ name: "Roseline Augustin", sex: "female", ageGroup: "18_24", role: "resource_person", organisationId, personId: null }]);
}

/** Offline: the page stays, keeps what was typed, says it is waiting, and nothing is recorded. */
async function waitingForTheNetwork(page: Page, meetingId: number, label: string) {
  await expect(page.getByRole("region", { name: "Autre participant·e" }).getByRole("status").filter({ hasText: "Pas de réseau" })).toBeVisible();
  await stillFilled(page, label);
  await samePage(page);
  await page.waitForTimeout(1_000);
  expect(attendanceOf(meetingId)).toEqual([]);
}

/*
 * The door with no network. A walk-in is written down on a phone whose network comes and
 * goes: the facilitator submits once, the person is recorded once, and the form is ready for
 * the next arrival — without anyone reloading the page.
 */
test("a walk-in submitted offline waits for the network, then is recorded once, the form ready for the next arrival", async ({ browser, baseURL }) => {
  const { context, page, label, meetingId, organisationId, walkIn } = await atTheDoor(browser, baseURL, "W1");
  await fillWalkIn(page, label);
  await context.setOffline(true);
  await walkIn.getByRole("button", { name: "Ajouter et passer au suivant" }).tap();
  await waitingForTheNetwork(page, meetingId, label);

  await context.setOffline(false);
  await recordedOnce(page, meetingId, organisationId);
  await context.close();
});

test("a walk-in tapped again while waiting, and again while under way, with the network announced twice, is still recorded once", async ({ browser, baseURL }) => {
  const { context, page, label, meetingId, organisationId, walkIn } = await atTheDoor(browser, baseURL, "W2", withoutLiveConnection);
  await fillWalkIn(page, label);
  await context.setOffline(true);
  const add = walkIn.getByRole("button", { name: "Ajouter et passer au suivant" });
  await add.tap();
  await waitingForTheNetwork(page, meetingId, label);
  // Nothing seems to happen: the facilitator taps again, twice.
  await add.tap();
  await add.tap();
  await expect(walkIn.getByRole("status").filter({ hasText: "Pas de réseau" })).toHaveCount(1);
  await waitingForTheNetwork(page, meetingId, label);

  // A slow network: the first post reaches the server, its answer is slow to come back.
  const posts: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/presences\.data(\?|$)/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    posts.push(new URLSearchParams(route.request().postData() ?? "").get("_cle") ?? "");
    if (posts.length > 1) return route.fallback();
    const answer = await route.fetch();
    await released;
    // The page may have given up on this request by now.
    await route.fulfill({ response: answer }).catch(() => {});
  });
  // The network comes back and is announced twice in a row (a phone switching networks).
  await page.evaluate(() => {
    let again = true;
    window.addEventListener("online", () => {
      if (again) {
        again = false;
        window.dispatchEvent(new Event("online"));
      }
    });
  });
  await context.setOffline(false);
  await expect.poll(() => attendanceOf(meetingId).length).toBe(1);
  // Still nothing on the screen: the facilitator taps once more, and the post goes again.
  await add.tap();
  await expect.poll(() => posts.length).toBe(2);
  release();
  await recordedOnce(page, meetingId, organisationId);
  expect(posts[1]).toBe(posts[0]);
  // Nothing more arrives later.
  await page.waitForTimeout(1_500);
  expect(attendanceOf(meetingId)).toHaveLength(1);
  await context.close();
});

test("a walk-in whose answer is lost on the way back is sent again with the same key, recorded once, and shown as recorded", async ({ browser, baseURL }) => {
  const { context, page, label, meetingId, organisationId, walkIn } = await atTheDoor(browser, baseURL, "W3", withoutLiveConnection);
  // The post reaches the server, which records it; the network drops before its answer arrives.
  // The retry is held until the page has been looked at.
  const posts: string[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/presences\.data(\?|$)/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    posts.push(new URLSearchParams(route.request().postData() ?? "").get("_cle") ?? "");
    if (posts.length > 1) {
      await released;
      return route.fallback();
    }
    const answer = await route.fetch();
    expect(answer.status()).toBe(200);
    await route.abort("internetdisconnected");
  });
  await fillWalkIn(page, label);
  await walkIn.getByRole("button", { name: "Ajouter et passer au suivant" }).tap();
  // Recorded by the server, but the phone does not know it: it says so, and keeps the form.
  await expect(walkIn.getByRole("status").filter({ hasText: "Pas de réseau" })).toBeVisible();
  await stillFilled(page, label);
  await samePage(page);
  await expect.poll(() => posts.length).toBe(2);
  expect(attendanceOf(meetingId)).toHaveLength(1);
  release();
  await recordedOnce(page, meetingId, organisationId);
  // Sent twice, under one key: the second got the first one's answer.
  expect(posts).toHaveLength(2);
  expect(posts[0]).toMatch(/\S/);
  expect(posts[1]).toBe(posts[0]);
  await context.close();
});

test("a known delegate tapped at the door while offline is checked in once when the network returns", async ({ browser, baseURL }) => {
  const { context, page, meetingId, organisationId } = await atTheDoor(browser, baseURL, "K1");
  const search = page.getByRole("searchbox", { name: "Nom ou organisation" });
  await search.fill("marie-ange");
  const candidates = page.getByTestId("candidates");
  await expect(candidates.getByRole("button")).toHaveCount(1);
  await expect(candidates.getByRole("button")).toContainText("Marie-Ange Désir");

  await context.setOffline(true);
  await candidates.getByRole("button", { name: /Marie-Ange Désir/ }).tap();
  await expect(page.getByRole("status").filter({ hasText: "Pas de réseau" })).toBeVisible();
  await samePage(page);
  await page.waitForTimeout(1_000);
  expect(attendanceOf(meetingId)).toEqual([]);

  await context.setOffline(false);
  await expect(page.getByTestId("door-status")).toHaveText("Marie-Ange Désir est sur la liste.", { timeout: 20_000 });
  await expect(page.getByTestId("attendance-list").getByRole("row", { name: /Marie-Ange Désir/ })).toHaveCount(1);
  await expect(page.getByTestId("present-count")).toHaveText("1");
  await expect(page.getByText("Pas de réseau")).toHaveCount(0);
  await expect(candidates.getByRole("button")).toHaveCount(0);
  await expect(search).toBeFocused();
  await samePage(page);
  const rows = attendanceOf(meetingId);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ name: "Marie-Ange Désir", sex: "female", organisationId, role: "delegate" });
  expect(rows[0]!.personId).not.toBeNull();
  await context.close();
});

test("a page opened while offline says so, and comes back by itself when the network returns", async ({ browser, baseURL }) => {
  const { context, page, label } = await atTheDoor(browser, baseURL, "Lyen");
  await context.setOffline(true);
  // A link followed without network: the page's data cannot be fetched.
  await page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: `Reyinyon pòt san rezo ${label}` }).tap();
  await expect(page.getByRole("status").filter({ hasText: "Pas de réseau : la page reviendra d'elle-même" })).toBeVisible();
  await expect(page.getByText("Une erreur est survenue")).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reyinyon pòt san rezo ${label}`, { timeout: 20_000 });
  await context.close();
});
