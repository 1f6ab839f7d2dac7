import { request as playwrightRequest, type Browser, type Page } from "@playwright/test";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

const YEAR = new Date().getFullYear();
const SINCE = `${YEAR}-01-01`;
const TODAY = new Date().toISOString().slice(0, 10);

/** Five organisations of a space of their own, a titular delegate with an account for each, all checked in. */
const DELEGATES = [
  { name: "Marie-Claude Benjamin", email: "marie-claude.mosyon@makon.ht", organisation: "Fanm Travay Bod Lanmè" },
  { name: "Jean-Robert Fleurant", email: "jean-robert.mosyon@makon.ht", organisation: "Jèn Vanyan Roucou" },
  { name: "Nadège Paul", email: "nadege.mosyon@makon.ht", organisation: "MUSO Solidarite" },
  { name: "Lesly Dorvil", email: "lesly.mosyon@makon.ht", organisation: "Koperativ Kafe Bwa Lans" },
  { name: "Yolène Auguste", email: "yolene.mosyon@makon.ht", organisation: "Komite Dlo Bod Lanmè" },
] as const;

const FIRST = "Considérant que la source de Roucou ne donne plus d'eau depuis mars ;";
const SECOND = "L'assemblée demande au CASEC de réparer le captage avant la saison des pluies.";
const REPLACEMENT = "L'assemblée demande au CASEC de réparer le captage avant le 1er mai et d'en rendre compte à la prochaine assemblée.";

