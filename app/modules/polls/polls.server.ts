import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alias, checkpointLog, preparedPer, type Db, type Tx } from "../../../db/client";
import { agendaItems, attendance, delegateSeats, meetings, motions, organisations, people, pollVoters, polls, spaceMemberships, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { toCsv } from "../csv/csv";
import { localDate } from "../dates";
import { commit, type Deps } from "../deps.server";
import { translator } from "../i18n/catalog.server";
import type { Locale } from "../i18n/locales";
import type { Translate } from "../i18n/translate";
import { attendanceFigures } from "../meetings/attendance-figures";
import { amendmentNumber, motionNumber } from "../motions/motion-state";
import { ageGroupOf } from "../people/age-groups";
import { AGE_KEYS, SEX_KEYS, tallyBySexAndAge, type SexAgeTally } from "../people/disaggregation";
import { maskTally, type SexAgeView } from "../people/privacy";
import { fail, ok, type Result } from "../result";
import { audienceIn, type Audience } from "../spaces/audience";
import { addTallies, cast, decide, decideConsensus, handLimit, presenceQuorumMet, tallyRefusal, type Decision, type DecisionRules, type Tally } from "./decision";
import { ballotRefusal, eligibleVoters, type SeatedArrival } from "./eligibility";
import type { BallotCode, PollCode } from "./messages";
import { keepsChoice, takesHands, takesPhoneBallots, unlinkable, type BallotChoice, type PollMethod, type PollState } from "./methods";
import type { HandsBreakdown } from "./polls.schemas";
import { defaultRules } from "./rules";
import type { RoomPoll, VoteView } from "../live/projections";
import { renderMarkdown } from "../meetings/markdown";
import { decisionWords, rulesWords } from "./words";

export type { BallotCode, PollCode };

type PollRow = typeof polls.$inferSelect;
type MeetingFacts = Pick<typeof meetings.$inferSelect, "id" | "spaceId" | "status" | "published" | "startsAt" | "startedAt" | "title">;

const meetingFacts = {
  id: meetings.id,
  spaceId: meetings.spaceId,
  status: meetings.status,
  published: meetings.published,
  startsAt: meetings.startsAt,
  startedAt: meetings.startedAt,
  title: meetings.title,
};

/**
 * What a ballot and the phone's question before it ("may I vote?") read and write, prepared
 * once per database: ten meetings voting at once send a few of each every second.
 */
const ballotStatements = preparedPer((db: Db | Tx) => {
  const pollId = sql.placeholder("pollId");
  const personId = sql.placeholder("personId");
  const voterRow = and(eq(pollVoters.pollId, pollId), eq(pollVoters.personId, personId));
  const addOne = (counter: (typeof COUNTERS)[BallotChoice]) =>
    db
      .update(polls)
      .set({ [counter]: sql`${polls[counter]} + 1` })
      .where(eq(polls.id, pollId))
      .prepare();
  return {
    poll: db.select({ poll: polls, meeting: meetingFacts }).from(polls).innerJoin(meetings, eq(meetings.id, polls.meetingId)).where(eq(polls.id, pollId)).prepare(),
    pollMeeting: db.select({ meetingId: polls.meetingId }).from(polls).where(eq(polls.id, pollId)).prepare(),
    openPoll: db
      .select({ id: polls.id })
      .from(polls)
      .where(and(eq(polls.meetingId, sql.placeholder("meetingId")), eq(polls.state, "open")))
      .prepare(),
    voter: db.select({ personId: pollVoters.personId, organisationId: pollVoters.organisationId, voted: pollVoters.voted }).from(pollVoters).where(voterRow).prepare(),
    markVoted: db.update(pollVoters).set({ voted: true }).where(voterRow).prepare(),
    markVotedWithChoice: db.update(pollVoters).set({ voted: true, choice: sql`${sql.placeholder("choice")}` }).where(voterRow).prepare(),
    addOne: { yes: addOne(COUNTERS.yes), no: addOne(COUNTERS.no), abstain: addOne(COUNTERS.abstain) },
  };
});

/** A poll with the facts of its meeting, read inside the command's transaction. */
function loadPoll(db: Db | Tx, pollId: number): { poll: PollRow; meeting: MeetingFacts } | null {
  return ballotStatements(db).poll.get({ pollId }) ?? null;
}

/** The day seats and memberships are read on: the day the meeting opened. */
const meetingDay = (meeting: Pick<MeetingFacts, "startedAt" | "startsAt">) => localDate(meeting.startedAt ?? meeting.startsAt);

/** Inclusive bounds, as seats are held (`spaces/seats.ts`); a membership ends on its last day the same way. */
const seatHeldOn = (day: string) => and(lte(delegateSeats.fromDate, day), or(isNull(delegateSeats.toDate), gte(delegateSeats.toDate, day)));

function memberOrganisationIds(db: Db | Tx, spaceId: number, day: string): number[] {
  const rows = db
    .select({ id: spaceMemberships.organisationId })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, spaceId), lte(spaceMemberships.joinedOn, day), or(isNull(spaceMemberships.leftOn), gte(spaceMemberships.leftOn, day))))
    .all();
  return [...new Set(rows.map((r) => r.id))];
}

