import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend({
  // The server started by the global setup listens on a free port.
  baseURL: async ({}, use) => use(process.env.MAKON_E2E_URL),
});
export { expect };

export async function signIn(page: Page, identifier: string, password = "makon-demo-2026") {
  await page.goto("/connexion");
  await page.getByLabel(/Courriel ou téléphone|Imèl oswa telefòn/).fill(identifier);
  await page.getByLabel(/^(Mot de passe|Modpas)$/).fill(password);
  await page.getByRole("button", { name: /^(Se connecter|Konekte)$/ }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: /^(Se déconnecter|Dekonekte)$/ })).toBeVisible();
}

/** Imports a CSV into a space's register through the import page (check, then import). */
export async function importCsv(page: Page, space: string, kind: "Des organisations" | "Des délégué·es", csv: string) {
  await page.goto(`${space}/import`);
  await page.getByLabel(kind).check();
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "import.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await page.getByRole("button", { name: /^Importer les \d+ lignes$/ }).click();
  await expect(page.getByRole("status")).toContainText("lignes importées");
}
