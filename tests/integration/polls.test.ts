import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client";
import { attendance, auditLog, motions, pollVoters, polls } from "../../db/schema/index";
import { revealsBallot } from "../../app/modules/audit/actions";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import type { Actor } from "../../app/modules/auth/roles";
import { createLucia, loadActor, startSession } from "../../app/modules/auth/session.server";
import { parseCsv } from "../../app/modules/csv/csv";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import { translate } from "../../app/modules/i18n/catalog.server";
import { changeMeetingStatus, planMeeting, recordAttendance, removeAttendance } from "../../app/modules/meetings/meetings.server";
import { meetingMessage } from "../../app/modules/meetings/messages";
import { runConsoleAction } from "../../app/modules/live/live.server";
import { meetingProjections } from "../../app/modules/live/projections.server";
import { admitToMeeting, draftMotion, submitMotion } from "../../app/modules/motions/motions.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { linkAccount, registerDelegate } from "../../app/modules/people/people.server";
import type { DecisionRules } from "../../app/modules/polls/decision";
import type { BallotChoice, PollMethod } from "../../app/modules/polls/methods";
import { pollMessage } from "../../app/modules/polls/messages";
import { HandsSchema, OpenPollSchema } from "../../app/modules/polls/polls.schemas";
import {
  castBallot,
  closePoll,
  enterHands,
  meetingPolls,
  myBallot,
  openPoll,
  pollResultsCsv,
  pollView,
  recordConsensus,
  submitBallot,
  type OpenPollInput,
} from "../../app/modules/polls/polls.server";
import { ballotCommand, ballotStatusCommand } from "../../app/modules/polls/socket-commands.server";
import { MAJORITY_CHOICES, majorityOf } from "../../app/modules/polls/rules";
import { DOCUMENT_KINDS } from "../../app/modules/realtime/kinds.server";
import type { DomainEvent } from "../../app/modules/realtime/port";
import type { Result } from "../../app/modules/result";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { createAccount, insertAccount } from "../../app/modules/users/users.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { commandSocket } from "../setup/realtime-client";
import { ROOT } from "../setup/root";
import { tempDir } from "../setup/temp-dir";
import { actorByEmail, demoDatabase } from "../setup/test-db";
import { startTestServer, type TestServer } from "../setup/test-server";

// The demo seats its delegate from 1 January of the current year: the tests live in that year.
const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;
const NOW = Date.UTC(YEAR, 5, 15, 15);
const MIN = 60_000;
const LIMONADE = 1;

let db: Db;
let deps: Deps;
let close: () => void;
let published: DomainEvent[];

beforeEach(async () => {
  ({ db, close } = await demoDatabase());
  published = [];
  deps = { db, realtime: { ...offlineRealtimePort(db), publish: (events) => published.push(...events) } };
});
afterEach(() => close());

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

interface Delegate {
  name: string;
  personId: number;
  organisationId: number;
  actor: Actor;
}

const organisation = (database: Db, actor: Actor, spaceId: number, name: string) =>
  must(registerOrganisation(database, actor, spaceId, { name, type: "muso", legallyRecognised: false, ledByWoman: false, ledByYouth: false }, SINCE, NOW)).id;

let emails = 0;
/**
 * A delegate seated by the register's command, with an account linked to her person. The
 * account gets a hash no password matches, made once: a hundred scrypt hashes would take
 * the test's time, and no one signs in with a password here.
 */
async function seat(database: Db, actor: Actor, spaceId: number, organisationId: number, name: string, kind: "titular" | "substitute", sex: "female" | "male" = "female", birthYear = 1995): Promise<Delegate> {
  const { personId } = must(
    await registerDelegate(database, actor, spaceId, { name, sex, birthYear, ageGroup: null, disability: false, preferredLanguage: null }, { organisationId, seat: kind, fromDate: SINCE }, { createAccount: false, accountPassword: "" }, NOW),
  );
  const email = `votan${++emails}@makon.test`;
  const userId = database.transaction((tx) => insertAccount(tx, { name, email, phone: null, locale: null, passwordHash: UNUSABLE_HASH, role: "delegate", spaceId, actorId: actor.userId, now: NOW, whenTaken: "refuse" }))!;
  must(linkAccount({ db: database, realtime: deps.realtime }, actor, spaceId, personId, { userId }, NOW));
  return { name, personId, organisationId, actor: loadActor(database, userId) };
}

function checkIn(database: Db, actor: Actor, meetingId: number, d: Delegate, at: number): number {
  return must(
    recordAttendance({ db: database, realtime: deps.realtime }, actor, meetingId, { personId: d.personId, name: d.name, sex: "female", ageGroup: "25_35", disability: false, organisationId: d.organisationId, role: "delegate" }, at),
  ).id;
}

function liveMeeting(database: Db, actor: Actor, spaceId: number, present: readonly Delegate[], options: { published?: boolean; start?: number } = {}): number {
  const start = options.start ?? NOW;
  const { id } = must(
    planMeeting(database, actor, spaceId, { kind: "ordinary", title: "Reyinyon ordinè", startsAt: start, endsAt: null, place: "Lekòl", published: options.published ?? true, facilitatorIds: [], authorityIds: [] }, start - 60 * MIN),
  );
  for (const d of present) checkIn(database, actor, id, d, start - 30 * MIN);
  must(changeMeetingStatus({ db: database, realtime: deps.realtime }, actor, id, "start", { now: start }));
  return id;
}

const input = (method: PollMethod, extra: Partial<OpenPollInput> = {}): OpenPollInput => ({ question: "Èske n dakò pou n repare fontèn Roucou?", motionId: null, method, rules: null, countdownMinutes: null, ...extra });
const rulesOf = (majority: DecisionRules["majority"], extra: Partial<DecisionRules> = {}): DecisionRules => ({ majority, abstentionsCount: false, presenceQuorumPercent: null, turnoutQuorumPercent: null, ...extra });

/**
 * Makòn Limonade (one organisation one vote, quorum 50 %, simple majority) with the demo's
 * APWOLIM and three organisations of ours: Anne (titular) and Sonia (substitute) for the
 * first, Bernard and Carole titulars of the others; an observer's account; a delegate of
 * another space. Anne, Sonia, Bernard and Carole are checked in and the meeting is live.
 */
