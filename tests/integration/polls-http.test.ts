import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { auditLog, motions, polls } from "../../db/schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import type { Actor } from "../../app/modules/auth/roles";
import { loadActor } from "../../app/modules/auth/session.server";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import { changeMeetingStatus, planMeeting, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { admitToMeeting, draftMotion, submitMotion } from "../../app/modules/motions/motions.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { linkAccount, registerDelegate } from "../../app/modules/people/people.server";
import { castBallot } from "../../app/modules/polls/polls.server";
import type { Result } from "../../app/modules/result";
import { createAccount, insertAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * The console's poll forms, the meeting page's results and the paper ballots, through the
 * real server: what a facilitator's browser posts without JavaScript, and what everyone else
 * is refused.
 */

const LIMONADE = 1;
const SINCE = `${localDate(Date.now()).slice(0, 4)}-01-01`;

let server: TestServer;
let deps: Deps;
let facilitator: string;
let delegate: string;
let elsewhere: string;
let f: Actor;

interface Voter {
  personId: number;
  organisationId: number;
  name: string;
  actor: Actor;
}

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

let emails = 0;
/** An organisation of Limonade with its titular delegate, whose account is linked to her person. */
async function seated(name: string, organisation: string): Promise<Voter> {
  const organisationId = must(registerOrganisation(server.db, f, LIMONADE, { name: organisation, type: "muso", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, SINCE, Date.now())).id;
  const { personId } = must(
    await registerDelegate(server.db, f, LIMONADE, { name, sex: "female", birthYear: 1995, ageGroup: null, disability: false, preferredLanguage: null }, { organisationId, seat: "titular", fromDate: SINCE }, { createAccount: false, accountPassword: "" }, Date.now()),
  );
  const userId = server.db.transaction((tx) =>
    insertAccount(tx, { name, email: `vote-http${++emails}@makon.test`, phone: null, locale: null, passwordHash: UNUSABLE_HASH, role: "delegate", spaceId: LIMONADE, actorId: f.userId, now: Date.now(), whenTaken: "refuse" }),
  )!;
  must(linkAccount(deps, f, LIMONADE, personId, { userId }, Date.now()));
  return { personId, organisationId, name, actor: loadActor(server.db, userId) };
}

/** A live meeting of Limonade with these delegates checked in. */
function liveMeeting(title: string, present: readonly Voter[]): { id: number; path: string } {
  const now = Date.now();
  const { id } = must(planMeeting(server.db, f, LIMONADE, { kind: "ordinary", title, startsAt: now, endsAt: null, place: "Lekòl", published: true, facilitatorIds: [], authorityIds: [] }, now - 60_000));
  for (const d of present) must(recordAttendance(deps, f, id, { personId: d.personId, name: d.name, sex: "female", ageGroup: "25_35", disability: false, organisationId: d.organisationId, role: "delegate" }, now - 30_000));
  must(changeMeetingStatus(deps, f, id, "start", { now }));
  return { id, path: `/espaces/${LIMONADE}/reunions/${id}` };
}

let voters: Voter[];

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.db, realtime: server.realtime };
  f = actorByEmail(server.db, "animateur@makon.ht");
  // A facilitator of Petite-Anse is nobody in Limonade.
  must(await createAccount(server.db, actorByEmail(server.db, "admin@makon.ht"), { name: "Animatris Lòt Espas", email: "animatris.pa@makon.test", password: "petite-anse 2026", role: "facilitator", spaceId: 2 }, Date.now()));
  [facilitator, delegate, elsewhere] = await Promise.all([
    signInCookie(server.url, "animateur@makon.ht"),
    signInCookie(server.url, "delegue@makon.ht"),
    signInCookie(server.url, "animatris.pa@makon.test", "petite-anse 2026"),
  ]);
  voters = [];
  for (const [name, org] of [
    ["Anne Joseph", "MUSO Fanm Vanyan"],
    ["Bernadette Pierre", "Jèn Limonad"],
    ["Carole Jean", "Koperativ Bwa Lorans"],
  ] as const)
    voters.push(await seated(name, org));
});
afterAll(() => server.stop());

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

