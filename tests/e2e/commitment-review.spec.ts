import Database from "better-sqlite3";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { localDate } from "../../app/modules/dates";
import { formatDay } from "../../app/modules/i18n/format";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

const DAY = 86_400_000;
const day = (offset: number) => localDate(Date.now() + offset * DAY);

/**
 * A space of its own with two commitments of Limonade's CASEC to review, written straight into
 * the database (their own pages are tested elsewhere): one public, ten days overdue with news at
 * 40 %, and one that is not public. Then a meeting planned from another device.
 */
async function spaceWithCommitments(baseURL: string, name: string) {
  const space = newSpace(name);
  const spaceId = Number(space.split("/").pop());
  const db = new Database(process.env.MAKON_E2E_DB!);
  let publicId: number;
  try {
    const authorityId = (db.prepare("SELECT id FROM authorities WHERE name = 'CASEC de la 1re section de Limonade'").get() as { id: number }).id;
    const insert = db.prepare(
      "INSERT INTO commitments (space_id, authority_id, office, title, text, theme, due_date, original_due_date, public, state, pledged_on, created_at) VALUES (?, ?, 'Bureau du CASEC', ?, '', 'water', ?, ?, ?, ?, ?, ?) RETURNING id",
    );
    const step = db.prepare("INSERT INTO commitment_updates (commitment_id, move, actor_kind, from_state, to_state, note, percent, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const pledged = Date.now() - 40 * DAY;
    publicId = (insert.get(spaceId, authorityId, `Fontèn ${name}`, day(-10), day(-10), 1, "in_progress", day(-40), pledged) as { id: number }).id;
    step.run(publicId, "record", "meeting", null, "pledged", "", null, pledged);
    step.run(publicId, "update", "authority", "pledged", "in_progress", "Tiyo yo achte, travay la kòmanse.", 40, Date.now() - 5 * DAY);
    const secretId = (insert.get(spaceId, authorityId, `Dosye sekrè ${name}`, day(3), day(3), 0, "pledged", day(-2), Date.now() - 2 * DAY) as { id: number }).id;
    step.run(secretId, "record", "meeting", null, "pledged", "", null, Date.now() - 2 * DAY);
  } finally {
    db.close();
  }
  const door = await playwrightRequest.newContext({ baseURL });
  const signedIn = await door.post("/connexion", { form: { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  const planned = await door.post(`${space}/reunions/nouvelle`, { form: { intent: "meeting", kind: "ordinary", title: `Reyinyon ${name}`, startsAt: "2026-12-05T09:00", place: "Lakou lekòl la" }, maxRedirects: 0 });
  await door.dispose();
  return { spaceId, meetingPath: planned.headers().location!, publicId: publicId!, title: `Fontèn ${name}`, secret: `Dosye sekrè ${name}` };
}

const dueDateOf = (id: number) => readDb((db) => db.prepare("SELECT due_date AS dueDate, original_due_date AS originalDueDate FROM commitments WHERE id = ?").get(id)) as { dueDate: string; originalDueDate: string };

/** Nothing scrolls on the projector: the page is no wider and no taller than the window. */
async function expectNoOverflow(page: Page) {
  const size = await page.evaluate(() => {
    const e = document.scrollingElement!;
    return { sw: e.scrollWidth, cw: e.clientWidth, sh: e.scrollHeight, ch: e.clientHeight };
  });
  expect(size.sw, "no horizontal overflow").toBeLessThanOrEqual(size.cw);
  expect(size.sh, "no vertical overflow").toBeLessThanOrEqual(size.ch);
}

/** The planning page offers the review with what it will go through; one click adds it; the meeting opens on it. */
async function planAndStart(desk: Page, setup: Awaited<ReturnType<typeof spaceWithCommitments>>) {
  await desk.goto(setup.meetingPath);
  const review = desk.getByTestId("planning-review");
  await expect(review.getByRole("link", { name: setup.title })).toHaveAttribute("href", `/espaces/${setup.spaceId}/engagements/${setup.publicId}`);
  await expect(review.getByTestId("review-line").filter({ hasText: setup.title })).toContainText("En retard de 10 j");
  await expect(review.getByTestId("review-line").filter({ hasText: setup.secret })).toContainText("Non public");
  await review.getByRole("button", { name: "Ajouter « Suivi des engagements » à l'ordre du jour (2)" }).click();
  await expect(desk.getByTestId("agenda")).toContainText("Suivi des engagements");
  await expect(review.getByRole("button", { name: /Ajouter « Suivi des engagements »/ })).toHaveCount(0);
  await desk.getByRole("button", { name: "Ouvrir la séance" }).click();
  await expect(desk.getByTestId("meeting-status")).toHaveText("En cours");
}

test("a meeting reviews its commitments: planned with the review item, one put on the shared screen, a new due date decided in one step, and the screen follows", async ({ browser, baseURL }) => {
  const setup = await spaceWithCommitments(baseURL!, "Bwa Lans");
  const deskContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
  const desk = await deskContext.newPage();
  await signInAs(desk, "admin@makon.ht");
  await planAndStart(desk, setup);

  await desk.goto(`${setup.meetingPath}/console`);
  await expect(desk.getByTestId("console-connection")).toHaveText("En direct");
  const panel = desk.getByTestId("review-panel");
  await expect(panel.getByRole("heading")).toHaveText("Suivi des engagements (2)");
  // A commitment that is not public has no way onto the screen.
  await expect(panel.getByTestId("review-line").filter({ hasText: setup.secret }).getByRole("button", { name: /à l'écran/ })).toHaveCount(0);
  await panel.getByRole("button", { name: `Afficher « ${setup.title} » à l'écran` }).click();
  const line = panel.getByTestId("review-line").filter({ hasText: setup.title });
  await expect(line.getByTestId("review-on-screen")).toHaveText("À l'écran");

  // The projector: 1024×768, then 800×600.
  const screenContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const screen = await screenContext.newPage();
  await screen.goto(new URL((await desk.getByTestId("screen-link").getAttribute("href"))!, baseURL).toString());
  const shown = screen.getByTestId("screen-commitment");
  await expect(shown.getByTestId("screen-commitment-title")).toHaveText(setup.title);
  await expect(shown).toContainText("CASEC de la 1re section de Limonade · Bureau du CASEC");
  await expect(shown.getByTestId("screen-commitment-state")).toHaveText("En cours");
  await expect(shown.getByTestId("screen-commitment-due")).toHaveText(`Échéance ${formatDay(day(-10), "fr")}`);
  await expect(shown.getByTestId("screen-commitment-overdue")).toHaveText("En retard de 10 jours");
  await expect(shown.getByTestId("screen-commitment-percent")).toContainText("40 %");
  await expect(shown.getByTestId("screen-commitment-update")).toContainText(`Dernières nouvelles, le ${formatDay(day(-5), "fr")}`);
  await expect(shown.getByTestId("screen-commitment-update")).toContainText("Tiyo yo achte, travay la kòmanse.");
  await expect(screen.getByTestId("screen")).not.toContainText(setup.secret);
  await expectNoOverflow(screen);
  await screen.setViewportSize({ width: 800, height: 600 });
  await expect(shown.getByTestId("screen-commitment-title")).toBeInViewport({ ratio: 1 });
  await expect(shown.getByTestId("screen-commitment-due")).toBeInViewport({ ratio: 1 });
  await expectNoOverflow(screen);

  // A phone following the meeting shows it too, small.
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signInAs(phone, "admin@makon.ht");
  await phone.goto(`${setup.meetingPath}/direct`);
  await expect(phone.getByTestId("phone-commitment")).toContainText(setup.title);
  await expect(phone.getByTestId("phone-commitment")).toContainText("En retard de 10 j");

  // The meeting agrees a new due date: one form, one click.
  const newDate = day(45);
  await line.getByLabel("La réunion décide").selectOption({ label: "Nouvelle échéance" });
  await line.getByLabel("Nouvelle échéance (pour « Nouvelle échéance »)").fill(newDate);
  await line.getByLabel("Note : ce que la réunion a dit").fill("Le CASEC attend le budget de la mairie.");
  await line.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(panel.getByTestId("review-done")).toHaveText("La décision de la réunion est enregistrée.");
  expect(dueDateOf(setup.publicId)).toEqual({ dueDate: newDate, originalDueDate: day(-10) });

  await expect(shown.getByTestId("screen-commitment-due")).toHaveText(`Échéance ${formatDay(newDate, "fr")} (prévue d'abord le ${formatDay(day(-10), "fr")})`);
  await expect(shown.getByTestId("screen-commitment-overdue")).toHaveCount(0);
  await expect(phone.getByTestId("phone-commitment")).toContainText(`Échéance : ${formatDay(newDate, "fr")}`);
  await expect(shown.getByTestId("screen-commitment-update")).toContainText("Le CASEC attend le budget de la mairie.");

  // The screen speaks the language the console chooses.
  await desk.getByRole("button", { name: "Écran en Kreyòl" }).click();
  await expect(shown.getByTestId("screen-commitment-state")).toHaveText("Ap fèt");
  await expect(shown).toContainText("Dat limit");

  // Off the screen again; the room sees the meeting.
  await line.getByRole("button", { name: "Retirer de l'écran" }).click();
  await expect(screen.getByTestId("screen-commitment")).toHaveCount(0);
  await expect(phone.getByTestId("phone-commitment")).toHaveCount(0);
  await deskContext.close();
  await screenContext.close();
  await phoneContext.close();
});

test("without JavaScript, the console puts a commitment on the screen and records the meeting's new due date as plain forms", async ({ browser, baseURL }) => {
  const setup = await spaceWithCommitments(baseURL!, "Sans JS");
  const deskContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
  const desk = await deskContext.newPage();
  await signInAs(desk, "admin@makon.ht");
  await planAndStart(desk, setup);

  await desk.goto(`${setup.meetingPath}/console`);
  const screenHref = (await desk.getByTestId("screen-link").getAttribute("href"))!;
  const screenContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const screen = await screenContext.newPage();
  await screen.goto(new URL(screenHref, baseURL).toString());
  await expect(screen.getByTestId("screen-commitment")).toHaveCount(0);

  const panel = desk.getByTestId("review-panel");
  await panel.getByRole("button", { name: `Afficher « ${setup.title} » à l'écran` }).click();
  const line = desk.getByTestId("review-panel").getByTestId("review-line").filter({ hasText: setup.title });
  await expect(line.getByTestId("review-on-screen")).toHaveText("À l'écran");
  await expect(screen.getByTestId("screen-commitment-title")).toHaveText(setup.title);

  // A new due date forgotten is refused with its message, and nothing changes.
  await line.getByLabel("La réunion décide").selectOption({ label: "Nouvelle échéance" });
  await line.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(desk.getByTestId("review-panel").getByTestId("review-line").filter({ hasText: setup.title })).toContainText("Indiquez la nouvelle échéance.");
  expect(dueDateOf(setup.publicId).dueDate).toBe(day(-10));

  const newDate = day(30);
  const again = desk.getByTestId("review-panel").getByTestId("review-line").filter({ hasText: setup.title });
  await again.getByLabel("La réunion décide").selectOption({ label: "Nouvelle échéance" });
  await again.getByLabel("Nouvelle échéance (pour « Nouvelle échéance »)").fill(newDate);
  await again.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(desk.getByTestId("review-done")).toHaveText("La décision de la réunion est enregistrée.");
  expect(dueDateOf(setup.publicId)).toEqual({ dueDate: newDate, originalDueDate: day(-10) });
  await expect(screen.getByTestId("screen-commitment-due")).toContainText(formatDay(newDate, "fr"));
  await deskContext.close();
  await screenContext.close();
});