/** The people checked in at the meeting who hold a seat of a member organisation on its day. */
function seatedArrivals(db: Db | Tx, meetingId: number, spaceId: number, day: string, members: readonly number[]): SeatedArrival[] {
  const memberSet = new Set(members);
  return db
    .select({ personId: delegateSeats.personId, organisationId: delegateSeats.organisationId, seat: delegateSeats.seat, arrivedAt: attendance.arrivedAt })
    .from(attendance)
    .innerJoin(delegateSeats, and(eq(delegateSeats.personId, attendance.personId), eq(delegateSeats.spaceId, spaceId), seatHeldOn(day)))
    .where(eq(attendance.meetingId, meetingId))
    .all()
    .filter((a) => memberSet.has(a.organisationId));
}

/** Member organisations present, counted as the meeting's figures count them (any attendee speaking for one). */
function organisationsPresent(db: Db | Tx, meetingId: number, members: readonly number[]): { count: number; of: number } {
  const rows = db
    .select({ id: attendance.id, personId: attendance.personId, name: attendance.name, sex: attendance.sex, ageGroup: attendance.ageGroup, organisationId: attendance.organisationId, role: attendance.role })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId))
    .all();
  return attendanceFigures({ rows, memberOrganisationIds: members, quorumPercent: 0 }).organisationsPresent;
}

const openPollOf = (db: Db | Tx, meetingId: number) => ballotStatements(db).openPoll.get({ meetingId }) ?? null;

/** The meeting's open poll, if any (one at a time). */
export function openPollId(db: Db, meetingId: number): number | null {
  return openPollOf(db, meetingId)?.id ?? null;
}

/** A poll on a motion or amendment needs it admitted to this meeting, and a motion's admitted amendments decided first. */
function motionRefusal(db: Db | Tx, meeting: MeetingFacts, motionId: number): PollCode | null {
  const motion = db.select({ spaceId: motions.spaceId, state: motions.state, meetingId: motions.meetingId, parentId: motions.parentId }).from(motions).where(eq(motions.id, motionId)).get();
  if (!motion || motion.spaceId !== meeting.spaceId || motion.meetingId !== meeting.id || motion.state !== "admitted") return "motion_not_admitted";
  if (motion.parentId === null) {
    const pending = db.select({ id: motions.id }).from(motions).where(and(eq(motions.parentId, motionId), eq(motions.state, "admitted"))).get();
    if (pending) return "amendments_pending";
  }
  return null;
}

export interface OpenPollInput {
  question: string;
  motionId: number | null;
  method: PollMethod;
  /** null: the space's defaults (`defaultRules`). */
  rules: DecisionRules | null;
  /** A countdown shown on the screen and phones; the facilitator still closes the poll. */
  countdownMinutes: number | null;
}

/**
 * Opens a poll in a live meeting, one at a time. Its rules are recorded, and the figures they
 * need are frozen now: the member organisations present and in all, and the eligible voters
 * (present, seated for a member organisation on the meeting's day, one per organisation or
 * per delegate as the space votes), written in the order of their person ids so that their
 * order says nothing. Whether the presence quorum is met follows from the frozen figures; a
 * missed quorum is decided as "no decision" at closing.
 */
export function openPoll(deps: Deps, actor: Actor | null, meetingId: number, input: OpenPollInput, now: number): Result<{ id: number }, PollCode> {
  return commit<{ id: number }, PollCode>(deps, (tx, emit) => {
    const meeting = tx.select(meetingFacts).from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return fail("not_found");
    if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return fail("forbidden");
    if (meeting.status !== "live") return fail("not_live");
    if (openPollOf(tx, meetingId)) return fail("poll_open");
    if (input.motionId !== null) {
      const refusal = motionRefusal(tx, meeting, input.motionId);
      if (refusal) return fail(refusal);
    }
    const space = tx.select().from(spaces).where(eq(spaces.id, meeting.spaceId)).get()!;
    const day = meetingDay(meeting);
    const members = memberOrganisationIds(tx, space.id, day);
    const voters = eligibleVoters(space.votingBase, seatedArrivals(tx, meetingId, space.id, day, members)).sort((a, b) => a.personId - b.personId);
    const present = organisationsPresent(tx, meetingId, members);
    const rules = input.rules ?? defaultRules(space);
    const closesAt = input.countdownMinutes === null ? null : now + input.countdownMinutes * 60_000;
    const { id } = tx
      .insert(polls)
      .values({
        meetingId,
        motionId: input.motionId,
        question: input.question,
        method: input.method,
        votingBase: space.votingBase,
        rules,
        organisationsPresent: present.count,
        organisations: present.of,
        eligible: voters.length,
        closesAt,
        openedAt: now,
        openedBy: actor!.userId,
      })
      .returning({ id: polls.id })
      .get();
    if (voters.length > 0) tx.insert(pollVoters).values(voters.map((v) => ({ pollId: id, personId: v.personId, organisationId: v.organisationId }))).run();
    appendAudit(tx, {
      at: now,
      actorId: actor!.userId,
      action: "poll.open",
      spaceId: meeting.spaceId,
      // A poll is as public as its meeting.
      visibility: meeting.published ? undefined : "internal",
      subjectType: "poll",
      subjectId: id,
      after: { meetingId, motionId: input.motionId, question: input.question, method: input.method, rules, eligible: voters.length, organisationsPresent: present.count, organisations: present.of, closesAt },
    });
    emit({ type: "poll.changed", meetingId });
    return ok({ id });
  });
}