async function liveMeeting() {
  const space = newSpace("Makòn Mosyon ak Vòt");
  const desk = await playwrightRequest.newContext({ baseURL: process.env.MAKON_E2E_URL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await desk.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  for (const [i, d] of DELEGATES.entries()) {
    const organisationId = (await form(`${space}/organisations/nouvelle`, { name: d.organisation, type: i === 0 ? "women" : "base", joinedOn: SINCE })).headers().location!.split("/").pop()!;
    await form(`${space}/delegues/nouveau`, { name: d.name, sex: i % 2 ? "male" : "female", birthYear: "1985", organisationId, seat: "titular", fromDate: SINCE, createAccount: "on", accountEmail: d.email, accountPassword: "mosyon-vot-2026" });
  }
  const meetingPath = (await form(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Asanble Bod Lanmè", startsAt: `${TODAY}T09:00`, place: "Lekòl" })).headers().location!;
  await form(meetingPath, { intent: "agenda-add", title: "Ouverture", kind: "discussion", plannedMinutes: "10" });
  for (const d of DELEGATES) {
    const candidates = await (await desk.get(`${meetingPath}/presences?q=${encodeURIComponent(d.name.split(" ")[1]!)}`)).text();
    await form(`${meetingPath}/presences`, { intent: "known", personId: /name="personId" value="(\d+)"/.exec(candidates)![1]! });
  }
  await form(meetingPath, { intent: "start" });
  const meetingId = Number(meetingPath.split("/").pop());
  const token = readDb((db) => (db.prepare("SELECT screen_token AS token FROM meeting_sessions WHERE meeting_id = ?").get(meetingId) as { token: string }).token);
  await desk.dispose();
  return { space, meetingPath, meetingId, token };
}

async function phoneOf(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

const voted = (pollId: number) => readDb((db) => db.prepare("SELECT count(*) AS n FROM poll_voters WHERE poll_id = ? AND voted = 1").pluck().get(pollId) as number);
const openPollId = (meetingId: number) => readDb((db) => db.prepare("SELECT id FROM polls WHERE meeting_id = ? AND state = 'open'").pluck().get(meetingId) as number);

async function vote(phone: Page, choice: "Pour" | "Contre" | "Abstention") {
  await phone.getByRole("button", { name: choice, exact: true }).tap();
  await expect(phone.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.");
}

/** The console moves to the item, opens a named phone vote on it, and returns the poll's id. */
async function openNamedVote(desk: Page, meetingId: number, number: string, motionId: number, title: string) {
  await desk.getByTestId("console-agenda").locator("li", { hasText: number }).getByRole("button", { name: "Passer à ce point" }).click();
  await expect(desk.getByTestId("console-agenda").locator("li.current")).toContainText(number);
  const panel = desk.getByTestId("poll-panel");
  // The current item's motion is offered first (console-polls.spec.ts checks it); chosen here as a facilitator would.
  await panel.getByLabel("Motion ou amendement décidé").selectOption(String(motionId));
  await expect(panel.getByLabel("Question posée")).toHaveValue(title);
  await panel.getByLabel("Mode de vote").selectOption({ label: "Vote par téléphone, nominatif" });
  await panel.getByRole("button", { name: "Ouvrir le vote" }).click();
  await expect(panel.getByTestId("poll-question")).toContainText(number);
  return openPollId(meetingId);
}

test("two delegates on phones propose a motion and an amendment; the facilitator admits both and puts each to a named vote; five phones vote, one through a network drop; the screen counts, then shows the result; the motion is adopted as amended", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { space, meetingPath, meetingId, token } = await liveMeeting();
  const phones = await Promise.all(DELEGATES.map((d) => phoneOf(browser, baseURL!, d.email)));
  const [proposer, amender] = phones.map((p) => p.page) as [Page, Page];

  // A delegate drafts and submits a motion from her phone.
  await proposer.goto(`${space}/motions/nouvelle`);
  await proposer.getByLabel("Titre").fill("Réparer le captage de Roucou");
  await proposer.getByLabel("Texte de la motion").fill(`${FIRST}\n\n${SECOND}`);
  await proposer.getByLabel("Exposé des motifs").fill("Fanm ak timoun ap mache twa kilomèt pou dlo.");
  await proposer.getByLabel("Thème").selectOption({ label: "Eau" });
  await proposer.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(proposer.getByTestId("motion-state")).toHaveText("Brouillon");
  await proposer.getByRole("button", { name: "Déposer la motion" }).click();
  await expect(proposer.getByTestId("motion-state")).toHaveText("Déposée");
  const number = (await proposer.getByTestId("status-line").textContent())!.match(/M-\d{4}-\d{3}/)![0];
  const motionPath = new URL(proposer.url()).pathname;
  const motionId = Number(motionPath.split("/").pop());
  expect(await proposer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Another organisation's delegate proposes to replace its second paragraph.
  await amender.goto(motionPath);
  await amender.getByRole("link", { name: "Amender le paragraphe 2" }).click();
  await amender.getByLabel("Nouveau texte du paragraphe 2").fill(REPLACEMENT);
  await amender.getByRole("button", { name: "Déposer l'amendement" }).click();
  await expect(amender.getByTestId("status-line")).toHaveText(`Amendement ${number} A1 déposé.`);
  expect(await amender.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const amendmentId = readDb((db) => db.prepare("SELECT id FROM motions WHERE parent_id = ?").pluck().get(motionId) as number);

  // The facilitator admits the motion, then its amendment, to the live meeting.
  const deskContext = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
  const desk = await deskContext.newPage();
  await signInAs(desk, "admin@makon.ht");
  await desk.goto(motionPath);
  await desk.getByRole("button", { name: "Inscrire à l'ordre du jour" }).click();
  await expect(desk.getByTestId("motion-state")).toHaveText("À l'ordre du jour");
  await desk.getByTestId(`amendment-${amendmentId}`).getByRole("button", { name: "Inscrire à l'ordre du jour" }).click();
  await expect(desk.getByTestId(`amendment-${amendmentId}`)).toContainText("À l'ordre du jour");

  // The projector and every phone follow the meeting.
  const screenContext = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 } });
  const screen = await screenContext.newPage();
  await screen.goto(`/ecran/${token}`);
  for (const { page } of phones) {
    await page.goto(`${meetingPath}/direct`);
    await expect(page.getByTestId("phone")).toHaveAttribute("data-connected", "true");
  }
  await desk.goto(`${meetingPath}/console`);
  await expect(desk.getByTestId("console-connection")).toHaveText("En direct");

  // The amendment first: its item comes before the motion's.
  const amendmentPoll = await openNamedVote(desk, meetingId, `${number} A1`, amendmentId, "Réparer le captage de Roucou");
  await expect(screen.getByTestId("screen-voted")).toHaveText("0 / 5 ont voté");
  for (const [i, { page }] of phones.entries()) {
    await vote(page, i < 4 ? "Pour" : "Contre");
    await expect(screen.getByTestId("screen-voted")).toHaveText(`${i + 1} / 5 ont voté`);
    await expect(screen.getByTestId("vote-bars")).toHaveCount(0);
  }
  await desk.getByTestId("poll-panel").getByRole("button", { name: "Clôturer le vote" }).click();
  await expect(screen.getByTestId("vote-decision")).toHaveText("Adoptée à la majorité simple : 4 pour, 1 contre, 0 abstention");
  await desk.getByTestId("poll-panel").getByRole("button", { name: `Enregistrer ${number} A1 adoptée` }).click();
  await expect(desk.getByTestId("poll-panel").getByTestId("poll-done")).toHaveText("La décision est enregistrée.");
  expect(voted(amendmentPoll)).toBe(5);

  // Then the motion, as amended; one phone loses its network as its delegate taps.
  const motionPoll = await openNamedVote(desk, meetingId, number, motionId, "Réparer le captage de Roucou");
  await expect(screen.getByTestId("screen-voted")).toHaveText("0 / 5 ont voté");
  const dropped = phones[2]!;
  await dropped.context.setOffline(true);
  await dropped.page.getByRole("button", { name: "Pour", exact: true }).tap();
  await expect(dropped.page.getByTestId("ballot-answer")).toHaveText("Pas de réseau : votre vote est gardé et partira dès le retour du réseau.");
  for (const [i, { page }] of phones.entries()) if (i !== 2) await vote(page, i === 4 ? "Abstention" : "Pour");
  await expect(screen.getByTestId("screen-voted")).toHaveText("4 / 5 ont voté");
  await dropped.context.setOffline(false);
  await expect(dropped.page.getByTestId("ballot-answer")).toHaveText("Votre vote a été compté.", { timeout: 20_000 });
  await expect(screen.getByTestId("screen-voted")).toHaveText("5 / 5 ont voté");
  // Counted once: five voters, five ballots in the counters.
  expect(voted(motionPoll)).toBe(5);
  expect(readDb((db) => db.prepare("SELECT phone_yes + phone_no + phone_abstain FROM polls WHERE id = ?").pluck().get(motionPoll))).toBe(5);

  await desk.getByTestId("poll-panel").getByRole("button", { name: "Clôturer le vote" }).click();
  const decision = "Adoptée à la majorité simple : 4 pour, 0 contre, 1 abstention";
  await expect(screen.getByTestId("vote-decision")).toHaveText(decision);
  await expect(screen.getByTestId("vote-count-yes")).toHaveText("4");
  await expect(proposer.getByTestId("vote-decision")).toHaveText(decision);
  await desk.getByTestId("poll-panel").getByRole("button", { name: `Enregistrer ${number} adoptée` }).click();
  await expect(desk.getByTestId("poll-panel").getByTestId("poll-done")).toHaveText("La décision est enregistrée.");

  // The motion's page: adopted, its text as amended, both versions kept, and who voted what.
  await proposer.goto(motionPath);
  await expect(proposer.getByTestId("motion-state")).toHaveText("Adoptée");
  await expect(proposer.getByTestId("motion-decision")).toContainText(decision);
  await expect(proposer.locator("main")).toContainText(REPLACEMENT);
  expect(readDb((db) => db.prepare("SELECT count(*) FROM motion_versions WHERE motion_id = ?").pluck().get(motionId))).toBe(2);
  // Its polls, the amendment's first, each with its rule and result.
  const polls = proposer.getByTestId("meeting-polls").locator("li.meeting-poll");
  await expect(polls).toHaveCount(2);
  await expect(polls.first()).toContainText(`${number} A1`);
  await expect(polls.last()).toContainText(decision);

  for (const context of [deskContext, screenContext, ...phones.map((p) => p.context)]) await context.close();
});
