import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, delegateSeats, organisationContacts, organisations, spaceMemberships } from "../../db/schema/index";
import { localDate } from "../../app/modules/dates";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * Issue 11, point 2: an organisation that two spaces of one commune share. Makòn Limonade (the
 * demo's space 1) registered APWOLIM, keeps its contact and seats Rose-Andrée as its delegate;
 * a second space of the same commune, Makòn Bois de Lance, admits it. Its facilitator must
 * not read Limonade's contact, may edit the shared record (Limonade sees the change and has it
 * in its audit), may not archive it from under Limonade, and leaving touches only its own rows.
 */
let server: TestServer;
let admin: string;
let limonadeFacilitator: string;
let delegate: string;
let boisFacilitator: string;
let bois: number;
let apwolim: number;
const LIMONADE = 1;
const today = localDate(Date.now());
const limonadeContact = { contactName: "Mèt Jozèf Lèt", phone: "3700 1122", stored: "+50937001122", email: "lait.limonade@example.ht" };
const boisContact = { contactName: "Ti Jak Bwadlans", phone: "3799 8877", stored: "+50937998877" };

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const text = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
};
const page = (spaceId: number) => `/espaces/${spaceId}/organisations/${apwolim}`;
/** The shared record as the edit form sends it. */
const record = (extra: Record<string, string> = {}) => ({ intent: "update", name: "Association des producteurs de lait de Limonade", acronym: "APWOLIM", type: "cooperative", legallyRecognised: "on", ...extra });

function expectNone(body: string, values: readonly string[]) {
  for (const value of values) expect(body).not.toContain(value);
}
const limonadeSecrets = [limonadeContact.contactName, limonadeContact.stored, limonadeContact.email];
const boisSecrets = [boisContact.contactName, boisContact.stored];

/** What Limonade has of APWOLIM: its membership, its delegate's seat, the record's archive mark. */
const limonadeRows = () => ({
  archivedAt: server.db.select({ archivedAt: organisations.archivedAt }).from(organisations).where(eq(organisations.id, apwolim)).get()!.archivedAt,
  membership: server.db
    .select({ joinedOn: spaceMemberships.joinedOn, leftOn: spaceMemberships.leftOn })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, LIMONADE), eq(spaceMemberships.organisationId, apwolim)))
    .all(),
  seats: server.db
    .select({ fromDate: delegateSeats.fromDate, toDate: delegateSeats.toDate })
    .from(delegateSeats)
    .where(and(eq(delegateSeats.spaceId, LIMONADE), eq(delegateSeats.organisationId, apwolim)))
    .all(),
  contact: server.db
    .select({ contactName: organisationContacts.contactName, phone: organisationContacts.phone, email: organisationContacts.email })
    .from(organisationContacts)
    .where(and(eq(organisationContacts.spaceId, LIMONADE), eq(organisationContacts.organisationId, apwolim)))
    .get(),
});

beforeAll(async () => {
  server = await startTestServer();
  [admin, limonadeFacilitator, delegate] = await Promise.all(["admin@makon.ht", "animateur@makon.ht", "delegue@makon.ht"].map((email) => signInCookie(server.url, email)));
  apwolim = server.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  // Limonade records its own contact for APWOLIM.
  expect((await post(page(LIMONADE), record({ contactName: limonadeContact.contactName, phone: limonadeContact.phone, email: limonadeContact.email }), limonadeFacilitator)).status).toBe(200);
  // An administrator opens a second space in the same commune and gives it a facilitator (who reads Kreyòl).
  const created = await post(
    "/espaces/nouveau?commune=HT0313",
    {
      intent: "space",
      name: "Makòn Bois de Lance",
      level: "section",
      communeCode: "HT0313",
      sectionCode: "HT0313-02",
      setting: "rural",
      description: "",
      status: "active",
      votingBase: "organisation",
      quorumPercent: "50",
      majorityRule: "simple",
      titularSeats: "1",
      substituteSeats: "1",
    },
    admin,
  );
  expect(created.status).toBe(302);
  bois = Number(created.headers.get("location")!.split("/").pop());
  const account = await post(
    "/admin/comptes/nouveau",
    { name: "Anne Bwadlans", email: "bois@makon.ht", phone: "", password: "bwadlans-2026-long", role: "facilitator", spaceId: String(bois), locale: "ht" },
    admin,
  );
  expect(account.status).toBe(302);
  boisFacilitator = await signInCookie(server.url, "bois@makon.ht", "bwadlans-2026-long");
  // Bois de Lance admits APWOLIM, with a contact of its own: the admission form shows none of Limonade's.
  const admission = await text(`/espaces/${bois}/organisations/nouvelle`, boisFacilitator);
  expect(admission).toContain("Kontak ou mete la a rete nan espas sa a.");
  expect(admission).not.toContain("⟦");
  expectNone(admission, limonadeSecrets);
  const admitted = await post(`/espaces/${bois}/organisations/nouvelle`, { intent: "admit", organisationId: String(apwolim), joinedOn: today, contactName: boisContact.contactName, phone: boisContact.phone }, boisFacilitator);
  expect(admitted.status).toBe(302);
});
afterAll(() => server.stop());