async function limonade() {
  const f = actorByEmail(db, "animateur@makon.ht");
  const admin = actorByEmail(db, "admin@makon.ht");
  const [a, b, c] = ["MUSO Fanm Vanyan", "Jèn Limonad", "Koperativ Bwa Lorans"].map((name) => organisation(db, f, LIMONADE, name));
  const anne = await seat(db, f, LIMONADE, a!, "Anne Joseph", "titular");
  const sonia = await seat(db, f, LIMONADE, a!, "Sonia Michel", "substitute");
  const bernard = await seat(db, f, LIMONADE, b!, "Bernard Pierre", "titular", "male", 1970);
  const carole = await seat(db, f, LIMONADE, c!, "Carole Jean", "titular", "female", 2001);
  const observerId = must(await createAccount(db, admin, { name: "Obsèvatè", email: "obsevate@makon.test", password: "observer password", role: "observer", spaceId: LIMONADE }, NOW)).id;
  const elsewhereId = must(await createAccount(db, admin, { name: "Lòt espas", email: "lot@makon.test", password: "elsewhere password", role: "delegate", spaceId: 2 }, NOW)).id;
  const meetingId = liveMeeting(db, f, LIMONADE, [anne, sonia, bernard, carole]);
  return { f, admin, anne, sonia, bernard, carole, observer: loadActor(db, observerId), elsewhere: loadActor(db, elsewhereId), meetingId };
}

const pollRow = (id: number) => db.select().from(polls).where(eq(polls.id, id)).get()!;
const votersOf = (id: number) => db.select().from(pollVoters).where(eq(pollVoters.pollId, id)).all();
const auditCount = () => db.select().from(auditLog).all().length;

/** Every row of a table, in storage order, as JSON: what a copy of the file would show. */
const dumpTable = (database: Db, table: string): string[] => (database.$client.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as unknown[]).map((row) => JSON.stringify(row));
const tableNames = (database: Db): string[] => database.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
const dumpAll = (database: Db) => new Map(tableNames(database).map((name) => [name, dumpTable(database, name)]));

describe("opening a poll", () => {
  it("is for the facilitators of a live meeting, one poll at a time, and freezes its voters and figures", async () => {
    const w = await limonade();
    const planned = must(planMeeting(db, w.f, LIMONADE, { kind: "ordinary", title: "Pita", startsAt: NOW + 86_400_000, endsAt: null, place: "", published: false, facilitatorIds: [], authorityIds: [] }, NOW)).id;
    const audits = auditCount();
    expect(openPoll(deps, w.anne.actor, w.meetingId, input("named"), NOW + MIN)).toEqual({ ok: false, code: "forbidden" });
    expect(openPoll(deps, w.f, planned, input("named"), NOW + MIN)).toEqual({ ok: false, code: "not_live" });
    expect(openPoll(deps, w.f, 9999, input("named"), NOW + MIN)).toEqual({ ok: false, code: "not_found" });
    expect(db.select().from(polls).all()).toEqual([]);
    expect(auditCount()).toBe(audits);

    const id = must(openPoll(deps, w.f, w.meetingId, input("named", { countdownMinutes: 3 }), NOW + MIN)).id;
    expect(published).toContainEqual({ type: "poll.changed", meetingId: w.meetingId });
    // Limonade's defaults; APWOLIM (the demo's) is a member but absent: 3 of 4 organisations.
    expect(pollRow(id)).toMatchObject({
      state: "open",
      votingBase: "organisation",
      rules: { majority: { kind: "simple" }, abstentionsCount: false, presenceQuorumPercent: 50, turnoutQuorumPercent: null },
      organisationsPresent: 3,
      organisations: 4,
      eligible: 3,
      phoneYes: 0,
      closesAt: NOW + 4 * MIN,
      openedBy: w.f.userId,
    });
    // One vote per organisation present, the titular's; written in person order, no choice.
    const voters = votersOf(id);
    expect(voters.map((v) => v.personId)).toEqual([w.anne.personId, w.bernard.personId, w.carole.personId].sort((x, y) => x - y));
    expect(voters.every((v) => !v.voted && v.choice === null)).toBe(true);
    expect(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + 2 * MIN)).toEqual({ ok: false, code: "poll_open" });
  });

  it("on a motion needs it admitted to this meeting, and its admitted amendments decided first", async () => {
    const w = await limonade();
    const motion = (values: Partial<typeof motions.$inferInsert>) =>
      db
        .insert(motions)
        .values({ spaceId: LIMONADE, year: YEAR, sequence: 1, title: "Fontèn Roucou", proposerOrganisationId: w.anne.organisationId, proposerPersonId: w.anne.personId, state: "admitted", meetingId: w.meetingId, createdAt: NOW, ...values })
        .returning({ id: motions.id })
        .get().id;
    const admitted = motion({});
    const submitted = motion({ sequence: 2, state: "submitted", meetingId: null });
    const amendment = motion({ parentId: admitted, sequence: 1, title: "Amannman 1" });
    expect(openPoll(deps, w.f, w.meetingId, input("hands", { motionId: submitted }), NOW + MIN)).toEqual({ ok: false, code: "motion_not_admitted" });
    expect(openPoll(deps, w.f, w.meetingId, input("hands", { motionId: admitted }), NOW + MIN)).toEqual({ ok: false, code: "amendments_pending" });
    const onAmendment = must(openPoll(deps, w.f, w.meetingId, input("hands", { motionId: amendment }), NOW + MIN)).id;
    expect(pollView(db, w.f, onAmendment, "fr")!.motion).toEqual({ id: amendment, number: `M-${YEAR}-001 A1`, title: "Amannman 1" });
    must(enterHands(deps, w.f, onAmendment, { yes: 3, no: 0, abstain: 0 }, null, NOW + 2 * MIN));
    must(closePoll(deps, w.f, onAmendment, NOW + 3 * MIN));
    db.update(motions).set({ state: "adopted" }).where(eq(motions.id, amendment)).run();
    expect(openPoll(deps, w.f, w.meetingId, input("hands", { motionId: admitted }), NOW + 4 * MIN)).toMatchObject({ ok: true });
  });

  it("takes its rules from the console's form", () => {
    const parsed = OpenPollSchema.parse({ question: " Dlo ", motionId: "", method: "secret", majority: "two_thirds_more_than", abstentionsCount: "on", presenceQuorumPercent: "40", turnoutQuorumPercent: "", countdownMinutes: "5" });
    expect(parsed).toEqual({
      question: "Dlo",
      motionId: null,
      method: "secret",
      rules: { majority: { kind: "two_thirds", boundary: "more_than" }, abstentionsCount: true, presenceQuorumPercent: 40, turnoutQuorumPercent: null },
      countdownMinutes: 5,
    });
    expect(OpenPollSchema.safeParse({ question: "", method: "vote", majority: "most", presenceQuorumPercent: "140" }).success).toBe(false);
  });
});

