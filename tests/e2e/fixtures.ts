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