const phoneTally = (poll: PollRow): Tally => ({ yes: poll.phoneYes, no: poll.phoneNo, abstain: poll.phoneAbstain });
const handsTally = (poll: PollRow): Tally | null => (poll.handsYes === null ? null : { yes: poll.handsYes, no: poll.handsNo ?? 0, abstain: poll.handsAbstain ?? 0 });

/** In a hybrid poll, counting the hands ends the phones' vote: phones and hands can then never add up to more than the eligible. */
const phonesOpen = (poll: PollRow) => poll.method !== "hybrid" || poll.handsYes === null;

/**
 * Why a person the frozen list does not hold may not vote, said to them: not seated for a
 * member organisation, not checked in, another delegate holding the organisation's vote, or
 * checked in after the poll opened.
 */
function notEligibleReason(db: Db | Tx, personId: number | null, poll: PollRow, meeting: MeetingFacts): BallotCode {
  if (personId === null) return "not_seated";
  const day = meetingDay(meeting);
  const members = new Set(memberOrganisationIds(db, meeting.spaceId, day));
  const seats = db
    .select({ organisationId: delegateSeats.organisationId })
    .from(delegateSeats)
    .where(and(eq(delegateSeats.personId, personId), eq(delegateSeats.spaceId, meeting.spaceId), seatHeldOn(day)))
    .all()
    .filter((s) => members.has(s.organisationId));
  if (seats.length === 0) return "not_seated";
  if (!db.select({ id: attendance.id }).from(attendance).where(and(eq(attendance.meetingId, meeting.id), eq(attendance.personId, personId))).get()) return "not_present";
  const represented =
    poll.votingBase === "organisation" &&
    !!db
      .select({ personId: pollVoters.personId })
      .from(pollVoters)
      .where(and(eq(pollVoters.pollId, poll.id), inArray(pollVoters.organisationId, seats.map((s) => s.organisationId))))
      .get();
  return represented ? "organisation_represented" : "arrived_late";
}

/** Whether this person's ballot would be taken now, or why not (the same check the ballot runs). */
function ballotCheck(db: Db | Tx, personId: number | null, poll: PollRow, meeting: MeetingFacts): BallotCode | null {
  if (poll.state !== "open") return "poll_closed";
  if (meeting.status !== "live") return "not_live";
  if (!takesPhoneBallots(poll.method)) return "not_phone_poll";
  if (!phonesOpen(poll)) return "phones_closed";
  const voter = personId === null ? undefined : ballotStatements(db).voter.get({ pollId: poll.id, personId });
  // The frozen list, as far as this person is concerned: their own row or none.
  const listed = voter ? [{ personId: voter.personId, organisationId: voter.organisationId ?? 0 }] : [];
  const refusal = ballotRefusal({ open: true }, listed, personId ?? 0, voter?.voted ?? false);
  return refusal === "not_eligible" ? notEligibleReason(db, personId, poll, meeting) : refusal;
}

const COUNTERS = { yes: "phoneYes", no: "phoneNo", abstain: "phoneAbstain" } as const;

/**
 * A phone ballot, in one synchronous transaction: the poll open, the voter in its frozen list
 * and not counted yet; the voter is marked as having voted and the choice added to the poll's
 * counters. Only a named poll keeps the choice beside its voter; a secret or hybrid poll keeps
 * it nowhere but in the counters, and the audit entry names the voter and the poll, never the
 * choice. A refused ballot (closed, ineligible, already counted) changes nothing. The close is
 * the deadline, not the countdown: a ballot sent from a phone's outbox before the facilitator
 * closes is counted.
 */
export function castBallot(deps: Deps, actor: Actor | null, pollId: number, choice: BallotChoice, now: number): Result<{ counted: true }, BallotCode> {
  if (!actor) return fail("forbidden");
  return commit<{ counted: true }, BallotCode>(deps, (tx, emit) => {
    const found = loadPoll(tx, pollId);
    if (!found) return fail("not_found");
    const { poll, meeting } = found;
    if (!can(actor, "meeting.attend", { spaceId: meeting.spaceId })) return fail("forbidden");
    const personId = actor.personId ?? null;
    const refusal = ballotCheck(tx, personId, poll, meeting);
    if (refusal) return fail(refusal);
    const statements = ballotStatements(tx);
    // Only a named poll keeps the choice beside its voter.
    if (keepsChoice(poll.method)) statements.markVotedWithChoice.run({ pollId, personId, choice });
    else statements.markVoted.run({ pollId, personId });
    statements.addOne[choice].run({ pollId });
    appendAudit(tx, { at: now, actorId: actor.userId, action: "poll.vote", spaceId: meeting.spaceId, subjectType: "poll", subjectId: pollId, after: { personId } });
    // The counters as read before this ballot, plus this one.
    emit({ type: "poll.counted", meetingId: poll.meetingId, allVoted: poll.phoneYes + poll.phoneNo + poll.phoneAbstain + 1 >= poll.eligible });
    return ok({ counted: true });
  });
}

