import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { agendaItems, auditLog, motionCosponsors, motionEvents, motions, organisations } from "../../db/schema/index";
import { localDate } from "../../app/modules/dates";
import { translate } from "../../app/modules/i18n/catalog.server";
import { planMeeting } from "../../app/modules/meetings/meetings.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import type { OrganisationInput } from "../../app/modules/organisations/organisations.schemas";
import { registerDelegate } from "../../app/modules/people/people.server";
import type { Actor } from "../../app/modules/auth/roles";
import { actorByEmail } from "../setup/test-db";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

// Seats run from 1 January of the server's current year: the pages act today.
const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;
const DAY = 86_400_000;
const PASSWORD = "makon-secret-2026";
const TEXT = ["Considérant que la fontaine de Roucou est à sec depuis mars ;", "L'assemblée demande au CASEC de la réparer avant juin.", "Elle demande un compte rendu à la prochaine réunion."].join("\n\n");

let server: TestServer;
let facilitator: string;
let rose: string;
let fanm: string;
let jen: string;
let outsider: string;
let fanmOrg: number;
let jenOrg: number;
let apwolim: number;
let outsiderOrg: number;
let meetingId: number;

const org = (name: string, extra: Partial<OrganisationInput> = {}): OrganisationInput => ({ name, type: "base", legallyRecognised: false, ledByWoman: false, ledByYouth: false, ...extra });

async function delegate(by: Actor, spaceId: number, organisationId: number, name: string, email: string): Promise<string> {
  const seated = await registerDelegate(
    server.db,
    by,
    spaceId,
    { name, sex: "female", birthYear: 1995, ageGroup: null, disability: false, preferredLanguage: null },
    { organisationId, seat: "titular", fromDate: SINCE },
    { createAccount: true, accountEmail: email, accountPassword: PASSWORD },
    Date.now(),
  );
  if (!seated.ok) throw new Error(seated.code);
  return signInCookie(server.url, email, PASSWORD);
}

function must<T>(result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, rose] = await Promise.all(["animateur@makon.ht", "delegue@makon.ht"].map((email) => signInCookie(server.url, email)));
  const f = actorByEmail(server.db, "animateur@makon.ht");
  const admin = actorByEmail(server.db, "admin@makon.ht");
  apwolim = server.db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  fanmOrg = must(registerOrganisation(server.db, f, 1, org("Gwoupman Fanm Vanyan Limonad", { acronym: "GFVL", type: "women", ledByWoman: true }), SINCE, Date.now())).id;
  jenOrg = must(registerOrganisation(server.db, f, 1, org("Asosyasyon Jèn Limonad", { acronym: "AJL", type: "youth", ledByYouth: true }), SINCE, Date.now())).id;
  // A delegate of Petite-Anse: nobody in Limonade.
  outsiderOrg = must(registerOrganisation(server.db, admin, 2, org("Kowòperativ Pwodiktè Pòtlan", { acronym: "KPP" }), SINCE, Date.now())).id;
  fanm = await delegate(f, 1, fanmOrg, "Mirlande Jean", "fanm@makon.ht");
  jen = await delegate(f, 1, jenOrg, "Kervens Joseph", "jen@makon.ht");
  outsider = await delegate(admin, 2, outsiderOrg, "Nadine Pòtlan", "potlan@makon.ht");
  meetingId = must(
    planMeeting(server.db, f, 1, { kind: "ordinary", title: "Reyinyon mosyon yo", startsAt: Date.now() + 7 * DAY, endsAt: null, place: "Lekòl nasyonal", published: true, facilitatorIds: [], authorityIds: [] }, Date.now()),
  ).id;
});
afterAll(() => server.stop());

const post = (path: string, form: Record<string, string | number>, cookie?: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])),
    headers: cookie ? { Cookie: cookie } : {},
    redirect: "manual",
  });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const page = async (path: string, cookie?: string) => (await get(path, cookie)).text();
const ht = (cookie: string) => `${cookie}; makon_lang=ht`;
/** The page's text as a reader sees it (entities of apostrophes decoded). */
const html = async (response: Response) => (await response.text()).replaceAll("&#x27;", "'");

