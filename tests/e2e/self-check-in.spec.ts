import Database from "better-sqlite3";
import { expect, signInAs, test } from "./fixtures";

/**
 * Self check-in on a delegate's phone (360 × 640): the meeting's short link, sign-in if needed
 * and back, one button, once; refused for a closed meeting and for another space's meeting.
 */
test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

function withDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** A meeting of a demo space, starting now (so planned on its day), in the state asked. */
function meeting(spaceName: string, title: string, status: "planned" | "live" | "closed"): number {
  return withDb((db) => {
    const space = db.prepare("SELECT id FROM spaces WHERE name = ?").get(spaceName) as { id: number };
    const now = Date.now();
    const row = db
      .prepare("INSERT INTO meetings (space_id, kind, title, starts_at, place, status, published, started_at, closed_at, created_at) VALUES (?, 'ordinary', ?, ?, 'Lekòl', ?, 0, ?, ?, ?) RETURNING id")
      .get(space.id, title, now, status, status === "planned" ? null : now, status === "closed" ? now : null, now) as { id: number };
    return row.id;
  });
}

const rowsOf = (meetingId: number) => withDb((db) => db.prepare("SELECT name, role FROM attendance WHERE meeting_id = ?").all(meetingId)) as { name: string; role: string }[];

const noOverflow = async (page: import("@playwright/test").Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test("a delegate checks herself in from the meeting's link, once, on her phone", async ({ page }) => {
  const id = meeting("Makòn Limonade", "Reyinyon jodi a", "planned");

  // Not signed in: the link sends her to sign in, and back.
  await page.goto(`/arrivee/${id}`);
  await expect(page).toHaveURL(new RegExp(`/connexion\\?redirectTo=%2Farrivee%2F${id}`));
  await page.getByLabel(/Courriel ou téléphone|Imèl oswa telefòn/).fill("delegue@makon.ht");
  await page.getByLabel(/^(Mot de passe|Modpas)$/).fill("makon-demo-2026");
  await page.getByRole("button", { name: /Se connecter|Konekte/ }).click();
  await expect(page).toHaveURL(new RegExp(`/arrivee/${id}$`));
  await expect(page.getByText("Reyinyon jodi a")).toBeVisible();
  await noOverflow(page);
  expect(rowsOf(id)).toEqual([]);

  // One tap, one request.
  const requests: string[] = [];
  page.on("request", (request) => request.url().includes("/arrivee/") && requests.push(request.method()));
  await page.getByRole("button", { name: /Je suis arrivé·e|Mwen rive/ }).click();
  await expect(page.getByTestId("arrival-status")).toHaveText(/C'est noté|Sa make/);
  expect(requests).toEqual(["POST"]);
  expect(rowsOf(id)).toEqual([{ name: "Rose-Andrée Louis", role: "delegate" }]);

  // A second visit: already there, no button, nothing written.
  await page.goto(`/arrivee/${id}`);
  await expect(page.getByTestId("arrival-status")).toHaveText(/Vous êtes déjà enregistré·e|Ou deja anrejistre/);
  await expect(page.getByRole("button", { name: /Je suis arrivé·e|Mwen rive/ })).toHaveCount(0);
  const again = await page.request.post(`/arrivee/${id}`, { form: {}, maxRedirects: 0 });
  expect(again.status()).toBe(302);
  expect(rowsOf(id)).toHaveLength(1);
});

test("without scripts, the button is a form: the answer says she is on the list, and a refresh posts nothing again", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await signInAs(page, "delegue@makon.ht");
  const id = meeting("Makòn Limonade", "Reyinyon san eskript", "planned");
  await page.goto(`/arrivee/${id}`);
  await page.getByRole("button", { name: /Je suis arrivé·e|Mwen rive/ }).click();
  await expect(page.getByTestId("arrival-status")).toHaveText(/C'est noté|Sa make/);
  await page.reload();
  await expect(page.getByTestId("arrival-status")).toHaveText(/C'est noté|Sa make/);
  expect(rowsOf(id)).toEqual([{ name: "Rose-Andrée Louis", role: "delegate" }]);
  await context.close();
});

test("a closed meeting and another space's meeting refuse the check-in", async ({ page }) => {
  await signInAs(page, "delegue@makon.ht");
  const closed = meeting("Makòn Limonade", "Reyinyon ki fèmen", "closed");
  await page.goto(`/arrivee/${closed}`);
  await expect(page.getByTestId("arrival-status")).toHaveText(/ne peut pas s'inscrire|pa ka anrejistre/);
  await expect(page.getByRole("button", { name: /Je suis arrivé·e|Mwen rive/ })).toHaveCount(0);
  await noOverflow(page);
  // A post made by hand is refused too.
  expect((await page.request.post(`/arrivee/${closed}`, { form: {}, maxRedirects: 0 })).status()).toBe(409);
  expect(rowsOf(closed)).toEqual([]);

  const elsewhere = meeting("Makòn Boucan Richard", "Reyinyon Boukan Richa", "live");
  await page.goto(`/arrivee/${elsewhere}`);
  await expect(page.getByTestId("arrival-status")).toHaveText(/ni délégué·e ni autorité|pa delege ni otorite/);
  // Nothing of another space's unpublished meeting is shown to her.
  await expect(page.getByText("Reyinyon Boukan Richa")).toHaveCount(0);
  expect((await page.request.post(`/arrivee/${elsewhere}`, { form: {}, maxRedirects: 0 })).status()).toBe(409);
  expect(rowsOf(elsewhere)).toEqual([]);
});

test("the printed sheet carries the link and its QR code", async ({ page }) => {
  await signInAs(page, "animateur@makon.ht");
  const id = meeting("Makòn Limonade", "Reyinyon ak fèy", "planned");
  const space = withDb((db) => (db.prepare("SELECT space_id AS id FROM meetings WHERE id = ?").get(id) as { id: number }).id);
  await page.goto(`/espaces/${space}/reunions/${id}/feuille`);
  await expect(page.getByTestId("self-check-in-link")).toHaveText(new RegExp(`/arrivee/${id}$`));
  await expect(page.getByRole("img", { name: /Code QR|Kòd QR/ })).toBeVisible();
  await expect(page.getByTestId("paper-blank").locator("tbody tr")).toHaveCount(25);
});

test("headcount taps count without reloading the page, and −1 takes one back", async ({ page }) => {
  await signInAs(page, "animateur@makon.ht");
  const id = meeting("Makòn Limonade", "Fowòm sou dlo", "live");
  const space = withDb((db) => (db.prepare("SELECT space_id AS id FROM meetings WHERE id = ?").get(id) as { id: number }).id);
  await page.goto(`/espaces/${space}/reunions/${id}/comptage`);
  await noOverflow(page);
  // A mark on the window: a reload would wipe it.
  await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
  const tap = page.getByTestId("tap-female-18_24");
  await tap.click();
  await tap.click();
  await tap.click();
  await expect(page.getByTestId("count-female-18_24")).toHaveText("3");
  await expect.poll(() => rowsOf(id).length).toBe(3);
  await page.getByTestId("undo-female-18_24").click();
  await expect(page.getByTestId("count-female-18_24")).toHaveText("2");
  await expect.poll(() => rowsOf(id).length).toBe(2);
  await expect(page.getByTestId("present-count")).toHaveText("2");
  expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
});

test("a paper sheet typed back in: a bad line names itself and writes nothing, then all at once", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, "animateur@makon.ht");
  const id = meeting("Makòn Limonade", "Reyinyon sou papye", "live");
  const space = withDb((db) => (db.prepare("SELECT space_id AS id FROM meetings WHERE id = ?").get(id) as { id: number }).id);
  await page.goto(`/espaces/${space}/reunions/${id}/saisie`);
  await page.getByTestId("paper-entry-known").getByLabel(/Rose-Andrée Louis/).check();
  const line = (n: number, field: string) => page.getByLabel(new RegExp(`^(Ligne|Liy) ${n} · ${field}$`));
  await line(1, "(Nom|Non)").fill("Anne Joseph");
  await line(1, "(Sexe|Sèks)").selectOption("female");
  await line(1, "(Âge|Laj)").selectOption("unstated");
  await line(2, "(Nom|Non)").fill("Paul Charles");
  await line(2, "(Âge|Laj)").selectOption("60p");
  await page.getByRole("button", { name: /Enregistrer toute la feuille|Anrejistre tout fèy la/ }).click();
  await expect(page.getByTestId("paper-problems")).toHaveText(/(Ligne|Liy) 2 ?: (le sexe manque|sèks la manke)/);
  expect(rowsOf(id)).toEqual([]);
  // What was typed is still there; the missing answer given, everything goes in.
  await expect(line(1, "(Nom|Non)")).toHaveValue("Anne Joseph");
  await line(2, "(Sexe|Sèks)").selectOption("male");
  await page.getByRole("button", { name: /Enregistrer toute la feuille|Anrejistre tout fèy la/ }).click();
  await expect(page.getByTestId("paper-saved")).toContainText("3");
  expect(rowsOf(id).map((r) => r.name).sort()).toEqual(["Anne Joseph", "Paul Charles", "Rose-Andrée Louis"]);
});

test("headcount taps made offline are each counted when the network returns", async ({ page, context }) => {
  await signInAs(page, "animateur@makon.ht");
  const id = meeting("Makòn Limonade", "Fowòm san rezo", "live");
  const space = withDb((db) => (db.prepare("SELECT space_id AS id FROM meetings WHERE id = ?").get(id) as { id: number }).id);
  await page.goto(`/espaces/${space}/reunions/${id}/comptage`);
  await expect(page.getByTestId("count-male-36_59")).toHaveText("0");
  await context.setOffline(true);
  const tap = page.getByTestId("tap-male-36_59");
  for (let i = 0; i < 3; i++) await tap.click();
  await expect(page.getByRole("status").filter({ hasText: "Pas de réseau" }).first()).toBeVisible();
  expect(rowsOf(id)).toHaveLength(0);
  await context.setOffline(false);
  // Three people: three rows, sent one after the other, none lost and none twice.
  await expect.poll(() => rowsOf(id).length, { timeout: 15_000 }).toBe(3);
  await expect(page.getByTestId("count-male-36_59")).toHaveText("3");
  await page.waitForTimeout(1_000);
  expect(rowsOf(id)).toHaveLength(3);
});