/**
 * A ballot as the phone sends it (its socket or its form), for a poll of the meeting it is
 * following. A ballot already counted answers "counted" as the first did, so that a phone's
 * outbox may send it again safely; the answer never says which choice was counted.
 */
export function submitBallot(deps: Deps, actor: Actor | null, meetingId: number, ballot: { pollId: number; choice: BallotChoice }, now: number): Result<{ counted: true }, BallotCode> {
  // A poll never changes meeting: read outside the ballot's transaction.
  const poll = ballotStatements(deps.db).pollMeeting.get({ pollId: ballot.pollId });
  if (!poll || poll.meetingId !== meetingId) return fail("not_found");
  const result = castBallot(deps, actor, ballot.pollId, ballot.choice, now);
  return !result.ok && result.code === "already_voted" ? ok({ counted: true }) : result;
}

/** The poll, if the actor runs its meeting and it is still open. */
function pollToRun(db: Db | Tx, actor: Actor | null, pollId: number): Result<{ poll: PollRow; meeting: MeetingFacts }, PollCode> {
  const found = loadPoll(db, pollId);
  if (!found) return fail("not_found");
  if (!can(actor, "meeting.run", { spaceId: found.meeting.spaceId })) return fail("forbidden");
  return ok(found);
}

/** The hands for, by sex and age group, from the cells entered (the one tally every figure uses). */
function breakdownTally(cells: HandsBreakdown): SexAgeTally {
  const people = SEX_KEYS.flatMap((sex) =>
    AGE_KEYS.flatMap((age) => Array.from({ length: cells[sex][age] }, () => ({ sex: sex === "unstated" ? null : sex, ageGroup: age === "unknown" ? null : age }))),
  );
  return tallyBySexAndAge(people);
}

function breakdownRefusal(cells: HandsBreakdown, handsFor: number): PollCode | null {
  const values = SEX_KEYS.flatMap((sex) => AGE_KEYS.map((age) => cells[sex]?.[age] ?? 0));
  if (!values.every((n) => Number.isSafeInteger(n) && n >= 0)) return "not_whole";
  return values.reduce((a, b) => a + b, 0) === handsFor ? null : "breakdown_mismatch";
}

/**
 * Counted hands (or paper ballots) entered by the facilitator while the poll is open, again
 * to correct them. A hybrid poll's hands are those of the eligible who did not vote by phone,
 * so a count above that is refused; other polls' hands cannot exceed the eligible. The hands
 * for may be broken down by sex and age group (a secret poll takes no hands at all).
 */
export function enterHands(deps: Deps, actor: Actor | null, pollId: number, tally: Tally, breakdown: HandsBreakdown | null, now: number): Result<null, PollCode> {
  return commit<null, PollCode>(deps, (tx, emit) => {
    const found = pollToRun(tx, actor, pollId);
    if (!found.ok) return found;
    const { poll, meeting } = found.value;
    if (poll.state !== "open") return fail("poll_closed");
    if (!takesHands(poll.method)) return fail("not_hands_poll");
    const limit = poll.method === "hybrid" ? handLimit(poll.eligible, cast(phoneTally(poll))) : poll.eligible;
    const refusal = tallyRefusal(tally, limit) ?? (breakdown ? breakdownRefusal(breakdown, tally.yes) : null);
    if (refusal) return fail(refusal);
    tx.update(polls)
      .set({ handsYes: tally.yes, handsNo: tally.no, handsAbstain: tally.abstain, handsBreakdown: breakdown ? breakdownTally(breakdown) : null })
      .where(eq(polls.id, pollId))
      .run();
    appendAudit(tx, {
      at: now,
      actorId: actor!.userId,
      action: "poll.hands",
      spaceId: meeting.spaceId,
      visibility: meeting.published ? undefined : "internal",
      subjectType: "poll",
      subjectId: pollId,
      before: handsTally(poll),
      after: { ...tally, byGroup: breakdown !== null },
    });
    emit({ type: "poll.changed", meetingId: poll.meetingId });
    return ok(null);
  });
}