describe("an organisation shared by two spaces of one commune", () => {
  it("shows the second space's facilitator none of the first space's contact, on the page or in its .data", async () => {
    for (const path of [page(bois), `${page(bois)}.data`]) {
      const body = await text(path, boisFacilitator);
      expect(body).toContain("APWOLIM");
      expect(body).toContain(boisContact.contactName);
      expectNone(body, limonadeSecrets);
    }
    // Nor on Limonade's page, where it keeps no register.
    for (const path of [page(LIMONADE), `${page(LIMONADE)}.data`]) expectNone(await text(path, boisFacilitator), [...limonadeSecrets, ...boisSecrets]);
  });

  it("still shows the first space's facilitator its own contact, and each space's CSV exports its own", async () => {
    for (const path of [page(LIMONADE), `${page(LIMONADE)}.data`]) {
      const body = await text(path, limonadeFacilitator);
      expect(body).toContain(limonadeContact.contactName);
      expect(body).toContain(limonadeContact.email);
      expectNone(body, boisSecrets);
    }
    const limonadeCsv = await text(`/espaces/${LIMONADE}/organisations.csv`, limonadeFacilitator);
    expect(limonadeCsv).toContain(limonadeContact.stored);
    expectNone(limonadeCsv, boisSecrets);
    const boisCsv = await text(`/espaces/${bois}/organisations.csv`, boisFacilitator);
    expect(boisCsv).toContain(boisContact.stored);
    expectNone(boisCsv, limonadeSecrets);
  });

  it("gives visitors and members the shared record as a view: no contact, no row fields", async () => {
    // The page's own loader data only (the root's carries every message key, "error.communeCode" among them).
    const routeData = (spaceId: number) => `${page(spaceId)}.data?_routes=${encodeURIComponent("routes/espaces.$spaceId.organisations.$organisationId")}`;
    for (const cookie of [undefined, delegate]) {
      for (const spaceId of [LIMONADE, bois]) {
        expectNone(await text(`${page(spaceId)}.data`, cookie), [...limonadeSecrets, ...boisSecrets]);
        const body = await text(routeData(spaceId), cookie);
        expect(body).toContain("Association des producteurs de lait de Limonade");
        expect(body).toContain("Makòn Bois de Lance");
        expectNone(body, [...limonadeSecrets, ...boisSecrets, ...["contactName", "phone", "archivedAt", "createdAt", "communeCode", "sectionCode", "currentMembership", "sharedWith", "lastChange", "spaceId", "organisationId"].map((key) => `"${key}"`)]);
      }
    }
  });

  it("lets the second space edit the shared record: the first space shows it, has it in its audit, and keeps its contact", async () => {
    const renamed = "Asosyasyon Pwodiktè Lèt Limonad";
    const response = await post(page(bois), record({ name: renamed, ledByWoman: "on", contactName: boisContact.contactName, phone: boisContact.phone }), boisFacilitator);
    expect(response.status).toBe(200);
    const entries = server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.update"), eq(auditLog.subjectType, "organisation"), eq(auditLog.subjectId, String(apwolim))))
      .all()
      .filter((e) => (e.after as { name?: string }).name === renamed);
    expect(entries.map((e) => e.spaceId).sort()).toEqual([LIMONADE, bois].sort());
    expect(entries[0]!.before).toEqual(entries[1]!.before);
    expect(entries[0]!.after).toEqual(entries[1]!.after);
    expect(entries[0]!.before).toMatchObject({ name: "Association des producteurs de lait de Limonade", ledByWoman: false });
    expectNone(JSON.stringify(entries), [...limonadeSecrets, ...boisSecrets]);
    // Limonade's public page shows the new name; its facilitator sees who changed it, and still its own contact.
    expect(await text(page(LIMONADE))).toContain(renamed);
    const limonadeView = await text(page(LIMONADE), limonadeFacilitator);
    expect(limonadeView).toContain("Dernière modification par Makòn Bois de Lance le");
    expect(limonadeView).toContain("Ces informations sont partagées avec : Makòn Bois de Lance.");
    expect(limonadeView).not.toContain("⟦");
    // Bois de Lance's facilitator reads it in Kreyòl.
    const boisView = await text(page(bois), boisFacilitator);
    expect(boisView).toContain("Dènye chanjman an soti nan Makòn Bois de Lance");
    expect(boisView).toContain("Enfòmasyon sa yo pataje ak : Makòn Limonade.");
    expect(boisView).not.toContain("⟦");
    expect(limonadeRows().contact).toEqual({ contactName: limonadeContact.contactName, phone: limonadeContact.stored, email: limonadeContact.email });
  });

  it("refuses to archive it while another space counts it as a member, in each one's language, changing nothing", async () => {
    const before = limonadeRows();
    const archives = () => server.db.select().from(auditLog).where(eq(auditLog.action, "organisation.archive")).all().length;
    const archivesBefore = archives();
    const fromBois = await post(page(bois), { intent: "archive", confirm: "1" }, boisFacilitator);
    expect(fromBois.status).toBe(400);
    expect(await fromBois.text()).toContain("Òganizasyon sa a manm lòt espas tou : Makòn Limonade. Retire l nan espas sa a olye w achive l.");
    const fromLimonade = await post(page(LIMONADE), { intent: "archive", confirm: "1" }, limonadeFacilitator);
    expect(fromLimonade.status).toBe(400);
    expect(await fromLimonade.text()).toContain("Cette organisation est aussi membre de : Makòn Bois de Lance. Retirez-la de cet espace plutôt que de l&#x27;archiver.");
    // Deleting is refused too: it has a history in Limonade.
    expect((await post(page(bois), { intent: "delete", confirm: "1" }, boisFacilitator)).status).toBe(400);
    expect(limonadeRows()).toEqual(before);
    expect(before.archivedAt).toBeNull();
    expect(before.membership).toEqual([{ joinedOn: expect.any(String), leftOn: null }]);
    expect(before.seats).toEqual([{ fromDate: expect.any(String), toDate: null }]);
    expect(archives()).toBe(archivesBefore);
  });

  it("lets the second space leave without touching the first space's membership or its delegate's seat, and no longer edit it", async () => {
    const before = limonadeRows();
    expect((await post(page(bois), { intent: "leave", confirm: "1", leftOn: today }, boisFacilitator)).status).toBe(200);
    expect(server.db.select({ leftOn: spaceMemberships.leftOn }).from(spaceMemberships).where(and(eq(spaceMemberships.spaceId, bois), eq(spaceMemberships.organisationId, apwolim))).get()).toEqual({ leftOn: today });
    expect(limonadeRows()).toEqual(before);
    expect(before.seats).toEqual([{ fromDate: expect.any(String), toDate: null }]);
    // A former member space edits the shared record no more.
    const edit = await post(page(bois), record({ name: "Pran kontwòl" }), boisFacilitator);
    expect(edit.status).toBe(400);
    expect(server.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, apwolim)).get()!.name).toBe("Asosyasyon Pwodiktè Lèt Limonad");
    expect(await text(page(bois), boisFacilitator)).not.toContain('name="intent" value="update"');
  });
});