describe("a ballot", () => {
  it("is counted once: a second ballot, a ballot after closing and a ballot racing the close change nothing", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + MIN)).id;
    published = [];
    expect(castBallot(deps, w.anne.actor, id, "yes", NOW + 2 * MIN)).toEqual({ ok: true, value: { counted: true } });
    expect(published).toEqual([{ type: "poll.counted", meetingId: w.meetingId, allVoted: false }]);
    const counted = { row: pollRow(id), voters: votersOf(id), audits: auditCount() };
    expect(counted.row).toMatchObject({ phoneYes: 1, phoneNo: 0, phoneAbstain: 0 });
    expect(counted.voters.find((v) => v.personId === w.anne.personId)).toMatchObject({ voted: true, choice: "yes" });

    published = [];
    expect(castBallot(deps, w.anne.actor, id, "no", NOW + 3 * MIN)).toEqual({ ok: false, code: "already_voted" });
    // From the phone (socket or form), the same ballot sent again answers as the first did.
    expect(submitBallot(deps, w.anne.actor, w.meetingId, { pollId: id, choice: "yes" }, NOW + 3 * MIN)).toEqual({ ok: true, value: { counted: true } });
    expect(ballotCommand(deps, w.anne.actor, w.meetingId, { pollId: String(id), choice: "no" }, NOW + 3 * MIN)).toEqual({ error: null, value: { counted: true } });
    expect({ row: pollRow(id), voters: votersOf(id), audits: auditCount() }).toEqual(counted);
    expect(published).toEqual([]);

    // The close and a ballot arrive together: each is one transaction, and the ballot after the close is refused.
    const [closing, racing] = await Promise.all([
      Promise.resolve().then(() => closePoll(deps, w.f, id, NOW + 4 * MIN)),
      Promise.resolve().then(() => castBallot(deps, w.carole.actor, id, "no", NOW + 4 * MIN)),
    ]);
    expect(closing).toEqual({ ok: true, value: { result: { outcome: "adopted", reason: "majority_reached", base: 1 }, tally: { yes: 1, no: 0, abstain: 0 } } });
    expect(racing).toEqual({ ok: false, code: "poll_closed" });
    const closed = { row: pollRow(id), voters: votersOf(id), audits: auditCount() };
    // Late: refused, nothing written.
    expect(castBallot(deps, w.bernard.actor, id, "no", NOW + 5 * MIN)).toEqual({ ok: false, code: "poll_closed" });
    expect(ballotCommand(deps, w.bernard.actor, w.meetingId, { pollId: String(id), choice: "no" }, NOW + 5 * MIN)).toEqual({ error: "polls.error.closed" });
    expect({ row: pollRow(id), voters: votersOf(id), audits: auditCount() }).toEqual(closed);
    expect(closed.voters.filter((v) => v.voted).map((v) => v.personId)).toEqual([w.anne.personId]);
  });

  it("is taken until the facilitator closes, past the countdown (a phone's outbox sends it when the network returns)", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("secret", { countdownMinutes: 1 }), NOW + MIN)).id;
    expect(castBallot(deps, w.bernard.actor, id, "no", NOW + 10 * MIN)).toEqual({ ok: true, value: { counted: true } });
  });

  it("from someone not on the frozen list is refused with the reason, in both languages, and changes nothing", async () => {
    const w = await limonade();
    const late = await seat(db, w.f, LIMONADE, organisation(db, w.f, LIMONADE, "Gwoupman Peyizan"), "Lise Valcin", "titular");
    const absent = await seat(db, w.f, LIMONADE, organisation(db, w.f, LIMONADE, "Asosyasyon Machann"), "Max Durand", "titular");
    const id = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
    checkIn(db, w.f, w.meetingId, late, NOW + 2 * MIN);
    // An observer checked in is not a voter.
    must(recordAttendance(deps, w.f, w.meetingId, { personId: null, name: "Obsèvatè", sex: "male", ageGroup: "36_59", disability: false, organisationId: null, role: "observer" }, NOW));
    const before = dumpAll(db);
    const refusals: [Actor | null, string][] = [
      [null, "forbidden"],
      [w.elsewhere, "forbidden"],
      [w.observer, "not_seated"],
      [w.f, "not_seated"],
      [absent.actor, "not_present"],
      [late.actor, "arrived_late"],
      [w.sonia.actor, "organisation_represented"],
    ];
    for (const [actor, code] of refusals) expect([actor?.userId, castBallot(deps, actor, id, "yes", NOW + 3 * MIN)]).toEqual([actor?.userId, { ok: false, code }]);
    expect(castBallot(deps, w.anne.actor, id + 1, "yes", NOW + 3 * MIN)).toEqual({ ok: false, code: "not_found" });
    expect(dumpAll(db)).toEqual(before);
    // The phone is told why, in its language.
    expect(ballotCommand(deps, late.actor, w.meetingId, { pollId: String(id), choice: "yes" }, NOW)).toEqual({ error: "polls.error.arrivedLate" });
    expect([translate("fr", pollMessage("organisation_represented")), translate("ht", pollMessage("not_present"))]).toEqual([
      "Vous ne votez pas : un·e autre délégué·e de votre organisation est présent·e et porte sa voix.",
      "Ou pa ka vote: ou pa sou lis prezans reyinyon an.",
    ]);
    expect(ballotCommand(deps, w.anne.actor, w.meetingId, { pollId: String(id), choice: "maybe" }, NOW)).toEqual({ error: "error.invalid" });
    // A ballot for a poll of another meeting is not this socket's.
    expect(submitBallot(deps, w.anne.actor, w.meetingId + 1, { pollId: id, choice: "yes" }, NOW)).toEqual({ ok: false, code: "not_found" });
    expect(ballotStatusCommand(deps, late.actor, w.meetingId, {}, NOW)).toEqual({ error: null, value: { pollId: id, canVote: false, voted: false, refusal: "polls.error.arrivedLate" } });
    expect(ballotStatusCommand(deps, w.anne.actor, w.meetingId, {}, NOW)).toEqual({ error: null, value: { pollId: id, canVote: true, voted: false, refusal: null } });
    must(castBallot(deps, w.anne.actor, id, "abstain", NOW + 4 * MIN));
    expect(myBallot(db, w.anne.actor, w.meetingId)).toEqual({ pollId: id, canVote: false, voted: true, refusal: null });
  });

  it("from a substitute is refused while the titular is present, and taken when the titular was absent when the poll opened", async () => {
    const w = await limonade();
    const first = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + MIN)).id;
    expect(castBallot(deps, w.sonia.actor, first, "yes", NOW + 2 * MIN)).toEqual({ ok: false, code: "organisation_represented" });
    // The titular leaves: eligibility stays as it was frozen at opening.
    const anneRow = db.select().from(attendance).where(and(eq(attendance.meetingId, w.meetingId), eq(attendance.personId, w.anne.personId))).get()!.id;
    must(removeAttendance(deps, w.f, anneRow, NOW + 3 * MIN));
    expect(castBallot(deps, w.sonia.actor, first, "yes", NOW + 4 * MIN)).toEqual({ ok: false, code: "organisation_represented" });
    expect(castBallot(deps, w.anne.actor, first, "no", NOW + 4 * MIN)).toMatchObject({ ok: true });
    must(closePoll(deps, w.f, first, NOW + 5 * MIN));

    const second = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + 6 * MIN)).id;
    expect(votersOf(second).find((v) => v.organisationId === w.anne.organisationId)!.personId).toBe(w.sonia.personId);
    expect(castBallot(deps, w.sonia.actor, second, "yes", NOW + 7 * MIN)).toMatchObject({ ok: true });
    expect(castBallot(deps, w.anne.actor, second, "yes", NOW + 7 * MIN)).toEqual({ ok: false, code: "not_present" });
    expect(pollRow(second)).toMatchObject({ eligible: 3, phoneYes: 1 });
  });
});

