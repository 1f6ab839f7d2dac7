import { expect, importCsv, signInAs, test } from "./fixtures";

const SPACE = "/espaces/3";
const AGE_LABELS: Record<string, string> = { u18: "Moins de 18 ans", "18_24": "18–24 ans", "25_35": "25–35 ans", "36_59": "36–59 ans", "60p": "60 ans et plus" };

test("plan a meeting, take 15 attendees, write minutes from two places at once, close and print", async ({ browser, baseURL }) => {
  const contextA = await browser.newContext({ baseURL });
  const contextB = await browser.newContext({ baseURL });
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signInAs(a, "admin@makon.ht");
  await signInAs(b, "admin@makon.ht");

  await importCsv(a, SPACE, "Des organisations", "Nom;Type\nGwoupman Peyizan Boukan;Association paysanne\nMUSO Fanm Vanyan;MUSO\nJèn Pou Chanjman;Association de jeunes\n");
  await importCsv(
    a,
    SPACE,
    "Des délégué·es",
    [
      "Nom;Sexe;Année de naissance;Organisation;Siège",
      "Anne Joseph;F;1990;Gwoupman Peyizan Boukan;titulaire",
      "Paul Charles;H;1960;Gwoupman Peyizan Boukan;suppléant",
      "Mireille Paul;F;1985;MUSO Fanm Vanyan;titulaire",
      "Nadine Louis;F;2002;MUSO Fanm Vanyan;suppléant",
      "Kenson Michel;H;2004;Jèn Pou Chanjman;titulaire",
      "Daphnée Jean;F;2003;Jèn Pou Chanjman;suppléant",
    ].join("\n"),
  );

  // Plan.
  await a.goto(SPACE);
  await a.getByRole("link", { name: "Planifier une réunion" }).click();
  await a.getByLabel("Titre").fill("Reyinyon ordinè desanm");
  await a.getByLabel("Lieu").fill("Lekòl Boukan Richa");
  await a.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Reyinyon ordinè desanm");
  const meetingUrl = new URL(a.url()).pathname;
  await expect(a.getByTestId("meeting-status")).toHaveText("Prévue");

  // Agenda, reordered.
  for (const [title, minutes] of [["Dlo potab", "30"], ["Nouvèl", "10"]]) {
    await a.getByLabel("Point", { exact: true }).fill(title!);
    await a.getByLabel("Durée prévue (minutes)").fill(minutes!);
    await a.getByRole("button", { name: "Ajouter le point" }).click();
    await expect(a.getByTestId("agenda")).toContainText(title!);
  }
  await a.getByRole("button", { name: "Monter « Nouvèl »" }).click();
  await expect(a.getByTestId("agenda").locator("li").first()).toContainText("Nouvèl");

  // Attendance: B watches the live panel while A records.
  await b.goto(`${meetingUrl}/presences`);
  await expect(b.getByTestId("present-count")).toHaveText("0");
  const live = a.waitForEvent("websocket", (ws) => ws.url().includes(":live"));
  await a.goto(`${meetingUrl}/presences`);
  await (await live).waitForEvent("framereceived");
  for (let i = 0; i < 6; i++) {
    await a.getByTestId("candidates").getByRole("button").first().click();
    await expect(a.getByTestId("present-count")).toHaveText(String(i + 1));
  }
  await expect(a.getByText("Personne d'autre à cocher.")).toBeVisible();
  const walkIns: [string, string, string][] = [
    ["Roseline Désir", "female", "18_24"],
    ["Jean Baptiste", "male", "36_59"],
    ["Marie Claire", "female", "25_35"],
    ["Wilfrid Pierre", "male", "60p"],
    ["Esther Noël", "female", "18_24"],
    ["Samuel Jean", "", ""],
    ["Guerline Louis", "female", "36_59"],
    ["Frantz Élie", "male", "25_35"],
    ["Nathalie Saint-Jean", "female", "u18"],
  ];
  // Each check-in is one message on the page's live connection, not a request: its answer holds what the page lacks.
  const pageRequests: string[] = [];
  a.on("request", (request) => request.url().includes("/presences.data") && pageRequests.push(request.method()));
  for (const [index, [name, sex, age]] of walkIns.entries()) {
    const form = a.getByRole("region", { name: "Autre participant·e" });
    await form.getByLabel("Nom et prénom").fill(name);
    // One tap each; "" is the person's "prefers not to say".
    await form.getByRole("group", { name: "Sexe" }).getByText(sex ? { female: "Femme", male: "Homme" }[sex]! : "Préfère ne pas dire", { exact: true }).click();
    await form.getByRole("group", { name: "Tranche d'âge" }).getByText(age ? AGE_LABELS[age]! : "Préfère ne pas dire", { exact: true }).click();
    await form.getByRole("button", { name: "Ajouter et passer au suivant" }).click();
    await expect(a.getByTestId("present-count")).toHaveText(String(7 + index));
    await expect(form.getByLabel("Nom et prénom")).toBeFocused();
    await expect(form.getByLabel("Nom et prénom")).toHaveValue("");
  }
  await expect(a.getByTestId("attendance-list").locator("tbody tr")).toHaveCount(15);
  expect(pageRequests).toEqual([]);
  // Women: 4 delegates + 5 walk-ins = 9 of 15. Youth: born 2002, 2003, 2004, and 2 + 2 walk-ins = 7.
  await expect(a.getByTestId("women-present")).toContainText("60");
  await expect(a.getByTestId("organisations-present")).toHaveText("3/3");
  await expect(a.getByTestId("quorum")).toContainText("Quorum atteint");
  // B's panel followed without a reload.
  await expect(b.getByTestId("present-count")).toHaveText("15");
  await expect(b.getByTestId("youth-present")).toContainText("47");

  // Minutes from two browsers at once.
  await a.goto(meetingUrl);
  await a.getByRole("button", { name: "Ouvrir la séance" }).click();
  await expect(a.getByTestId("meeting-status")).toHaveText("En cours");
  await b.goto(meetingUrl);
  for (const page of [a, b]) {
    await expect(page.getByTestId("minutes-text")).toHaveValue(/## 1\. Nouvèl/);
    await expect(page.getByTestId("minutes-text")).toBeEditable();
  }
  await a.getByTestId("minutes-text").click();
  await b.getByTestId("minutes-text").click();
  await a.keyboard.press("Control+End");
  await b.keyboard.press("Control+Home");
  await Promise.all([a.keyboard.type("Desizyon: konstwi yon sitèn.", { delay: 20 }), b.keyboard.type("Pwosè vèbal — ", { delay: 20 })]);
  for (const page of [a, b]) {
    await expect(page.getByTestId("minutes-text")).toHaveValue(/^Pwosè vèbal — # Reyinyon ordinè desanm[\s\S]*Desizyon: konstwi yon sitèn\.$/);
  }
  await expect(b.getByTestId("minutes-preview")).toContainText("Desizyon: konstwi yon sitèn.");

  // Close (confirmed): attendance locked, minutes still editable until approved, then frozen; printable page.
  await a.getByRole("button", { name: "Clore la séance" }).click();
  await a.getByRole("button", { name: "Oui, clore la séance" }).click();
  await expect(a.getByTestId("meeting-status")).toHaveText("Close");
  await expect(a.getByTestId("minutes-text")).toBeEditable();
  await a.getByRole("button", { name: "Approuver le procès-verbal" }).click();
  await a.getByRole("button", { name: "Oui, approuver" }).click();
  await expect(a.getByTestId("frozen-minutes")).toContainText("Desizyon: konstwi yon sitèn.");
  await a.getByRole("link", { name: "Version imprimable" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Liste de présence et compte rendu — Reyinyon ordinè desanm");
  await expect(a.getByTestId("print-attendance").locator("tbody tr")).toHaveCount(15);
  await expect(a.getByTestId("present-count")).toHaveText("15");
  await expect(a.getByTestId("women-present")).toContainText("60");
  await a.goto(`${meetingUrl}/presences`);
  // Closed: no more check-ins; the administrator may still correct a row, audited.
  await expect(a.getByText("Réunion close : en tant qu'administrateur·rice")).toBeVisible();
  await expect(a.getByRole("region", { name: "Autre participant·e" })).toHaveCount(0);
  await a.getByRole("link", { name: "Corriger Samuel Jean" }).click();
  const correction = a.getByRole("region", { name: "Corriger : Samuel Jean" });
  await correction.getByRole("group", { name: "Sexe" }).getByText("Homme", { exact: true }).click();
  await correction.getByRole("button", { name: "Enregistrer" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Ligne corrigée." })).toBeVisible();
  await expect(a.getByTestId("attendance-list").getByRole("row", { name: /Samuel Jean/ })).toContainText("Homme");

  await contextA.close();
  await contextB.close();
});
