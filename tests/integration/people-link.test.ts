import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, delegateSeats, organisations, people, users } from "../../db/schema/index";
import { loadActor } from "../../app/modules/auth/session.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate, setNamedPublicly } from "../../app/modules/people/people.server";
import { actorByEmail } from "../setup/test-db";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

let server: TestServer;
let facilitator: string;
let admin: string;
let delegate: string;
let personId: number;
let otherPersonId: number;

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const page = (id: number) => `/espaces/1/personnes/${id}/compte`;
const userOf = (email: string) => server.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, admin, delegate] = await Promise.all(["animateur@makon.ht", "admin@makon.ht", "delegue@makon.ht"].map((e) => signInCookie(server.url, e)));
  const f = actorByEmail(server.db, "animateur@makon.ht");
  const org = registerOrganisation(server.db, f, 1, { name: "Gwoupman Fanm Limonad", type: "women", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, "2026-01-01", Date.now());
  if (!org.ok) throw new Error(org.code);
  const seat = async (name: string, kind: "titular" | "substitute") => {
    const r = await registerDelegate(server.db, f, 1, { name, sex: "female", birthYear: 1985, ageGroup: null, disability: false, preferredLanguage: null }, { organisationId: org.value.id, seat: kind, fromDate: "2026-01-01" }, { createAccount: false, accountPassword: "" }, Date.now());
    if (!r.ok) throw new Error(r.code);
    return r.value.personId;
  };
  personId = await seat("Marie Jeanne Noël", "titular");
  otherPersonId = await seat("Yolène Paul", "substitute");
  // An account made by an administrator, not yet anybody's.
  expect((await post("/admin/comptes/nouveau", { name: "Marie Jeanne", email: "mj@makon.ht", password: "a long password", role: "delegate", spaceId: "1" }, admin)).status).toBe(302);
});
afterAll(() => server.stop());