describe("a hundred delegates voting at once", () => {
  it("are all counted, each once", async () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    // One delegate one vote, ten seats per organisation.
    const spaceId = must(
      createSpace(db, admin, { name: "Makòn Trou-du-Nord", level: "commune", communeCode: "HT0311", setting: "urban", status: "active", votingBase: "delegate", quorumPercent: 50, majorityRule: "simple", titularSeats: 10, substituteSeats: 0 }, NOW),
    ).id;
    const orgs = Array.from({ length: 10 }, (_, i) => organisation(db, admin, spaceId, `Òganizasyon ${i + 1}`));
    const delegates = await Promise.all(Array.from({ length: 100 }, (_, i) => seat(db, admin, spaceId, orgs[i % 10]!, `Delege ${i + 1}`, "titular")));
    const meetingId = liveMeeting(db, admin, spaceId, delegates);
    const id = must(openPoll(deps, admin, meetingId, input("secret"), NOW + MIN)).id;
    expect(pollRow(id).eligible).toBe(100);
    const choices: BallotChoice[] = ["yes", "no", "abstain", "yes"];
    const results = await Promise.all(delegates.map((d, i) => Promise.resolve().then(() => castBallot(deps, d.actor, id, choices[i % 4]!, NOW + 2 * MIN))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(pollRow(id)).toMatchObject({ phoneYes: 50, phoneNo: 25, phoneAbstain: 25 });
    expect(votersOf(id).filter((v) => v.voted)).toHaveLength(100);
    expect(pollView(db, admin, id, "fr")).toMatchObject({ votedByPhone: 100, eligible: 100, result: null });
    expect(must(closePoll(deps, admin, id, NOW + 3 * MIN))).toEqual({ result: { outcome: "adopted", reason: "majority_reached", base: 75 }, tally: { yes: 50, no: 25, abstain: 25 } });
  });
});

describe("a hybrid poll", () => {
  it("takes the hands of those who did not vote by phone, refuses more, and adds both", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("hybrid"), NOW + MIN)).id;
    must(castBallot(deps, w.anne.actor, id, "yes", NOW + 2 * MIN));
    must(castBallot(deps, w.bernard.actor, id, "no", NOW + 2 * MIN));
    // Three eligible, two voted by phone: one hand left to count.
    expect(pollView(db, w.f, id, "fr")!.console).toMatchObject({ handsLimit: 1, hands: null, closeRefusal: "hands_missing" });
    expect(closePoll(deps, w.f, id, NOW + 3 * MIN)).toEqual({ ok: false, code: "hands_missing" });
    const before = dumpAll(db);
    expect(enterHands(deps, w.f, id, { yes: 1, no: 1, abstain: 0 }, null, NOW + 3 * MIN)).toEqual({ ok: false, code: "over_limit" });
    expect(enterHands(deps, w.f, id, { yes: 0.5, no: 0, abstain: 0 }, null, NOW + 3 * MIN)).toEqual({ ok: false, code: "not_whole" });
    expect(enterHands(deps, w.anne.actor, id, { yes: 1, no: 0, abstain: 0 }, null, NOW + 3 * MIN)).toEqual({ ok: false, code: "forbidden" });
    expect(dumpAll(db)).toEqual(before);
    must(enterHands(deps, w.f, id, { yes: 1, no: 0, abstain: 0 }, null, NOW + 3 * MIN));
    // Hands counted: no phone may add itself to them any more.
    expect(castBallot(deps, w.carole.actor, id, "no", NOW + 4 * MIN)).toEqual({ ok: false, code: "phones_closed" });
    const { result, tally } = must(closePoll(deps, w.f, id, NOW + 5 * MIN));
    expect(tally).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect(result).toEqual({ outcome: "adopted", reason: "majority_reached", base: 3 });
    expect(pollRow(id).result).toEqual(result);
    // The phones' choices are in the counters only.
    expect(votersOf(id).every((v) => v.choice === null)).toBe(true);
    expect(pollView(db, w.f, id, "fr")!.result).toMatchObject({ phones: { yes: 1, no: 1, abstain: 0 }, hands: { yes: 1, no: 0, abstain: 0 }, tally, votes: null, words: "Adoptée à la majorité simple : 2 pour, 1 contre, 0 abstention" });
    // To anyone else, the total only: the room saw the hands, so the phones' split would say how the phones voted.
    for (const viewer of [w.anne.actor, null]) expect(pollView(db, viewer, id, "fr")!.result).toMatchObject({ phones: null, hands: null, tally });
    expect(meetingProjections(db, w.meetingId)!.vote.poll!.result).toMatchObject({ phones: null, hands: null, tally });
  });

  it("needs no hands when everyone eligible voted by phone", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("hybrid"), NOW + MIN)).id;
    published = [];
    for (const d of [w.anne, w.bernard, w.carole]) must(castBallot(deps, d.actor, id, "no", NOW + 2 * MIN));
    // The last ballot awaited is said so: the room gets the final count at once.
    expect(published.map((e) => e.type === "poll.counted" && e.allVoted)).toEqual([false, false, true]);
    expect(must(closePoll(deps, w.f, id, NOW + 3 * MIN)).result).toEqual({ outcome: "rejected", reason: "majority_missed", base: 3 });
  });
});

