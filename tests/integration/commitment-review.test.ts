import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { agendaItems, authorities, commitmentUpdates, commitments, meetingSessions, organisations } from "../../db/schema/index";
import type { Actor } from "../../app/modules/auth/roles";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import type { Result } from "../../app/modules/result";
import { registerAuthority } from "../../app/modules/authorities/authorities.server";
import type { RecordCommitment } from "../../app/modules/commitments/commitments.schemas";
import { answerClaim, decideInMeeting, postProgress, recordCommitment } from "../../app/modules/commitments/commitments.server";
import { consoleReview, reviewList } from "../../app/modules/commitments/review.server";
import { addAgendaItem, changeMeetingStatus, planMeeting } from "../../app/modules/meetings/meetings.server";
import { meetingProjections } from "../../app/modules/live/projections.server";
import { runConsoleAction } from "../../app/modules/live/live.server";
import type { RoomCommitment } from "../../app/modules/live/projections";
import { createAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { connectProvider, synced, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * The commitment review in meetings, through the real server: the list a review goes through,
 * the planning page's offer, the console's forms (who may post them, and about which
 * commitments), and the shared screen's part of the live document.
 */

const LIMONADE = 1;
const PETITE_ANSE = 2;
const DAY = 86_400_000;
const day = (offset: number) => localDate(Date.now() + offset * DAY);

let server: TestServer;
let deps: Deps;
let f: Actor;
let admin: Actor;
let casecId: number;
let cookies: { facilitator: string; delegate: string; official: string; elsewhere: string };
const cleanups: (() => void)[] = [];

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

const input = (title: string, dueDate: string, extra: Partial<RecordCommitment> = {}): RecordCommitment => ({
  authorityId: casecId,
  officialId: null,
  office: "Bureau du CASEC",
  title,
  text: `${title} : ce que le CASEC a promis.`,
  theme: "water",
  motionId: null,
  meetingId: null,
  sectionCode: null,
  dueDate,
  budgetHtg: null,
  beneficiaries: null,
  beneficiariesNote: "",
  breakdown: null,
  isPublic: true,
  ...extra,
});

/** A commitment of Limonade recorded by its facilitator, `daysAgo` days ago. */
const record = (title: string, dueDate: string, options: { daysAgo?: number; extra?: Partial<RecordCommitment> } = {}) =>
  must(recordCommitment(deps, f, LIMONADE, input(title, dueDate, options.extra), Date.now() - (options.daysAgo ?? 0) * DAY)).id;

const claim = (id: number) => must(postProgress(deps, actorByEmail(server.db, "casec@makon.ht"), id, { move: "claim", note: "Travay la fini.", percent: 100, link: undefined }, [], Date.now()));

let c: Record<"overdue" | "soon" | "far" | "disputed" | "claimed" | "settled" | "secret" | "elsewhere", number>;

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.db, realtime: server.realtime };
  f = actorByEmail(server.db, "animateur@makon.ht");
  admin = actorByEmail(server.db, "admin@makon.ht");
  casecId = server.db.select().from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  must(await createAccount(server.db, admin, { name: "Animatris Pòtlan", email: "potlan.review@makon.test", password: "potlan review 2026", role: "facilitator", spaceId: PETITE_ANSE }, Date.now()));
  cookies = {
    facilitator: await signInCookie(server.url, "animateur@makon.ht"),
    delegate: await signInCookie(server.url, "delegue@makon.ht"),
    official: await signInCookie(server.url, "casec@makon.ht"),
    elsewhere: await signInCookie(server.url, "potlan.review@makon.test", "potlan review 2026"),
  };
  const apwolim = server.db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  const petiteAnseAuthority = must(registerAuthority(server.db, admin, PETITE_ANSE, { kind: "municipal_council", name: "Mairie de Petite-Anse (revue)" }, Date.now())).id;
  c = {
    overdue: record("Kanal Roucou an reta", day(-10), { daysAgo: 40 }),
    soon: record("Lanp solè nan mache a", day(7)),
    far: record("Wout Bois-de-Lance (pi lwen)", day(90)),
    disputed: record("Fontèn Roucou (konteste)", day(90)),
    claimed: record("Lekòl Dubreuil (yo di li fèt)", day(90)),
    settled: record("Pon Madeline (verifye)", day(5)),
    secret: record("Dosye sekrè CASEC la", day(3), { extra: { isPublic: false } }),
    elsewhere: must(recordCommitment(deps, admin, PETITE_ANSE, input("Mache Petite-Anse", day(4), { authorityId: petiteAnseAuthority }), Date.now())).id,
  };
  claim(c.disputed);
  must(answerClaim(deps, actorByEmail(server.db, "delegue@makon.ht"), c.disputed, { organisationId: apwolim, answer: "dispute", comment: "Dlo a pa koule nan Roucou." }, Date.now()));
  claim(c.claimed);
  claim(c.settled);
  // Verified by a meeting already held.
  const held = plannedMeeting("Reyinyon ki te fèt");
  must(changeMeetingStatus(deps, f, held.id, "start", { now: Date.now() }));
  must(changeMeetingStatus(deps, f, held.id, "close", { now: Date.now() }));
  must(decideInMeeting(deps, f, c.settled, { decision: "verify", note: "", dueDate: undefined, meetingId: held.id }, Date.now()));
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server.stop();
});

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
/** A page's text as a reader sees it (React escapes quotes and apostrophes). */
const pageText = async (response: Response) => (await response.text()).replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
// The page carries its messages' catalog too: what it says is looked for where it is rendered.
const has = (html: string, text: string) => expect(html.includes(text), `missing: ${text}`).toBe(true);
const alert = (html: string, text: string) => has(html, `role="alert">${text}`);
const fieldError = (html: string, text: string) => has(html, `-error">${text}`);
const hasNot = (html: string, text: string) => expect(html.includes(text), `present: ${text}`).toBe(false);
const title = (id: number) => server.db.select({ title: commitments.title }).from(commitments).where(eq(commitments.id, id)).get()!.title;
const written = () => ({ updates: server.db.select({ n: count() }).from(commitmentUpdates).get()!.n, commitments: server.db.select().from(commitments).all() });
const shownOnScreen = (meetingId: number) => server.db.select({ id: meetingSessions.screenCommitmentId }).from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()!.id;

