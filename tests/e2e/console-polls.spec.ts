import Database from "better-sqlite3";
import { request as playwrightRequest } from "@playwright/test";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

/** Dates fixed in the past: the server counts days in Haiti's time, not the test machine's. */
const SINCE = "2026-01-01";

/**
 * A live meeting of a space of its own: three member organisations, each with its titular
 * delegate checked in, and a motion admitted to the agenda (written straight into the
 * database, as the motions' own pages are tested elsewhere).
 */
async function meetingWithMotion(baseURL: string, title: string) {
  const space = newSpace(title);
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const delegates = [
    ["Fabiola Jean-Baptiste", "female", "1999", "MUSO Fanm Djanm"],
    ["Ti Jak Desrosiers", "male", "1970", "Asosyasyon Peyizan Bod Lanmè"],
    ["Widlène Pierre", "female", "2002", "Jèn Kore Jèn"],
  ] as const;
  for (const [name, sex, birthYear, organisation] of delegates) {
    const created = await form(`${space}/organisations/nouvelle`, { name: organisation, type: "muso", joinedOn: SINCE });
    const organisationId = created.headers().location!.split("/").pop()!;
    await form(`${space}/delegues/nouveau`, { name, sex, birthYear, organisationId, seat: "titular", fromDate: SINCE });
  }
  const planned = await form(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title, startsAt: "2026-12-05T09:00", place: "Lakou lekòl la" });
  const meetingPath = planned.headers().location!;
  const meetingId = Number(meetingPath.split("/").pop());
  await form(meetingPath, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" });
  for (const [name] of delegates) {
    const found = await (await door.get(`${meetingPath}/presences?q=${encodeURIComponent(name)}`)).text();
    await form(`${meetingPath}/presences`, { intent: "known", personId: /name="personId" value="(\d+)"/.exec(found)![1]! });
  }
  await form(meetingPath, { intent: "start" });
  await door.dispose();

  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    const spaceId = Number(space.split("/").pop());
    const proposer = db.prepare("SELECT person_id AS personId, organisation_id AS organisationId FROM delegate_seats WHERE space_id = ? ORDER BY id LIMIT 1").get(spaceId) as { personId: number; organisationId: number };
    const now = Date.now();
    const year = Number(new Date(now).toISOString().slice(0, 4));
    const motion = db
      .prepare("INSERT INTO motions (space_id, year, sequence, title, text, proposer_organisation_id, proposer_person_id, state, meeting_id, submitted_at, created_at) VALUES (?, ?, 1, 'Kanal Bod Lanmè', 'Netwaye kanal la anvan sezon lapli.', ?, ?, 'admitted', ?, ?, ?) RETURNING id")
      .get(spaceId, year, proposer.organisationId, proposer.personId, meetingId, now, now) as { id: number };
    const number = `M-${year}-001`;
    db.prepare("INSERT INTO agenda_items (meeting_id, position, kind, title, motion_id, created_at) VALUES (?, (SELECT max(position) + 1 FROM agenda_items WHERE meeting_id = ?), 'motion', ?, ?, ?)").run(
      meetingId,
      meetingId,
      `${number} · Kanal Bod Lanmè`,
      motion.id,
      now,
    );
    return { meetingPath, motionId: motion.id, number };
  } finally {
    db.close();
  }
}

const motionState = (id: number) => readDb((db) => (db.prepare("SELECT state FROM motions WHERE id = ?").get(id) as { state: string }).state);