describe("hands, paper and consensus", () => {
  it("take counts by sex and age group that add up to the hands for, and never for a phone poll", async () => {
    const w = await limonade();
    const secret = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
    expect(enterHands(deps, w.f, secret, { yes: 1, no: 0, abstain: 0 }, null, NOW)).toEqual({ ok: false, code: "not_hands_poll" });
    expect(recordConsensus(deps, w.f, secret, { reached: true, objections: "" }, NOW)).toEqual({ ok: false, code: "not_consensus_poll" });
    must(closePoll(deps, w.f, secret, NOW + 2 * MIN));
    const paper = must(openPoll(deps, w.f, w.meetingId, input("paper"), NOW + 3 * MIN)).id;
    expect(castBallot(deps, w.anne.actor, paper, "yes", NOW)).toEqual({ ok: false, code: "not_phone_poll" });
    const form = HandsSchema.parse({ pollId: String(paper), yes: "2", no: "1", abstain: "0", for_female_25_35: "1", for_male_36_59: "" });
    expect(form.breakdown!.female["25_35"]).toBe(1);
    expect(enterHands(deps, w.f, paper, form.tally, form.breakdown, NOW + 4 * MIN)).toEqual({ ok: false, code: "breakdown_mismatch" });
    const both = HandsSchema.parse({ pollId: String(paper), yes: "2", no: "1", abstain: "0", for_female_25_35: "1", for_male_60p: "1" });
    expect(HandsSchema.parse({ pollId: String(paper), yes: "2", no: "1", abstain: "0" }).breakdown).toBeNull();
    must(enterHands(deps, w.f, paper, both.tally, both.breakdown, NOW + 4 * MIN));
    must(closePoll(deps, w.f, paper, NOW + 5 * MIN));
    const view = pollView(db, w.f, paper, "ht")!;
    expect(view.result!.breakdown).toMatchObject({ of: "all", for: { total: 2, bySex: { female: 1, male: 1 }, women: { count: 1 } } });
    expect(view.result!.words).toBe("Adopte ak majorite senp: 2 pou, 1 kont, 0 abstansyon");
    // The public sees the same figures with its small cells masked.
    expect(pollView(db, null, paper, "fr")!.result!.breakdown).toMatchObject({ of: "all", for: { total: "<5" } });
  });

  it("records a consensus and its objections, decided when the poll closes", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("consensus"), NOW + MIN)).id;
    expect(closePoll(deps, w.f, id, NOW + 2 * MIN)).toEqual({ ok: false, code: "consensus_missing" });
    must(recordConsensus(deps, w.f, id, { reached: false, objections: "  Jèn yo pa dakò ak dat la. " }, NOW + 2 * MIN));
    expect(pollView(db, w.f, id, "fr")!.console!.consensus).toEqual({ reached: false, objections: "Jèn yo pa dakò ak dat la." });
    must(recordConsensus(deps, w.f, id, { reached: true, objections: "" }, NOW + 3 * MIN));
    expect(must(closePoll(deps, w.f, id, NOW + 4 * MIN)).result).toEqual({ outcome: "adopted", reason: "consensus", base: 0 });
    expect(recordConsensus(deps, w.f, id, { reached: false, objections: "" }, NOW + 5 * MIN)).toEqual({ ok: false, code: "poll_closed" });
  });
});

describe("closing a poll", () => {
  it("comes before closing the meeting: a meeting with a poll still open is not closed", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + MIN)).id;
    expect(changeMeetingStatus(deps, w.f, w.meetingId, "close", { now: NOW + 2 * MIN })).toEqual({ ok: false, code: "poll_open" });
    expect(translate("ht", meetingMessage("poll_open"))).toBe("Gen yon vòt ki toujou louvri: fèmen l anvan ou fèmen seyans lan.");
    must(closePoll(deps, w.f, id, NOW + 3 * MIN));
    expect(changeMeetingStatus(deps, w.f, w.meetingId, "close", { now: NOW + 4 * MIN })).toEqual({ ok: true, value: null });
  });

  it("twice answers the stored result and writes nothing the second time", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + MIN)).id;
    must(castBallot(deps, w.anne.actor, id, "yes", NOW + 2 * MIN));
    expect(closePoll(deps, w.anne.actor, id, NOW + 3 * MIN)).toEqual({ ok: false, code: "forbidden" });
    const first = closePoll(deps, w.f, id, NOW + 3 * MIN);
    expect(first).toEqual({ ok: true, value: { result: { outcome: "adopted", reason: "majority_reached", base: 1 }, tally: { yes: 1, no: 0, abstain: 0 } } });
    const before = dumpAll(db);
    published = [];
    expect(closePoll(deps, w.f, id, NOW + 9 * MIN)).toEqual(first);
    expect(dumpAll(db)).toEqual(before);
    expect(published).toEqual([]);
    expect(enterHands(deps, w.f, id, { yes: 0, no: 0, abstain: 0 }, null, NOW)).toEqual({ ok: false, code: "poll_closed" });
  });

  it("decides every majority at its boundary, and a missed quorum as no decision, from the stored result", async () => {
    const w = await limonade();
    // Three voters present (Anne, Bernard, Carole) of four organisations: hands polls of up to three.
    const cases: [DecisionRules, [number, number, number], string][] = [
      [rulesOf(majorityOf("simple")), [1, 0, 2], "adopted:majority_reached"],
      [rulesOf(majorityOf("simple")), [1, 1, 1], "rejected:tie"],
      [rulesOf(majorityOf("absolute_valid"), { abstentionsCount: true }), [1, 0, 1], "rejected:majority_missed"],
      [rulesOf(majorityOf("absolute_valid")), [1, 0, 1], "adopted:majority_reached"],
      [rulesOf(majorityOf("absolute_eligible")), [1, 0, 0], "rejected:majority_missed"],
      [rulesOf(majorityOf("absolute_eligible")), [2, 0, 0], "adopted:majority_reached"],
      [rulesOf(majorityOf("two_thirds_at_least")), [2, 1, 0], "adopted:majority_reached"],
      [rulesOf(majorityOf("two_thirds_more_than")), [2, 1, 0], "rejected:majority_missed"],
      [rulesOf(majorityOf("three_quarters_at_least")), [2, 1, 0], "rejected:majority_missed"],
      [rulesOf(majorityOf("three_quarters_more_than")), [3, 0, 0], "adopted:majority_reached"],
      [rulesOf(majorityOf("simple")), [0, 0, 3], "rejected:only_abstentions"],
      [rulesOf(majorityOf("simple")), [0, 0, 0], "rejected:no_votes"],
      [rulesOf(majorityOf("simple"), { turnoutQuorumPercent: 100 }), [2, 0, 0], "no_decision:turnout_quorum"],
      // Three of four organisations present: 75 % is met, 80 % is not.
      [rulesOf(majorityOf("simple"), { presenceQuorumPercent: 75 }), [3, 0, 0], "adopted:majority_reached"],
      [rulesOf(majorityOf("simple"), { presenceQuorumPercent: 80 }), [3, 0, 0], "no_decision:presence_quorum"],
    ];
    let at = NOW + MIN;
    for (const [rules, [yes, no, abstain], expected] of cases) {
      const id = must(openPoll(deps, w.f, w.meetingId, input("hands", { rules }), (at += MIN))).id;
      must(enterHands(deps, w.f, id, { yes, no, abstain }, null, (at += MIN)));
      must(closePoll(deps, w.f, id, (at += MIN)));
      const stored = pollRow(id).result!;
      expect([rules, yes, no, abstain, `${stored.outcome}:${stored.reason}`]).toEqual([rules, yes, no, abstain, expected]);
    }
    expect(MAJORITY_CHOICES.every((choice) => cases.some(([rules]) => JSON.stringify(rules.majority) === JSON.stringify(majorityOf(choice))))).toBe(true);
    // The export reads the same stored results, with their rules, and names nobody.
    const csv = parseCsv(pollResultsCsv(db, w.f, LIMONADE, "fr").replace(/^\uFEFF/, ""), ";").map((row) => row.fields);
    expect(csv[0]).toContain("Règle");
    expect(csv).toHaveLength(cases.length + 1);
    expect(csv[1]).toEqual(expect.arrayContaining(["Vote à main levée", "Adoptée", "Adoptée à la majorité simple : 1 pour, 0 contre, 2 abstentions"]));
    expect(csv[15]).toEqual(expect.arrayContaining(["Pas de décision : le quorum de 80 % des organisations n'était pas atteint"]));
  });
});