/** Consensus reached or not, with the objections raised, recorded while the poll is open (again to correct). */
export function recordConsensus(deps: Deps, actor: Actor | null, pollId: number, input: { reached: boolean; objections: string }, now: number): Result<null, PollCode> {
  return commit<null, PollCode>(deps, (tx, emit) => {
    const found = pollToRun(tx, actor, pollId);
    if (!found.ok) return found;
    const { poll, meeting } = found.value;
    if (poll.state !== "open") return fail("poll_closed");
    if (poll.method !== "consensus") return fail("not_consensus_poll");
    const objections = input.objections.trim();
    tx.update(polls).set({ consensus: input.reached, objections }).where(eq(polls.id, pollId)).run();
    appendAudit(tx, {
      at: now,
      actorId: actor!.userId,
      action: "poll.consensus",
      spaceId: meeting.spaceId,
      visibility: meeting.published ? undefined : "internal",
      subjectType: "poll",
      subjectId: pollId,
      after: { reached: input.reached, objections },
    });
    emit({ type: "poll.changed", meetingId: poll.meetingId });
    return ok(null);
  });
}

/** Why an open poll cannot be decided yet, or null. */
function closeRefusal(poll: PollRow): PollCode | null {
  if (poll.method === "consensus") return poll.consensus === null ? "consensus_missing" : null;
  // A hybrid poll where everyone eligible voted by phone has no hands left to count.
  const handsExpected = takesHands(poll.method) && (poll.method !== "hybrid" || handLimit(poll.eligible, cast(phoneTally(poll))) > 0);
  return handsExpected && poll.handsYes === null ? "hands_missing" : null;
}

/** The tally a poll is decided on: its phones and its hands added (both frozen once it closes). */
export function pollTally(poll: Pick<PollRow, "phoneYes" | "phoneNo" | "phoneAbstain" | "handsYes" | "handsNo" | "handsAbstain">): Tally {
  return addTallies({ yes: poll.phoneYes, no: poll.phoneNo, abstain: poll.phoneAbstain }, { yes: poll.handsYes ?? 0, no: poll.handsNo ?? 0, abstain: poll.handsAbstain ?? 0 });
}

function decisionOf(poll: PollRow): Decision {
  const frozen = { eligible: poll.eligible, organisationsPresent: poll.organisationsPresent, organisations: poll.organisations };
  if (poll.method === "consensus") return decideConsensus(poll.rules, { ...frozen, reached: poll.consensus === true });
  return decide(poll.rules, { ...frozen, tally: pollTally(poll) });
}

/**
 * Closes a poll and decides it, once: phones and hands added, the rules recorded at opening
 * applied, the decision stored (the counters it was made from are frozen with it). Closing a closed poll answers
 * with the stored result and writes nothing. A ballot racing the close is refused, the two
 * being transactions on one connection. After a secret or hybrid poll closes, the WAL is
 * checkpointed and truncated, so that the pages written ballot by ballot (each a flag and a
 * counter, side by side in one commit) no longer exist on disk.
 */
export function closePoll(deps: Deps, actor: Actor | null, pollId: number, now: number): Result<{ result: Decision; tally: Tally }, PollCode> {
  let closedUnlinkable = false;
  const closed = commit<{ result: Decision; tally: Tally }, PollCode>(deps, (tx, emit) => {
    const found = pollToRun(tx, actor, pollId);
    if (!found.ok) return found;
    const { poll, meeting } = found.value;
    if (poll.state === "closed") return ok({ result: poll.result!, tally: pollTally(poll) });
    const refusal = closeRefusal(poll);
    if (refusal) return fail(refusal);
    const result = decisionOf(poll);
    tx.update(polls).set({ state: "closed", closedAt: now, result }).where(eq(polls.id, pollId)).run();
    appendAudit(tx, {
      at: now,
      actorId: actor!.userId,
      action: "poll.close",
      spaceId: meeting.spaceId,
      visibility: meeting.published ? undefined : "internal",
      subjectType: "poll",
      subjectId: pollId,
      after: { ...result, tally: pollTally(poll) },
    });
    emit({ type: "poll.changed", meetingId: poll.meetingId });
    closedUnlinkable = unlinkable(poll.method);
    return ok({ result, tally: pollTally(poll) });
  });
  if (closedUnlinkable) checkpointLog(deps.db);
  return closed;
}

/** A phone's own ballot in a poll: whether it may vote now, whether it has, and why not. */
export interface MyBallot {
  canVote: boolean;
  voted: boolean;
  /** Why this phone may not vote (a voter already counted is told "voted", not refused). */
  refusal: Exclude<BallotCode, "already_voted"> | null;
}

function myBallotIn(db: Db, actor: Actor, poll: PollRow, meeting: MeetingFacts): MyBallot {
  const personId = actor.personId ?? null;
  const voted = personId !== null && ballotStatements(db).voter.get({ pollId: poll.id, personId })?.voted === true;
  const refusal = can(actor, "meeting.attend", { spaceId: meeting.spaceId }) ? ballotCheck(db, personId, poll, meeting) : "forbidden";
  return { canVote: refusal === null, voted, refusal: refusal === "already_voted" || voted ? null : refusal };
}

/** The phone's ballot in its meeting's open poll (null when none is open). */
export function myBallot(db: Db, actor: Actor | null, meetingId: number): ({ pollId: number } & MyBallot) | null {
  const id = openPollId(db, meetingId);
  const found = id === null || !actor ? null : loadPoll(db, id);
  return found ? { pollId: found.poll.id, ...myBallotIn(db, actor!, found.poll, found.meeting) } : null;
}