describe("linking a person of the register to an account", () => {
  it("is a facilitator's page of that space only", async () => {
    expect((await get(page(personId), facilitator)).status).toBe(200);
    expect((await get(page(personId), delegate)).status).toBe(403);
    expect((await get(page(personId))).status).toBe(302);
    expect((await get(page(999_999), facilitator)).status).toBe(404);
    // A person of another space's register is not found from this one.
    expect((await get(`/espaces/2/personnes/${personId}/compte`, admin)).status).toBe(404);
    expect((await post(page(personId), { intent: "link", identifier: "mj@makon.ht" }, delegate)).status).toBe(403);
    expect(server.db.select().from(people).where(eq(people.id, personId)).get()!.userId).toBeNull();
  });

  it("links by e-mail or phone, refuses what cannot be, and the account then acts with the person's seat", async () => {
    const unknown = await post(page(personId), { intent: "link", identifier: "nobody@makon.ht" }, facilitator);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Aucun compte avec ce courriel ou ce téléphone.");
    // An account of another space only is not found either: the answer tells a facilitator
    // nothing about which addresses have an account on the platform.
    expect((await post("/admin/comptes/nouveau", { name: "Lòt espas", email: "elsewhere@makon.ht", password: "a long password", role: "delegate", spaceId: "2" }, admin)).status).toBe(302);
    const elsewhere = await post(page(personId), { intent: "link", identifier: "elsewhere@makon.ht" }, facilitator);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("Aucun compte avec ce courriel ou ce téléphone.");
    const linked = await post(page(personId), { intent: "link", identifier: "MJ@makon.ht" }, facilitator);
    expect(linked.status).toBe(302);
    expect(await (await get(page(personId), facilitator)).text()).toContain("Lié au compte « Marie Jeanne » (mj@makon.ht)");
    const actor = loadActor(server.db, userOf("mj@makon.ht"));
    expect(actor.personId).toBe(personId);
    expect(actor.seats).toEqual([{ spaceId: 1, organisationId: expect.any(Number), seat: "titular", fromDate: "2026-01-01", toDate: null }]);
    // One account per person, one person per account.
    const again = await post(page(otherPersonId), { intent: "link", identifier: "mj@makon.ht" }, facilitator);
    expect(await again.text()).toContain("Ce compte est déjà lié à une autre personne.");
    const twice = await post(page(personId), { intent: "link", identifier: "admin@makon.ht" }, facilitator);
    expect(await twice.text()).toContain("Cette personne est déjà liée à un compte.");

    // In Kreyòl too.
    const ht = await fetch(`${server.url}${page(otherPersonId)}`, { method: "POST", body: new URLSearchParams({ intent: "link", identifier: "nobody@makon.ht" }), headers: { Cookie: `${facilitator}; makon_lang=ht`, "Accept-Language": "ht" } });
    expect(await ht.text()).toContain("Pa gen kont ak imèl oswa telefòn sa a.");

    expect((await post(page(personId), { intent: "unlink" }, facilitator)).status).toBe(302);
    expect(loadActor(server.db, userOf("mj@makon.ht")).seats).toEqual([]);
    expect(await (await post(page(personId), { intent: "unlink" }, facilitator)).text()).toContain("n&#x27;est liée à aucun compte");
  });

  it("leaves a person another space relies on to an administrator", async () => {
    // Yolène also sits in Petite-Anse, which Limonade's facilitator does not run.
    const organisationId = server.db.select({ id: organisations.id }).from(organisations).get()!.id;
    server.db.insert(delegateSeats).values({ spaceId: 2, organisationId, personId: otherPersonId, seat: "titular", fromDate: "2026-01-01", createdAt: 1 }).run();
    const refused = await post(page(otherPersonId), { intent: "link", identifier: "mj@makon.ht" }, facilitator);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("seul un administrateur peut lier ou délier son compte");
    expect(server.db.select().from(people).where(eq(people.id, otherPersonId)).get()!.userId).toBeNull();
    server.db.delete(delegateSeats).where(and(eq(delegateSeats.personId, otherPersonId), eq(delegateSeats.spaceId, 2))).run();
  });

  it("links from the account's side too: an administrator picks a person of the account's spaces", async () => {
    expect((await post("/admin/comptes/nouveau", { name: "Yolène", email: "yolene@makon.ht", password: "a long password", role: "delegate", spaceId: "1" }, admin)).status).toBe(302);
    const accountPage = `/admin/comptes/${userOf("yolene@makon.ht")}`;
    const html = await (await get(accountPage, admin)).text();
    expect(html).toContain(`value="1:${otherPersonId}"`);
    expect((await post(accountPage, { intent: "link-person", person: "1:999999" }, admin)).status).toBe(400);
    expect((await post(accountPage, { intent: "link-person", person: `1:${otherPersonId}` }, facilitator)).status).toBe(403);
    expect((await post(accountPage, { intent: "link-person", person: `1:${otherPersonId}` }, admin)).status).toBe(200);
    expect(await (await get(accountPage, admin)).text()).toContain("Ce compte agit pour Yolène Paul.");
    expect(loadActor(server.db, userOf("yolene@makon.ht")).seats).toMatchObject([{ spaceId: 1, seat: "substitute" }]);
  });

  it("has the demo delegate and CASEC accounts linked to people with a seat and a mandate", () => {
    expect(loadActor(server.db, userOf("delegue@makon.ht")).seats).toMatchObject([{ spaceId: 1, seat: "titular", toDate: null }]);
    expect(loadActor(server.db, userOf("casec@makon.ht")).mandates).toMatchObject([{ communeCode: "HT0313", start: "2023-01-01" }]);
  });
});

