import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { authorities, delegateSeats, meetingSessions, organisations, people, sessions, users } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * Every page, in both languages, gets the messages it shows and no others: a page missing a
 * domain shows ⟦keys⟧; and the language it was not asked in is not in it. And no page's GET
 * writes anything.
 */
let server: TestServer;
let admin: string;
const pages: string[] = [];

const post = (path: string, form: Record<string, string>) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: admin }, redirect: "manual" });

async function meeting(title: string, then: "planned" | "live" | "closed") {
  const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title, startsAt: "2026-12-05T09:00", place: "Lekòl" });
  const path = created.headers.get("location")!;
  await post(path, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" });
  await post(`${path}/presences`, { intent: "walkin", name: "Moun", sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" });
  if (then !== "planned") await post(path, { intent: "start" });
  if (then === "closed") await post(path, { intent: "close", confirm: "1" });
  return { path, id: Number(path.split("/").pop()) };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await signInCookie(server.url, "admin@makon.ht");
  const planned = await meeting("Planifye", "planned");
  const live = await meeting("Dirèk", "live");
  const closed = await meeting("Fèmen", "closed");
  const token = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, live.id)).get()!.screenToken;
  const organisationId = server.db.select({ id: organisations.id }).from(organisations).get()!.id;
  const personId = server.db.select({ id: people.id }).from(people).get()!.id;
  const userId = server.db.select({ id: users.id }).from(users).where(eq(users.email, "delegue@makon.ht")).get()!.id;
  // A motion submitted by the demo's delegate, amended, admitted to the live meeting where a poll is open on nothing else.
  const delegate = await signInCookie(server.url, "delegue@makon.ht");
  const delegatePerson = server.db.select({ id: people.id }).from(people).where(eq(people.userId, userId)).get()!.id;
  const seatOrganisation = String(server.db.select({ id: delegateSeats.organisationId }).from(delegateSeats).where(eq(delegateSeats.personId, delegatePerson)).get()!.id);
  const asDelegate = (path: string, form: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: delegate }, redirect: "manual" });
  const motion = (await asDelegate("/espaces/1/motions/nouvelle", { organisationId: seatOrganisation, title: "Fontèn Roucou", text: "Premye paragraf.\n\nDezyèm paragraf.", rationale: "", theme: "water", authorityId: "" })).headers.get("location")!;
  await asDelegate(motion, { intent: "submit" });
  await asDelegate(motion, { intent: "amend", organisationId: seatOrganisation, paragraph: "1", replacement: "Dezyèm paragraf chanje.", rationale: "" });
  await post(motion, { intent: "admit", targetId: motion.split("/").pop()!, meetingId: String(live.id) });
  await post(`${live.path}/console`, { intent: "poll-open", question: "Kesyon?", motionId: "", method: "hybrid", majority: "simple", presenceQuorumPercent: "", turnoutQuorumPercent: "" });
  // A commitment answering the motion, with a photo, for the boards and its own page.
  const casecId = String(server.db.select({ id: authorities.id }).from(authorities).get()!.id);
  const commitment = (await post("/espaces/1/engagements/nouveau", { authorityId: casecId, officialId: "", office: "Biwo CASEC", title: "Fontèn Roucou", text: "Repare fontèn nan.", theme: "water", motionId: motion.split("/").pop()!, meetingId: "", sectionCode: "", dueDate: `${new Date().getFullYear() + 1}-01-31`, isPublic: "on" })).headers.get("location")!;
  // Reports: a draft sheet in Kreyòl, and a periodic report published (its page, print and an earlier version).
  const report = (fields: Record<string, string>) => post("/rapports/nouveau", { scopeKind: "space", spaceId: "1", periodKind: "year", year: String(new Date().getFullYear()), title: "", ...fields }).then((r) => r.headers.get("location")!);
  const draftReport = await report({ template: "sheet", locale: "ht" });
  const publishedReport = await report({ template: "periodic", locale: "fr" });
  await post(publishedReport, { intent: "publish", confirm: "1" });
  pages.push(
    "/",
    "/connexion",
    "/compte",
    "/geographie",
    "/geographie/HT03",
    "/geographie/HT03/HT0313",
    "/espaces/nouveau",
    "/espaces/1",
    "/espaces/1/reglages",
    "/espaces/1/import",
    "/espaces/1/autorites",
    "/espaces/1/delegues/nouveau",
    "/espaces/1/organisations/nouvelle",
    `/espaces/1/organisations/${organisationId}`,
    `/espaces/1/personnes/${personId}/compte`,
    "/espaces/1/reunions/nouvelle",
    planned.path,
    `${planned.path}/modifier`,
    live.path,
    `${live.path}/presences`,
    `${live.path}/console`,
    `${live.path}/direct`,
    `${live.path}/comptage`,
    `${live.path}/feuille`,
    `${live.path}/saisie`,
    `${live.path}/bulletins`,
    "/espaces/1/motions",
    motion,
    "/espaces/1/engagements",
    "/espaces/1/engagements?state=overdue",
    "/espaces/1/engagements/nouveau",
    commitment,
    "/redevabilite/HT0313",
    "/mes-engagements",
    `/arrivee/${live.id}`,
    closed.path,
    `${closed.path}/imprimer`,
    `/ecran/${token}`,
    "/rapports",
    "/rapports/nouveau",
    draftReport,
    publishedReport,
    `${publishedReport}?version=1`,
    `${publishedReport}/imprimer`,
    "/admin/comptes",
    "/admin/comptes/nouveau",
    `/admin/comptes/${userId}`,
  );
});
afterAll(() => server.stop());