/** A published meeting of Limonade, planned (not started). */
function plannedMeeting(title: string) {
  const id = must(planMeeting(server.db, f, LIMONADE, { kind: "ordinary", title, startsAt: Date.now() + DAY, endsAt: null, place: "Lakou CASEC la", published: true, facilitatorIds: [], authorityIds: [] }, Date.now())).id;
  return { id, path: `/espaces/${LIMONADE}/reunions/${id}` };
}

/** A live meeting of Limonade whose first (current) item is a commitment review. */
function reviewingMeeting(title: string) {
  const meeting = plannedMeeting(title);
  const reviewItem = must(addAgendaItem(deps, f, meeting.id, { kind: "commitment_review", title: "Suivi des engagements", plannedMinutes: 30 }, Date.now())).id;
  const otherItem = must(addAgendaItem(deps, f, meeting.id, { kind: "discussion", title: "Divers", plannedMinutes: 10 }, Date.now())).id;
  must(changeMeetingStatus(deps, f, meeting.id, "start", { now: Date.now() }));
  return { ...meeting, consolePath: `${meeting.path}/console`, reviewItem, otherItem };
}

describe("what a commitment review goes through", () => {
  it("lists the space's overdue, due-soon, disputed and claimed commitments, the most late first; not the settled, the far-off, nor another space's", () => {
    const ids = reviewList(server.db, f, LIMONADE, Date.now()).map((line) => line.id);
    for (const id of [c.overdue, c.soon, c.disputed, c.claimed, c.secret]) expect(ids).toContain(id);
    for (const id of [c.far, c.settled, c.elsewhere]) expect(ids).not.toContain(id);
    expect(ids.indexOf(c.overdue)).toBeLessThan(ids.indexOf(c.soon));
    const overdue = reviewList(server.db, f, LIMONADE, Date.now()).find((line) => line.id === c.overdue)!;
    expect(overdue).toMatchObject({ state: "pledged", overdueDays: 10, public: true, authority: "CASEC de la 1re section de Limonade", responsible: "Bureau du CASEC" });
    // A pledge may be found partly done, not done, abandoned or given a new date; verified or disputed only once claimed.
    expect(overdue.decisions).toEqual(["partly", "not_done", "abandon", "reschedule"]);
    // A reader who may not see a non-public commitment does not find it in the list.
    expect(reviewList(server.db, null, LIMONADE, Date.now()).map((line) => line.id)).not.toContain(c.secret);
  });

  it("is offered on the planning page, added in one click, and computed each time it is shown: a dispute posted after the planning is in it", async () => {
    const meeting = plannedMeeting("Reyinyon swivi angajman");
    const before = await pageText(await get(meeting.path, cookies.facilitator));
    expect(before).toMatch(/>Ajouter « Suivi des engagements » à l'ordre du jour \(\d+\)</);
    for (const id of [c.overdue, c.soon, c.disputed, c.claimed, c.secret]) has(before, title(id));
    for (const id of [c.far, c.settled, c.elsewhere]) hasNot(before, title(id));
    has(before, `/espaces/${LIMONADE}/engagements/${c.overdue}`);
    has(before, "En retard de 10 j");

    const added = await post(meeting.path, { intent: "agenda-add", kind: "commitment_review", title: "Suivi des engagements", plannedMinutes: "30" }, cookies.facilitator);
    expect(added.status).toBe(200);
    expect(server.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)).all()).toMatchObject([{ kind: "commitment_review", title: "Suivi des engagements", plannedMinutes: 30 }]);
    const after = await pageText(await get(meeting.path, cookies.facilitator));
    expect(after).not.toMatch(/>Ajouter « Suivi des engagements » à l'ordre du jour \(\d+\)</);
    expect(after).toMatch(/>Engagements à revoir : \d+</);

    // Claimed then disputed after the planning: the item's list has it the next time it is shown.
    const late = record("Tiyo dlo Dubreuil", day(120));
    hasNot(await pageText(await get(meeting.path, cookies.facilitator)), "Tiyo dlo Dubreuil");
    claim(late);
    must(answerClaim(deps, actorByEmail(server.db, "delegue@makon.ht"), late, { organisationId: server.db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id, answer: "dispute", comment: "Tiyo a pa rive." }, Date.now()));
    has(await pageText(await get(meeting.path, cookies.facilitator)), "Tiyo dlo Dubreuil");

    // The public reads the published meeting's agenda, not the review's list.
    const publicPage = await pageText(await get(meeting.path));
    hasNot(publicPage, title(c.secret));
    hasNot(publicPage, title(c.overdue));
  });
});