describe("what a poll shows", () => {
  it("never its split while open, to anyone; who voted what in a named poll after closing, to the space's members only", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("named"), NOW + MIN)).id;
    must(castBallot(deps, w.anne.actor, id, "no", NOW + 2 * MIN));
    must(castBallot(deps, w.bernard.actor, id, "yes", NOW + 2 * MIN));
    for (const view of [pollView(db, w.f, id, "fr")!, pollView(db, w.anne.actor, id, "ht")!, pollView(db, null, id, "fr")!]) {
      expect(view).toMatchObject({ state: "open", votedByPhone: 2, eligible: 3, result: null, rulesWords: expect.stringContaining("Majorit") });
      expect(JSON.stringify(view)).not.toMatch(/"(yes|no|abstain|choice|phoneYes|phoneNo)"/);
    }
    expect(pollView(db, w.carole.actor, id, "fr")!.me).toEqual({ canVote: true, voted: false, refusal: null });
    expect(pollView(db, w.anne.actor, id, "fr")!.me).toEqual({ canVote: false, voted: true, refusal: null });
    expect(pollView(db, w.sonia.actor, id, "fr")!.me).toEqual({ canVote: false, voted: false, refusal: "organisation_represented" });
    must(closePoll(deps, w.f, id, NOW + 3 * MIN));
    const votes = pollView(db, w.carole.actor, id, "fr")!.result!.votes!;
    expect(votes.map((v) => [v.name, v.choice])).toEqual([
      ["Anne Joseph", "no"],
      ["Bernard Pierre", "yes"],
      ["Carole Jean", null],
    ]);
    expect(pollView(db, null, id, "fr")!.result!.votes).toBeNull();
    expect(pollView(db, null, id, "fr")!.result).toMatchObject({ votes: null, tally: { yes: 1, no: 1, abstain: 0 }, words: "Rejetée à égalité : 1 pour, 1 contre, 0 abstention" });
    // The named poll's votes for, by sex and age group: Bernard.
    expect(pollView(db, w.f, id, "fr")!.result!.breakdown).toMatchObject({ of: "all", for: { total: 1, bySex: { male: 1 } } });
    expect(meetingPolls(db, w.anne.actor, w.meetingId, "fr").map((p) => p.id)).toEqual([id]);
  });

  it("to the room (the live document): the motion of the current item, the open poll's count without its split, then its result until the facilitator moves on", async () => {
    const w = await limonade();
    const motionId = must(
      draftMotion(deps, w.anne.actor, LIMONADE, { organisationId: w.anne.organisationId, title: "Fontèn Roucou", text: "Nou mande **CASEC** la repare fontèn nan.", rationale: "", theme: "water", authorityId: null }, NOW),
    ).id;
    must(submitMotion(deps, w.anne.actor, motionId, NOW));
    const { agendaItemId } = must(admitToMeeting(deps, w.f, motionId, w.meetingId, NOW + MIN));
    const vote = () => meetingProjections(db, w.meetingId)!.vote;
    expect(vote()).toEqual({ poll: null, motion: null });
    must(runConsoleAction(deps, w.f, w.meetingId, { type: "item", itemId: agendaItemId }, NOW + 2 * MIN));
    expect(vote().motion).toEqual({ id: motionId, number: `M-${YEAR}-001`, title: "Fontèn Roucou", html: expect.stringContaining("<strong>CASEC</strong>") });

    const id = must(openPoll(deps, w.f, w.meetingId, input("secret", { motionId }), NOW + 3 * MIN)).id;
    must(castBallot(deps, w.anne.actor, id, "no", NOW + 4 * MIN));
    must(castBallot(deps, w.bernard.actor, id, "yes", NOW + 4 * MIN));
    const open = vote();
    expect(open.poll).toMatchObject({ id, state: "open", method: "secret", eligible: 3, votedByPhone: 2, result: null, motion: { number: `M-${YEAR}-001` } });
    expect(JSON.stringify(open)).not.toMatch(/"(yes|no|abstain|choice|phoneYes|phoneNo)"/);

    must(closePoll(deps, w.f, id, NOW + 5 * MIN));
    expect(vote().poll).toMatchObject({ state: "closed", result: { tally: { yes: 1, no: 1, abstain: 0 }, decision: { outcome: "rejected", reason: "tie" }, hands: null } });
    // The next item: the result leaves the screen, the next motion comes up.
    const secondId = must(
      draftMotion(deps, w.carole.actor, LIMONADE, { organisationId: w.carole.organisationId, title: "Wout Bwa Lorans", text: "Netwaye kanal yo.", rationale: "", theme: "roads", authorityId: null }, NOW),
    ).id;
    must(submitMotion(deps, w.carole.actor, secondId, NOW));
    const second = must(admitToMeeting(deps, w.f, secondId, w.meetingId, NOW + 6 * MIN)).agendaItemId;
    must(runConsoleAction(deps, w.f, w.meetingId, { type: "item", itemId: second }, NOW + 7 * MIN));
    expect(vote()).toMatchObject({ poll: null, motion: { id: secondId, number: `M-${YEAR}-002` } });
  });

  it("of a secret poll: totals only, never by sex or age; nothing of an unpublished meeting to the public", async () => {
    const w = await limonade();
    const hidden = liveMeeting(db, w.f, LIMONADE, [], { published: false, start: NOW + 86_400_000 });
    const id = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
    must(castBallot(deps, w.anne.actor, id, "yes", NOW + 2 * MIN));
    must(closePoll(deps, w.f, id, NOW + 3 * MIN));
    expect(pollView(db, w.f, id, "fr")!.result).toMatchObject({ phones: { yes: 1, no: 0, abstain: 0 }, breakdown: null, votes: null });
    const other = must(openPoll(deps, w.f, hidden, input("hands"), NOW + 86_400_000)).id;
    expect(pollView(db, null, other, "fr")).toBeNull();
    expect(meetingPolls(db, null, hidden, "fr")).toEqual([]);
    expect(pollView(db, w.anne.actor, other, "fr")).toMatchObject({ id: other, console: null });
  });
});

