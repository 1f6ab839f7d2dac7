import { request as playwrightRequest } from "@playwright/test";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

const attendeesOf = (meetingId: number) => readDb((db) => db.prepare("SELECT id, name FROM attendance WHERE meeting_id = ? ORDER BY id").all(meetingId) as { id: number; name: string }[]);

/** A live meeting of a space of its own, three people in the queue and one request from a phone. */
async function queueOfThree(baseURL: string, title: string) {
  const space = newSpace(title);
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302, 303]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const planned = await form(`${space}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title, startsAt: "2026-12-05T09:00", place: "Lakou lekòl la" });
  const meetingPath = planned.headers().location!;
  const meetingId = Number(meetingPath.split("/").pop());
  await form(meetingPath, { intent: "agenda-add", title: "Dlo potab", kind: "discussion", plannedMinutes: "20" });
  for (const [i, name] of ["Ketly Benoît", "Frantz Célestin", "Marie-Ange Joseph"].entries()) {
    await form(`${meetingPath}/presences`, { intent: "walkin", name, sex: i % 2 ? "male" : "female", ageGroup: "25_35", organisationId: "", role: "observer" });
  }
  await form(meetingPath, { intent: "start" });
  for (const person of attendeesOf(meetingId)) await form(`${meetingPath}/console`, { intent: "add", attendanceId: String(person.id) });
  await door.dispose();
  return meetingPath;
}

for (const javaScriptEnabled of [true, false]) {
  test(`removing a queued speaker by mistake can be undone: they return to their place (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, baseURL }) => {
    const meetingPath = await queueOfThree(baseURL!, `Asanble file ${javaScriptEnabled ? "JS" : "san JS"}`);
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, javaScriptEnabled });
    const desk = await context.newPage();
    await signInAs(desk, "admin@makon.ht");
    await desk.goto(`${meetingPath}/console`);
    if (javaScriptEnabled) await expect(desk.getByTestId("console-connection")).toHaveText("En direct");
    const queue = desk.getByTestId("console-queue").locator(".name");
    await expect(queue).toHaveText(["Ketly Benoît", "Frantz Célestin", "Marie-Ange Joseph"]);

    await desk.getByRole("button", { name: "Retirer Frantz Célestin de la liste" }).click();
    await expect(desk.getByTestId("status-line")).toContainText("Frantz Célestin a été retiré·e de la liste.");
    await expect(queue).toHaveText(["Ketly Benoît", "Marie-Ange Joseph"]);

    await desk.getByTestId("status-line").getByRole("button", { name: "Annuler" }).click();
    await expect(desk.getByTestId("status-line")).toContainText("Frantz Célestin est de nouveau sur la liste, à sa place.");
    await expect(queue).toHaveText(["Ketly Benoît", "Frantz Célestin", "Marie-Ange Joseph"]);
    await context.close();
  });
}