describe("the console's review over HTTP", () => {
  it("refuses delegates, officials and a facilitator of another space, writing nothing", async () => {
    const meeting = reviewingMeeting("Reyinyon refize");
    const before = written();
    for (const cookie of [cookies.delegate, cookies.official, cookies.elsewhere]) {
      const decided = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.overdue), decision: "reschedule", dueDate: day(60), note: "" }, cookie);
      expect(decided.status).toBe(403);
      const shown = await post(meeting.consolePath, { intent: "commitment-show", commitmentId: String(c.overdue) }, cookie);
      expect(shown.status).toBe(403);
    }
    expect(written()).toEqual(before);
    expect(shownOnScreen(meeting.id)).toBeNull();
  });

  it("puts a public commitment of the space on the screen; refuses a non-public one, another space's, and any outside a review item, in the facilitator's language", async () => {
    const meeting = reviewingMeeting("Reyinyon ekran");
    const secret = await post(meeting.consolePath, { intent: "commitment-show", commitmentId: String(c.secret) }, cookies.facilitator);
    expect(secret.status).toBe(409);
    alert(await pageText(secret), "Cet engagement n'est pas public : il ne peut pas s'afficher devant la salle.");
    const elsewhere = await post(meeting.consolePath, { intent: "commitment-show", commitmentId: String(c.elsewhere) }, cookies.facilitator);
    expect(elsewhere.status).toBe(404);
    alert(await pageText(elsewhere), "Cet engagement n'est pas un engagement de cet espace.");
    expect(shownOnScreen(meeting.id)).toBeNull();

    const shown = await post(meeting.consolePath, { intent: "commitment-show", commitmentId: String(c.overdue) }, cookies.facilitator);
    expect(shown.status).toBe(200);
    expect(shownOnScreen(meeting.id)).toBe(c.overdue);
    const consolePage = await pageText(await get(meeting.consolePath, cookies.facilitator));
    expect(consolePage).toMatch(/>Suivi des engagements \(\d+\)</);
    has(consolePage, `data-testid="review-on-screen">À l'écran`);

    // Moving on takes it off the screen; outside a review item nothing goes up.
    must(runConsoleAction(deps, f, meeting.id, { type: "item", itemId: meeting.otherItem }, Date.now()));
    expect(shownOnScreen(meeting.id)).toBeNull();
    const outside = await post(meeting.consolePath, { intent: "commitment-show", commitmentId: String(c.soon) }, cookies.facilitator);
    expect(outside.status).toBe(409);
    alert(await pageText(outside), "Passez d'abord au point « Suivi des engagements » de l'ordre du jour.");
    expect(shownOnScreen(meeting.id)).toBeNull();
  });

  it("records what the meeting decided in one step, with its meeting; a bad or foreign form changes nothing and says why", async () => {
    const meeting = reviewingMeeting("Reyinyon desizyon");
    const before = written();
    const noDate = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.soon), decision: "reschedule", dueDate: "", note: "" }, cookies.facilitator);
    expect(noDate.status).toBe(409);
    fieldError(await pageText(noDate), "Indiquez la nouvelle échéance.");
    const noReason = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.soon), decision: "abandon", dueDate: "", note: " " }, cookies.facilitator);
    expect(noReason.status).toBe(409);
    fieldError(await pageText(noReason), "Dites pourquoi.");
    const badDate = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.soon), decision: "reschedule", dueDate: "31/12/2027", note: "" }, cookies.facilitator);
    expect(badDate.status).toBe(400);
    const foreign = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.elsewhere), decision: "reschedule", dueDate: day(60), note: "" }, cookies.facilitator);
    expect(foreign.status).toBe(404);
    const wrongState = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.soon), decision: "verify", dueDate: "", note: "" }, cookies.facilitator);
    expect(wrongState.status).toBe(409);
    alert(await pageText(wrongState), "Pas possible dans l'état où est l'engagement.");
    expect(written()).toEqual(before);

    const newDate = day(75);
    const decided = await post(meeting.consolePath, { intent: "commitment-decide", commitmentId: String(c.soon), decision: "reschedule", dueDate: newDate, note: "Le CASEC demande deux mois de plus." }, cookies.facilitator);
    expect(decided.status).toBe(200);
    has(await pageText(decided), `data-testid="review-done">La décision de la réunion est enregistrée.`);
    const row = server.db.select().from(commitments).where(eq(commitments.id, c.soon)).get()!;
    expect(row).toMatchObject({ dueDate: newDate, originalDueDate: day(7), state: "pledged" });
    const step = server.db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, c.soon)).all().at(-1)!;
    expect(step).toMatchObject({ move: "reschedule", actorKind: "meeting", meetingId: meeting.id, dueDate: newDate, previousDueDate: day(7), note: "Le CASEC demande deux mois de plus.", actorId: f.userId });
    // Rescheduled beyond the fortnight, it leaves the list the console loads next.
    expect(consoleReview(server.db, f, meeting.id, Date.now()).list.map((l) => l.id)).not.toContain(c.soon);
  });
});