const motion = (title: string, extra: Record<string, string | number> = {}) => ({ organisationId: apwolim, title, text: TEXT, rationale: "Fontèn nan sèk depi mas.", theme: "water", authorityId: "", ...extra });
const row = (id: number) => server.db.select().from(motions).where(eq(motions.id, id)).get()!;
const written = () => ({
  motions: server.db.select().from(motions).all().length,
  cosponsors: JSON.stringify(server.db.select().from(motionCosponsors).all()),
  events: server.db.select().from(motionEvents).all().length,
  agenda: server.db.select().from(agendaItems).all().length,
  audit: server.db.select().from(auditLog).all().length,
});

/** Drafts through the form (as `cookie`), and returns the new motion's address and id. */
async function drafted(title: string, cookie = rose, extra: Record<string, string | number> = {}) {
  const response = await post("/espaces/1/motions/nouvelle", motion(title, extra), cookie);
  expect(response.status).toBe(302);
  const path = response.headers.get("location")!;
  expect(path).toMatch(/^\/espaces\/1\/motions\/\d+$/);
  return { path, id: Number(path.split("/").pop()) };
}
async function submitted(title: string, cookie = rose, extra: Record<string, string | number> = {}) {
  const m = await drafted(title, cookie, extra);
  expect((await post(m.path, { intent: "submit" }, cookie)).status).toBe(200);
  return m;
}

