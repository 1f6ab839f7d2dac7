import { request as playwrightRequest } from "@playwright/test";
import { expect, readDb, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";
test("with the live connection blocked, a request to speak goes as a keyed post; its lost answer is resent with the same key and counted once, without a reload", async ({ browser, baseURL }) => {
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const organisation = await form(`${SPACE}/organisations/nouvelle`, { name: "Oganizasyon Bloke", type: "muso", joinedOn: "2026-01-01" });
  const organisationId = organisation.headers().location!.split("/").pop()!;
  await form(`${SPACE}/delegues/nouveau`, { name: "Ketly Bloke", sex: "female", birthYear: "1998", organisationId, seat: "titular", fromDate: "2026-01-01", createAccount: "on", accountEmail: "ketly.bloke@makon.ht", accountPassword: "ketly-2026-pass" });
  // In two days: a meeting planned ahead, started early (the date the tests run moves).
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10) + "T09:00";
  const planned = await form(`${SPACE}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Reyinyon bloke", startsAt, place: "Sant" });
  const meetingPath = planned.headers().location!;
  const meetingId = Number(meetingPath.split("/").pop());
  await form(meetingPath, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "15" });
  const candidates = await (await door.get(`${meetingPath}/presences?q=Ketly`)).text();
  await form(`${meetingPath}/presences`, { intent: "known", personId: /name="personId" value="(\d+)"/.exec(candidates)![1]! });
  await form(meetingPath, { intent: "start" });

  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  await signInAs(phone, "ketly.bloke@makon.ht");
  await phone.routeWebSocket(/\/realtime\//, (socket) => socket.close());
  const posts: string[] = [];
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await phone.route(/\/direct$/, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    posts.push(new URLSearchParams(route.request().postData() ?? "").get("_cle") ?? "");
    if (posts.length > 1) {
      await released;
      return route.fallback();
    }
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await phone.goto(`${meetingPath}/direct`);
  await phone.evaluate(() => ((window as any).mark = "same"));
  await expect(phone.getByTestId("phone")).toHaveAttribute("data-connected", "false");
  await phone.getByRole("button", { name: "Demander la parole" }).tap();
  await expect(phone.getByRole("status").filter({ hasText: "Pas de réseau" })).toBeVisible();
  await expect.poll(() => posts.length).toBe(2);
  release();
  await expect(phone.getByTestId("my-place")).toHaveText("Demande envoyée : en attente de l'animateur·rice.");
  await expect(phone.getByText("Pas de réseau")).toHaveCount(0);
  expect(posts[0]).toMatch(/\S/);
  expect(posts[1]).toBe(posts[0]);
  expect(await phone.evaluate(() => (window as any).mark)).toBe("same");
  expect(readDb((db) => (db.prepare("SELECT count(*) AS n FROM speaking_turns WHERE meeting_id = ?").get(meetingId) as { n: number }).n)).toBe(1);
  // Withdraw: a new post, with a new key.
  await phone.getByRole("button", { name: "Retirer ma demande" }).tap();
  await expect(phone.getByTestId("my-place")).toHaveText("Vous n'avez pas demandé la parole.");
  expect(posts).toHaveLength(3);
  expect(posts[2]).not.toBe(posts[0]);
  await door.dispose();
});
