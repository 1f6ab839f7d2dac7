import { request as playwrightRequest, type Browser } from "@playwright/test";
import sharp from "sharp";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

const YEAR = new Date().getFullYear();
const SINCE = `${YEAR}-01-01`;
const TODAY = new Date().toISOString().slice(0, 10);
const DUE = `${YEAR + 1}-03-31`;
const PASSWORD = "angajman-2026";

/** Three organisations of a space of their own, each with a titular delegate who has an account. */
const DELEGATES = [
  { name: "Wideline Joseph", email: "wideline.angajman@makon.ht", organisation: "Fanm Vanyan Bod Lanmè" },
  { name: "Ricardo Étienne", email: "ricardo.angajman@makon.ht", organisation: "Jèn Kore Jèn Roucou" },
  { name: "Micheline Saint-Jean", email: "micheline.angajman@makon.ht", organisation: "Komite Dlo Bwa Lans" },
] as const;
const MOTION = "Réparer le captage de Bois-de-Lance";

/**
 * A space with its three organisations, a meeting held today where the delegates' motion was
 * adopted. The CASEC of the 1st section (the demo's, its member Wilner Saint-Fleur has an
 * account) answers for the commune's territory, this space's included.
 */
async function adoptedMotion() {
  const space = newSpace("Makòn Angajman");
  const desk = await playwrightRequest.newContext({ baseURL: process.env.MAKON_E2E_URL });
  const form = async (path: string, fields: Record<string, string>, by = desk) => {
    const response = await by.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const organisationIds: string[] = [];
  for (const d of DELEGATES) {
    const organisationId = (await form(`${space}/organisations/nouvelle`, { name: d.organisation, type: "base", joinedOn: SINCE })).headers().location!.split("/").pop()!;
    organisationIds.push(organisationId);
    await form(`${space}/delegues/nouveau`, { name: d.name, sex: "female", birthYear: "1988", organisationId, seat: "titular", fromDate: SINCE, createAccount: "on", accountEmail: d.email, accountPassword: PASSWORD });
  }
  const proposer = await playwrightRequest.newContext({ baseURL: process.env.MAKON_E2E_URL });
  await form("/connexion", { identifier: DELEGATES[0].email, password: PASSWORD, redirectTo: "/" }, proposer);
  const motionPath = (await form(`${space}/motions/nouvelle`, { organisationId: organisationIds[0]!, title: MOTION, text: "L'assemblée demande au CASEC de réparer le captage avant la saison des pluies.", rationale: "", theme: "water", authorityId: "" }, proposer)).headers().location!;
  const motionId = motionPath.split("/").pop()!;
  await form(motionPath, { intent: "submit" }, proposer);
  await proposer.dispose();
  const meetingPath = (await form(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Asanble angajman", startsAt: `${TODAY}T09:00`, place: "Lekòl" })).headers().location!;
  await form(motionPath, { intent: "admit", targetId: motionId, meetingId: meetingPath.split("/").pop()! });
  await form(meetingPath, { intent: "start" });
  await form(motionPath, { intent: "decide", targetId: motionId, move: "adopt" });
  expect(readDb((db) => db.prepare("SELECT state FROM motions WHERE id = ?").pluck().get(Number(motionId)))).toBe("adopted");
  await desk.dispose();
  return { space, motionPath, meetingId: meetingPath.split("/").pop()! };
}

async function phoneOf(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

/** A photo as a phone takes it: a JPEG carrying the GPS position of whoever took it. */
const phonePhoto = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 110, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "Itel", Model: "A70" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "19/1 40/1 120/10", GPSLongitudeRef: "W", GPSLongitude: "72/1 7/1 300/10" } })
    .toBuffer();

test("a commitment made in a meeting on an adopted motion: the official posts a photo from a phone and claims it done, two organisations confirm and one disputes; it is on the next meeting's review and on the public board", async ({ browser, baseURL, page }) => {
  test.setTimeout(180_000);
  const { space, motionPath, meetingId } = await adoptedMotion();

  // The facilitator records the CASEC's promise from the motion's page, in the meeting where it was made.
  await signInAs(page, "admin@makon.ht");
  await page.goto(motionPath);
  await page.getByRole("link", { name: "Enregistrer un engagement sur cette motion" }).click();
  await expect(page.getByLabel("Motion à laquelle il répond")).toHaveValue(motionPath.split("/").pop()!);
  await page.getByLabel("Autorité").selectOption({ label: "CASEC de la 1re section de Limonade" });
  await page.getByLabel("Élu responsable").selectOption({ label: "Membre du CASEC Wilner Saint-Fleur" });
  await page.getByLabel("L'engagement, en une ligne").fill("Réparer le captage de Bois-de-Lance");
  await page.getByLabel("Ce qui est promis exactement").fill("Le CASEC remplace la conduite et nettoie le captage avant le 31 mars.");
  await page.getByLabel("Échéance").fill(DUE);
  await page.getByLabel("Réunion où il a été pris").selectOption(meetingId);
  await page.getByLabel("Budget (HTG)").fill("150 000");
  await page.getByRole("button", { name: "Enregistrer l'engagement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Réparer le captage de Bois-de-Lance");
  await expect(page.getByTestId("commitment-state")).toHaveText("Promis");
  const commitmentPath = new URL(page.url()).pathname;
  const commitmentId = Number(commitmentPath.split("/").pop());

  // The official, on a 360 px phone: their commitments, then news with a photo, then "done".
  const official = await phoneOf(browser, baseURL!, "casec@makon.ht");
  await official.page.goto("/mes-engagements");
  await official.page.getByRole("link", { name: "Réparer le captage de Bois-de-Lance" }).click();
  await official.page.getByLabel("Note").fill("Tiyo yo chanje, n ap netwaye kaptaj la.");
  await official.page.getByLabel("Avancement en % (0 à 100)").fill("60");
  await official.page.getByLabel(/Preuves/).setInputFiles({ name: "IMG_20260412.jpg", mimeType: "image/jpeg", buffer: await phonePhoto() });
  await official.page.getByRole("button", { name: "Envoyer" }).click();
  await expect(official.page.getByTestId("commitment-state")).toHaveText("En cours");
  const thumb = official.page.getByTestId("commitment-timeline").locator("img");
  await expect(thumb).toHaveCount(1);
  expect(await official.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // What was stored is the photo without where it was taken.
  const file = readDb((db) => db.prepare("SELECT file FROM commitment_evidence WHERE commitment_id = ?").pluck().get(commitmentId) as string);
  const served = await official.page.request.get(`/preuves/${file}`);
  expect(served.headers()["x-content-type-options"]).toContain("nosniff");
  expect((await sharp(await served.body()).metadata()).exif).toBeUndefined();
  await official.page.getByLabel("C'est fait").check();
  await official.page.getByLabel("Note").fill("Kaptaj la fini, dlo a ap koule.");
  await official.page.getByRole("button", { name: "Envoyer" }).click();
  await expect(official.page.getByTestId("commitment-state")).toHaveText("Annoncé fait");
  await official.context.close();

  // Three delegates answer for their organisations from their phones: two confirm, one disputes.
  for (const [i, d] of DELEGATES.entries()) {
    const phone = await phoneOf(browser, baseURL!, d.email);
    await phone.page.goto(commitmentPath);
    if (i === 1) {
      await phone.page.getByLabel("Commentaire").fill("Dlo a pa rive nan lakou lekòl la.");
      await phone.page.getByRole("button", { name: "Je conteste" }).click();
    } else {
      await phone.page.getByRole("button", { name: "Je confirme : c'est fait" }).click();
    }
    await expect(phone.page.getByTestId("status-line")).toBeVisible();
    await expect(phone.page.getByRole("button", { name: "Je conteste" })).toHaveCount(0);
    await phone.context.close();
  }
  await page.goto(commitmentPath);
  await expect(page.getByTestId("commitment-state")).toHaveText("Contesté");
  await expect(page.getByTestId("commitment-verdict")).toContainText("la prochaine réunion décidera");
  await expect(page.getByTestId("commitment-timeline").locator("li[data-move=confirm]")).toHaveCount(2);
  await expect(page.getByTestId("commitment-timeline").locator("li[data-move=dispute]")).toContainText("Dlo a pa rive nan lakou lekòl la.");

  // The next meeting's planning offers the review, with this commitment in it.
  await page.goto(`${space}/reunions/nouvelle`);
  await page.getByLabel("Titre", { exact: true }).fill("Asanble swivi");
  await page.getByLabel(/Début/).fill(`${YEAR + 1}-01-15T09:00`);
  await page.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(page.getByTestId("planning-review")).toContainText("Réparer le captage de Bois-de-Lance");

  // The public board, signed out, on a phone.
  const visitor = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true });
  const board = await visitor.newPage();
  await board.goto(`${space}/engagements`);
  const line = board.locator("li[data-commitment]", { hasText: "Réparer le captage de Bois-de-Lance" });
  await expect(line).toContainText("Contesté");
  await expect(line.locator("img")).toHaveCount(1);
  expect(await board.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await board.goto("/redevabilite/HT0313");
  await expect(board.locator("li[data-commitment]", { hasText: "Réparer le captage de Bois-de-Lance" })).toContainText("Makòn Angajman");
  await visitor.close();
});
