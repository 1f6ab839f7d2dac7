import { expect, signInAs, test } from "./fixtures";

const TYPES = ["Groupement de femmes", "MUSO", "Association de jeunes", "Coopérative", "Association paysanne"];
const SECTIONS = ["1", "Bois de Lance", "3e section Roucou"];

function organisationsCsv(fixed: boolean): string {
  const lines = ["Nom;Sigle;Type;Section;Dirigée par une femme;Date d'adhésion"];
  for (let i = 1; i <= 20; i++) {
    let type = TYPES[i % TYPES.length]!;
    let section = SECTIONS[i % SECTIONS.length]!;
    if (!fixed && i === 7) type = "Club de football";
    if (!fixed && i === 15) section = "Section 9";
    lines.push(`Òganizasyon ${i};O${i};${type};${section};${i % 2 === 0 ? "oui" : "non"};15/01/2026`);
  }
  return lines.join("\r\n") + "\r\n";
}

test("a facilitator imports 20 organisations, fixes two bad rows, and sees the composition change", async ({ page }) => {
  await signInAs(page, "animateur@makon.ht");
  await page.goto("/espaces/1");
  // The demo seats one organisation (a cooperative) and its delegate (a woman of 36) here.
  await expect(page.getByTestId("organisation-count")).toContainText("1");

  await page.getByRole("link", { name: "Importer un fichier CSV" }).click();
  await page.getByLabel("Des organisations").check();
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "organisations.csv", mimeType: "text/csv", buffer: Buffer.from(organisationsCsv(false), "utf8") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: "2 problème(s) à corriger" })).toBeVisible();
  const problems = page.getByTestId("import-errors");
  // Each bad value quoted, with what would have been accepted.
  await expect(problems.getByRole("row", { name: /^8 Type .*Club de football.* Valeur inconnue Une de ces valeurs : Organisation de base/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /^16 Section .*Section 9.* Section inconnue dans ce territoire Un numéro ou un nom de section/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Importer les/ })).toHaveCount(0);
  // The good rows could go in now, the two bad ones left for later; this facilitator fixes the file instead.
  await expect(page.getByRole("button", { name: "Importer seulement les 18 lignes correctes" })).toBeVisible();

  await page.getByLabel("Fichier CSV").setInputFiles({ name: "organisations.csv", mimeType: "text/csv", buffer: Buffer.from(organisationsCsv(true), "utf8") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("heading", { name: "20 ligne(s) prête(s) à importer" })).toBeVisible();
  await page.getByRole("button", { name: "Importer les 20 lignes" }).click();

  await expect(page.getByRole("status")).toHaveText("20 lignes importées.");
  await expect(page.getByTestId("organisation-count")).toContainText("21");
  await expect(page.getByTestId("organisations-by-type").getByRole("row", { name: /Groupement de femmes/ })).toContainText("4");
  await expect(page.getByTestId("members").getByRole("row")).toHaveCount(22);
  await expect(page.getByText("Chaque section a au moins une organisation membre.")).toBeVisible();

  // Delegates from an older Excel: Windows-1252, semicolons.
  const delegates = ["Nom;Sexe;Année de naissance;Organisation;Siège", "Roseline Désir;F;2001;O1;titulaire", "Marie-Thérèse Jean;F;1970;O2;titulaire", "Ketly Noël;F;1999;O3;titulaire", "Jean-Baptiste Pierre;H;1980;O4;titulaire"].join("\r\n");
  await page.getByRole("link", { name: "Importer un fichier CSV" }).click();
  await page.getByLabel("Des délégué·es").check();
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "delegues.csv", mimeType: "text/csv", buffer: Buffer.from(delegates, "latin1") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByText("Fichier lu en Windows-1252")).toBeVisible();
  await expect(page.getByTestId("import-rows")).toContainText("Marie-Thérèse Jean");
  await page.getByRole("button", { name: "Importer les 4 lignes" }).click();
  // Four women of five delegates; two young people of five.
  await expect(page.getByTestId("women-share")).toContainText("80");
  await expect(page.getByTestId("youth-share")).toContainText("40");
  await expect(page.getByTestId("delegates")).toContainText("Roseline Désir");

  // The export opens in Excel with accents intact, and reads back.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter les délégué·es (CSV pour Excel)" }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString("utf8")).toContain("Marie-Thérèse Jean;Femme;1970;36–59 ans");
});

test("a delegate sees the space but cannot change its register", async ({ page }) => {
  await signInAs(page, "delegue@makon.ht");
  await page.goto("/espaces/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Makòn Limonade");
  await expect(page.getByRole("link", { name: "Inscrire une organisation" })).toHaveCount(0);
  const response = await page.goto("/espaces/1/import");
  expect(response?.status()).toBe(403);
});
