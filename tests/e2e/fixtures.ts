import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const test = base.extend({
  // The server started by the global setup listens on a free port.
  baseURL: async ({}, use) => use(process.env.MAKON_E2E_URL),
});
export { expect };

/**
 * Signs a page's browser context in as the account with this e-mail, by adding a session to
 * the server's database and its cookie to the context: what a successful sign-in leaves.
 * The sign-in form itself is tested in foundation.spec.ts.
 */
export async function signInAs(page: Page, email: string) {
  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    const user = db.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: string } | undefined;
    if (!user) throw new Error(`no account ${email}`);
    const id = randomBytes(20).toString("hex");
    db.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)").run(id, user.id, Math.floor(Date.now() / 1000) + 3600);
    await page.context().addCookies([{ name: "makon_session", value: id, url: process.env.MAKON_E2E_URL!, httpOnly: true, sameSite: "Lax" }]);
  } finally {
    db.close();
  }
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

/** Reads the server's database (what a page cannot show: rows, counts), then lets it go. */
export function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(process.env.MAKON_E2E_DB!, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** A space of its own, so that nothing else the suite does shows in its lists. */
export function newSpace(name: string): string {
  const db = new Database(process.env.MAKON_E2E_DB!);
  try {
    const row = db
      .prepare("INSERT INTO spaces (name, level, commune_code, section_code, setting, description, status, created_at) VALUES (?, 'commune', 'HT0313', NULL, 'rural', '', 'active', ?) RETURNING id")
      .get(name, Date.now()) as { id: number };
    return `/espaces/${row.id}`;
  } finally {
    db.close();
  }
}