export interface PollResultView {
  decision: Decision;
  /** What it was decided on: phones and hands added. */
  tally: Tally;
  /** "Adoptée à la majorité des deux tiers : 31 pour, 9 contre, 4 abstentions" */
  words: string;
  /** Phone ballots and counted hands, as added into the decision's tally (null: none of that kind). */
  phones: Tally | null;
  hands: Tally | null;
  /** The votes for by sex and age group: of every voter (named, hands, paper) or of the hands only (hybrid); never for a secret poll. Masked for the public. */
  breakdown: { of: "all" | "hands"; for: SexAgeView } | null;
  consensus: { reached: boolean; objections: string } | null;
  /** A named poll: who voted what (null: did not vote), for the space's members only. */
  votes: { personId: number; name: string; organisation: string | null; choice: BallotChoice | null }[] | null;
}

export interface PollView {
  id: number;
  meetingId: number;
  motion: { id: number; number: string; title: string } | null;
  question: string;
  method: PollMethod;
  state: PollState;
  rules: DecisionRules;
  rulesWords: string;
  eligible: number;
  /** How many have voted by phone: a count, never the split, while the poll is open. */
  votedByPhone: number;
  closesAt: number | null;
  openedAt: number;
  closedAt: number | null;
  quorum: { organisationsPresent: number; organisations: number; met: boolean };
  /** The facilitator's console while the poll is open: who is left to count, and what was entered (never the phones' split). */
  console: { handsLimit: number; hands: Tally | null; consensus: { reached: boolean; objections: string } | null; closeRefusal: PollCode | null } | null;
  /** The viewer's own ballot (a signed-in viewer, while open). */
  me: MyBallot | null;
  /** Once closed. */
  result: PollResultView | null;
}

/** Who a view is for: a space's audience (the room's view is `roomVote`). */
type Viewer = { audience: Audience; actor: Actor | null };

const parentMotions = alias(motions, "parent_motions");

/** Motions and amendments by id, as polls name them: number ("M-2026-014", "M-2026-014 A2") and title. */
export function motionLabels(db: Db, motionIds: readonly number[]): Map<number, { id: number; number: string; title: string }> {
  if (motionIds.length === 0) return new Map();
  const rows = db
    .select({ id: motions.id, title: motions.title, year: motions.year, sequence: motions.sequence, parentYear: parentMotions.year, parentSequence: parentMotions.sequence })
    .from(motions)
    .leftJoin(parentMotions, eq(parentMotions.id, motions.parentId))
    .where(inArray(motions.id, [...motionIds]))
    .all();
  return new Map(
    rows.map((m) => [
      m.id,
      {
        id: m.id,
        title: m.title,
        // An amendment is numbered under its motion: M-2026-014 A2.
        number: m.parentSequence === null ? motionNumber(m.year, m.sequence) : amendmentNumber(m.parentYear!, m.parentSequence, m.sequence),
      },
    ]),
  );
}

function namedVotes(db: Db, pollId: number) {
  return db
    .select({ personId: pollVoters.personId, name: people.name, organisation: sql<string | null>`coalesce(${organisations.acronym}, ${organisations.name})`, voted: pollVoters.voted, choice: pollVoters.choice, sex: people.sex, birthYear: people.birthYear, ageGroup: people.ageGroup })
    .from(pollVoters)
    .innerJoin(people, eq(people.id, pollVoters.personId))
    .leftJoin(organisations, eq(organisations.id, pollVoters.organisationId))
    .where(eq(pollVoters.pollId, pollId))
    .orderBy(asc(people.name), asc(pollVoters.personId))
    .all();
}

function resultView(db: Db, poll: PollRow, meeting: MeetingFacts, viewer: Viewer, t: Translate): PollResultView {
  const decision = poll.result!;
  const members = viewer.audience === "member" || viewer.audience === "facilitator";
  const named = poll.method === "named" ? namedVotes(db, poll.id) : null;
  const year = Number(meetingDay(meeting).slice(0, 4));
  const forTally: { of: "all" | "hands"; tally: SexAgeTally } | null = named
    ? { of: "all", tally: tallyBySexAndAge(named.filter((v) => v.choice === "yes").map((v) => ({ sex: v.sex, ageGroup: ageGroupOf(v, year) }))) }
    : poll.handsBreakdown && poll.method !== "secret"
      ? { of: poll.method === "hybrid" ? "hands" : "all", tally: poll.handsBreakdown }
      : null;
  return {
    decision,
    tally: pollTally(poll),
    words: decisionWords(decision, poll.rules, pollTally(poll), t),
    // A hybrid poll's phones and hands apart, to its facilitators only: the room saw the hands, so the phones' split would be theirs.
    phones: takesPhoneBallots(poll.method) && (poll.method !== "hybrid" || viewer.audience === "facilitator") ? phoneTally(poll) : null,
    hands: poll.method !== "hybrid" || viewer.audience === "facilitator" ? handsTally(poll) : null,
    breakdown: forTally && { of: forTally.of, for: members ? forTally.tally : maskTally(forTally.tally) },
    consensus: poll.consensus === null ? null : { reached: poll.consensus, objections: poll.objections ?? "" },
    votes: named && members ? named.map((v) => ({ personId: v.personId, name: v.name, organisation: v.organisation, choice: v.voted ? v.choice : null })) : null,
  };
}