/** A secret poll's opening state, copied into a second file after a checkpoint: both start byte for byte the same. */
async function twoSecretPolls() {
  const w = await limonade();
  const extra = await Promise.all(["Pòl", "Jak", "Mari", "Tibo"].map(async (name) => seat(db, w.f, LIMONADE, organisation(db, w.f, LIMONADE, `Òganizasyon ${name}`), name, "titular")));
  for (const d of extra) checkIn(db, w.f, w.meetingId, d, NOW + 10);
  const id = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
  const dir = tempDir();
  const copy = join(dir.path, "copy.db");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  copyFileSync(db.$client.name, copy);
  const other = openDatabase(copy);
  const voters = [w.anne, w.bernard, w.carole, ...extra];
  return { w, id, voters, other, done: () => (other.$client.close(), dir.remove()) };
}

describe("a secret ballot", () => {
  it("leaves the same poll tables, byte for byte, whatever the order the ballots came in; its audit entries name no choice", async () => {
    const { w, id, voters, other, done } = await twoSecretPolls();
    try {
      const choices = new Map<number, BallotChoice>(voters.map((v, i) => [v.personId, (["yes", "no", "abstain", "yes", "yes", "no", "yes"] as const)[i]!]));
      const cast = (database: Db, order: readonly Delegate[], start: number) =>
        order.forEach((v, i) => must(castBallot({ db: database, realtime: deps.realtime }, loadActor(database, v.actor.userId), id, choices.get(v.personId)!, start + i * 7_000)));
      cast(db, voters, NOW + 2 * MIN);
      cast(other, [...voters].reverse(), NOW + 5 * MIN);
      for (const database of [db, other]) must(closePoll({ db: database, realtime: deps.realtime }, loadActor(database, w.f.userId), id, NOW + 30 * MIN));

      for (const table of ["polls", "poll_voters"]) expect(dumpTable(other, table)).toEqual(dumpTable(db, table));
      // Not only their rows: the pages that hold them in the files (the WAL checkpointed into them at closing).
      const pages = (database: Db) => database.$client.prepare("SELECT pageno FROM dbstat WHERE name IN ('polls', 'poll_voters', 'sqlite_autoindex_poll_voters_1') ORDER BY pageno").pluck().all() as number[];
      const size = db.$client.pragma("page_size", { simple: true }) as number;
      const page = (database: Db, pageno: number) => readFileSync(database.$client.name).subarray((pageno - 1) * size, pageno * size);
      expect(pages(other)).toEqual(pages(db));
      for (const pageno of pages(db)) expect(page(other, pageno).equals(page(db, pageno))).toBe(true);
      expect(pollRow(id)).toMatchObject({ phoneYes: 4, phoneNo: 2, phoneAbstain: 1, state: "closed" });
      expect(votersOf(id).every((v) => v.voted && v.choice === null)).toBe(true);
      // Space freed on the way was overwritten with zeros, not left with earlier counters in it.
      expect(db.$client.pragma("secure_delete", { simple: true })).toBe(1);
      // The entries differ in order and time, as the voters came; none carries a choice.
      for (const database of [db, other]) {
        const entries = database.select().from(auditLog).where(like(auditLog.action, "poll.%")).all();
        const votes = entries.filter((e) => e.action === "poll.vote");
        expect(votes).toHaveLength(7);
        expect(votes.every((e) => e.before === null && JSON.stringify(e.after) === JSON.stringify({ personId: (e.after as { personId: number }).personId }))).toBe(true);
        expect(entries.some((e) => revealsBallot(e.before) || revealsBallot(e.after))).toBe(false);
        // The WAL, where each ballot's commit held a flag and a counter side by side, is gone.
        expect(statSync(`${database.$client.name}-wal`).size).toBe(0);
      }
    } finally {
      done();
    }
  });

  it("changes only the voter's flag, the poll's counter and an audit entry without the choice", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
    const before = dumpAll(db);
    must(castBallot(deps, w.bernard.actor, id, "abstain", NOW + 2 * MIN));
    const after = dumpAll(db);
    const changed = [...after.keys()].filter((table) => JSON.stringify(after.get(table)) !== JSON.stringify(before.get(table)));
    expect(changed).toEqual(["audit_log", "poll_voters", "polls", "sqlite_sequence"]);
    const differing = (table: string) => {
      const [b, a] = [before.get(table)!, after.get(table)!];
      return { removed: b.filter((row) => !a.includes(row)).map((row) => JSON.parse(row)), added: a.filter((row) => !b.includes(row)).map((row) => JSON.parse(row)) };
    };
    const voters = differing("poll_voters");
    expect(voters.removed).toEqual([{ poll_id: id, person_id: w.bernard.personId, organisation_id: w.bernard.organisationId, voted: 0, choice: null }]);
    expect(voters.added).toEqual([{ ...voters.removed[0], voted: 1 }]);
    const poll = differing("polls");
    expect(poll.added).toEqual([{ ...poll.removed[0], phone_abstain: 1 }]);
    const audit = differing("audit_log");
    expect(audit.removed).toEqual([]);
    expect(audit.added).toEqual([expect.objectContaining({ action: "poll.vote", actor_id: w.bernard.actor.userId, subject_type: "poll", subject_id: String(id), before: null, after: JSON.stringify({ personId: w.bernard.personId }) })]);
    // The audit log's autoincrement counter, moved by that entry.
    const sequence = differing("sqlite_sequence");
    expect(sequence.added).toEqual([{ name: "audit_log", seq: audit.added[0].id }]);
  });

  it("acknowledged survives kill -9", async () => {
    const w = await limonade();
    const id = must(openPoll(deps, w.f, w.meetingId, input("secret"), NOW + MIN)).id;
    const dir = tempDir();
    try {
      const path = join(dir.path, "killed.db");
      db.$client.pragma("wal_checkpoint(TRUNCATE)");
      copyFileSync(db.$client.name, path);
      const script = join(dir.path, "cast.ts");
      writeFileSync(
        script,
        [
          `import { openDatabase } from ${JSON.stringify(join(ROOT, "db/client.ts"))};`,
          `import { loadActor } from ${JSON.stringify(join(ROOT, "app/modules/auth/session.server.ts"))};`,
          `import { castBallot } from ${JSON.stringify(join(ROOT, "app/modules/polls/polls.server.ts"))};`,
          `import { offlineRealtimePort } from ${JSON.stringify(join(ROOT, "server/realtime/offline-port.ts"))};`,
          `const [path, userId, pollId] = process.argv.slice(2);`,
          `const db = openDatabase(path);`,
          `const result = castBallot({ db, realtime: offlineRealtimePort(db) }, loadActor(db, userId), Number(pollId), "no", Date.now());`,
          `process.stdout.write(result.ok ? "acked\\n" : "refused " + result.code + "\\n");`,
          // Alive until killed: nothing closes the database or checkpoints its WAL.
          `setInterval(() => undefined, 1000);`,
        ].join("\n"),
      );
      const child = spawn(process.execPath, ["--import", "tsx", script, path, w.carole.actor.userId, String(id)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stderr.on("data", (chunk) => (output += chunk));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk;
          if (output.includes("acked")) {
            child.kill("SIGKILL");
            resolve();
          } else if (output.includes("refused")) reject(new Error(output));
        });
        child.once("exit", () => reject(new Error(`exited before acknowledging: ${output}`)));
      });
      expect(await exited).toBe("SIGKILL");
      const reopened = openDatabase(path);
      try {
        expect(reopened.select().from(polls).where(eq(polls.id, id)).get()).toMatchObject({ phoneNo: 1 });
        expect(reopened.select().from(pollVoters).where(and(eq(pollVoters.pollId, id), eq(pollVoters.personId, w.carole.personId))).get()).toMatchObject({ voted: true, choice: null });
      } finally {
        reopened.$client.close();
      }
    } finally {
      dir.remove();
    }
  }, 60_000);
});