/** Whether a page holds a text, saying which text is missing (not the whole page) when it does not. */
const has = (html: string, text: string) => expect(html.includes(text), `missing: ${text}`).toBe(true);
const hasNot = (html: string, text: string) => expect(html.includes(text), `present: ${text}`).toBe(false);
const pollsOf = (meetingId: number) => server.db.select().from(polls).where(eq(polls.meetingId, meetingId)).all();
const pollAudits = () => server.db.select().from(auditLog).where(like(auditLog.action, "poll.%")).all().length;
const openForm = { intent: "poll-open", question: "Èske n dakò pou n repare fontèn Roucou?", motionId: "", method: "hybrid", majority: "simple", presenceQuorumPercent: "50", turnoutQuorumPercent: "", countdownMinutes: "5" };

describe("the console's poll panel over HTTP", () => {
  it("opens a hybrid poll from its form, refuses hands over the limit in the facilitator's language writing nothing, closes, and the meeting page shows the result", async () => {
    const meeting = liveMeeting("Reyinyon vòt miks", voters);
    const consolePath = `${meeting.path}/console`;
    const blank = await post(consolePath, { ...openForm, question: " " }, facilitator);
    expect(blank.status).toBe(400);
    has(await blank.text(), "Ce champ est obligatoire.");
    expect(pollsOf(meeting.id)).toEqual([]);

    const opened = await post(consolePath, openForm, facilitator);
    expect(opened.status).toBe(200);
    has(await opened.text(), "Le vote est ouvert.");
    const [poll] = pollsOf(meeting.id);
    expect(poll).toMatchObject({ method: "hybrid", state: "open", eligible: 3, rules: { majority: { kind: "simple" }, presenceQuorumPercent: 50, turnoutQuorumPercent: null } });
    const pollId = String(poll!.id);

    // Anne votes by phone: two present voters are left for the hands.
    must(castBallot(deps, voters[0]!.actor, poll!.id, "yes", Date.now()));
    const page = await (await get(consolePath, facilitator)).text();
    has(page, "1 sur 3 ont voté par téléphone");
    has(page, "2 votant·es présent·es n&#x27;ont pas voté par téléphone : entrez leurs mains.");
    has(await (await get(consolePath, `${facilitator}; makon_lang=ht`)).text(), "2 moun ki la poko vote sou telefòn: mete men pa yo.");

    const audits = pollAudits();
    const over = { intent: "poll-hands", pollId, yes: "2", no: "1", abstain: "0" };
    const refused = await post(consolePath, over, facilitator);
    expect(refused.status).toBe(409);
    has(await refused.text(), "Ce compte dépasse le nombre de votant·es qui restent à compter.");
    const refusedHt = await post(consolePath, over, `${facilitator}; makon_lang=ht`);
    expect(refusedHt.status).toBe(409);
    has(await refusedHt.text(), "Kont sa a depase kantite moun ki rete pou konte.");
    expect(pollsOf(meeting.id)[0]).toMatchObject({ handsYes: null, handsNo: null, handsAbstain: null, handsBreakdown: null });
    expect(pollAudits()).toBe(audits);

    // A breakdown that does not add up to the hands for is refused too, with its message.
    const mismatch = await post(consolePath, { ...over, yes: "1", no: "1", for_female_25_35: "2" }, facilitator);
    expect(mismatch.status).toBe(409);
    has(await mismatch.text(), "La répartition par sexe et par âge doit donner le nombre de voix pour.");
    const notCount = await post(consolePath, { ...over, yes: "-1" }, facilitator);
    expect(notCount.status).toBe(400);
    has(await notCount.text(), "Un nombre entier, sans signe.");
    expect(pollAudits()).toBe(audits);

    const hands = await post(consolePath, { ...over, yes: "1", no: "1", for_female_25_35: "1" }, facilitator);
    expect(hands.status).toBe(200);
    has(await hands.text(), "Le compte est enregistré.");
    expect(pollsOf(meeting.id)[0]).toMatchObject({ handsYes: 1, handsNo: 1, handsAbstain: 0 });

    const closed = await post(consolePath, { intent: "poll-close", pollId }, facilitator);
    expect(closed.status).toBe(200);
    const closedPage = await closed.text();
    has(closedPage, "Le vote est clos.");
    has(closedPage, "Adoptée à la majorité simple : 2 pour, 1 contre, 0 abstention");
    // Closing again answers the same and writes nothing.
    const audited = pollAudits();
    expect((await post(consolePath, { intent: "poll-close", pollId }, facilitator)).status).toBe(200);
    expect(pollAudits()).toBe(audited);

    const meetingPage = await (await get(meeting.path)).text();
    has(meetingPage, "Èske n dakò pou n repare fontèn Roucou?");
    has(meetingPage, "Téléphones et main levée");
    has(meetingPage, "Majorité simple : plus de voix pour que contre");
    has(meetingPage, "Adoptée à la majorité simple : 2 pour, 1 contre, 0 abstention");
    // The phones and the hands apart, to the facilitators only: with the hands seen in the room, the phones' split would be Anne's ballot.
    const split = "Par téléphone : 1 pour, 0 contre, 0 abstention · À main levée : 1 pour, 1 contre, 0 abstention";
    expect(meetingPage).not.toContain("Par téléphone : 1 pour");
    has(await (await get(meeting.path, facilitator)).text(), split);
    has(await (await get(meeting.path, `${facilitator}; makon_lang=ht`)).text(), "Adopte ak majorite senp: 2 pou, 1 kont, 0 abstansyon");
  });

  it("records the motion adopted with its poll in one step", async () => {
    const meeting = liveMeeting("Reyinyon mosyon", voters);
    const anne = voters[0]!;
    const motionId = must(
      draftMotion(deps, anne.actor, LIMONADE, { organisationId: anne.organisationId, title: "Fontèn Roucou", text: "Nou mande CASEC la repare fontèn nan.", rationale: "", theme: "water", authorityId: null }, Date.now()),
    ).id;
    must(submitMotion(deps, anne.actor, motionId, Date.now()));
    must(admitToMeeting(deps, f, motionId, meeting.id, Date.now()));
    const consolePath = `${meeting.path}/console`;
    // The question is the motion's title, and the motion is chosen, once its item is the current one.
    const itemId = /name="itemId" value="(\d+)"/.exec(await (await get(consolePath, facilitator)).text())![1]!;
    expect((await post(consolePath, { intent: "item", itemId }, facilitator)).status).toBe(200);
    const page = await (await get(consolePath, facilitator)).text();
    expect(page).toMatch(new RegExp(`<option value="${motionId}" selected="">M-\\d{4}-\\d{3} · Fontèn Roucou</option>`));
    has(page, ">Fontèn Roucou</textarea>");

    expect((await post(consolePath, { ...openForm, method: "hands", motionId: String(motionId), question: "Fontèn Roucou" }, facilitator)).status).toBe(200);
    const pollId = String(pollsOf(meeting.id)[0]!.id);
    expect((await post(consolePath, { intent: "poll-hands", pollId, yes: "3", no: "0", abstain: "0" }, facilitator)).status).toBe(200);
    expect((await post(consolePath, { intent: "poll-close", pollId }, facilitator)).status).toBe(200);
    // A rejection with a poll that adopted is refused, and changes nothing.
    const wrong = await post(consolePath, { intent: "poll-decide", motionId: String(motionId), pollId, move: "reject" }, facilitator);
    expect(wrong.status).toBe(409);
    expect(server.db.select({ state: motions.state }).from(motions).where(eq(motions.id, motionId)).get()!.state).toBe("admitted");
    const adopted = await post(consolePath, { intent: "poll-decide", motionId: String(motionId), pollId, move: "adopt" }, facilitator);
    expect(adopted.status).toBe(200);
    has(await adopted.text(), "La décision est enregistrée.");
    expect(server.db.select({ state: motions.state }).from(motions).where(eq(motions.id, motionId)).get()!.state).toBe("adopted");
  });

  it("takes a consensus or its absence with the objections, and closes only once it is recorded", async () => {
    const meeting = liveMeeting("Reyinyon konsansis", voters);
    const consolePath = `${meeting.path}/console`;
    expect((await post(consolePath, { ...openForm, method: "consensus" }, facilitator)).status).toBe(200);
    const pollId = String(pollsOf(meeting.id)[0]!.id);
    const early = await post(consolePath, { intent: "poll-close", pollId }, `${facilitator}; makon_lang=ht`);
    expect(early.status).toBe(409);
    has(await early.text(), "Di si gen konsansis anvan ou fèmen.");
    expect(pollsOf(meeting.id)[0]!.state).toBe("open");
    const recorded = await post(consolePath, { intent: "poll-consensus", pollId, reached: "no", objections: "Jèn Limonad poko dakò sou kote fontèn nan." }, facilitator);
    expect(recorded.status).toBe(200);
    expect((await post(consolePath, { intent: "poll-close", pollId }, facilitator)).status).toBe(200);
    const page = await (await get(meeting.path, facilitator)).text();
    has(page, "Pas de consensus : non adoptée");
    has(page, "Objections : Jèn Limonad poko dakò sou kote fontèn nan.");
  });

  it("refuses a delegate and another space's facilitator every poll intent of the console, writing nothing", async () => {
    const meeting = liveMeeting("Reyinyon delege", voters);
    const consolePath = `${meeting.path}/console`;
    expect((await post(consolePath, { ...openForm, method: "hands" }, facilitator)).status).toBe(200);
    const pollId = String(pollsOf(meeting.id)[0]!.id);
    const before = { polls: JSON.stringify(pollsOf(meeting.id)), audits: server.db.select().from(auditLog).all().length };
    const forms: Record<string, string>[] = [
      openForm,
      { intent: "poll-hands", pollId, yes: "1", no: "0", abstain: "0" },
      { intent: "poll-consensus", pollId, reached: "yes", objections: "" },
      { intent: "poll-close", pollId },
      { intent: "poll-decide", motionId: "1", move: "withdraw" },
    ];
    for (const form of forms) {
      for (const cookie of [delegate, elsewhere]) expect((await post(consolePath, form, cookie)).status, form.intent).toBe(403);
      const anonymous = await post(consolePath, form);
      expect(anonymous.status, form.intent).toBe(302);
      expect(anonymous.headers.get("location")).toContain("/connexion");
    }
    expect(JSON.stringify(pollsOf(meeting.id))).toBe(before.polls);
    expect(server.db.select().from(auditLog).all().length).toBe(before.audits);
    expect(server.db.select().from(auditLog).where(and(eq(auditLog.action, "poll.hands"), eq(auditLog.subjectId, pollId))).all()).toEqual([]);
  });
});

