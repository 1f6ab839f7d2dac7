import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { organisationContacts, organisations, spaces } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

let server: TestServer;
let admin: string;
let facilitator: string;
let delegate: string;
let official: string;
beforeAll(async () => {
  server = await startTestServer();
  [admin, facilitator, delegate, official] = await Promise.all(
    ["admin@makon.ht", "animateur@makon.ht", "delegue@makon.ht", "casec@makon.ht"].map((email) => signInCookie(server.url, email)),
  );
});
afterAll(() => server.stop());

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

const organisation = { intent: "register", name: "Gwoupman Fanm Wòch", type: "women", joinedOn: "2026-02-01", ledByWoman: "on" };

describe("register pages", () => {
  it("let the space's facilitator register an organisation, with errors next to the fields", async () => {
    const bad = await post("/espaces/1/organisations/nouvelle", { ...organisation, name: "", type: "", joinedOn: "hier" }, facilitator);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Choisissez le type d&#x27;organisation.");
    expect(html).toContain("Date invalide");
    const ok = await post("/espaces/1/organisations/nouvelle", organisation, facilitator);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toMatch(/^\/espaces\/1\/organisations\/\d+$/);
    // The page it leads to says it was done, to who did it (in their language), not to others.
    const landed = await (await get(ok.headers.get("location")!, facilitator)).text();
    expect(landed).toMatch(/data-testid="status-line">Organisation enregistrée\./);
    expect(await (await get(ok.headers.get("location")!, `${facilitator}; makon_lang=ht`)).text()).toMatch(/data-testid="status-line">Òganizasyon an anrejistre\./);
    expect(await (await get(ok.headers.get("location")!, admin)).text()).not.toMatch(/data-testid="status-line">/);
    const page = await (await get("/espaces/1")).text();
    expect(page).toContain("Gwoupman Fanm Wòch");
  });

  it("refuse everyone else on the server, changing nothing", async () => {
    const before = server.db.select().from(organisations).all().length;
    expect((await post("/espaces/1/organisations/nouvelle", organisation, delegate)).status).toBe(403);
    expect((await post("/espaces/1/organisations/nouvelle", organisation, official)).status).toBe(403);
    // The facilitator of Limonade is nobody in Petite-Anse.
    expect((await post("/espaces/2/organisations/nouvelle", organisation, facilitator)).status).toBe(403);
    const anonymous = await post("/espaces/1/organisations/nouvelle", organisation);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/connexion");
    expect(server.db.select().from(organisations).all().length).toBe(before);
    expect((await get("/espaces/1/delegues.csv", delegate)).status).toBe(403);
    expect((await get("/espaces/1/import", official)).status).toBe(403);
  });

  it("keep creating and configuring spaces to administrators", async () => {
    const form = {
      intent: "space",
      name: "Makòn Quartier-Morin",
      level: "commune",
      communeCode: "HT0312",
      sectionCode: "",
      setting: "rural",
      description: "",
      status: "active",
      votingBase: "organisation",
      quorumPercent: "50",
      majorityRule: "simple",
      titularSeats: "1",
      substituteSeats: "1",
    };
    expect((await post("/espaces/nouveau", form, facilitator)).status).toBe(403);
    const invalid = await post("/espaces/nouveau?commune=HT0312", { ...form, quorumPercent: "150", level: "section" }, admin);
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain("Un pourcentage entre 1 et 100.");
    expect(html).toContain("Choisissez la section d&#x27;un espace de niveau section.");
    const created = await post("/espaces/nouveau?commune=HT0312", form, admin);
    expect(created.status).toBe(302);
    const id = Number(created.headers.get("location")!.split("/").pop());
    expect(server.db.select().from(spaces).where(eq(spaces.id, id)).get()).toMatchObject({ name: "Makòn Quartier-Morin", communeCode: "HT0312" });
    expect(await (await get(`/espaces/${id}`, admin)).text()).toMatch(/data-testid="status-line">Espace créé\./);
    expect((await post(`/espaces/${id}/reglages`, { ...form, status: "dormant" }, facilitator)).status).toBe(403);
    expect((await post(`/espaces/${id}/reglages`, { ...form, status: "dormant" }, admin)).status).toBe(302);
    expect(server.db.select().from(spaces).where(eq(spaces.id, id)).get()!.status).toBe("dormant");
    expect(await (await get(`/espaces/${id}`, admin)).text()).toMatch(/data-testid="status-line">Réglages enregistrés\./);
  });

  it("say a delegate was seated, on the page the form leads to", async () => {
    const apwolim = server.db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!;
    const seated = await post("/espaces/1/delegues/nouveau", { name: "Nadège Célestin", sex: "female", birthYear: "1994", organisationId: String(apwolim.id), seat: "substitute", fromDate: "2026-02-01" }, facilitator);
    expect(seated.status).toBe(302);
    expect(await (await get(seated.headers.get("location")!, facilitator)).text()).toMatch(/data-testid="status-line">Nadège Célestin est enregistré·e comme délégué·e\./);
    expect(await (await get(seated.headers.get("location")!, delegate)).text()).not.toMatch(/data-testid="status-line">/);
  });

  it("export the register as CSV that Excel opens with accents", async () => {
    const response = await get("/espaces/1/organisations.csv", facilitator);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="organisations-.*\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe("Nom;Sigle;Type;Section;Contact;Téléphone;Courriel;Année de fondation;Reconnue;Dirigée par une femme;Dirigée par un jeune;Date d'adhésion;Membres femmes;Membres hommes");
    expect(text).toContain("Gwoupman Fanm Wòch;;Groupement de femmes;;;;;;Non;Oui;Non;2026-02-01;;");
  });

  it("keep the contact given when registering as this space's own, shown to its facilitator and exported", async () => {
    const created = await post("/espaces/1/organisations/nouvelle", { ...organisation, name: "MUSO Kontak", contactName: "Solange Pyè", phone: "3712 3456", email: "solange@example.ht" }, facilitator);
    expect(created.status).toBe(302);
    const id = Number(created.headers.get("location")!.split("/").pop());
    expect(server.db.select({ spaceId: organisationContacts.spaceId, contactName: organisationContacts.contactName, phone: organisationContacts.phone }).from(organisationContacts).where(eq(organisationContacts.organisationId, id)).all()).toEqual([
      { spaceId: 1, contactName: "Solange Pyè", phone: "+50937123456" },
    ]);
    expect(await (await get(`/espaces/1/organisations/${id}`, facilitator)).text()).toContain("Solange Pyè · +50937123456 · solange@example.ht");
    for (const cookie of [undefined, delegate, official]) expect(await (await get(`/espaces/1/organisations/${id}.data`, cookie)).text()).not.toContain("Solange");
    expect(await (await get("/espaces/1/organisations.csv", facilitator)).text()).toContain("MUSO Kontak;;Groupement de femmes;;Solange Pyè;'+50937123456;solange@example.ht;");
  });
});
