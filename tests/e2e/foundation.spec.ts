import { expect, signInAs, test } from "./fixtures";

test("a visitor reads the spaces in French, signs in, switches to Kreyòl and browses to a section", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Espaces Makòn");
  const limonade = page.getByRole("region", { name: /Limonade/ });
  await expect(limonade.getByRole("heading", { name: "Makòn Limonade" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Cap-Haïtien/ }).getByText("Makòn Petite-Anse")).toBeVisible();

  await page.getByRole("link", { name: "Se connecter" }).click();
  await page.getByLabel("Courriel ou téléphone").fill("animateur@makon.ht");
  await page.getByLabel("Mot de passe", { exact: true }).fill("makon-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const header = page.getByRole("banner");
  await expect(header.getByText("Jean-Robert Pierre").filter({ visible: true })).toBeVisible();
  await expect(header.getByText("Animateur·rice · Makòn Limonade").filter({ visible: true })).toBeVisible();

  await header.getByRole("button", { name: "Kreyòl" }).filter({ visible: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Espas Makòn");
  await expect(header.getByText("Animatè · Makòn Limonade").filter({ visible: true })).toBeVisible();

  await header.getByRole("link", { name: "Jewografi" }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jewografi");
  // Department names in Kreyòl: Nord is Nò.
  await page.getByRole("link", { name: "Nò", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Depatman: Nò");
  await page.getByRole("link", { name: "Cap-Haïtien", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Komin: Cap-Haïtien");
  const row = page.getByRole("row", { name: /Petit Anse/ });
  await expect(row).toContainText("HT0311-03");
  await expect(row).toContainText("Petite Anse");

  // The choice sticks on a fresh visit.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ht");

  // Back to French, saved on the account too, so that other tests meet French.
  await header.getByRole("button", { name: "Français" }).filter({ visible: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Espaces Makòn");
  await header.getByRole("button", { name: "Se déconnecter" }).filter({ visible: true }).click();
  await expect(header.getByRole("link", { name: "Se connecter" }).filter({ visible: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("the geography search ignores accents and finds other spellings", async ({ page }) => {
  await page.goto("/geographie");
  await page.getByLabel("Chercher une commune ou une section").fill("cap haitien");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByRole("link", { name: "Cap-Haïtien" })).toBeVisible();
  await page.getByLabel("Chercher une commune ou une section").fill("Petite Anse");
  await page.getByRole("button", { name: "Chercher" }).click();
  await page.getByRole("link", { name: "3e section Petit Anse" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commune : Cap-Haïtien");
  await expect(page.locator("tfoot, table").first()).toBeVisible();
});

test("an administrator adds a commune created after 2018, then one of its sections", async ({ page }) => {
  await signInAs(page, "admin@makon.ht");
  await page.goto("/geographie/HT05");
  const form = page.getByRole("region", { name: "Ajouter une commune" });
  await form.getByRole("button", { name: "Ajouter la commune" }).click();
  await expect(form.getByText("Ce champ est obligatoire.")).toBeVisible();
  await expect(form.getByLabel("Nom de la commune")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Arrondissement").selectOption({ label: "Saint-Marc (HT053)" });
  await form.getByLabel("Nom de la commune").fill("Liancourt");
  await form.getByRole("button", { name: "Ajouter la commune" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Commune : Liancourt");
  await expect(page.getByText("Aucune section enregistrée.")).toBeVisible();

  const sectionForm = page.getByRole("region", { name: "Ajouter une section communale" });
  await sectionForm.getByLabel("Nom de la section").fill("Bastien");
  await sectionForm.getByRole("button", { name: "Ajouter la section" }).click();
  await expect(page.getByRole("row", { name: /Bastien/ })).toContainText("HT0534-01");

  await page.goto("/geographie?q=liancourt");
  await expect(page.getByRole("link", { name: "Liancourt", exact: true })).toHaveAttribute("href", "/geographie/HT05/HT0534");
});

test("forms work before JavaScript: sign in with a phone number and switch language", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();
  await page.getByLabel("Courriel ou téléphone").fill("3700 0003");
  await page.getByLabel("Mot de passe", { exact: true }).fill("makon-demo-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("banner").getByText("Délégué·e · Makòn Limonade")).toBeVisible();
  await page.getByRole("banner").getByRole("button", { name: "Kreyòl" }).click();
  await expect(page.getByRole("banner").getByText("Delege · Makòn Limonade")).toBeVisible();
  await context.close();
});
