import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { idempotentRequests, meetingSessions, pollVoters, polls } from "../../db/schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import type { Actor } from "../../app/modules/auth/roles";
import { createLucia, loadActor, startSession } from "../../app/modules/auth/session.server";
import { localDate } from "../../app/modules/dates";
import type { Deps } from "../../app/modules/deps.server";
import type { VoteView } from "../../app/modules/live/projections";
import { runConsoleAction } from "../../app/modules/live/live.server";
import { addAgendaItem, changeMeetingStatus, planMeeting, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { admitToMeeting, draftMotion, proposeAmendment, submitMotion } from "../../app/modules/motions/motions.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { linkAccount, registerDelegate, unlinkAccount } from "../../app/modules/people/people.server";
import type { BallotChoice, PollMethod } from "../../app/modules/polls/methods";
import { closePoll, enterHands, openPoll, recordConsensus } from "../../app/modules/polls/polls.server";
import type { Result } from "../../app/modules/result";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { insertAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { commandSocket, connectProvider, synced, waitFor } from "../setup/realtime-client";
import { startTestServer, type TestServer } from "../setup/test-server";

/**
 * The vote as the room follows it on the meeting's live document — what every phone and the
 * shared screen receive — with real sockets: the count rising and never the split while a
 * poll is open, the result once closed, the current item's motion; and the phone's ballot
 * as a plain form.
 */

const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;

let server: TestServer;
let deps: Deps;
let facilitator: Actor;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.db, realtime: server.realtime };
  facilitator = actorByEmail(server.db, "admin@makon.ht");
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

interface Delegate {
  name: string;
  personId: number;
  organisationId: number;
  actor: Actor;
  cookie: string;
}

let counter = 0;

/** A space of its own (one delegate one vote), three organisations, a delegate with an account for each. */
async function room(options: { present: number } = { present: 3 }) {
  const n = ++counter;
  const db = server.db;
  const spaceId = must(
    createSpace(db, facilitator, { name: `Makòn Vòt ${n}`, level: "commune", communeCode: "HT0311", setting: "urban", status: "active", votingBase: "delegate", quorumPercent: 50, majorityRule: "simple", titularSeats: 2, substituteSeats: 0 }, Date.now()),
  ).id;
  const auth = createLucia(db, { secureCookies: false });
  const delegates: Delegate[] = [];
  for (const [i, name] of ["Anne Joseph", "Bernard Pierre", "Carole Jean", "Dieula Noël"].entries()) {
    const organisationId = must(registerOrganisation(db, facilitator, spaceId, { name: `Gwoup ${n}-${i}`, type: "muso", legallyRecognised: false, ledByWoman: false, ledByYouth: false }, SINCE, Date.now())).id;
    const { personId } = must(
      await registerDelegate(db, facilitator, spaceId, { name, sex: "female", birthYear: 1990, ageGroup: null, disability: false, preferredLanguage: null }, { organisationId, seat: "titular", fromDate: SINCE }, { createAccount: false, accountPassword: "" }, Date.now()),
    );
    // A hash no password matches: nobody signs in with a password here, the session is made directly.
    const userId = db.transaction((tx) => insertAccount(tx, { name, email: `vot${n}-${i}@makon.test`, phone: null, locale: "fr", passwordHash: UNUSABLE_HASH, role: "delegate", spaceId, actorId: facilitator.userId, now: Date.now(), whenTaken: "refuse" }))!;
    must(linkAccount(deps, facilitator, spaceId, personId, { userId }, Date.now()));
    const cookie = (await startSession(auth, userId, false)).split(";")[0]!;
    delegates.push({ name, personId, organisationId, actor: loadActor(db, userId), cookie });
  }
  const meetingId = must(planMeeting(db, facilitator, spaceId, { kind: "ordinary", title: `Reyinyon ${n}`, startsAt: Date.now(), endsAt: null, place: "Lekòl", published: true, facilitatorIds: [], authorityIds: [] }, Date.now())).id;
  // The meeting opens on its first item: a closed poll's result stays up until the facilitator moves on.
  must(addAgendaItem(deps, facilitator, meetingId, { kind: "discussion", title: "Dlo potab", plannedMinutes: 20 }, Date.now()));
  // The last delegate stays away: she is not on the attendance list.
  for (const d of delegates.slice(0, options.present))
    must(recordAttendance(deps, facilitator, meetingId, { personId: d.personId, name: d.name, sex: "female", ageGroup: "25_35", disability: false, organisationId: d.organisationId, role: "delegate" }, Date.now()));
  must(changeMeetingStatus(deps, facilitator, meetingId, "start", { now: Date.now() }));
  const token = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()!.screenToken;
  return { spaceId, meetingId, delegates, token };
}

/** The projector (by the screen's link) or a phone (by its session) following the live document, every state of its vote part kept. */
async function follower(meetingId: number, options: { token?: string; cookie?: string }) {
  const client = connectProvider(server.url, `meeting:${meetingId}:live`, options.cookie ?? "", undefined, options.token ? { ecran: options.token } : undefined);
  cleanups.push(() => client.provider.destroy());
  const seen: string[] = [];
  client.doc.on("update", () => seen.push(JSON.stringify(client.doc.getMap("vote").toJSON())));
  await synced(client.provider);
  const vote = () => client.doc.getMap("vote").toJSON() as VoteView;
  return { ...client, vote, seen, whole: () => JSON.stringify(["live", "attendance", "vote"].map((name) => client.doc.getMap(name).toJSON())) };
}

/** A phone's raw socket on the live document, sending commands and reading their answers. */
async function phoneSocket(meetingId: number, cookie: string) {
  const socket = await commandSocket(server.url, `meeting:${meetingId}:live`, cookie);
  cleanups.push(socket.close);
  return socket.send;
}

const openInput = (method: PollMethod, motionId: number | null = null) => ({ question: "Èske n dakò pou n repare fontèn Roucou?", motionId, method, rules: null, countdownMinutes: 5 });

/** What a split would look like in the vote part: a tally, or per-option counters, as a key anywhere in it (a method named "hands" is not one). */
const SPLIT = /"(yes|no|abstain|tally|phones|hands|phoneYes|phoneNo|phoneAbstain|choice)":/;

describe("the vote on the live document", () => {
  for (const method of ["secret", "named"] as const) {
    it(`counts the phones that voted and never holds the split while a ${method} poll is open; once closed, the result`, async () => {
      const { meetingId, delegates, token } = await room();
      const projector = await follower(meetingId, { token });
      const phone = await follower(meetingId, { cookie: delegates[0]!.cookie });
      expect(projector.vote()).toEqual({ poll: null, motion: null });

      const pollId = must(openPoll(deps, facilitator, meetingId, openInput(method), Date.now())).id;
      await waitFor(() => projector.vote().poll?.state === "open", 5_000, "the poll on the screen");
      expect(projector.vote().poll).toMatchObject({ id: pollId, method, eligible: 3, votedByPhone: 0, result: null, question: openInput(method).question });
      expect(projector.vote().poll!.closesAt).toBeGreaterThan(Date.now());

      const choices: BallotChoice[] = ["yes", "no", "yes"];
      for (const [i, choice] of choices.entries()) {
        const send = await phoneSocket(meetingId, delegates[i]!.cookie);
        expect(await send("ballot", { pollId: String(pollId), choice })).toEqual({ error: null, value: { counted: true } });
        // The count rises on the screen and on every phone alike.
        await waitFor(() => projector.vote().poll?.votedByPhone === i + 1 && phone.vote().poll?.votedByPhone === i + 1, 5_000, `${i + 1} voted`);
        expect(SPLIT.test(projector.whole())).toBe(false);
        // A phone asking again gets "counted" again, never which choice, and nothing moves.
        expect(await send("ballot", { pollId: String(pollId), choice: "abstain" })).toEqual({ error: null, value: { counted: true } });
        expect(await send("ballot-status", {})).toEqual({ error: null, value: { pollId, canVote: false, voted: true, refusal: null } });
      }
      // Every state the documents went through while the poll was open: no split, ever.
      for (const state of [...projector.seen, ...phone.seen]) {
        const vote = JSON.parse(state) as Partial<VoteView>;
        if (vote.poll?.state === "open") {
          expect(state).not.toMatch(SPLIT);
          expect(vote.poll.result).toBeNull();
        }
      }
      const counts = projector.seen.map((s) => (JSON.parse(s) as Partial<VoteView>).poll?.votedByPhone ?? 0);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(projector.vote().poll!.votedByPhone).toBe(3);

      must(closePoll(deps, facilitator, pollId, Date.now()));
      await waitFor(() => projector.vote().poll?.state === "closed" && phone.vote().poll?.state === "closed", 5_000, "the result");
      expect(projector.vote().poll!.result).toMatchObject({ decision: { outcome: "adopted", reason: "majority_reached" }, tally: { yes: 2, no: 1, abstain: 0 }, phones: { yes: 2, no: 1, abstain: 0 }, hands: null });
      // The check above would have seen a split: there is one now.
      expect(SPLIT.test(projector.whole())).toBe(true);
      // Totals only: nobody's name, even for a named poll.
      for (const d of delegates) expect(projector.whole()).not.toContain(d.name);
    });
  }

  for (const method of ["hands", "paper", "hybrid", "consensus"] as const) {
    it(`holds no split of a ${method} poll while it is open, its counts or consensus entered included; the result once closed`, async () => {
      const { meetingId, delegates, token } = await room();
      const projector = await follower(meetingId, { token });
      const pollId = must(openPoll(deps, facilitator, meetingId, openInput(method), Date.now())).id;
      await waitFor(() => projector.vote().poll?.state === "open", 5_000, "the poll on the screen");
      if (method === "hybrid") {
        const send = await phoneSocket(meetingId, delegates[0]!.cookie);
        expect(await send("ballot", { pollId: String(pollId), choice: "no" })).toEqual({ error: null, value: { counted: true } });
        await waitFor(() => projector.vote().poll?.votedByPhone === 1, 5_000, "one voted by phone");
      }
      if (method === "consensus") must(recordConsensus(deps, facilitator, pollId, { reached: false, objections: "Jèn Limonad pa dakò." }, Date.now()));
      else must(enterHands(deps, facilitator, pollId, { yes: 2, no: 0, abstain: 0 }, null, Date.now()));
      // The hybrid's phones close with its hands counted: the room learns it, nothing more.
      if (method === "hybrid") await waitFor(() => projector.vote().poll?.phonesOpen === false, 5_000, "the phones closed");
      expect(projector.whole()).not.toMatch(SPLIT);
      expect(projector.whole()).not.toContain("Jèn Limonad pa dakò");
      for (const state of projector.seen) if ((JSON.parse(state) as Partial<VoteView>).poll?.state === "open") expect(state).not.toMatch(SPLIT);
      must(closePoll(deps, facilitator, pollId, Date.now()));
      await waitFor(() => projector.vote().poll?.state === "closed", 5_000, "the result");
      const result = projector.vote().poll!.result!;
      if (method === "consensus") expect(result).toMatchObject({ decision: { outcome: "rejected", reason: "no_consensus" }, consensus: { reached: false, objections: "Jèn Limonad pa dakò." } });
      else expect(result.tally).toEqual(method === "hybrid" ? { yes: 2, no: 1, abstain: 0 } : { yes: 2, no: 0, abstain: 0 });
      // A hybrid poll's phones and hands are never apart in the room.
      if (method === "hybrid") expect(result).toMatchObject({ phones: null, hands: null });
    });
  }

  it("refuses a ballot from a delegate not present, with the reason, and counts nothing", async () => {
    const { meetingId, delegates, token } = await room();
    const projector = await follower(meetingId, { token });
    const pollId = must(openPoll(deps, facilitator, meetingId, openInput("secret"), Date.now())).id;
    const absent = await phoneSocket(meetingId, delegates[3]!.cookie);
    expect(await absent("ballot-status", {})).toEqual({ error: null, value: { pollId, canVote: false, voted: false, refusal: "polls.error.notPresent" } });
    expect(await absent("ballot", { pollId: String(pollId), choice: "yes" })).toEqual({ error: "polls.error.notPresent" });
    must(closePoll(deps, facilitator, pollId, Date.now()));
    await waitFor(() => projector.vote().poll?.state === "closed", 5_000, "the result");
    expect(projector.vote().poll!.result!.tally).toEqual({ yes: 0, no: 0, abstain: 0 });
    // The close is the deadline: a ballot from a phone's outbox arriving after it is refused.
    const late = await phoneSocket(meetingId, delegates[0]!.cookie);
    expect(await late("ballot", { pollId: String(pollId), choice: "yes" })).toEqual({ error: "polls.error.closed" });
  });

  it("refuses a ballot on an open socket once its account is no longer linked to the delegate, and counts nothing", async () => {
    const { spaceId, meetingId, delegates, token } = await room();
    const projector = await follower(meetingId, { token });
    const pollId = must(openPoll(deps, facilitator, meetingId, openInput("secret"), Date.now())).id;
    const anne = await phoneSocket(meetingId, delegates[0]!.cookie);
    // The socket has read its actor (Anne's person) when it opened and for this first command.
    expect(await anne("ballot-status", {})).toEqual({ error: null, value: { pollId, canVote: true, voted: false, refusal: null } });
    must(unlinkAccount(deps, facilitator, spaceId, delegates[0]!.personId, Date.now()));
    // Still a member of the space (her role stays), so the socket stays open; the ballot is no longer Anne's.
    expect(await anne("ballot", { pollId: String(pollId), choice: "yes" })).toEqual({ error: "polls.error.notSeated" });
    must(closePoll(deps, facilitator, pollId, Date.now()));
    await waitFor(() => projector.vote().poll?.state === "closed", 5_000, "the result");
    expect(projector.vote().poll!.result!.tally).toEqual({ yes: 0, no: 0, abstain: 0 });
  });

  it("carries the current item's motion with its text, an amendment as the paragraph struck out and its replacement", async () => {
    const { spaceId, meetingId, delegates, token } = await room();
    const anne = delegates[0]!;
    const text = "Fontèn Roucou sèk depi mas.\n\nCASEC la dwe repare l anvan jen.";
    const motionId = must(draftMotion(deps, anne.actor, spaceId, { organisationId: anne.organisationId, title: "Dlo potab pou Roucou", text, rationale: "", theme: "water", authorityId: null }, Date.now())).id;
    const { number } = must(submitMotion(deps, anne.actor, motionId, Date.now()));
    const motionItem = must(admitToMeeting(deps, facilitator, motionId, meetingId, Date.now())).agendaItemId;
    const amendment = must(proposeAmendment(deps, anne.actor, motionId, { organisationId: anne.organisationId, paragraph: 1, replacement: "CASEC la dwe repare l anvan me.", rationale: "" }, Date.now()));
    const amendmentItem = must(admitToMeeting(deps, facilitator, amendment.id, meetingId, Date.now())).agendaItemId;
    const projector = await follower(meetingId, { token });

    must(runConsoleAction(deps, facilitator, meetingId, { type: "item", itemId: motionItem }, Date.now()));
    await waitFor(() => projector.vote().motion?.id === motionId, 5_000, "the motion");
    expect(projector.vote().motion).toEqual({ id: motionId, number, title: "Dlo potab pou Roucou", html: "<p>Fontèn Roucou sèk depi mas.</p>\n<p>CASEC la dwe repare l anvan jen.</p>\n" });

    must(runConsoleAction(deps, facilitator, meetingId, { type: "item", itemId: amendmentItem }, Date.now()));
    await waitFor(() => projector.vote().motion?.id === amendment.id, 5_000, "the amendment");
    expect(projector.vote().motion).toMatchObject({ number: amendment.number, html: "<del><p>CASEC la dwe repare l anvan jen.</p>\n</del><ins><p>CASEC la dwe repare l anvan me.</p>\n</ins>" });

    // Its poll names it; the result stays up until the facilitator moves on.
    const pollId = must(openPoll(deps, facilitator, meetingId, openInput("hands", amendment.id), Date.now())).id;
    await waitFor(() => projector.vote().poll?.id === pollId, 5_000, "the poll");
    expect(projector.vote().poll!.motion).toEqual({ id: amendment.id, number: amendment.number, title: "Dlo potab pou Roucou" });
    must(runConsoleAction(deps, facilitator, meetingId, { type: "item", itemId: motionItem }, Date.now()));
    await waitFor(() => projector.vote().motion?.id === motionId, 5_000, "the next item");
    // A poll still open follows the room to the next item.
    expect(projector.vote().poll?.id).toBe(pollId);
  });
});

describe("the phone's ballot as a plain form", () => {
  const post = (path: string, form: Record<string, string>, cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie, ...headers }, redirect: "manual" });

  it("is counted once, leaves no idempotency record, and a refusal says why in the voter's language", async () => {
    const { spaceId, meetingId, delegates } = await room();
    const path = `/espaces/${spaceId}/reunions/${meetingId}/direct`;
    const pollId = must(openPoll(deps, facilitator, meetingId, openInput("secret"), Date.now())).id;
    const before = server.db.select().from(idempotentRequests).all().length;
    const page = await (await fetch(`${server.url}${path}`, { headers: { Cookie: delegates[0]!.cookie } })).text();
    // The form a phone without JavaScript sends: no key, the poll, three buttons.
    const form = /<form method="post" action="([^"]+)" class="phone-ballot"[^>]*>(.*?)<\/form>/s.exec(page);
    expect(form?.[1]).toBe(path);
    expect(form?.[2]).not.toContain("_cle");
    expect(form?.[2]).toContain(`name="pollId" value="${pollId}"`);

    const voted = await post(path, { intent: "ballot", pollId: String(pollId), choice: "no" }, delegates[0]!.cookie);
    expect(voted.status).toBe(303);
    expect(voted.headers.get("location")).toBe(path);
    expect(await (await fetch(`${server.url}${path}`, { headers: { Cookie: delegates[0]!.cookie } })).text()).toContain("Votre vote a été compté.");
    // Sent again (a refresh, a double tap): the same answer, counted once.
    expect((await post(path, { intent: "ballot", pollId: String(pollId), choice: "yes" }, delegates[0]!.cookie)).status).toBe(303);
    expect(server.db.select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ phoneYes: 0, phoneNo: 1, phoneAbstain: 0 });
    expect(server.db.select().from(pollVoters).where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.voted, true))).all()).toHaveLength(1);
    expect(server.db.select().from(idempotentRequests).all().length).toBe(before);

    // Not on the attendance list: her page says why instead of offering the buttons, and so does a post.
    const absentPage = await (await fetch(`${server.url}${path}`, { headers: { Cookie: delegates[3]!.cookie } })).text();
    expect(absentPage).toContain("vous n&#x27;êtes pas sur la liste de présence");
    expect(absentPage).not.toContain('class="phone-ballot"');
    const refused = await post(path, { intent: "ballot", pollId: String(pollId), choice: "yes" }, delegates[3]!.cookie);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("vous n&#x27;êtes pas sur la liste de présence");

    // Another site's page cannot make a phone vote (decision 0003).
    const forged = await post(path, { intent: "ballot", pollId: String(pollId), choice: "yes" }, delegates[1]!.cookie, { Origin: "http://evil.example" });
    expect(forged.status).toBe(403);
    expect(server.db.select().from(polls).where(eq(polls.id, pollId)).get()).toMatchObject({ phoneYes: 0, phoneNo: 1 });
  });
});