for (const javaScriptEnabled of [true, false]) {
  test(`the console opens a show of hands on the current motion, counts hands by sex and age, closes it and records the motion adopted in one click (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, baseURL }) => {
    const { meetingPath, motionId, number } = await meetingWithMotion(baseURL!, `Asanble vòt ${javaScriptEnabled ? "JS" : "san JS"}`);
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, javaScriptEnabled });
    const desk = await context.newPage();
    await signInAs(desk, "admin@makon.ht");
    await desk.goto(`${meetingPath}/console`);
    if (javaScriptEnabled) await expect(desk.getByTestId("console-connection")).toHaveText("En direct");
    // The motion's item becomes the current one: the poll's form proposes it.
    await desk.getByTestId("console-agenda").locator("li", { hasText: number }).getByRole("button", { name: "Passer à ce point" }).click();
    await expect(desk.getByTestId("console-agenda").locator("li.current")).toContainText(number);
    if (!javaScriptEnabled) await desk.goto(`${meetingPath}/console`);

    const panel = desk.getByTestId("poll-panel");
    await expect(panel.getByLabel("Motion ou amendement décidé")).toHaveValue(String(motionId));
    await expect(panel.getByLabel("Question posée")).toHaveValue("Kanal Bod Lanmè");
    await panel.getByLabel("Mode de vote").selectOption({ label: "Vote à main levée" });
    await expect(panel.getByTestId("poll-rule-preview")).toContainText("Majorité simple : plus de voix pour que contre");
    await panel.getByRole("button", { name: "Ouvrir le vote" }).click();

    await expect(panel.getByTestId("poll-question")).toHaveText(`${number} · Kanal Bod Lanmè`);
    await expect(panel.getByTestId("poll-quorum")).toContainText("3 organisations membres présentes sur 3, atteint");
    await expect(panel.getByTestId("poll-hands-limit")).toHaveText("3 votant·es présent·es : entrez les mains levées.");
    // More hands than voters present is refused, with its message; nothing is entered.
    await panel.getByLabel("Pour", { exact: true }).fill("3");
    await panel.getByLabel("Contre", { exact: true }).fill("1");
    await panel.getByLabel("Abstention", { exact: true }).fill("0");
    await panel.getByRole("button", { name: "Enregistrer le compte" }).click();
    await expect(panel.getByRole("alert").first()).toContainText("Ce compte dépasse le nombre de votant·es qui restent à compter.");
    await expect(panel.getByTestId("poll-hands-entered")).toHaveCount(0);

    await panel.getByLabel("Pour", { exact: true }).fill("2");
    await panel.getByLabel("Contre", { exact: true }).fill("1");
    await panel.getByLabel("Abstention", { exact: true }).fill("0");
    await panel.getByText("Voix pour par sexe et âge (facultatif)").click();
    await panel.getByLabel("Pour : Femme, 18–24 ans").fill("1");
    await panel.getByLabel("Pour : Homme, 60 ans et plus").fill("1");
    await panel.getByRole("button", { name: "Enregistrer le compte" }).click();
    await expect(panel.getByTestId("poll-hands-entered")).toHaveText("Compte enregistré : 2 pour, 1 contre, 0 abstention");

    await panel.getByRole("button", { name: "Clôturer le vote" }).click();
    await expect(panel.getByTestId("poll-done")).toHaveText("Le vote est clos.");
    await expect(panel.getByTestId("poll-decision")).toHaveText("Adoptée à la majorité simple : 2 pour, 1 contre, 0 abstention");
    await expect(panel.getByTestId("poll-count-yes")).toHaveText("2");
    await expect(panel.getByTestId("poll-count-no")).toHaveText("1");
    await panel.getByText("Voix pour par sexe et âge", { exact: true }).click();
    await expect(panel.getByTestId("poll-breakdown").locator("tbody tr").first()).toContainText("Femme");

    await panel.getByRole("button", { name: `Enregistrer ${number} adoptée` }).click();
    await expect(panel.getByTestId("poll-done")).toHaveText("La décision est enregistrée.");
    await expect(panel.getByTestId("poll-decide")).toHaveCount(0);
    expect(motionState(motionId)).toBe("adopted");

    // The meeting's page shows the poll and its result.
    await desk.goto(meetingPath);
    const poll = desk.getByTestId("meeting-polls");
    await expect(poll).toContainText(`${number} · Kanal Bod Lanmè`);
    await expect(poll.getByTestId("poll-decision")).toHaveText("Adoptée à la majorité simple : 2 pour, 1 contre, 0 abstention");
    await context.close();
  });
}
