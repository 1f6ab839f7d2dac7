import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { attendance, auditLog, meetings } from "../../db/schema/index";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { DocumentStore } from "../../server/realtime/persistence";
import { actorByEmail } from "../setup/test-db";
import { connectProvider, synced, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

let server: TestServer;
let admin: string;
let facilitator: string;
let delegate: string;
let official: string;
let organisationId: number;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  [admin, facilitator, delegate, official] = await Promise.all(
    ["admin@makon.ht", "animateur@makon.ht", "delegue@makon.ht", "casec@makon.ht"].map((email) => signInCookie(server.url, email)),
  );
  const f = actorByEmail(server.db, "animateur@makon.ht");
  const org = registerOrganisation(server.db, f, 1, { name: "MUSO Lespwa", acronym: "MLS", type: "muso", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, "2026-01-01", Date.now());
  if (!org.ok) throw new Error(org.code);
  organisationId = org.value.id;
  await registerDelegate(
    server.db,
    f,
    1,
    { name: "Rose Louis", sex: "female", birthYear: 1999, ageGroup: null, disability: false, preferredLanguage: null },
    { organisationId, seat: "titular", fromDate: "2026-01-01" },
    { createAccount: false, accountPassword: "" },
    Date.now(),
  );
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

const plan = { intent: "meeting", kind: "ordinary", title: "Reyinyon ordinè", startsAt: "2026-12-05T09:00", endsAt: "", place: "Lekòl nasyonal" };
const walkIn = { intent: "walkin", name: "Jean Pierre", sex: "male", ageGroup: "60p", organisationId: "", role: "observer" };
const meetingCount = () => server.db.select().from(meetings).all().length;
const rowsOf = (id: number) => server.db.select().from(attendance).where(eq(attendance.meetingId, id)).orderBy(asc(attendance.id)).all();

async function planned(): Promise<string> {
  const created = await post("/espaces/1/reunions/nouvelle", plan, facilitator);
  expect(created.status).toBe(302);
  return created.headers.get("location")!;
}
const idOf = (path: string) => Number(path.split("/").pop());

function minutesClient(cookie: string, id: number) {
  const c = connectProvider(server.url, `meeting:${id}:minutes`, cookie);
  cleanups.push(() => c.provider.destroy());
  return c;
}

describe("planning over HTTP", () => {
  it("lets the space's facilitator plan and change a meeting, with errors next to the fields", async () => {
    const bad = await post("/espaces/1/reunions/nouvelle", { ...plan, title: "", startsAt: "demain" }, facilitator);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Ce champ est obligatoire.");
    expect(html).toContain("Date et heure invalides.");
    const path = await planned();
    expect(path).toMatch(/^\/espaces\/1\/reunions\/\d+$/);
    expect(await (await get(path, facilitator)).text()).toMatch(/data-testid="status-line">Réunion planifiée\./);
    const edited = await post(`${path}/modifier`, { ...plan, title: "Reyinyon ordinè desanm", startsAt: "2026-12-06T10:00" }, facilitator);
    expect(edited.status).toBe(302);
    const row = server.db.select().from(meetings).where(eq(meetings.id, idOf(path))).get()!;
    expect(row.title).toBe("Reyinyon ordinè desanm");
    // 10:00 in Port-au-Prince in December is 15:00 UTC.
    expect(new Date(row.startsAt).toISOString()).toBe("2026-12-06T15:00:00.000Z");
    expect(await (await get("/espaces/1", delegate)).text()).toContain("Reyinyon ordinè desanm");
  });

  it("refuses everyone else on the server, changing nothing", async () => {
    const path = await planned();
    const before = meetingCount();
    for (const cookie of [delegate, official]) {
      expect((await post("/espaces/1/reunions/nouvelle", plan, cookie)).status).toBe(403);
      expect((await post(`${path}/modifier`, { ...plan, title: "X" }, cookie)).status).toBe(403);
      expect((await post(path, { intent: "start" }, cookie)).status).toBe(403);
      expect((await post(`${path}/presences`, walkIn, cookie)).status).toBe(403);
    }
    // The facilitator of Limonade is nobody in Petite-Anse.
    expect((await post("/espaces/2/reunions/nouvelle", plan, facilitator)).status).toBe(403);
    const anonymous = await post(path, { intent: "start" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/connexion");
    expect(meetingCount()).toBe(before);
    expect(server.db.select().from(meetings).where(eq(meetings.id, idOf(path))).get()).toMatchObject({ status: "planned", title: plan.title });
    expect(rowsOf(idOf(path))).toEqual([]);
  });
});

describe("attendance over HTTP", () => {
  it("takes known people and walk-ins, refuses bad rows with a message, corrects a row, and exports for Excel", async () => {
    const path = await planned();
    const id = idOf(path);
    const page = await (await get(`${path}/presences`, facilitator)).text();
    const personId = /name="personId" value="(\d+)"\/><button type="submit" class="tap"><span class="name">Rose Louis/.exec(page)![1]!;
    expect((await post(`${path}/presences`, { intent: "known", personId }, facilitator)).status).toBe(200);
    const twice = await post(`${path}/presences`, { intent: "known", personId }, facilitator);
    expect(twice.status).toBe(400);
    const empty = await post(`${path}/presences`, { ...walkIn, name: " " }, facilitator);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Ce champ est obligatoire.");
    const stranger = await post(`${path}/presences`, { ...walkIn, organisationId: "999" }, facilitator);
    expect(stranger.status).toBe(400);
    expect(await (await post(`${path}/presences`, walkIn, facilitator)).status).toBe(200);
    expect(rowsOf(id).map((r) => r.name)).toEqual(["Rose Louis", "Jean Pierre"]);

    const jean = rowsOf(id)[1]!;
    const form = await (await get(`${path}/presences?corriger=${jean.id}`, facilitator)).text();
    expect(form).toContain("Corriger : Jean Pierre");
    const corrected = await post(`${path}/presences?corriger=${jean.id}`, { ...walkIn, intent: "correct", attendanceId: String(jean.id), name: "Jean-Pierre Joseph", ageGroup: "36_59", organisationId: String(organisationId) }, facilitator);
    expect(corrected.status).toBe(302);
    expect(rowsOf(id)[1]).toMatchObject({ name: "Jean-Pierre Joseph", ageGroup: "36_59", organisationId, arrivedAt: jean.arrivedAt });
    expect(server.db.select().from(auditLog).where(and(eq(auditLog.action, "attendance.correct"), eq(auditLog.subjectId, String(id)))).all()).toHaveLength(1);

    const csv = await get(`${path}/presences.csv`, facilitator);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Nom et prénom;Sexe;Tranche d'âge;En situation de handicap;Organisation;Rôle à la réunion;Arrivée");
    expect(lines.slice(1).map((l) => l.split(";").slice(0, 2).join(";"))).toEqual(["Rose Louis;Femme", "Jean-Pierre Joseph;Homme"]);
    expect((await get(`${path}/presences.csv`, delegate)).status).toBe(403);

    const period = await get("/espaces/1/presences.csv?du=2026-12-01&au=2026-12-31", facilitator);
    expect(new TextDecoder().decode(await period.arrayBuffer())).toContain("Reyinyon ordinè;2026-12-05;Rose Louis");
    const reversed = await get("/espaces/1/presences.csv?du=2026-12-31&au=2026-12-01", facilitator);
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toBe("Choisissez deux dates valides, la première avant la seconde.");
  });
});

describe("the door over HTTP", () => {
  it("finds people by name, acronym or organisation without accents, and says each check-in succeeded", async () => {
    const path = await planned();
    for (const q of ["rose", "ROSE LOUIS", "mls", "lespwa", "muso lespwa rose"]) {
      const page = await (await get(`${path}/presences?q=${encodeURIComponent(q)}`, facilitator)).text();
      expect(page, q).toContain('<span class="name">Rose Louis</span>');
    }
    expect(await (await get(`${path}/presences?q=zzz`, facilitator)).text()).not.toContain('<span class="name">Rose Louis</span>');
    const answer = await post(`${path}/presences`, walkIn, facilitator);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Jean Pierre est sur la liste.");
  });

  it("refuses a walk-in without sex or age group with the question, saves nothing, and takes 'prefers not to say'", async () => {
    const path = await planned();
    const id = idOf(path);
    const blank = await post(`${path}/presences`, { intent: "walkin", name: "Moun San Repons", organisationId: "", role: "observer" }, facilitator);
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(html).toContain("Demandez : femme ou homme ?");
    expect(html).toContain("Demandez : quel âge ?");
    expect((await post(`${path}/presences`, { ...walkIn, sex: "" }, facilitator)).status).toBe(400);
    const kreyol = await post(`${path}/presences`, { ...walkIn, ageGroup: "" }, `${facilitator}; makon_lang=ht`);
    expect(kreyol.status).toBe(400);
    expect(await kreyol.text()).toContain("Mande: ki laj?");
    expect(rowsOf(id)).toEqual([]);
    expect((await post(`${path}/presences`, { ...walkIn, sex: "unstated", ageGroup: "unstated", disability: "on" }, facilitator)).status).toBe(200);
    expect(rowsOf(id)).toMatchObject([{ name: "Jean Pierre", sex: null, ageGroup: null, disability: true }]);
  });

  it("asks before removing a row; an undo puts it back with its arrival time; a second undo changes nothing", async () => {
    const path = await planned();
    const id = idOf(path);
    expect((await post(`${path}/presences`, walkIn, facilitator)).status).toBe(200);
    const row = rowsOf(id)[0]!;
    const asked = await post(`${path}/presences`, { intent: "remove", attendanceId: String(row.id) }, facilitator);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain("Oui, retirer");
    expect(rowsOf(id)).toHaveLength(1);
    const removed = await post(`${path}/presences`, { intent: "remove", confirm: "1", attendanceId: String(row.id) }, facilitator);
    expect(removed.status).toBe(200);
    const removedPage = await removed.text();
    expect(removedPage).toContain("Jean Pierre a été retiré·e de la liste.");
    expect(removedPage).toContain("Annuler le retrait");
    expect(rowsOf(id)).toEqual([]);
    // Nobody else undoes it.
    expect((await post(`${path}/presences`, { intent: "restore", attendanceId: String(row.id) }, delegate)).status).toBe(403);
    const restored = await post(`${path}/presences`, { intent: "restore", attendanceId: String(row.id) }, facilitator);
    expect(restored.status).toBe(200);
    expect(await restored.text()).toContain("Jean Pierre est de nouveau sur la liste");
    expect(rowsOf(id)).toEqual([row]);
    expect((await post(`${path}/presences`, { intent: "restore", attendanceId: String(row.id) }, facilitator)).status).toBe(200);
    expect(rowsOf(id)).toEqual([row]);
    // A row never removed cannot be "restored" into this meeting.
    expect((await post(`${path}/presences`, { intent: "restore", attendanceId: "999999" }, facilitator)).status).toBe(400);
  });
  it("prints a record that says what it is, when the session ran, officials with their institution, disability for the register only, and signature lines", async () => {
    const path = await planned();
    const door = await (await get(`${path}/presences?q=wilner`, facilitator)).text();
    const officialId = /name="personId" value="(\d+)"\/><button type="submit" class="tap"><span class="name">Wilner Saint-Fleur/.exec(door)![1]!;
    expect((await post(`${path}/presences`, { intent: "known", personId: officialId }, facilitator)).status).toBe(200);
    expect((await post(`${path}/presences`, { ...walkIn, disability: "on" }, facilitator)).status).toBe(200);
    await post(path, { intent: "start" }, facilitator);
    await post(path, { intent: "close", confirm: "1" }, facilitator);
    const printed = await (await get(`${path}/imprimer`, facilitator)).text();
    expect(printed).toContain("Liste de présence et compte rendu — Reyinyon ordinè");
    expect(printed).toContain('<h2 id="panel-title">Chiffres de présence</h2>');
    expect(printed).toContain("Séance tenue de");
    expect(printed).toMatch(/Wilner Saint-Fleur<\/td><td>[^<]*CASEC/);
    expect(printed).toContain('<th scope="col">En situation de handicap</th>');
    expect(printed).toContain("Secrétaire de séance");
    const member = await (await get(`${path}/imprimer`, delegate)).text();
    expect(member).not.toContain('<th scope="col">En situation de handicap</th>');
    expect(member).toMatch(/Wilner Saint-Fleur<\/td><td>[^<]*CASEC/);
    const kreyol = await (await get(`${path}/imprimer`, `${facilitator}; makon_lang=ht`)).text();
    expect(kreyol).toContain("Lis prezans ak rapò — Reyinyon ordinè");
  });
});

describe("minutes", () => {
  it("are written by two facilitators at once, merge offline edits, stay editable after closing until approved (then frozen), and stay readable to members", async () => {
    const path = await planned();
    const id = idOf(path);
    expect((await post(path, { intent: "start" }, facilitator)).status).toBe(200);
    const a = minutesClient(facilitator, id);
    const b = minutesClient(admin, id);
    const reader = minutesClient(delegate, id);
    await Promise.all([synced(a.provider), synced(b.provider), synced(reader.provider)]);
    // Opening the meeting put the agenda's template in.
    expect(a.text()).toMatch(/^# Reyinyon ordinè\n/);
    const template = a.text();

    // Both type at once, each keystroke its own update.
    const typing = (c: typeof a, at: (typed: number) => number, words: string) =>
      (async () => {
        for (const [typed, ch] of [...words].entries()) {
          c.doc.getText("body").insert(at(typed), ch);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
    await Promise.all([typing(a, () => a.doc.getText("body").length, "Desizyon: sitèn."), typing(b, (typed) => typed, "PV — ")]);
    await waitFor(() => a.text() === b.text() && b.text() === reader.text() && a.text().length === template.length + 21, 5_000, "convergence");
    expect(a.text()).toBe(`PV — ${template}Desizyon: sitèn.`);

    // B loses the connection, keeps typing; A types too; B comes back and both merge.
    b.provider.disconnect();
    b.doc.getText("body").insert(0, "[offline] ");
    a.doc.getText("body").insert(a.doc.getText("body").length, " [online]");
    await new Promise((r) => setTimeout(r, 100));
    expect(a.text()).not.toContain("[offline]");
    b.provider.connect();
    await waitFor(() => a.text() === b.text() && a.text().includes("[offline]") && a.text().includes("[online]"), 5_000, "offline merge");

    // The delegate's edit never lands.
    reader.doc.getText("body").insert(0, "HACK ");
    await new Promise((r) => setTimeout(r, 150));
    expect(a.text()).not.toContain("HACK");

    // Closing asks first: what it does, and a second button; nothing changes yet.
    const asked = await post(path, { intent: "close" }, facilitator);
    expect(asked.status).toBe(200);
    const askedPage = await asked.text();
    expect(askedPage).toContain("Oui, clore la séance");
    expect(askedPage).toContain("la liste de présence est verrouillée");
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()!.status).toBe("live");
    const closed = await post(path, { intent: "close", confirm: "1" }, facilitator);
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain("Séance close.");
    // Not frozen at close: the facilitators correct the minutes until they approve them.
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()).toMatchObject({ status: "closed", minutesMarkdown: null, minutesApprovedAt: null });
    a.doc.getText("body").insert(a.doc.getText("body").length, "\n\nKoreksyon apre.");
    await waitFor(() => b.text().endsWith("Koreksyon apre."), 5_000, "a correction after closing relayed");
    const draftPage = await (await get(path, delegate)).text();
    expect(draftPage).toContain("Koreksyon apre.");
    expect(draftPage).toContain('data-testid="draft-minutes"');

    expect((await post(path, { intent: "approve-minutes" }, facilitator)).status).toBe(200);
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()!.minutesApprovedAt).toBeNull();
    const approved = await post(path, { intent: "approve-minutes", confirm: "1" }, facilitator);
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain("Procès-verbal approuvé.");
    const row = server.db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(row.minutesMarkdown).toBe(a.text());
    expect(row.minutesHtml).toContain("<h4>Présences / Prezans</h4>");
    expect(row.minutesHtml).toContain("<p>Desizyon: sitèn. [online]</p>");
    expect(row.minutesHtml).toContain("Koreksyon apre.");
    const stored = new Y.Doc();
    new DocumentStore(server.db).load(`meeting:${id}:minutes`, stored);
    expect(stored.getText("body").toString()).toBe(a.text());
    // Approved minutes are the record: the meeting is not reopened.
    expect((await post(path, { intent: "reopen", confirm: "1" }, facilitator)).status).toBe(400);

    // Frozen: a facilitator reconnecting now only reads; the server refuses the edit, and
    // what the store would load is what was frozen.
    const late = minutesClient(facilitator, id);
    await synced(late.provider);
    const refusals = () => server.logs.filter((l) => l.event === "realtime.refused-update" && l.details.doc === `meeting:${id}:minutes`).length;
    const before = refusals();
    late.doc.getText("body").insert(0, "LATE ");
    await waitFor(() => refusals() > before, 5_000, "the late edit refused");
    const reloaded = new Y.Doc();
    new DocumentStore(server.db).load(`meeting:${id}:minutes`, reloaded);
    expect(reloaded.getText("body").toString()).toBe(row.minutesMarkdown);

    // Members of the space read the closed minutes and the printable page; the public does not (not published).
    for (const cookie of [delegate, official]) {
      const printable = await get(`${path}/imprimer`, cookie);
      expect(printable.status).toBe(200);
      expect(await printable.text()).toContain("Desizyon: sitèn.");
    }
    expect((await get(`${path}/imprimer`)).status).toBe(404);

    // Attendance is locked for the facilitator, open to an admin's audited correction.
    const locked = await post(`${path}/presences`, walkIn, facilitator);
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain("Réunion close : la liste est verrouillée.");
    expect((await post(`${path}/presences`, walkIn, admin)).status).toBe(200);
    expect(rowsOf(id)).toHaveLength(1);
  });

  it("of a published meeting are public once approved, not at closing", async () => {
    const created = await post("/espaces/1/reunions/nouvelle", { ...plan, published: "on" }, facilitator);
    const path = created.headers.get("location")!;
    await post(path, { intent: "start" }, facilitator);
    const minutes = minutesClient(facilitator, idOf(path));
    await synced(minutes.provider);
    minutes.doc.getText("body").insert(0, "PWOSE-VEBAL-PIBLIK ");
    await waitFor(() => server.realtime.readText({ kind: "meeting-minutes", meetingId: idOf(path) }, "body").startsWith("PWOSE-VEBAL-PIBLIK"), 5_000, "minutes written");
    await post(path, { intent: "close", confirm: "1" }, facilitator);
    const page = await get(path);
    expect(page.status).toBe(200);
    // Not before they are approved.
    expect(await page.text()).not.toContain("PWOSE-VEBAL-PIBLIK");
    // On paper too: the public reads that they are not approved yet; a facilitator prints the draft, stamped.
    const publicPrint = await get(`${path}/imprimer`);
    expect(publicPrint.status).toBe(200);
    const publicText = await publicPrint.text();
    expect(publicText).not.toContain("PWOSE-VEBAL-PIBLIK");
    expect(publicText).toContain("Le procès-verbal sera publié une fois approuvé.");
    const draftPrint = await (await get(`${path}/imprimer`, facilitator)).text();
    expect(draftPrint).toContain("PWOSE-VEBAL-PIBLIK");
    expect(draftPrint).toContain("PROJET — procès-verbal pas encore approuvé");
    expect(await (await get(`${path}/imprimer`, `${facilitator}; makon_lang=ht`)).text()).toContain("PWOJÈ — pwosè vèbal la poko apwouve");
    await post(path, { intent: "approve-minutes", confirm: "1" }, facilitator);
    expect(await (await get(path)).text()).toContain("PWOSE-VEBAL-PIBLIK");
    const approvedPrint = await (await get(`${path}/imprimer`)).text();
    expect(approvedPrint).toContain("PWOSE-VEBAL-PIBLIK");
    expect(approvedPrint).toMatch(/Approuvé le \d/);
    expect(approvedPrint).not.toContain('data-testid="minutes-draft"');
  });
});