function buildView(db: Db, poll: PollRow, meeting: MeetingFacts, viewer: Viewer, motion: PollView["motion"], t: Translate): PollView {
  const open = poll.state === "open";
  return {
    id: poll.id,
    meetingId: poll.meetingId,
    motion,
    question: poll.question,
    method: poll.method,
    state: poll.state,
    rules: poll.rules,
    rulesWords: rulesWords(poll.rules, poll.method, t),
    eligible: poll.eligible,
    votedByPhone: cast(phoneTally(poll)),
    closesAt: poll.closesAt,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    quorum: { organisationsPresent: poll.organisationsPresent, organisations: poll.organisations, met: presenceQuorumMet(poll.rules, poll.organisationsPresent, poll.organisations) },
    console:
      open && viewer.audience === "facilitator"
        ? {
            handsLimit: poll.method === "hybrid" ? handLimit(poll.eligible, cast(phoneTally(poll))) : poll.eligible,
            hands: handsTally(poll),
            consensus: poll.consensus === null ? null : { reached: poll.consensus, objections: poll.objections ?? "" },
            closeRefusal: closeRefusal(poll),
          }
        : null,
    me: open && viewer.actor ? myBallotIn(db, viewer.actor, poll, meeting) : null,
    result: open ? null : resultView(db, poll, meeting, viewer, t),
  };
}

const viewerIn = (actor: Actor | null, spaceId: number): Viewer => ({ audience: audienceIn(actor, spaceId), actor });

const seesMeeting = (actor: Actor | null, meeting: MeetingFacts) => can(actor, "meeting.see", { spaceId: meeting.spaceId, published: meeting.published });

/**
 * A poll for whoever asks: the console's figures for its facilitators, the phone's own ballot
 * for a signed-in viewer, the result once closed (who voted what in a named poll for the
 * space's members only; the breakdown by sex and age masked for the public). While the poll is
 * open nobody gets its split. Null when the viewer may not see the meeting.
 */
export function pollView(db: Db, actor: Actor | null, pollId: number, locale: Locale): PollView | null {
  const found = loadPoll(db, pollId);
  if (!found || !seesMeeting(actor, found.meeting)) return null;
  const motion = found.poll.motionId === null ? null : (motionLabels(db, [found.poll.motionId]).get(found.poll.motionId) ?? null);
  return buildView(db, found.poll, found.meeting, viewerIn(actor, found.meeting.spaceId), motion, translator(locale));
}

/**
 * The reads behind the room's vote, prepared once per database: every live change and every
 * ballot's count rewrites it.
 */
function prepareRoomReads(db: Db) {
  return {
    latestPoll: db.select().from(polls).where(eq(polls.meetingId, sql.placeholder("meetingId"))).orderBy(sql`${polls.id} desc`).limit(1).prepare(),
    itemMotion: db.select({ motionId: agendaItems.motionId }).from(agendaItems).where(eq(agendaItems.id, sql.placeholder("itemId"))).prepare(),
    motionText: db
      .select({ parentId: motions.parentId, text: motions.text, originalText: motions.originalText, replacementText: motions.replacementText })
      .from(motions)
      .where(eq(motions.id, sql.placeholder("motionId")))
      .prepare(),
  };
}

const roomReads = preparedPer(prepareRoomReads);

/**
 * What the room votes on, for the live document every phone and the shared screen follow:
 * the open poll, or else the last one opened during the current agenda item (its result stays
 * up until the facilitator moves on), or the last one at all while no item is current; and the motion or amendment that item puts to the
 * meeting, with its text now. Language-free: each screen words it.
 */
