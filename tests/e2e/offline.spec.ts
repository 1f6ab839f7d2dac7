import { request as playwrightRequest } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";
const SINCE = "2026-01-01";

const turnsOf = (meetingId: number) => {
  const db = new Database(process.env.MAKON_E2E_DB!, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM speaking_turns WHERE meeting_id = ?").get(meetingId) as { n: number }).n;
  } finally {
    db.close();
  }
};

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