describe("consent to be named publicly, changed after registration", () => {
  const MARIE = "Marie Jeanne Noël";
  const namedPublicly = (id: number) => server.db.select().from(people).where(eq(people.id, id)).get()!.namedPublicly;
  const consentEntries = (id: number) => server.db.select().from(auditLog).where(and(eq(auditLog.action, "person.consent"), eq(auditLog.subjectId, String(id)))).all();
  /** What an anonymous visitor reads on the space's page, and in its data. */
  const publicSpace = async () => (await (await get("/espaces/1")).text()) + (await (await get("/espaces/1.data")).text());

  it("a facilitator turns it on from the person's page: the public space page names the person; off: gone", async () => {
    expect(namedPublicly(personId)).toBe(false);
    expect(await publicSpace()).not.toContain(MARIE);
    const before = await (await get(page(personId), facilitator)).text();
    expect(before).toContain("Son nom peut apparaître sur les pages publiques : listes des délégué·es et présences des réunions publiées. Jamais pour un·e mineur·e.");
    expect(before).toContain("N&#x27;a pas accepté d&#x27;être nommé·e publiquement");
    expect(before).not.toMatch(/name="namedPublicly"[^>]*checked/);

    const on = await post(page(personId), { intent: "consent", namedPublicly: "on" }, facilitator);
    expect(on.status).toBe(302);
    expect(namedPublicly(personId)).toBe(true);
    expect(await publicSpace()).toContain(MARIE);
    const after = await (await get(on.headers.get("location")!, facilitator)).text();
    expect(after).toContain("Accord enregistré.");
    expect(after).toContain("Accepte d&#x27;être nommé·e publiquement.");
    expect(after).toMatch(/name="namedPublicly"[^>]*checked/);
    expect(consentEntries(personId)).toMatchObject([{ spaceId: 1, visibility: "internal", before: { namedPublicly: false }, after: { namedPublicly: true } }]);

    // The same answer again writes nothing more.
    expect((await post(page(personId), { intent: "consent", namedPublicly: "on" }, facilitator)).status).toBe(302);
    expect(consentEntries(personId)).toHaveLength(1);

    // The box unticked withdraws it.
    expect((await post(page(personId), { intent: "consent" }, facilitator)).status).toBe(302);
    expect(namedPublicly(personId)).toBe(false);
    expect(await publicSpace()).not.toContain(MARIE);
    expect(consentEntries(personId)).toHaveLength(2);

    // In Kreyòl too.
    const ht = await (await get(page(personId), `${facilitator}; makon_lang=ht`)).text();
    expect(ht).toContain("Non l ka parèt sou paj piblik yo: lis delege yo ak prezans nan reyinyon ki pibliye yo. Pa janm pou yon minè.");
  });

  it("refuses a delegate, another space's facilitator, and a facilitator for a person another space relies on: nothing changes", async () => {
    expect((await post("/admin/comptes/nouveau", { name: "Animatè Pti Ans", email: "pti-ans@makon.ht", password: "a long password", role: "facilitator", spaceId: "2" }, admin)).status).toBe(302);
    const otherFacilitator = await signInCookie(server.url, "pti-ans@makon.ht", "a long password");
    for (const cookie of [delegate, otherFacilitator]) {
      expect((await post(page(personId), { intent: "consent", namedPublicly: "on" }, cookie)).status).toBe(403);
      // Nor through the other space's address: the person is not of its register.
      expect((await post(`/espaces/2/personnes/${personId}/compte`, { intent: "consent", namedPublicly: "on" }, cookie)).status).toBeGreaterThanOrEqual(403);
    }
    expect((await post(page(personId), { intent: "consent", namedPublicly: "on" })).status).toBe(302);
    // The command itself, for every actor that may not: refused, nothing written.
    const actors = [null, ...["delegue@makon.ht", "casec@makon.ht", "pti-ans@makon.ht"].map((e) => loadActor(server.db, userOf(e)))];
    for (const actor of actors) expect(setNamedPublicly(server.db, actor, 1, personId, true, Date.now())).toEqual({ ok: false, code: "forbidden" });
    // A person of another register, from this space: not found.
    expect(setNamedPublicly(server.db, loadActor(server.db, userOf("animateur@makon.ht")), 1, 999_999, true, Date.now())).toEqual({ ok: false, code: "not_found" });
    expect(namedPublicly(personId)).toBe(false);
    expect(consentEntries(personId)).toHaveLength(2);
    expect(await publicSpace()).not.toContain(MARIE);

    // Yolène also sits in Petite-Anse: her name would show there too, so only an administrator decides.
    const organisationId = server.db.select({ id: organisations.id }).from(organisations).get()!.id;
    server.db.insert(delegateSeats).values({ spaceId: 2, organisationId, personId: otherPersonId, seat: "titular", fromDate: "2026-01-01", createdAt: 1 }).run();
    const refused = await post(page(otherPersonId), { intent: "consent", namedPublicly: "on" }, facilitator);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("seul un administrateur peut changer son accord pour être nommée");
    const refusedHt = await post(page(otherPersonId), { intent: "consent", namedPublicly: "on" }, `${facilitator}; makon_lang=ht`);
    expect(await refusedHt.text()).toContain("se yon administratè sèlman ki ka chanje akò li pou non l parèt");
    expect(namedPublicly(otherPersonId)).toBe(false);
    expect(consentEntries(otherPersonId)).toHaveLength(0);
    expect((await post(page(otherPersonId), { intent: "consent", namedPublicly: "on" }, admin)).status).toBe(302);
    expect(namedPublicly(otherPersonId)).toBe(true);
    expect(await publicSpace()).toContain("Yolène Paul");
    server.db.delete(delegateSeats).where(and(eq(delegateSeats.personId, otherPersonId), eq(delegateSeats.spaceId, 2))).run();
  });
});