export function roomVote(db: Db, meetingId: number, item: { id: number; since: number | null } | null): VoteView {
  const reads = roomReads(db);
  const latest = reads.latestPoll.get({ meetingId });
  // With no item current (a meeting run without an agenda), a result stays up until one is.
  const shown = latest && (latest.state === "open" || item === null || (item.since !== null && latest.openedAt >= item.since)) ? latest : null;
  const itemMotionId = item ? (reads.itemMotion.get({ itemId: item.id })?.motionId ?? null) : null;
  const ids = [shown?.motionId, itemMotionId].filter((id): id is number => id != null);
  const labels = motionLabels(db, ids);
  const poll: RoomPoll | null = shown && {
    id: shown.id,
    motion: shown.motionId === null ? null : (labels.get(shown.motionId) ?? null),
    question: shown.question,
    method: shown.method,
    state: shown.state,
    rules: shown.rules,
    eligible: shown.eligible,
    votedByPhone: cast(phoneTally(shown)),
    phonesOpen: shown.state === "open" && takesPhoneBallots(shown.method) && phonesOpen(shown),
    closesAt: shown.closesAt,
    openedAt: shown.openedAt,
    quorum: { organisationsPresent: shown.organisationsPresent, organisations: shown.organisations, met: presenceQuorumMet(shown.rules, shown.organisationsPresent, shown.organisations) },
    result:
      shown.state === "open" || shown.result === null
        ? null
        : {
            decision: shown.result,
            tally: pollTally(shown),
            // A hybrid poll's phones and hands are never apart in the room (the hands were seen: the phones' split would follow).
            phones: takesPhoneBallots(shown.method) && shown.method !== "hybrid" ? phoneTally(shown) : null,
            hands: shown.method !== "hybrid" ? handsTally(shown) : null,
            consensus: shown.consensus === null ? null : { reached: shown.consensus, objections: shown.objections ?? "" },
          },
  };
  let motion: VoteView["motion"] = null;
  if (itemMotionId !== null) {
    const row = reads.motionText.get({ motionId: itemMotionId });
    const label = labels.get(itemMotionId);
    // An amendment shows the paragraph it replaces and its replacement; a motion its text as it stands.
    if (row && label)
      motion = {
        ...label,
        html: row.parentId === null ? renderMarkdown(row.text) : `<del>${renderMarkdown(row.originalText ?? "")}</del><ins>${renderMarkdown(row.replacementText ?? "")}</ins>`,
      };
  }
  return { poll, motion };
}

/** A meeting's polls, first opened first, for whoever may see the meeting (empty otherwise). */
export function meetingPolls(db: Db, actor: Actor | null, meetingId: number, locale: Locale): PollView[] {
  const meeting = db.select(meetingFacts).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || !seesMeeting(actor, meeting)) return [];
  const rows = db.select().from(polls).where(eq(polls.meetingId, meetingId)).orderBy(asc(polls.id)).all();
  const labels = motionLabels(db, rows.map((p) => p.motionId).filter((id): id is number => id !== null));
  const viewer = viewerIn(actor, meeting.spaceId);
  const t = translator(locale);
  return rows.map((poll) => buildView(db, poll, meeting, viewer, poll.motionId === null ? null : (labels.get(poll.motionId) ?? null), t));
}

/** The polls on a motion and its amendments, first opened first, in the meetings the viewer may see. */
export function motionPolls(db: Db, actor: Actor | null, motionIds: readonly number[], locale: Locale): PollView[] {
  if (motionIds.length === 0) return [];
  const rows = db
    .select({ poll: polls, meeting: meetingFacts })
    .from(polls)
    .innerJoin(meetings, eq(meetings.id, polls.meetingId))
    .where(inArray(polls.motionId, [...motionIds]))
    .orderBy(asc(polls.id))
    .all()
    .filter((r) => seesMeeting(actor, r.meeting));
  const labels = motionLabels(db, motionIds);
  const t = translator(locale);
  return rows.map(({ poll, meeting }) => buildView(db, poll, meeting, viewerIn(actor, meeting.spaceId), labels.get(poll.motionId!) ?? null, t));
}

/**
 * Every decided poll of a space with its rule, as a spreadsheet: the meetings the viewer may
 * see, oldest first. Totals only, never a voter.
 */
export function pollResultsCsv(db: Db, actor: Actor | null, spaceId: number, locale: Locale): string {
  const t = translator(locale);
  const rows = db
    .select({ poll: polls, meeting: meetingFacts })
    .from(polls)
    .innerJoin(meetings, eq(meetings.id, polls.meetingId))
    .where(and(eq(meetings.spaceId, spaceId), eq(polls.state, "closed")))
    .orderBy(asc(meetings.startsAt), asc(polls.id))
    .all()
    .filter((r) => seesMeeting(actor, r.meeting));
  const labels = motionLabels(db, rows.map((r) => r.poll.motionId).filter((id): id is number => id !== null));
  const header = [
    t("polls.csv.meeting"),
    t("polls.csv.date"),
    t("polls.csv.motion"),
    t("polls.csv.question"),
    t("polls.csv.method"),
    t("polls.csv.rule"),
    t("polls.csv.organisationsPresent"),
    t("polls.csv.organisations"),
    t("polls.csv.eligible"),
    t("polls.choice.yes"),
    t("polls.choice.no"),
    t("polls.choice.abstain"),
    t("polls.csv.byPhone"),
    t("polls.csv.outcome"),
    t("polls.csv.words"),
  ];
  return toCsv([
    header,
    ...rows.map(({ poll, meeting }) => {
      const decision = poll.result!;
      const tally = pollTally(poll);
      return [
        meeting.title,
        meetingDay(meeting),
        poll.motionId === null ? "" : (labels.get(poll.motionId)?.number ?? ""),
        poll.question,
        t(`polls.method.${poll.method}`),
        rulesWords(poll.rules, poll.method, t),
        poll.organisationsPresent,
        poll.organisations,
        poll.eligible,
        tally.yes,
        tally.no,
        tally.abstain,
        takesPhoneBallots(poll.method) ? cast(phoneTally(poll)) : "",
        t(`polls.outcome.${decision.outcome}`),
        decisionWords(decision, poll.rules, tally, t),
      ];
    }),
  ]);
}
