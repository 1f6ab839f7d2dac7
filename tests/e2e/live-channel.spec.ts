import { request as playwrightRequest, type Page, type Request } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

const SPACE = "/espaces/2";
/** Dates fixed in the past: the server counts days in Haiti's time, not the test machine's. */
const SINCE = "2026-01-01";

/**
 * Once their scripts have run, the console and a delegate's phone go through the live
 * meeting on their sockets alone: no HTTP request of any kind, for their own actions, for
 * each other's, or for check-ins at the door.
 */
test("the console and a phone make no HTTP request through ten live actions and ten check-ins", async ({ browser, baseURL }) => {
  // The door and the register, as plain form posts from another device.
  const door = await playwrightRequest.newContext({ baseURL });
  const form = async (path: string, fields: Record<string, string>) => {
    const response = await door.post(path, { form: fields, maxRedirects: 0 });
    expect([200, 302]).toContain(response.status());
    return response;
  };
  await form("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
  const organisation = await form(`${SPACE}/organisations/nouvelle`, { name: "MUSO Solidarite Ptit Ans", type: "muso", joinedOn: SINCE });
  const organisationId = organisation.headers().location!.split("/").pop()!;
  await form(`${SPACE}/delegues/nouveau`, {
    name: "Nadège Florestal",
    sex: "female",
    birthYear: "1998",
    organisationId,
    seat: "titular",
    fromDate: SINCE,
    createAccount: "on",
    accountEmail: "nadege@makon.ht",
    accountPassword: "nadege-2026-pass",
  });
  const planned = await form(`${SPACE}/reunions/nouvelle`, { intent: "meeting", kind: "ordinary", title: "Reyinyon san rechaj", startsAt: "2026-12-05T09:00", place: "Sant kominotè" });
  const meetingPath = planned.headers().location!;
  for (const title of ["Nouvèl", "Dlo potab", "Wout la"]) await form(meetingPath, { intent: "agenda-add", title, kind: "discussion", plannedMinutes: "15" });
  const candidates = await (await door.get(`${meetingPath}/presences?q=Nadege`)).text();
  const personId = /name="personId" value="(\d+)"/.exec(candidates)![1]!;
  await form(`${meetingPath}/presences`, { intent: "known", personId });
  await form(meetingPath, { intent: "start" });

  const consoleContext = await browser.newContext({ baseURL });
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  const desk = await consoleContext.newPage();
  const phone = await phoneContext.newPage();
  await signInAs(desk, "admin@makon.ht");
  await signInAs(phone, "nadege@makon.ht");
  await desk.goto(`${meetingPath}/console`);
  await phone.goto(`${meetingPath}/direct`);
  await expect(desk.getByTestId("console-connection")).toHaveText("En direct");
  await expect(phone.getByTestId("my-place")).toHaveText("Vous n'avez pas demandé la parole.");
  await expect(phone.getByTestId("phone")).toHaveAttribute("data-connected", "true");

  const requests: string[] = [];
  const count = (page: Page, who: string) => page.on("request", (r: Request) => requests.push(`${who} ${r.method()} ${r.url()}`));
  count(desk, "console");
  count(phone, "phone");

  // Ten live actions, from both sides.
  await desk.getByRole("button", { name: "Passer à ce point" }).first().click(); // 1: next item
  await expect(phone.getByTestId("phone-item")).toContainText("Dlo potab");
  await phone.getByRole("button", { name: "Demander la parole" }).tap(); // 2: ask
  await expect(phone.getByTestId("my-place")).toHaveText("Demande envoyée : en attente de l'animateur·rice.");
  await desk.getByRole("button", { name: "Accepter la demande de Nadège Florestal" }).click(); // 3: accept
  await expect(phone.getByTestId("my-place")).toHaveText("Vous êtes n° 1 dans la file.");
  await desk.getByRole("button", { name: "Donner la parole à Nadège Florestal" }).click(); // 4: give the floor
  await expect(phone.getByTestId("my-place")).toHaveText("C'est à vous !");
  await desk.getByRole("button", { name: "Arrêter le tour de parole" }).click(); // 5: stop
  await expect(phone.getByTestId("phone-speaker")).toContainText("Personne ne parle.");
  await phone.getByRole("button", { name: "Demander la parole" }).tap(); // 6: ask again
  await expect(desk.getByTestId("console-requests")).toContainText("Nadège Florestal");
  await phone.getByRole("button", { name: "Retirer ma demande" }).tap(); // 7: withdraw
  await expect(desk.getByTestId("console-requests")).toHaveCount(0);
  await expect(phone.getByTestId("my-place")).toHaveText("Vous n'avez pas demandé la parole.");
  await desk.getByRole("button", { name: "Passer à ce point" }).last().click(); // 8: last item
  await expect(phone.getByTestId("phone-item")).toContainText("Wout la");

  // Ten check-ins at the door: the console's list of people to add follows them.
  for (let i = 1; i <= 10; i++) {
    await form(`${meetingPath}/presences`, { intent: "walkin", name: `Moun ${i}`, sex: i % 2 ? "female" : "male", ageGroup: "25_35", organisationId: "", role: "observer" });
  }
  await expect(desk.getByLabel("Inscrire sur la liste").locator("option", { hasText: "Moun 10" })).toHaveCount(1);
  await desk.getByLabel("Inscrire sur la liste").selectOption({ label: "Moun 10" });
  await desk.getByRole("button", { name: "Inscrire sur la liste" }).click(); // 9: add a walk-in to the list
  await expect(desk.getByTestId("console-queue")).toContainText("Moun 10");
  await expect(phone.getByTestId("phone-next")).toContainText("Moun 10");
  await desk.getByRole("button", { name: "Écran en Kreyòl" }).click(); // 10: the screen's language
  await expect(desk.getByRole("button", { name: "Écran en Kreyòl" })).toHaveClass(/primary/);

  expect(requests).toEqual([]);
  await door.dispose();
  await consoleContext.close();
  await phoneContext.close();
});