describe("every page", () => {
  for (const [lang, other] of [["fr", "Mande lapawòl"], ["ht", "Demander la parole"]] as const) {
    it(`has all the messages it shows, in ${lang}, and not the other language's`, async () => {
      const missing: string[] = [];
      for (const page of pages) {
        const response = await fetch(`${server.url}${page}`, { headers: { Cookie: `${admin}; makon_lang=${lang}` } });
        const html = await response.text();
        expect({ page, status: response.status }).toEqual({ page, status: 200 });
        for (const m of html.matchAll(/⟦([^⟧]+)⟧/g)) missing.push(`${page}: ${m[1]}`);
        if (!page.startsWith("/ecran/")) expect({ page, other: html.includes(other) }).toEqual({ page, other: false });
      }
      expect(missing).toEqual([]);
    });
  }
});

describe("an address no page has", () => {
  it("answers 404 in the reader's language, through the layout", async () => {
    for (const [lang, text] of [["fr", "Page introuvable"], ["ht", "Nou pa jwenn paj sa a"]] as const) {
      const response = await fetch(`${server.url}/pa-gen-paj-sa-a`, { headers: { Cookie: `makon_lang=${lang}` } });
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain(`lang="${lang}"`);
      expect(html).toContain(text);
      expect(html).not.toContain("⟦");
    }
  });
});

describe("a GET", () => {
  it("never writes, not even to extend a session past half its life; a form post does", async () => {
    const sessionId = admin.split("=")[1]!;
    const tenDays = Math.floor(Date.now() / 1000) + 10 * 24 * 3600;
    server.db.update(sessions).set({ expiresAt: tenDays }).where(eq(sessions.id, sessionId)).run();
    const changes = () => (server.db.$client.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    const before = changes();
    for (const page of pages) expect((await fetch(`${server.url}${page}`, { headers: { Cookie: admin } })).status).toBe(200);
    expect(changes()).toBe(before);
    expect(server.db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.expiresAt).toBe(tenDays);
    // The next state-changing request extends it, as a sliding session does.
    await fetch(`${server.url}/langue`, { method: "POST", body: new URLSearchParams({ lang: "fr", redirectTo: "/" }), headers: { Cookie: admin }, redirect: "manual" });
    expect(server.db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.expiresAt).toBeGreaterThan(tenDays);
  });
});