describe("the shared screen's commitment", () => {
  it("follows the console on the live document, is rebuilt after a decision, and never carries what the public may not read", async () => {
    const meeting = reviewingMeeting("Reyinyon ekran pataje");
    const token = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, meeting.id)).get()!.screenToken;
    const projector = connectProvider(server.url, `meeting:${meeting.id}:live`, "", undefined, { ecran: token });
    cleanups.push(() => projector.provider.destroy());
    await synced(projector.provider);
    const shown = () => projector.doc.getMap("commitment").get("shown") as RoomCommitment | null | undefined;
    const whole = () => JSON.stringify(["live", "attendance", "vote", "commitment"].map((name) => projector.doc.getMap(name).toJSON()));
    expect(shown()).toBeNull();

    must(runConsoleAction(deps, f, meeting.id, { type: "commitment", commitmentId: c.claimed }, Date.now()));
    await waitFor(() => shown()?.id === c.claimed, 5_000, "the commitment on screen");
    expect(shown()).toMatchObject({
      title: title(c.claimed),
      authority: "CASEC de la 1re section de Limonade",
      responsible: "Bureau du CASEC",
      state: "claimed_done",
      dueDate: day(90),
      originalDueDate: day(90),
      percent: 100,
      confirmations: 0,
      disputes: 0,
      lastUpdate: { day: day(0), move: "claim", note: "Travay la fini." },
    });

    // The meeting upholds a dispute (the work goes back in progress): the screen follows from the command's event.
    must(decideInMeeting(deps, f, c.claimed, { decision: "dispute", note: "Lekòl la poko gen do kay.", dueDate: undefined, meetingId: meeting.id }, Date.now()));
    await waitFor(() => shown()?.state === "in_progress", 5_000, "the decision on screen");
    expect(shown()!.lastUpdate).toMatchObject({ move: "dispute", note: "Lekòl la poko gen do kay." });
    must(decideInMeeting(deps, f, c.claimed, { decision: "reschedule", note: "", dueDate: day(30), meetingId: meeting.id }, Date.now()));
    await waitFor(() => shown()?.dueDate === day(30), 5_000, "the new due date on screen");
    expect(shown()!.originalDueDate).toBe(day(90));

    // Nothing of the non-public commitment, nor of the console's list, is in the room's document.
    expect(whole()).not.toContain(title(c.secret));
    expect(whole()).not.toContain(title(c.overdue));
    // Had a non-public commitment been put up (made non-public since, say), the room would see nothing of it.
    server.db.update(meetingSessions).set({ screenCommitmentId: c.secret }).where(eq(meetingSessions.meetingId, meeting.id)).run();
    expect(meetingProjections(server.db, meeting.id)!.commitment.shown).toBeNull();
    server.db.update(meetingSessions).set({ screenCommitmentId: null }).where(eq(meetingSessions.meetingId, meeting.id)).run();

    must(runConsoleAction(deps, f, meeting.id, { type: "commitment", commitmentId: null }, Date.now()));
    await waitFor(() => shown() === null, 5_000, "the screen cleared");
  });
});
