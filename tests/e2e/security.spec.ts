import { request as playwrightRequest, type Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const SPACE = "/espaces/1";

/** Collects what Chromium reports as blocked by the page's Content-Security-Policy. */
function watchPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test("every page runs under its content security policy: scripts hydrate, sockets connect, nothing is blocked", async ({ browser, baseURL }) => {
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const planned = await form(`${SPACE}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Reyinyon sekirite", startsAt: "2026-12-05T09:00", place: "Lekòl" });
  const meetingPath = planned.headers().location!;
  await form(meetingPath, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "15" });
  await form(meetingPath, { intent: "start" });

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations = watchPolicy(page);
  await signInAs(page, "admin@makon.ht");
  for (const path of ["/", SPACE, "/geographie", meetingPath, `${meetingPath}/presences`, `${meetingPath}/direct`]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  // The console hydrates and follows its live document over the socket.
  await page.goto(`${meetingPath}/console`);
  await page.locator("#screen-message").fill("Byenveni");
  await page.getByRole("button", { name: "Afficher à l'écran" }).click();
  await expect(page.getByText("« Byenveni »")).toBeVisible();
  const screenLink = await page.getByTestId("screen-link").getAttribute("href");
  // Client-side navigation (scripts loaded after the first page) is allowed too.
  await page.goto(SPACE);
  await page.getByRole("link", { name: "Reyinyon sekirite" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reyinyon sekirite");

  const screen = await (await browser.newContext({ baseURL })).newPage();
  violations.push(...watchPolicy(screen));
  await screen.goto(screenLink!);
  await expect(screen.getByText("Byenveni")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a sign-in link whose return address hides a tab lands on this site, not another host", async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/connexion?redirectTo=/%09/evil.example");
  await page.getByLabel("Courriel ou téléphone").fill("animateur@makon.ht");
  await page.getByLabel("Mot de passe").fill("makon-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForLoadState();
  expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
});