describe("the paper ballots", () => {
  it("print the open poll's question for the space's facilitators; 403 for others, 404 outside the space", async () => {
    const meeting = liveMeeting("Reyinyon bilten", voters);
    const ballots = `${meeting.path}/bulletins`;
    const empty = await get(ballots, facilitator);
    expect(empty.status).toBe(200);
    has(await empty.text(), "Question écrite à la main");
    expect((await post(`${meeting.path}/console`, { ...openForm, method: "paper", question: "Èske n ap mete yon komite dlo?" }, facilitator)).status).toBe(200);
    const page = await get(ballots, facilitator);
    expect(page.status).toBe(200);
    const html = await page.text();
    has(html, "Èske n ap mete yon komite dlo?");
    has(html, "Bulletin de vote");
    has(html, "/ Bilten vòt");
    has(html, "/ Abstansyon");
    has(html, "Feuille de dépouillement");
    has(html, "Scrutateur·rice 2 : nom et signature");
    expect((await get(ballots, `${facilitator}; makon_lang=ht`)).status).toBe(200);
    has(await (await get(ballots, `${facilitator}; makon_lang=ht`)).text(), "Fèy depouyman");

    expect((await get(ballots, delegate)).status).toBe(403);
    expect((await get(ballots, elsewhere)).status).toBe(403);
    expect((await get(ballots)).status).toBe(302);
    expect((await get(`/espaces/2/reunions/${meeting.id}/bulletins`, facilitator)).status).toBe(404);
    expect((await get(`/espaces/${LIMONADE}/reunions/999999/bulletins`, facilitator)).status).toBe(404);

    // The meeting page links them for the facilitators only.
    has(await (await get(meeting.path, facilitator)).text(), `href="${meeting.path}/bulletins"`);
    hasNot(await (await get(meeting.path, delegate)).text(), `${meeting.path}/bulletins`);
  });
});
