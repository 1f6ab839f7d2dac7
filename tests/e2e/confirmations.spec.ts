import type { Page } from "@playwright/test";
import { expect, importCsv, newSpace, signInAs, test } from "./fixtures";

/**
 * No irreversible mis-click: what cannot be taken back asks first (and works so without
 * JavaScript), a closed meeting can be reopened, minutes stay editable until approved, and
 * every change says it was made.
 */


async function planMeeting(page: Page, space: string, title: string): Promise<string> {
  await page.goto(space);
  await page.getByRole("link", { name: "Planifier une réunion" }).click();
  await page.getByLabel("Titre").fill(title);
  await page.getByRole("button", { name: "Planifier la réunion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

for (const javaScriptEnabled of [false, true]) {
  test(`closing asks first, can be undone, and minutes stay editable until approved (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    await signInAs(page, "admin@makon.ht");
    const space = newSpace(`Konfimasyon ${javaScriptEnabled ? "JS" : "HTML"}`);
    const meeting = await planMeeting(page, space, "Reyinyon konfimasyon");

    // Removing an agenda item asks; going back leaves it; confirming removes it and says so.
    for (const title of ["Pwen A", "Pwen B"]) {
      await page.getByLabel("Point", { exact: true }).fill(title);
      await page.getByRole("button", { name: "Ajouter le point" }).click();
      await expect(page.getByTestId("status-line")).toHaveText("Point ajouté à l'ordre du jour.");
    }
    await page.getByRole("button", { name: "Retirer « Pwen A »" }).click();
    const removal = page.getByRole("group", { name: "Retirer « Pwen A »" });
    await expect(removal).toContainText("le temps passé et les prises de parole");
    await removal.getByRole("link", { name: "Non, revenir" }).click();
    await expect(page.getByTestId("agenda")).toContainText("Pwen A");
    await page.getByRole("button", { name: "Retirer « Pwen A »" }).click();
    await page.getByRole("group", { name: "Retirer « Pwen A »" }).getByRole("button", { name: "Retirer « Pwen A »" }).click();
    await expect(page.getByTestId("status-line")).toHaveText("Point retiré de l'ordre du jour.");
    await expect(page.getByTestId("agenda")).not.toContainText("Pwen A");

    await page.getByRole("button", { name: "Ouvrir la séance" }).click();
    await expect(page.getByTestId("meeting-status")).toHaveText("En cours");

    // Closing says what it does, and closes only on the second button.
    await page.getByRole("button", { name: "Clore la séance" }).click();
    const closing = page.getByRole("group", { name: "Clore la séance ?" });
    await expect(closing).toContainText("la liste des orateurs s'arrête");
    await expect(closing).toContainText("la liste de présence est verrouillée");
    await expect(closing).toContainText("le procès-verbal reste modifiable par les animateur·rices jusqu'à son approbation");
    await expect(page.getByTestId("meeting-status")).toHaveText("En cours");
    await closing.getByRole("button", { name: "Oui, clore la séance" }).click();
    await expect(page.getByTestId("status-line")).toHaveText("Séance close.");
    await expect(page.getByTestId("meeting-status")).toHaveText("Close");

    // A mis-click is undone: reopened, back to live.
    await page.getByRole("button", { name: "Rouvrir la séance" }).click();
    await page.getByRole("group", { name: "Rouvrir la séance ?" }).getByRole("button", { name: "Oui, rouvrir la séance" }).click();
    await expect(page.getByTestId("status-line")).toHaveText("Séance rouverte.");
    await expect(page.getByTestId("meeting-status")).toHaveText("En cours");
    await page.getByRole("button", { name: "Clore la séance" }).click();
    await page.getByRole("button", { name: "Oui, clore la séance" }).click();
    await expect(page.getByTestId("meeting-status")).toHaveText("Close");

    // After the meeting the minutes are still the facilitators' to write (with scripts), until approved.
    if (javaScriptEnabled) {
      await expect(page.getByTestId("minutes-status")).toHaveText("Enregistré en direct");
      await expect(page.getByTestId("minutes-text")).toBeEditable();
      await page.getByTestId("minutes-text").click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("\nKoreksyon apre reyinyon an.");
      await expect(page.getByTestId("minutes-preview")).toContainText("Koreksyon apre reyinyon an.");
    }
    await page.getByRole("button", { name: "Approuver le procès-verbal" }).click();
    await page.getByRole("group", { name: "Approuver le procès-verbal ?" }).getByRole("button", { name: "Oui, approuver" }).click();
    await expect(page.getByTestId("status-line")).toHaveText("Procès-verbal approuvé.");
    await expect(page.getByTestId("frozen-minutes")).toContainText("Reyinyon konfimasyon");
    if (javaScriptEnabled) await expect(page.getByTestId("frozen-minutes")).toContainText("Koreksyon apre reyinyon an.");
    await expect(page.getByTestId("minutes-approved")).toContainText("Approuvé le");
    await expect(page.getByRole("button", { name: "Rouvrir la séance" })).toHaveCount(0);
    expect(new URL(page.url()).pathname).toBe(meeting);
    await context.close();
  });
}

test("ending a seat, archiving an organisation and revoking a role ask first, without JavaScript, and show what changed", async ({ browser, baseURL }) => {
  const setup = await browser.newContext({ baseURL });
  const admin = await setup.newPage();
  await signInAs(admin, "admin@makon.ht");
  const space = newSpace("Konfimasyon rejis");
  await importCsv(admin, space, "Des organisations", "Nom;Type\nMUSO Konfimasyon;MUSO\n");
  await importCsv(admin, space, "Des délégué·es", "Nom;Sexe;Année de naissance;Organisation;Siège\nIlda Konfimasyon;F;1990;MUSO Konfimasyon;titulaire\n");
  await setup.close();

  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "admin@makon.ht");

  // Ending a seat: asks with the date, then shows the seat as ended (no second button to click).
  await page.goto(space);
  const row = page.getByTestId("delegates").getByRole("row", { name: /Ilda Konfimasyon/ });
  await row.getByRole("button", { name: "Fin du siège" }).click();
  const ending = page.getByRole("group", { name: "Mettre fin au siège de Ilda Konfimasyon ?" });
  await expect(ending.getByLabel("Date de fin du siège de Ilda Konfimasyon")).toBeVisible();
  await ending.getByRole("button", { name: "Oui, mettre fin au siège" }).click();
  await expect(page.getByTestId("seat-ended-status")).toHaveText("Siège de Ilda Konfimasyon terminé.");
  await expect(page.getByTestId("seat-ended")).toContainText("Siège terminé le");
  await page.goto(space);
  await expect(page.getByTestId("delegates").getByRole("row", { name: /Ilda Konfimasyon/ }).getByRole("button", { name: "Fin du siège" })).toHaveCount(0);

  // Archiving an organisation: asks, then says it is done.
  await page.getByRole("link", { name: /MUSO Konfimasyon/ }).first().click();
  await page.getByRole("button", { name: "Archiver" }).click();
  const archiving = page.getByRole("group", { name: "Archiver l'organisation ?" });
  await expect(archiving).toContainText("son historique et ses présences restent");
  await archiving.getByRole("button", { name: "Oui, archiver" }).click();
  await expect(page.getByTestId("status-line")).toHaveText("Organisation archivée.");

  // Revoking a role: asks, then says it is done.
  await page.goto("/admin/comptes/nouveau");
  await page.getByLabel("Nom complet").fill("Konfimasyon Wòl");
  await page.getByLabel("Courriel").fill(`konfimasyon-${Date.now()}@example.ht`);
  await page.getByLabel("Mot de passe provisoire").fill("a long password 2026");
  await page.getByLabel("Rôle", { exact: true }).selectOption("observer");
  await page.getByLabel("Espace", { exact: true }).selectOption({ label: "Konfimasyon rejis" });
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await page.getByRole("button", { name: /^Retirer le rôle/ }).click();
  await expect(page.getByRole("group", { name: /^Retirer le rôle .* \?$/ })).toContainText("Le rôle peut être redonné ensuite.");
  await page.getByRole("button", { name: "Oui, retirer le rôle" }).click();
  await expect(page.getByTestId("status-line")).toHaveText("Rôle retiré.");
  await expect(page.getByRole("button", { name: /^Retirer le rôle/ })).toHaveCount(0);
  await context.close();
});
