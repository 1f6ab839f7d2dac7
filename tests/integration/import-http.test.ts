import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisationContacts, organisations } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/** The CSV import over HTTP, as a facilitator's browser does it: an old Excel file, a bad row, the good rows imported. */
let server: TestServer;
let facilitator: string;
let delegate: string;
beforeAll(async () => {
  server = await startTestServer();
  [facilitator, delegate] = await Promise.all(["animateur@makon.ht", "delegue@makon.ht"].map((email) => signInCookie(server.url, email)));
});
afterAll(() => server.stop());

const get = (path: string, cookie = facilitator) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });

/** Windows-1252 bytes, as an older French Excel saves "CSV (séparateur : point-virgule)". */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  const high: Record<string, number> = { "’": 0x92, "€": 0x80, "œ": 0x9c };
  return Uint8Array.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

const unescapeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|#x27|#39|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'", amp: "&" })[e]!);

const FILE = [
  "Nom;Sigle;Type;Section;contact;fondée;jeunes;Remarques",
  "Association des Éleveurs de L’Acul;AEA;Association paysanne;1;3700 1111;2010;non;à revoir",
  "Club Sportif Étoile;CSE;club de foot;1;3700 2222;2019;oui;",
  "Jèn Pwogresis Limonade;JPL;Association de jeunes;2;3700 3333;2021;oui;",
  "Association des éleveurs de l'Acul;;Association paysanne;1;;;;",
].join("\r\n");

describe("importing a Windows-1252 file with a bad row", () => {
  let csvText = "";

  it("previews how each column was read, quotes the bad values with what is accepted, and names the line a duplicate repeats", async () => {
    const form = new FormData();
    form.set("intent", "preview");
    form.set("kind", "organisations");
    form.set("file", new Blob([windows1252(FILE)], { type: "text/csv" }), "organisations.csv");
    const response = await fetch(`${server.url}/espaces/1/import`, { method: "POST", body: form, headers: { Cookie: facilitator }, redirect: "manual" });
    expect(response.status).toBe(400);
    const html = await response.text();
    const columns = /<table data-testid="import-columns">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const cells = [...columns.matchAll(/<tr[^>]*><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [unescapeHtml(m[1]!), unescapeHtml(m[2]!)]);
    expect(cells).toEqual([
      ["Nom", "Nom"],
      ["Sigle", "Sigle"],
      ["Type", "Type"],
      ["Section", "Section"],
      ["contact", "Téléphone"],
      ["fondée", "Année de fondation"],
      ["jeunes", "Dirigée par un jeune"],
      ["Remarques", "Ignorée : ne correspond à aucun champ"],
    ]);
    expect(html).toContain("1 colonne(s) ignorée(s)");
    const errors = unescapeHtml(/<table data-testid="import-errors"[^>]*>([\s\S]*?)<\/table>/.exec(html)![1]!);
    expect(errors).toContain("<q>club de foot</q>");
    expect(errors).toContain("Une de ces valeurs : Organisation de base, Groupement de femmes");
    expect(errors).toContain("En double : même nom qu'à la ligne 2");
    expect(html).toContain("Importer seulement les 2 lignes correctes");
    // Accents and the curly apostrophe survive Windows-1252.
    expect(html).toContain("Association des Éleveurs de L’Acul");
    csvText = unescapeHtml(/<textarea name="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!);
    expect(csvText).toContain("Éleveurs de L’Acul");
  });

  it("refuses to import everything while some rows are bad", async () => {
    const before = server.db.select().from(organisations).all().length;
    const response = await fetch(`${server.url}/espaces/1/import`, {
      method: "POST",
      body: new URLSearchParams({ intent: "confirm", kind: "organisations", scope: "all", csv: csvText }),
      headers: { Cookie: facilitator },
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(server.db.select().from(organisations).all().length).toBe(before);
  });

  it("imports the good rows in one go and lists the bad ones as left out", async () => {
    const before = server.db.select().from(organisations).all().length;
    const response = await fetch(`${server.url}/espaces/1/import`, {
      method: "POST",
      body: new URLSearchParams({ intent: "confirm", kind: "organisations", scope: "good", csv: csvText }),
      headers: { Cookie: facilitator },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toBe("/espaces/1/import?importe=2&laissees=3,5");
    expect(server.db.select().from(organisations).all().length).toBe(before + 2);

    const eleveurs = server.db.select().from(organisations).where(eq(organisations.name, "Association des Éleveurs de L’Acul")).get()!;
    expect(eleveurs).toMatchObject({ type: "peasant", yearFounded: 2010, ledByYouth: false });
    const contact = server.db.select().from(organisationContacts).where(eq(organisationContacts.organisationId, eleveurs.id)).get()!;
    expect(contact).toMatchObject({ phone: "+50937001111", contactName: null });
    expect(server.db.select().from(organisations).where(eq(organisations.name, "Jèn Pwogresis Limonade")).get()).toMatchObject({ ledByYouth: true, yearFounded: 2021 });
    expect(server.db.select().from(organisations).where(eq(organisations.name, "Club Sportif Étoile")).get()).toBeUndefined();

    const page = await (await get(location)).text();
    expect(page).toContain("2 ligne(s) importée(s).");
    expect(page).toContain("Laissées de côté pour plus tard : ligne(s) 3, 5.");
  });

  it("says the same in Kreyòl", async () => {
    const page = await (await get("/espaces/1/import?importe=2&laissees=3,5", `${facilitator}; makon_lang=ht`)).text();
    expect(page).toContain("2 liy enpòte.");
    expect(page).toContain("Liy nou kite sou kote pou pita: 3, 5.");
  });
});

describe("the template files", () => {
  for (const [lang, organisationsHeader, delegatesHeader] of [
    ["fr", "Nom;Sigle;Type;Section;Contact;Téléphone;Courriel;Année de fondation", "Nom;Sexe;Année de naissance"],
    ["ht", "Non;Sig;Tip;Seksyon;Kontak;Telefòn;Imèl;Ane fondasyon", "Non;Sèks;Ane nesans"],
  ] as const) {
    it(`download in ${lang}, ready for Excel`, async () => {
      const page = await (await get("/espaces/1/import", `${facilitator}; makon_lang=${lang}`)).text();
      expect(page).toContain(`/espaces/1/import/modele?contenu=organisations&amp;langue=${lang}`);
      const response = await get(`/espaces/1/import/modele?contenu=organisations&langue=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.csv"$/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.subarray(3));
      expect(text.startsWith(organisationsHeader)).toBe(true);
      expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
      const delegates = await (await get(`/espaces/1/import/modele?contenu=delegates&langue=${lang}`)).text();
      expect(delegates.replace(/^\uFEFF/, "").startsWith(delegatesHeader)).toBe(true);
    });
  }

  it("are for the space's facilitators only, and refuse an unknown language", async () => {
    expect((await get("/espaces/1/import/modele?contenu=organisations&langue=fr", delegate)).status).toBe(403);
    expect((await get("/espaces/1/import/modele?contenu=organisations&langue=en")).status).toBe(400);
  });
});