describe("motions over HTTP", () => {
  it("let a delegate draft, invite and submit; the invited organisation accepts; another amends; the facilitator admits both", async () => {
    const list = await page("/espaces/1/motions", rose);
    expect(list).toContain('href="/espaces/1/motions/nouvelle"');
    expect(await page("/espaces/1/motions", facilitator)).not.toContain('href="/espaces/1/motions/nouvelle"');
    expect((await get("/espaces/1/motions/nouvelle", facilitator)).status).toBe(403);

    const bad = await post("/espaces/1/motions/nouvelle", motion("", { theme: "" }), rose);
    expect(bad.status).toBe(400);
    const errors = await html(bad);
    expect(errors).toContain("Ce champ est obligatoire.");
    expect(errors).toContain("Valeur invalide.");

    const { path, id } = await drafted("Dlo potab pou Roucou");
    expect(await page(path, rose)).toMatch(/data-testid="status-line">Brouillon enregistré\./);
    expect(row(id)).toMatchObject({ state: "draft", proposerOrganisationId: apwolim, title: "Dlo potab pou Roucou" });

    const edited = await post(`${path}/modifier`, motion("Dlo potab pou Roucou ak Bas-Roucou", { theme: "water" }), rose);
    expect(edited.status).toBe(302);
    expect(row(id).title).toBe("Dlo potab pou Roucou ak Bas-Roucou");
    expect((await post(`${path}/modifier`, motion("Piratage"), fanm)).status).toBe(403);

    const invited = await post(path, { intent: "invite", organisationId: fanmOrg }, rose);
    expect(invited.status).toBe(200);
    expect(await html(invited)).toContain("Invitation envoyée.");
    // The invited organisation's delegate reads the draft to answer, in her language.
    const invitation = await page(path, ht(fanm));
    expect(invitation).toContain("Yo envite GFVL pou sipòte mosyon sa a");
    const accepted = await post(path, { intent: "answer", organisationId: fanmOrg, answer: "accept" }, ht(fanm));
    expect(accepted.status).toBe(200);
    expect(await html(accepted)).toContain("Òganizasyon ou sipòte mosyon an.");
    expect(server.db.select().from(motionCosponsors).where(eq(motionCosponsors.motionId, id)).get()).toMatchObject({ organisationId: fanmOrg, accepted: true });

    const submit = await post(path, { intent: "submit" }, rose);
    expect(submit.status).toBe(200);
    const number = /Motion déposée sous le numéro (M-\d{4}-\d{3})\./.exec(await html(submit))![1]!;
    expect(row(id)).toMatchObject({ state: "submitted" });
    expect(await page(path)).toContain(number);

    // Another organisation amends the second paragraph: chosen by a link, the form prefilled with it.
    const chosen = await html(await get(`${path}?amender=2`, jen));
    expect(chosen).toMatch(/<textarea id="amend-replacement" name="replacement" rows="6"[^>]*>L'assemblée demande au CASEC de la réparer avant juin\.<\/textarea>/);
    const amended = await post(`${path}?amender=2`, { intent: "amend", organisationId: jenOrg, paragraph: 1, replacement: "L'assemblée demande au CASEC de la réparer avant mai.", rationale: "Sezon sèch la." }, jen);
    expect(amended.status).toBe(200);
    expect(await html(amended)).toContain(`Amendement ${number} A1 déposé.`);
    const amendment = server.db.select().from(motions).where(eq(motions.parentId, id)).get()!;
    expect(amendment).toMatchObject({ state: "submitted", paragraph: 1, proposerOrganisationId: jenOrg });
    // The change reads word by word: struck through, underlined.
    const diff = /<p class="diff" data-testid="diff">(.*?)<\/p>/.exec(await html(await get(path)))?.[1];
    expect(diff).toBe(
      '<span>L\'assemblée demande au CASEC de la réparer avant </span><del><span class="visually-hidden">[supprimé : </span>juin.<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[ajouté : </span>mai.<span class="visually-hidden">]</span></ins>',
    );

    // The facilitator admits the motion to a planned meeting, then the amendment to the same one.
    const admitPage = await page(path, facilitator);
    expect(admitPage).toContain("Reyinyon mosyon yo");
    expect((await post(path, { intent: "admit", targetId: id, meetingId }, facilitator)).status).toBe(200);
    const admittedAmendment = await post(path, { intent: "admit", targetId: amendment.id, meetingId }, facilitator);
    expect(admittedAmendment.status).toBe(200);
    expect(await html(admittedAmendment)).toContain("Inscription à l'ordre du jour enregistrée.");
    expect([row(id).state, row(amendment.id).state]).toEqual(["admitted", "admitted"]);
    const items = server.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
    expect(items.map((i) => i.motionId)).toEqual([amendment.id, id]);

    // History with who and when, for members.
    const history = await page(path, rose);
    expect(history).toContain("Déposée par Rose-Andrée Louis");
    expect(history).toContain("Inscrite à l&#x27;ordre du jour par Jean-Robert Pierre");
  });

  it("refuse a delegate of another space, a delegate who is not the proposer and a visitor, writing nothing, in the reader's language", async () => {
    const { path, id } = await submitted("Wout Bas-Roucou", rose, { theme: "roads" });
    const draft = await drafted("Bouyon sekrè");
    const before = written();

    const amend = { intent: "amend", organisationId: outsiderOrg, paragraph: 0, replacement: "Lòt bagay.", rationale: "" };
    const foreign = await post(path, amend, outsider);
    expect(foreign.status).toBe(403);
    expect(await html(foreign)).toContain("Vous n'avez pas le droit de faire cela.");
    const foreignHt = await post(path, amend, ht(outsider));
    expect(foreignHt.status).toBe(403);
    expect(await html(foreignHt)).toContain("Ou pa gen dwa fè sa.");
    // Even naming an organisation of this space, she does not speak for it.
    expect((await post(path, { ...amend, organisationId: apwolim }, outsider)).status).toBe(403);
    expect((await post(path, { intent: "admit", targetId: id, meetingId }, outsider)).status).toBe(403);
    expect((await post(path, { intent: "admit", targetId: id, meetingId }, rose)).status).toBe(403);
    expect((await post(path, { intent: "withdraw", targetId: id, confirm: "1" }, fanm)).status).toBe(403);
    expect((await post(path, { intent: "decide", targetId: id, move: "adopt" }, rose)).status).toBe(403);
    // A draft is not there for them at all; nor is a motion under another space's address.
    expect((await post(draft.path, { intent: "submit" }, outsider)).status).toBe(404);
    expect((await post(`/espaces/2/motions/${id}`, { intent: "admit", targetId: id, meetingId }, facilitator)).status).toBe(404);
    expect((await post("/espaces/2/motions/nouvelle", motion("Pa isit"), rose)).status).toBe(403);
    // A visitor is sent to sign in.
    const visitor = await post(path, { intent: "submit" });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toContain("/connexion");
    // Bad input is said next to its field.
    const nowhere = await post(path, { ...amend, organisationId: jenOrg, paragraph: 9 }, jen);
    expect(nowhere.status).toBe(400);
    expect(await html(nowhere)).toContain("Ce paragraphe n'existe pas dans la motion.");
    const unchanged = await post(path, { ...amend, organisationId: jenOrg, replacement: TEXT.split("\n\n")[0]! }, ht(jen));
    expect(unchanged.status).toBe(400);
    expect(await html(unchanged)).toContain("Tèks ou pwopoze a menm ak paragraf la.");
    // The withdrawal asks first, and writes nothing until confirmed.
    const asked = await post(path, { intent: "withdraw", targetId: id }, rose);
    expect(asked.status).toBe(200);
    expect(await html(asked)).toContain("Retirer définitivement ?");

    expect(written()).toEqual(before);
    expect(row(id).state).toBe("submitted");
    expect(row(draft.id).state).toBe("draft");
  });

  it("list motions with filters, figures and exports; the public sees no draft", async () => {
    const water = await submitted("Fontèn Trou-du-Nord", rose, { theme: "water" });
    const women = await submitted("Sant sante pou fanm", fanm, { organisationId: fanmOrg, theme: "women_rights" });
    const hidden = await drafted("Bouyon pa pou piblik");

    const titles = async (query: string, cookie?: string) => {
      const text = await page(`/espaces/1/motions${query}`, cookie);
      return { water: text.includes("Fontèn Trou-du-Nord"), women: text.includes("Sant sante pou fanm"), draft: text.includes("Bouyon pa pou piblik") };
    };
    expect(await titles("")).toEqual({ water: true, women: true, draft: false });
    expect(await titles("", rose)).toEqual({ water: true, women: true, draft: true });
    expect(await titles("?theme=women_rights")).toEqual({ water: false, women: true, draft: false });
    expect(await titles("?proposerType=women")).toEqual({ water: false, women: true, draft: false });
    expect(await titles("?proposerType=mixed")).toEqual({ water: true, women: false, draft: false });
    expect(await titles("?state=draft", rose)).toEqual({ water: false, women: false, draft: true });
    expect(await titles("?theme=nonsense")).toEqual({ water: true, women: true, draft: false });
    // Neither the page's data nor the motion's page gives a draft away.
    expect(await page("/espaces/1/motions.data")).not.toContain("Bouyon pa pou piblik");
    expect((await get(hidden.path)).status).toBe(404);
    expect((await get(hidden.path, facilitator)).status).toBe(404);
    expect((await get(`${hidden.path}/modifier`, fanm)).status).toBe(404);

    // Figures of the year: proposed, adopted, and the share of women's and youth organisations.
    const figures = await page("/espaces/1/motions");
    expect(figures).toMatch(new RegExp(`<th scope="row">${YEAR}</th>`));
    expect(figures).toContain("Proposées par des organisations de femmes");

    const csv = await get("/espaces/1/motions.csv?theme=women_rights");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Identifiant;Numéro;Titre;État;Thème;Autorité destinataire;Organisation qui propose;Déposée le;Décidée le;Transmise par");
    expect(lines.slice(1).map((l) => l.split(";")[2])).toEqual(["Sant sante pou fanm"]);
    expect(lines[1]).toContain(`${women.id};M-${YEAR}-`);
    const csvHt = (await (await get("/espaces/1/motions.csv", ht(rose))).text()).replace(/^\uFEFF/, "");
    expect(csvHt.split("\r\n")[0]).toBe("Idantifyan;Nimewo;Tit;Eta;Tèm;Otorite li adrese a;Òganizasyon ki pwopoze;Dat li depoze;Dat yo deside;Voye pa");
    expect(csvHt).toContain("Fontèn Trou-du-Nord;Depoze;Dlo");
    expect(csvHt).not.toContain("Bouyon pa pou piblik");
    expect(water.id).toBeGreaterThan(0);

    const header = (locale: "fr" | "ht") =>
      [
        "polls.csv.meeting",
        "polls.csv.date",
        "polls.csv.motion",
        "polls.csv.question",
        "polls.csv.method",
        "polls.csv.rule",
        "polls.csv.organisationsPresent",
        "polls.csv.organisations",
        "polls.csv.eligible",
        "polls.choice.yes",
        "polls.choice.no",
        "polls.choice.abstain",
        "polls.csv.byPhone",
        "polls.csv.outcome",
        "polls.csv.words",
      ]
        .map((key) => translate(locale, key as Parameters<typeof translate>[1]))
        .join(";");
    const votes = await get("/espaces/1/votes.csv");
    expect(votes.headers.get("content-type")).toContain("text/csv");
    expect((await votes.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(header("fr"));
    expect((await (await get("/espaces/1/votes.csv", "makon_lang=ht")).text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(header("ht"));
    expect(header("ht")).toContain("Reyinyon;Dat;Mosyon");

    // The space's page leads to its motions.
    expect(await page("/espaces/1")).toContain('href="/espaces/1/motions"');
    expect(server.db.select().from(motions).where(and(eq(motions.spaceId, 1), eq(motions.id, hidden.id))).get()!.state).toBe("draft");
  });
  it("let the facilitator record what the meeting decided: the amendment adopted rewrites the motion, which keeps its versions", async () => {
    const { path, id } = await submitted("Limyè nan mache Limonad", rose, { theme: "security" });
    expect((await post(path, { intent: "amend", organisationId: fanmOrg, paragraph: 2, replacement: "Elle demande un compte rendu écrit à la prochaine réunion.", rationale: "" }, fanm)).status).toBe(200);
    const amendment = server.db.select().from(motions).where(eq(motions.parentId, id)).get()!;
    const live = must(
      planMeeting(server.db, actorByEmail(server.db, "animateur@makon.ht"), 1, { kind: "ordinary", title: "Reyinyon desizyon", startsAt: Date.now() + DAY, endsAt: null, place: "Lekòl nasyonal", published: true, facilitatorIds: [], authorityIds: [] }, Date.now()),
    ).id;
    for (const targetId of [id, amendment.id]) expect((await post(path, { intent: "admit", targetId, meetingId: live }, facilitator)).status).toBe(200);
    // Not before the meeting has opened: the decision is taken in the room.
    const early = await post(path, { intent: "decide", targetId: amendment.id, move: "adopt" }, facilitator);
    expect(early.status).toBe(400);
    expect(await html(early)).toContain("La réunion de cette motion n'a pas commencé");
    expect((await post(`/espaces/1/reunions/${live}`, { intent: "start" }, facilitator)).status).toBe(200);
    // The motion waits for its amendments.
    const first = await post(path, { intent: "decide", targetId: id, move: "adopt" }, ht(facilitator));
    expect(first.status).toBe(400);
    expect(await html(first)).toContain("Fòk nou deside amannman ki sou lòd dijou yo anvan.");
    const adopted = await post(path, { intent: "decide", targetId: amendment.id, move: "adopt", note: "Men leve, tout moun dakò." }, facilitator);
    expect(adopted.status).toBe(200);
    expect(await html(adopted)).toContain("Décision enregistrée : Adopté.");
    expect(row(id).text).toContain("Elle demande un compte rendu écrit à la prochaine réunion.");
    expect((await post(path, { intent: "decide", targetId: id, move: "adopt" }, facilitator)).status).toBe(200);
    expect(row(id).state).toBe("adopted");

    const shown = await html(await get(path));
    expect(shown).not.toContain("⟦");
    expect(shown).toContain("Adoptée, sans vote enregistré");
    expect(shown).toMatch(/Version 2, après l'amendement M-\d{4}-\d{3} A1/);
    const kreyol = await html(await get(path, "makon_lang=ht"));
    expect(kreyol).not.toContain("⟦");
    expect(kreyol).toMatch(/Vèsyon 2, apre amannman M-\d{4}-\d{3} A1/);
    for (const address of ["/espaces/1/motions", `${path}?amender=1`, "/espaces/1/motions/nouvelle", `${(await drafted("Bouyon paj")).path}/modifier`]) {
      for (const lang of ["fr", "ht"]) expect(await page(address, `${rose}; makon_lang=${lang}`), `${address} ${lang}`).not.toContain("⟦");
    }
  });
});