/** Ballots from phones on their meeting's live socket, once the kind declares the command. */
describe.skipIf(!("ballot" in DOCUMENT_KINDS["meeting-live"].commands))("ballots on the live socket", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("from a hundred phones at once are all counted, and one sent again answers as the first", async () => {
    const start = Date.now();
    const sdb = server.db;
    const sdeps: Deps = { db: sdb, realtime: server.realtime };
    const admin = actorByEmail(sdb, "admin@makon.ht");
    const spaceId = must(
      createSpace(sdb, admin, { name: "Makòn Limonade Sid", level: "commune", communeCode: "HT0311", setting: "urban", status: "active", votingBase: "delegate", quorumPercent: 50, majorityRule: "simple", titularSeats: 10, substituteSeats: 0 }, start),
    ).id;
    const orgs = Array.from({ length: 10 }, (_, i) => organisation(sdb, admin, spaceId, `Gwoup ${i + 1}`));
    const delegates = await Promise.all(Array.from({ length: 100 }, (_, i) => seat(sdb, admin, spaceId, orgs[i % 10]!, `Telefòn ${i + 1}`, "titular")));
    const { id: meetingId } = must(planMeeting(sdb, admin, spaceId, { kind: "ordinary", title: "Vòt", startsAt: start, endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, start));
    for (const d of delegates) checkIn(sdb, admin, meetingId, d, Date.now());
    must(changeMeetingStatus(sdeps, admin, meetingId, "start", { now: Date.now() }));
    const pollId = must(openPoll(sdeps, admin, meetingId, input("secret"), Date.now())).id;

    const auth = createLucia(sdb, { secureCookies: false });
    const phones = await Promise.all(
      delegates.map(async (d) => {
        const cookie = (await startSession(auth, d.actor.userId, false)).split(";")[0]!;
        return commandSocket(server.url, `meeting:${meetingId}:live`, cookie, { replyWithinMs: 10_000 });
      }),
    );
    try {
      const send = (phone: (typeof phones)[number], choice: BallotChoice) => phone.send("ballot", { pollId: String(pollId), choice });
      const replies = await Promise.all(phones.map((phone, i) => send(phone, i % 3 === 0 ? "no" : "yes")));
      expect(replies.every((r) => JSON.stringify(r) === JSON.stringify({ error: null, value: { counted: true } }))).toBe(true);
      expect(sdb.select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ phoneYes: 66, phoneNo: 34, phoneAbstain: 0 });
      // The phone's outbox sends it again: the same answer, nothing counted twice.
      expect(await send(phones[0]!, "yes")).toEqual({ error: null, value: { counted: true } });
      expect(sdb.select().from(pollVoters).where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.voted, true))).all()).toHaveLength(100);
      expect(sdb.select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ phoneYes: 66, phoneNo: 34 });
    } finally {
      for (const phone of phones) phone.close();
    }
  }, 120_000);
});
