import { request as playwrightRequest, type Page } from "@playwright/test";
import { expect, newSpace, readDb, signInAs, test } from "./fixtures";

/**
 * A delegate on a cheap phone without JavaScript (360×640): drafts a motion, submits it, and
 * proposes an amendment to it, with plain forms only. Her own space, organisation and account.
 */
test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: false });

const PASSWORD = "mosyon-2026-modpas";

/** A space with one member organisation and its delegate (with an account), set up by the administrator's plain posts. */
async function world(baseURL: string | undefined) {
  const suffix = Date.now().toString(36);
  const year = new Date().getFullYear();
  const space = newSpace(`Makòn Mosyon ${suffix}`);
  const http = await playwrightRequest.newContext({ baseURL });
  try {
    const post = async (path: string, form: Record<string, string>) => {
      const response = await http.post(path, { form, maxRedirects: 0 });
      expect([200, 302, 303], `POST ${path}`).toContain(response.status());
      return response;
    };
    await post("/connexion", { identifier: "admin@makon.ht", password: "makon-demo-2026", redirectTo: "/" });
    const organisation = (await post(`${space}/organisations/nouvelle`, { name: `Gwoupman Peyizan Bwa-Kayiman ${suffix}`, acronym: "GPBK", type: "peasant", joinedOn: `${year}-01-01` })).headers().location!;
    const email = `delege.mosyon.${suffix}@makon.ht`;
    await post(`${space}/delegues/nouveau`, {
      name: "Marie-Ange Dorvil",
      sex: "female",
      birthYear: "1988",
      organisationId: organisation.split("/").pop()!,
      seat: "titular",
      fromDate: `${year}-01-01`,
      createAccount: "on",
      accountEmail: email,
      accountPassword: PASSWORD,
    });
    return { space, email };
  } finally {
    await http.dispose();
  }
}

/** Nothing sticks out sideways on a 360 px screen. */
async function fitsTheScreen(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

test("a delegate drafts and submits a motion, then proposes an amendment, on a phone without JavaScript", async ({ page, baseURL }) => {
  const { space, email } = await world(baseURL);
  await signInAs(page, email);

  await page.goto(space);
  await page.getByRole("link", { name: "Voir les motions" }).click();
  await fitsTheScreen(page);
  await page.getByRole("link", { name: "Nouvelle motion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle motion");
  await fitsTheScreen(page);

  // A missing title is said next to its field, and what was typed stays.
  await page.getByLabel("Texte de la motion").fill("Considérant que le pont de Bois-Caïman est tombé ;\n\nL'assemblée demande à la mairie de le reconstruire avant la saison des pluies.");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();
  await expect(page.getByLabel("Texte de la motion")).toHaveValue(/pont de Bois-Caïman/);

  await page.getByLabel("Titre").fill("Rebati pon Bwa-Kayiman");
  await page.getByLabel("Exposé des motifs").fill("Timoun yo pa ka al lekòl lè larivyè a desann.");
  await page.getByLabel("Thème").selectOption({ label: "Routes" });
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();

  await expect(page.getByTestId("status-line")).toContainText("Brouillon enregistré.");
  await expect(page.getByTestId("motion-state")).toHaveText("Brouillon");
  await fitsTheScreen(page);

  await page.getByRole("button", { name: "Déposer la motion" }).click();
  await expect(page.getByTestId("status-line")).toContainText(/Motion déposée sous le numéro M-\d{4}-001\./);
  await expect(page.getByTestId("motion-state")).toHaveText("Déposée");
  const number = (await page.getByTestId("status-line").textContent())!.match(/M-\d{4}-001/)![0];

  // An amendment to the second paragraph: chosen by a link, its text prefilled.
  await page.getByRole("link", { name: "Amender le paragraphe 2" }).click();
  const replacement = page.getByLabel("Nouveau texte du paragraphe 2");
  await expect(replacement).toHaveValue("L'assemblée demande à la mairie de le reconstruire avant la saison des pluies.");
  await fitsTheScreen(page);
  await replacement.fill("L'assemblée demande à la mairie et au CASEC de le reconstruire avant la saison des pluies.");
  await page.getByLabel("Pourquoi ce changement (facultatif)").fill("Se de otorite yo ki responsab.");
  await page.getByRole("button", { name: "Déposer l'amendement" }).click();

  await expect(page.getByTestId("status-line")).toHaveText(`Amendement ${number} A1 déposé.`);
  const amendment = page.locator("li.amendment");
  await expect(amendment).toHaveCount(1);
  await expect(amendment.locator("ins")).toContainText("et au CASEC");
  await expect(amendment.locator("del")).toHaveCount(0);
  await expect(page.getByLabel("Nouveau texte du paragraphe 2")).toHaveCount(0);
  await fitsTheScreen(page);

  const rows = readDb((db) => db.prepare("SELECT state, paragraph, parent_id AS parentId FROM motions WHERE title = ? ORDER BY id").all("Rebati pon Bwa-Kayiman")) as { state: string; paragraph: number | null; parentId: number | null }[];
  expect(rows.map((r) => [r.state, r.paragraph, r.parentId === null])).toEqual([
    ["submitted", null, true],
    ["submitted", 1, false],
  ]);
  // Anyone reads the submitted motion and its amendment.
  await page.context().clearCookies();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.locator("li.amendment ins")).toContainText("et au CASEC");
});
