import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, max, min, sql } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import {
  agendaItems,
  authorities,
  meetings,
  motionCosponsors,
  motionEvents,
  motionVersions,
  motions,
  organisations,
  people,
  polls,
  spaceMemberships,
  spaces,
  users,
} from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { toCsv } from "../csv/csv";
import { localDate } from "../dates";
import { commit, type Deps } from "../deps.server";
import type { Locale } from "../i18n/locales";
import { translate } from "../i18n/catalog.server";
import type { MessageKey } from "../i18n/translate";
import { renderMarkdown } from "../meetings/markdown";
import { canEditPlan } from "../meetings/meeting-state";
import { isMinor, nameablePublicly } from "../people/privacy";
import { pollTally } from "../polls/polls.server";
import type { DomainEvent } from "../realtime/port";
import { fail, ok, type Result } from "../result";
import { audienceIn } from "../spaces/audience";
import { applyAmendment, paragraphs, wordDiff } from "./amendments";
import type { MotionCode } from "./messages";
import { FINAL_STATES, amendmentNumber, motionNumber, moveMotion, movesFrom, type MotionActor, type MotionMove, type MotionState } from "./motion-state";
import type { CreateMotion, DecisionMove, EditMotion, MotionFilter, ProposeAmendment } from "./motions.schemas";

export type { MotionCode };

type MotionRow = typeof motions.$inferSelect;
type EventMove = (typeof motionEvents.$inferInsert)["move"];
type Store = Db | Tx;

const localYear = (now: number) => Number(localDate(now).slice(0, 4));

/**
 * A motion's number once it has one. A draft holds a provisional rank below zero (the partial
 * unique index needs one per space and year) and is numbered when submitted: numbers follow
 * the order of submission without gaps, and none reveals a draft its proposer has not made public.
 */
const numberOf = (m: { year: number; sequence: number }): string | null => (m.sequence > 0 ? motionNumber(m.year, m.sequence) : null);

const numbered = (spaceId: number, year: number) => and(eq(motions.spaceId, spaceId), eq(motions.year, year), isNull(motions.parentId));

function provisionalRank(tx: Tx, spaceId: number, year: number): number {
  const row = tx.select({ low: min(motions.sequence) }).from(motions).where(numbered(spaceId, year)).get();
  return Math.min(0, row?.low ?? 0) - 1;
}

function nextRank(tx: Tx, spaceId: number, year: number): number {
  const row = tx.select({ high: max(motions.sequence) }).from(motions).where(numbered(spaceId, year)).get();
  return Math.max(0, row?.high ?? 0) + 1;
}

function speaksFor(actor: Actor | null, spaceId: number, organisationId: number, now: number): boolean {
  return can(actor, "organisation.speakFor", { spaceId, organisationId, on: localDate(now) });
}

/** The proposer's side: any delegate seated that day for the proposing organisation. */
const proposerSide = (actor: Actor | null, m: MotionRow, now: number) => speaksFor(actor, m.spaceId, m.proposerOrganisationId, now);

/** The organisations an actor speaks for in a space that day. */
function organisationsOf(actor: Actor | null, spaceId: number, now: number): number[] {
  const ids = new Set((actor?.seats ?? []).filter((s) => s.spaceId === spaceId).map((s) => s.organisationId));
  return [...ids].filter((id) => speaksFor(actor, spaceId, id, now));
}

const loadMotion = (db: Store, id: number) => db.select().from(motions).where(eq(motions.id, id)).get();
const loadSpace = (db: Store, id: number) => db.select().from(spaces).where(eq(spaces.id, id)).get();
const amendmentsOf = (db: Store, motionId: number) => db.select().from(motions).where(eq(motions.parentId, motionId)).orderBy(asc(motions.sequence)).all();

/** An authority of the space's territory, as the register lists them (`listAuthorities`). */
function authorityOfTerritory(db: Store, space: { communeCode: string; sectionCode: string | null }, authorityId: number): boolean {
  const a = db.select({ communeCode: authorities.communeCode, sectionCode: authorities.sectionCode }).from(authorities).where(eq(authorities.id, authorityId)).get();
  return !!a && a.communeCode === space.communeCode && (space.sectionCode === null || a.sectionCode === null || a.sectionCode === space.sectionCode);
}

function currentMember(db: Store, spaceId: number, organisationId: number): boolean {
  return !!db
    .select({ id: spaceMemberships.id })
    .from(spaceMemberships)
    .where(and(eq(spaceMemberships.spaceId, spaceId), eq(spaceMemberships.organisationId, organisationId), isNull(spaceMemberships.leftOn)))
    .get();
}

function recordEvent(
  tx: Tx,
  motionId: number,
  event: { move: EventMove; fromState: MotionState | null; toState: MotionState; actorId: string; at: number; meetingId?: number | null; pollId?: number | null; note?: string },
): void {
  tx.insert(motionEvents)
    .values({ motionId, ...event, meetingId: event.meetingId ?? null, pollId: event.pollId ?? null, note: event.note ?? "" })
    .run();
}

function addVersion(tx: Tx, motionId: number, text: string, amendmentId: number | null, now: number): void {
  const last = tx.select({ version: max(motionVersions.version) }).from(motionVersions).where(eq(motionVersions.motionId, motionId)).get();
  tx.insert(motionVersions).values({ motionId, version: (last?.version ?? 0) + 1, text, amendmentId, createdAt: now }).run();
}

/** A delegate drafts a motion in the name of an organisation seated in the space that day. */
export function draftMotion(deps: Deps, actor: Actor | null, spaceId: number, input: CreateMotion, now: number): Result<{ id: number }, MotionCode> {
  return commit<{ id: number }, MotionCode>(deps, (tx) => {
    if (!actor?.personId || !speaksFor(actor, spaceId, input.organisationId, now)) return fail("forbidden");
    // A seat is held in an existing space.
    const space = loadSpace(tx, spaceId)!;
    if (input.authorityId !== null && !authorityOfTerritory(tx, space, input.authorityId)) return fail("authority_not_found", "authorityId");
    const year = localYear(now);
    const { organisationId, ...content } = input;
    const inserted = tx
      .insert(motions)
      .values({ ...content, spaceId, year, sequence: provisionalRank(tx, spaceId, year), proposerOrganisationId: organisationId, proposerPersonId: actor.personId, state: "draft", createdAt: now })
      .returning({ id: motions.id })
      .get();
    appendAudit(tx, { at: now, actorId: actor.userId, action: "motion.draft", spaceId, subjectType: "motion", subjectId: inserted.id, after: input });
    return ok({ id: inserted.id });
  });
}

/** The proposer's side rewrites its draft; once submitted, only amendments change the text. */
export function editMotion(deps: Deps, actor: Actor | null, motionId: number, input: EditMotion, now: number): Result<null, MotionCode> {
  return commit<null, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!proposerSide(actor, m, now)) return fail("forbidden");
    if (m.state !== "draft") return fail("wrong_state");
    if (input.authorityId !== null && !authorityOfTerritory(tx, loadSpace(tx, m.spaceId)!, input.authorityId)) return fail("authority_not_found", "authorityId");
    tx.update(motions).set(input).where(eq(motions.id, motionId)).run();
    const before = { title: m.title, text: m.text, rationale: m.rationale, theme: m.theme, authorityId: m.authorityId };
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.edit", spaceId: m.spaceId, subjectType: "motion", subjectId: motionId, before, after: input });
    return ok(null);
  });
}

/** The proposer's side invites another member organisation of the space to co-sponsor, once. */
export function inviteCosponsor(deps: Deps, actor: Actor | null, motionId: number, organisationId: number, now: number): Result<null, MotionCode> {
  return commit<null, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!proposerSide(actor, m, now)) return fail("forbidden");
    if (m.state !== "draft" && m.state !== "submitted") return fail("wrong_state");
    if (organisationId === m.proposerOrganisationId) return fail("own_organisation", "organisationId");
    if (!currentMember(tx, m.spaceId, organisationId)) return fail("not_member", "organisationId");
    const invited = tx.select({ at: motionCosponsors.invitedAt }).from(motionCosponsors).where(and(eq(motionCosponsors.motionId, motionId), eq(motionCosponsors.organisationId, organisationId))).get();
    if (invited) return fail("already_invited", "organisationId");
    tx.insert(motionCosponsors).values({ motionId, organisationId, invitedAt: now }).run();
    // A draft is its proposer's own: so is whom it invites.
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.cosponsorInvite", spaceId: m.spaceId, visibility: m.state === "draft" ? "internal" : undefined, subjectType: "motion", subjectId: motionId, after: { organisationId } });
    return ok(null);
  });
}

/** An invited organisation accepts or declines, through its own delegate, once. */
export function answerCosponsor(deps: Deps, actor: Actor | null, motionId: number, organisationId: number, accept: boolean, now: number): Result<null, MotionCode> {
  return commit<null, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!speaksFor(actor, m.spaceId, organisationId, now)) return fail("forbidden");
    const where = and(eq(motionCosponsors.motionId, motionId), eq(motionCosponsors.organisationId, organisationId));
    const invitation = tx.select().from(motionCosponsors).where(where).get();
    if (!invitation) return fail("not_invited");
    if (invitation.answeredAt !== null) return fail("already_answered");
    if (FINAL_STATES.includes(m.state)) return fail("wrong_state");
    tx.update(motionCosponsors).set({ answeredAt: now, accepted: accept, answeredByPersonId: actor!.personId ?? null }).where(where).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.cosponsorAnswer", spaceId: m.spaceId, visibility: m.state === "draft" ? "internal" : undefined, subjectType: "motion", subjectId: motionId, after: { organisationId, accepted: accept } });
    return ok(null);
  });
}

/** The proposer's side submits its draft: it takes its number and its text becomes version 1. */
export function submitMotion(deps: Deps, actor: Actor | null, motionId: number, now: number): Result<{ number: string }, MotionCode> {
  return commit<{ number: string }, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!proposerSide(actor, m, now)) return fail("forbidden");
    const moved = moveMotion(m.state, "submit", "proposer");
    if (!moved.ok) return fail(moved.code);
    // Numbered in the year it is submitted, which may not be the year it was drafted.
    const year = localYear(now);
    const sequence = nextRank(tx, m.spaceId, year);
    tx.update(motions).set({ state: moved.state, year, sequence, submittedAt: now }).where(eq(motions.id, motionId)).run();
    addVersion(tx, motionId, m.text, null, now);
    recordEvent(tx, motionId, { move: "submit", fromState: m.state, toState: moved.state, actorId: actor!.userId, at: now });
    const number = motionNumber(year, sequence);
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.submit", spaceId: m.spaceId, subjectType: "motion", subjectId: motionId, before: { state: m.state }, after: { state: moved.state, number } });
    return ok({ number });
  });
}

/**
 * A seated delegate proposes to replace one paragraph of a submitted or admitted motion. It
 * keeps the paragraph as it reads now, to tell later whether it still applies. An amendment
 * has no draft stage (a short text, often written in the room): it is submitted at once.
 */
export function proposeAmendment(deps: Deps, actor: Actor | null, motionId: number, input: ProposeAmendment, now: number): Result<{ id: number; number: string }, MotionCode> {
  return commit<{ id: number; number: string }, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!actor?.personId || !speaksFor(actor, m.spaceId, input.organisationId, now)) return fail("forbidden");
    if (m.state !== "submitted" && m.state !== "admitted") return fail("wrong_state");
    const original = paragraphs(m.text)[input.paragraph];
    if (original === undefined) return fail("no_such_paragraph", "paragraph");
    const check = applyAmendment(m.text, { paragraph: input.paragraph, original, replacement: input.replacement });
    if (!check.ok) return fail(check.code, "replacement");
    const last = tx.select({ high: max(motions.sequence) }).from(motions).where(eq(motions.parentId, motionId)).get();
    const sequence = (last?.high ?? 0) + 1;
    const inserted = tx
      .insert(motions)
      .values({
        spaceId: m.spaceId,
        parentId: motionId,
        year: m.year,
        sequence,
        title: m.title,
        rationale: input.rationale,
        theme: m.theme,
        authorityId: m.authorityId,
        paragraph: input.paragraph,
        originalText: original,
        replacementText: input.replacement,
        proposerOrganisationId: input.organisationId,
        proposerPersonId: actor.personId,
        state: "submitted",
        submittedAt: now,
        createdAt: now,
      })
      .returning({ id: motions.id })
      .get();
    recordEvent(tx, inserted.id, { move: "submit", fromState: "draft", toState: "submitted", actorId: actor.userId, at: now });
    const number = amendmentNumber(m.year, m.sequence, sequence);
    appendAudit(tx, { at: now, actorId: actor.userId, action: "motion.submit", spaceId: m.spaceId, subjectType: "motion", subjectId: inserted.id, after: { ...input, motionId, number } });
    return ok({ id: inserted.id, number });
  });
}

/**
 * A facilitator puts a submitted (or referred) motion or amendment on a meeting's agenda, as
 * an item of kind "motion". An amendment comes once its motion is on that meeting's agenda,
 * and its item goes just before the motion's: amendments are voted first.
 */
export function admitToMeeting(deps: Deps, actor: Actor | null, id: number, meetingId: number, now: number): Result<{ agendaItemId: number }, MotionCode> {
  return commit<{ agendaItemId: number }, MotionCode>(deps, (tx, emit) => {
    const m = loadMotion(tx, id);
    if (!m) return fail("not_found");
    if (!can(actor, "meeting.run", { spaceId: m.spaceId })) return fail("forbidden");
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting || meeting.spaceId !== m.spaceId) return fail("not_found", "meetingId");
    if (!canEditPlan(meeting.status)) return fail("meeting_closed", "meetingId");
    const moved = moveMotion(m.state, "admit", "facilitator");
    if (!moved.ok) return fail(moved.code);
    const parent = m.parentId === null ? null : loadMotion(tx, m.parentId)!;
    if (parent && (parent.state !== "admitted" || parent.meetingId !== meetingId)) return fail("motion_not_admitted");
    tx.update(motions).set({ state: moved.state, meetingId, referredAuthorityId: null }).where(eq(motions.id, id)).run();
    recordEvent(tx, id, { move: "admit", fromState: m.state, toState: moved.state, actorId: actor!.userId, at: now, meetingId });

    // The agenda row as addAgendaItem writes it (in this transaction), placed before the motion's for an amendment.
    const parentItem = parent
      ? tx.select({ position: agendaItems.position }).from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.motionId, parent.id), isNull(agendaItems.withdrawnAt))).get()
      : undefined;
    let position: number;
    if (parentItem) {
      tx.update(agendaItems).set({ position: sql`${agendaItems.position} + 1` }).where(and(eq(agendaItems.meetingId, meetingId), gte(agendaItems.position, parentItem.position))).run();
      position = parentItem.position;
    } else {
      const last = tx.select({ position: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get();
      position = (last?.position ?? 0) + 1;
    }
    const number = parent ? amendmentNumber(parent.year, parent.sequence, m.sequence) : numberOf(m);
    const item = { kind: "motion" as const, title: `${number} · ${m.title}`, plannedMinutes: null, motionId: id };
    const inserted = tx.insert(agendaItems).values({ ...item, meetingId, position, createdAt: now }).returning({ id: agendaItems.id }).get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "agenda.add", spaceId: m.spaceId, subjectType: "meeting", subjectId: meetingId, after: { ...item, id: inserted.id } });
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.admit", spaceId: m.spaceId, subjectType: "motion", subjectId: id, before: { state: m.state }, after: { state: moved.state, meetingId, agendaItemId: inserted.id } });
    emit({ type: "meeting.planChanged", meetingId });
    return ok({ agendaItemId: inserted.id });
  });
}

/** Whether the poll may back this move: on this motion, closed, and with the same outcome when it adopts or rejects. */
function pollRefusal(tx: Tx, pollId: number, motionId: number, move: DecisionMove): MotionCode | null {
  const poll = tx.select({ motionId: polls.motionId, state: polls.state, result: polls.result }).from(polls).where(eq(polls.id, pollId)).get();
  if (!poll || poll.motionId !== motionId) return "poll_not_found";
  if (poll.state !== "closed") return "poll_open";
  if ((move === "adopt" && poll.result?.outcome !== "adopted") || (move === "reject" && poll.result?.outcome !== "rejected")) return "poll_mismatch";
  return null;
}

/** An adopted amendment rewrites its paragraph of the motion: a new version, and the change in the motion's history. */
function applyAdoptedAmendment(tx: Tx, amendment: MotionRow, actorId: string, now: number): MotionCode | null {
  const motion = loadMotion(tx, amendment.parentId!)!;
  const applied = applyAmendment(motion.text, { paragraph: amendment.paragraph!, original: amendment.originalText!, replacement: amendment.replacementText! });
  if (!applied.ok) return applied.code;
  addVersion(tx, motion.id, applied.text, amendment.id, now);
  tx.update(motions).set({ text: applied.text }).where(eq(motions.id, motion.id)).run();
  recordEvent(tx, motion.id, { move: "amend", fromState: motion.state, toState: motion.state, actorId, at: now, meetingId: motion.meetingId, note: amendmentNumber(motion.year, motion.sequence, amendment.sequence) });
  return null;
}

export interface DecisionOptions {
  pollId?: number;
  /** A referral to an authority; without one, a referral is to a later meeting. */
  referredAuthorityId?: number;
  note?: string;
}

function moveRow(tx: Tx, m: MotionRow, move: MotionMove, to: MotionState, actorId: string, now: number, options: DecisionOptions): void {
  const changes: Partial<MotionRow> = { state: to };
  if (FINAL_STATES.includes(to)) changes.decidedAt = now;
  if (move === "refer") {
    changes.referredAuthorityId = options.referredAuthorityId ?? null;
    // Referred to a later meeting, it waits to be admitted again; to an authority, it keeps the meeting that referred it.
    if (options.referredAuthorityId === undefined) changes.meetingId = null;
  }
  tx.update(motions).set(changes).where(eq(motions.id, m.id)).run();
  recordEvent(tx, m.id, { move, fromState: m.state, toState: to, actorId, at: now, meetingId: m.meetingId, pollId: options.pollId, note: options.note });
}

/**
 * A decided move with what follows from it: a withdrawn motion takes its undecided amendments
 * with it, a referred one its admitted amendments (they are its debate).
 */
function settle(tx: Tx, m: MotionRow, move: DecisionMove, to: MotionState, actorId: string, now: number, options: DecisionOptions): void {
  moveRow(tx, m, move, to, actorId, now, options);
  const followers =
    m.parentId !== null || (move !== "withdraw" && move !== "refer")
      ? []
      : amendmentsOf(tx, m.id).filter((a) => (move === "withdraw" ? !FINAL_STATES.includes(a.state) : a.state === "admitted"));
  for (const a of followers) moveRow(tx, a, move, to, actorId, now, { referredAuthorityId: options.referredAuthorityId });
  appendAudit(tx, {
    at: now,
    actorId,
    action: `motion.${move}`,
    spaceId: m.spaceId,
    visibility: m.state === "draft" ? "internal" : undefined,
    subjectType: "motion",
    subjectId: m.id,
    before: { state: m.state },
    after: { state: to, ...options, amendments: followers.map((a) => a.id) },
  });
}

/**
 * A facilitator records what the meeting decided on a motion or an amendment: adopted or
 * rejected (in a meeting that has opened, the motion after its admitted amendments), withdrawn
 * as its proposer says in the room, or referred to a later meeting or to an authority. An
 * adopted amendment rewrites its motion's paragraph, unless an earlier one changed it.
 */
export function recordDecision(deps: Deps, actor: Actor | null, id: number, move: DecisionMove, options: DecisionOptions, now: number): Result<{ state: MotionState }, MotionCode> {
  return commit<{ state: MotionState }, MotionCode>(deps, (tx, emit) => {
    const m = loadMotion(tx, id);
    if (!m) return fail("not_found");
    if (!can(actor, "meeting.run", { spaceId: m.spaceId })) return fail("forbidden");
    // A draft is its proposer's own: there is nothing for the meeting to record on it.
    if (m.state === "draft") return fail("wrong_state");
    const pendingAmendments = m.parentId === null ? amendmentsOf(tx, m.id).filter((a) => a.state === "admitted").length : 0;
    const moved = moveMotion(m.state, move, "facilitator", { pendingAmendments });
    if (!moved.ok) return fail(moved.code);
    if (move === "adopt" || move === "reject") {
      const meeting = tx.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, m.meetingId!)).get()!;
      if (meeting.status !== "live" && meeting.status !== "closed") return fail("meeting_not_held");
    }
    if (options.pollId !== undefined) {
      const refusal = pollRefusal(tx, options.pollId, id, move);
      if (refusal) return fail(refusal, "pollId");
    }
    if (move === "refer" && options.referredAuthorityId !== undefined && !authorityOfTerritory(tx, loadSpace(tx, m.spaceId)!, options.referredAuthorityId)) {
      return fail("authority_not_found", "referredAuthorityId");
    }
    if (move === "adopt" && m.parentId !== null) {
      const refusal = applyAdoptedAmendment(tx, m, actor!.userId, now);
      if (refusal) return fail(refusal);
    }
    settle(tx, m, move, moved.state, actor!.userId, now, options);
    followedBy(tx, m, emit);
    return ok({ state: moved.state });
  });
}

/** A motion on a meeting's agenda changed (its text, its state): the room's screens follow. */
function followedBy(tx: Tx, m: MotionRow, emit: (event: DomainEvent) => void): void {
  const motionId = m.parentId ?? m.id;
  const meetingId = m.meetingId ?? tx.select({ meetingId: motions.meetingId }).from(motions).where(eq(motions.id, motionId)).get()?.meetingId ?? null;
  if (meetingId !== null) emit({ type: "motion.changed", meetingId });
}

/** The proposer's side withdraws its motion or amendment until it is decided. */
export function withdrawMotion(deps: Deps, actor: Actor | null, id: number, options: { note?: string }, now: number): Result<{ state: MotionState }, MotionCode> {
  return commit<{ state: MotionState }, MotionCode>(deps, (tx, emit) => {
    const m = loadMotion(tx, id);
    if (!m) return fail("not_found");
    if (!proposerSide(actor, m, now)) return fail("forbidden");
    const moved = moveMotion(m.state, "withdraw", "proposer");
    if (!moved.ok) return fail(moved.code);
    settle(tx, m, "withdraw", moved.state, actor!.userId, now, options);
    followedBy(tx, m, emit);
    return ok({ state: moved.state });
  });
}

/**
 * Escalation: a facilitator of a section's space forwards an adopted motion to the space of
 * its commune, once. It arrives there submitted, numbered in that space, with the same text,
 * proposer (organisation and person) and addressee, and its origin; both keep the event.
 */
export function forwardMotion(deps: Deps, actor: Actor | null, motionId: number, toSpaceId: number, now: number): Result<{ id: number; number: string }, MotionCode> {
  return commit<{ id: number; number: string }, MotionCode>(deps, (tx) => {
    const m = loadMotion(tx, motionId);
    if (!m || m.parentId !== null) return fail("not_found");
    if (!can(actor, "meeting.run", { spaceId: m.spaceId })) return fail("forbidden");
    if (m.state !== "adopted") return fail("wrong_state");
    const from = loadSpace(tx, m.spaceId)!;
    if (from.level !== "section") return fail("not_section");
    const to = loadSpace(tx, toSpaceId);
    if (!to || to.level !== "commune" || to.communeCode !== from.communeCode) return fail("not_commune_space", "toSpaceId");
    if (tx.select({ id: motions.id }).from(motions).where(eq(motions.forwardedFromId, motionId)).get()) return fail("already_forwarded");
    const year = localYear(now);
    const sequence = nextRank(tx, toSpaceId, year);
    const inserted = tx
      .insert(motions)
      .values({
        spaceId: toSpaceId,
        year,
        sequence,
        title: m.title,
        text: m.text,
        rationale: m.rationale,
        theme: m.theme,
        // An authority of the section's territory is one of its commune's.
        authorityId: m.authorityId,
        proposerOrganisationId: m.proposerOrganisationId,
        proposerPersonId: m.proposerPersonId,
        state: "submitted",
        forwardedFromId: motionId,
        submittedAt: now,
        createdAt: now,
      })
      .returning({ id: motions.id })
      .get();
    addVersion(tx, inserted.id, m.text, null, now);
    const number = motionNumber(year, sequence);
    recordEvent(tx, inserted.id, { move: "forward", fromState: null, toState: "submitted", actorId: actor!.userId, at: now, note: numberOf(m)! });
    recordEvent(tx, motionId, { move: "forward", fromState: m.state, toState: m.state, actorId: actor!.userId, at: now, note: number });
    for (const [spaceId, subjectId] of [[m.spaceId, motionId], [toSpaceId, inserted.id]] as const) {
      appendAudit(tx, { at: now, actorId: actor!.userId, action: "motion.forward", spaceId, subjectType: "motion", subjectId, after: { from: motionId, to: inserted.id, toSpaceId, number } });
    }
    return ok({ id: inserted.id, number });
  });
}

// ——— Queries: view models for the pages ———

function proposerTypeFilter(type: MotionFilter["proposerType"]) {
  if (type === "women") return eq(organisations.ledByWoman, true);
  if (type === "youth") return eq(organisations.ledByYouth, true);
  if (type === "mixed") return and(eq(organisations.ledByWoman, false), eq(organisations.ledByYouth, false));
  return undefined;
}

/** Where motions forwarded to this space come from: number and space, by origin id. */
function origins(db: Db, ids: number[]) {
  const rows = ids.length
    ? db
        .select({ id: motions.id, year: motions.year, sequence: motions.sequence, spaceId: spaces.id, spaceName: spaces.name })
        .from(motions)
        .innerJoin(spaces, eq(spaces.id, motions.spaceId))
        .where(inArray(motions.id, ids))
        .all()
    : [];
  return new Map(rows.map((r) => [r.id, { id: r.id, number: numberOf(r), spaceId: r.spaceId, spaceName: r.spaceName }]));
}

export type MotionListItem = ReturnType<typeof listMotions>[number];

/**
 * A space's motions (not amendments), filtered. Anyone sees them from submission on; a draft
 * (or a draft withdrawn before it was submitted) only the delegates seated that day for its
 * proposing organisation or for an organisation it invited to co-sponsor it (they must read it
 * to answer). Drafts first, then latest numbers.
 */
export function listMotions(db: Db, actor: Actor | null, spaceId: number, filters: MotionFilter, now: number) {
  const mine = organisationsOf(actor, spaceId, now);
  const invitedTo = new Set(
    mine.length ? db.select({ motionId: motionCosponsors.motionId }).from(motionCosponsors).where(inArray(motionCosponsors.organisationId, mine)).all().map((r) => r.motionId) : [],
  );
  const rows = db
    .select({
      id: motions.id,
      year: motions.year,
      sequence: motions.sequence,
      title: motions.title,
      state: motions.state,
      theme: motions.theme,
      authorityId: motions.authorityId,
      authorityName: authorities.name,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationAcronym: organisations.acronym,
      forwardedFromId: motions.forwardedFromId,
      submittedAt: motions.submittedAt,
      decidedAt: motions.decidedAt,
    })
    .from(motions)
    .innerJoin(organisations, eq(organisations.id, motions.proposerOrganisationId))
    .leftJoin(authorities, eq(authorities.id, motions.authorityId))
    .where(
      and(
        eq(motions.spaceId, spaceId),
        isNull(motions.parentId),
        filters.state ? eq(motions.state, filters.state) : undefined,
        filters.theme ? eq(motions.theme, filters.theme) : undefined,
        filters.authorityId ? eq(motions.authorityId, filters.authorityId) : undefined,
        filters.year ? eq(motions.year, filters.year) : undefined,
        proposerTypeFilter(filters.proposerType),
      ),
    )
    .orderBy(asc(sql`${motions.sequence} > 0`), desc(motions.year), desc(sql`abs(${motions.sequence})`))
    .all()
    .filter((r) => r.submittedAt !== null || mine.includes(r.organisationId) || invitedTo.has(r.id));
  const from = origins(db, rows.map((r) => r.forwardedFromId).filter((id): id is number => id !== null));
  return rows.map((r) => ({
    id: r.id,
    number: numberOf(r),
    year: r.year,
    title: r.title,
    state: r.state,
    theme: r.theme,
    authority: r.authorityId !== null ? { id: r.authorityId, name: r.authorityName! } : null,
    organisation: { id: r.organisationId, name: r.organisationName, acronym: r.organisationAcronym },
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    forwardedFrom: r.forwardedFromId !== null ? from.get(r.forwardedFromId)! : null,
  }));
}

/** How a motion was decided: the move, when, and the stored result of the poll that decided it. */
/** What decided a motion: the move, and its poll's stored result if the reader may see that poll's meeting (an unpublished one is its members' only). */
function decisionOf(db: Db, actor: Actor | null, motionId: number) {
  const event = db
    .select({ move: motionEvents.move, at: motionEvents.at, pollId: motionEvents.pollId })
    .from(motionEvents)
    .where(and(eq(motionEvents.motionId, motionId), inArray(motionEvents.move, ["adopt", "reject"])))
    .orderBy(desc(motionEvents.at), desc(motionEvents.id))
    .get();
  if (!event) return null;
  const found = event.pollId === null ? undefined : db.select({ poll: polls, spaceId: meetings.spaceId, published: meetings.published }).from(polls).innerJoin(meetings, eq(meetings.id, polls.meetingId)).where(eq(polls.id, event.pollId)).get();
  const poll = found && can(actor, "meeting.see", { spaceId: found.spaceId, published: found.published }) ? found.poll : undefined;
  return {
    move: event.move as "adopt" | "reject",
    at: event.at,
    poll: poll ? { id: poll.id, method: poll.method, rules: poll.rules, result: poll.result, tally: pollTally(poll) } : null,
  };
}

/** A motion at the other end of an escalation: where it is and what became of it. */
function linkedMotion(db: Db, actor: Actor | null, m: MotionRow) {
  const space = loadSpace(db, m.spaceId)!;
  return { id: m.id, number: numberOf(m), title: m.title, state: m.state, spaceId: space.id, spaceName: space.name, decidedAt: m.decidedAt, decision: decisionOf(db, actor, m.id) };
}

export type MotionPage = NonNullable<ReturnType<typeof motionPage>>;

/**
 * A motion's page for this actor, or null when there is none to show (an amendment's id, or a
 * draft they may not read). The public sees the motion, its accepted co-sponsors, its history
 * without who acted, the proposer's name only if she agreed to be named; members see more.
 * `actions` are what this actor may do now (the buttons the page offers, each refused anyway
 * by its command if it comes to that).
 */
export function motionPage(db: Db, actor: Actor | null, id: number, now: number) {
  const m = loadMotion(db, id);
  if (!m || m.parentId !== null) return null;
  const mine = organisationsOf(actor, m.spaceId, now);
  const invitations = db
    .select({ organisationId: motionCosponsors.organisationId, name: organisations.name, acronym: organisations.acronym, accepted: motionCosponsors.accepted, answeredAt: motionCosponsors.answeredAt })
    .from(motionCosponsors)
    .innerJoin(organisations, eq(organisations.id, motionCosponsors.organisationId))
    .where(eq(motionCosponsors.motionId, id))
    .orderBy(asc(organisations.name))
    .all();
  if (m.submittedAt === null && !mine.includes(m.proposerOrganisationId) && !invitations.some((i) => mine.includes(i.organisationId))) return null;
  const insider = audienceIn(actor, m.spaceId) !== "public" || mine.length > 0;
  const space = loadSpace(db, m.spaceId)!;
  const organisation = db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations).where(eq(organisations.id, m.proposerOrganisationId)).get()!;
  const person = db.select().from(people).where(eq(people.id, m.proposerPersonId)).get()!;
  const named = insider || nameablePublicly({ known: true, official: false, namedPublicly: person.namedPublicly, minor: isMinor(person, localYear(now)) });
  const authorityName = (authorityId: number | null) =>
    authorityId === null ? null : { id: authorityId, name: db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, authorityId)).get()!.name };
  // An unpublished meeting is its members' only.
  const meetingOf = (meetingId: number | null) => {
    if (meetingId === null) return null;
    const meeting = db.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status, published: meetings.published }).from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const { published, ...shown } = meeting;
    return published || insider ? shown : null;
  };
  const number = numberOf(m);
  const amendments = db
    .select({ row: motions, organisationName: organisations.name, organisationAcronym: organisations.acronym })
    .from(motions)
    .innerJoin(organisations, eq(organisations.id, motions.proposerOrganisationId))
    .where(eq(motions.parentId, id))
    .orderBy(asc(motions.sequence))
    .all();
  const amendmentNumbers = new Map(amendments.map((a) => [a.row.id, amendmentNumber(m.year, m.sequence, a.row.sequence)]));
  const facilitator = can(actor, "meeting.run", { spaceId: m.spaceId });
  const proposer = mine.includes(m.proposerOrganisationId);
  const pendingAmendments = amendments.filter((a) => a.row.state === "admitted").length;
  const possible = (state: MotionState, side: MotionActor, allowed: (move: MotionMove) => boolean, pending = 0) =>
    movesFrom(state, side)
      .filter((move) => allowed(move) && moveMotion(state, move, side, { pendingAmendments: pending }).ok)
      .map((move) => ({ move, as: side }));
  const forwardedTo = db.select().from(motions).where(eq(motions.forwardedFromId, id)).get();
  const history = db
    .select({ move: motionEvents.move, fromState: motionEvents.fromState, toState: motionEvents.toState, at: motionEvents.at, meetingId: motionEvents.meetingId, pollId: motionEvents.pollId, note: motionEvents.note, by: users.name })
    .from(motionEvents)
    .leftJoin(users, eq(users.id, motionEvents.actorId))
    .where(eq(motionEvents.motionId, id))
    .orderBy(asc(motionEvents.at), asc(motionEvents.id))
    .all();
  const openToAmend = m.state === "submitted" || m.state === "admitted";

  return {
    id: m.id,
    number,
    space: { id: space.id, name: space.name, level: space.level },
    title: m.title,
    text: m.text,
    html: renderMarkdown(m.text),
    /** The paragraphs an amendment may replace, in order (numbered from 1 on the page, 0-based here). */
    paragraphs: paragraphs(m.text),
    rationale: m.rationale,
    theme: m.theme,
    state: m.state,
    authority: authorityName(m.authorityId),
    referredAuthority: authorityName(m.referredAuthorityId),
    meeting: meetingOf(m.meetingId),
    proposer: { organisation, personName: named ? person.name : null },
    createdAt: m.createdAt,
    submittedAt: m.submittedAt,
    decidedAt: m.decidedAt,
    decision: decisionOf(db, actor, m.id),
    versions: db
      .select({ version: motionVersions.version, text: motionVersions.text, amendmentId: motionVersions.amendmentId, createdAt: motionVersions.createdAt })
      .from(motionVersions)
      .where(eq(motionVersions.motionId, id))
      .orderBy(asc(motionVersions.version))
      .all()
      .map((v) => ({ ...v, amendmentNumber: v.amendmentId === null ? null : amendmentNumbers.get(v.amendmentId)! })),
    amendments: amendments.map(({ row: a, organisationName, organisationAcronym }) => {
      const undecided = !FINAL_STATES.includes(a.state);
      // Whether it can still be adopted as written: an earlier adopted amendment may have changed its paragraph.
      const stillApplies = !undecided || applyAmendment(m.text, { paragraph: a.paragraph!, original: a.originalText!, replacement: a.replacementText! }).ok;
      return {
        id: a.id,
        number: amendmentNumbers.get(a.id)!,
        state: a.state,
        paragraph: a.paragraph!,
        originalText: a.originalText!,
        replacementText: a.replacementText!,
        diff: wordDiff(a.originalText!, a.replacementText!),
        stillApplies,
        rationale: a.rationale,
        organisation: { id: a.proposerOrganisationId, name: organisationName, acronym: organisationAcronym },
        meeting: meetingOf(a.meetingId),
        submittedAt: a.submittedAt,
        decidedAt: a.decidedAt,
        decision: decisionOf(db, actor, a.id),
        moves: [
          ...(mine.includes(a.proposerOrganisationId) ? possible(a.state, "proposer", () => true) : []),
          ...(facilitator ? possible(a.state, "facilitator", (move) => (move !== "admit" || m.state === "admitted") && (move !== "adopt" || stillApplies)) : []),
        ],
      };
    }),
    cosponsors: invitations
      .map((i) => ({ organisationId: i.organisationId, name: i.name, acronym: i.acronym, status: i.answeredAt === null ? ("pending" as const) : i.accepted ? ("accepted" as const) : ("declined" as const) }))
      .filter((c) => insider || c.status === "accepted"),
    history: history.map((e) => ({ move: e.move, fromState: e.fromState, toState: e.toState, at: e.at, by: insider ? e.by : null, meeting: meetingOf(e.meetingId), pollId: e.pollId, note: e.note })),
    forwardedFrom: m.forwardedFromId !== null ? linkedMotion(db, actor, loadMotion(db, m.forwardedFromId)!) : null,
    forwardedTo: forwardedTo ? linkedMotion(db, actor, forwardedTo) : null,
    actions: {
      moves: [
        ...(proposer ? possible(m.state, "proposer", () => true, pendingAmendments) : []),
        ...(facilitator && m.state !== "draft" ? possible(m.state, "facilitator", () => true, pendingAmendments) : []),
      ],
      edit: proposer && m.state === "draft",
      invite: proposer && (m.state === "draft" || m.state === "submitted"),
      /** Organisations this actor answers an invitation for. */
      answerFor: FINAL_STATES.includes(m.state) ? [] : invitations.filter((i) => i.answeredAt === null && mine.includes(i.organisationId)).map((i) => i.organisationId),
      /** Organisations this actor may propose an amendment for. */
      amendFor: openToAmend ? mine : [],
      /** The commune's spaces an adopted motion of a section may be forwarded to, once. */
      forwardTo:
        facilitator && m.state === "adopted" && space.level === "section" && !forwardedTo
          ? db.select({ id: spaces.id, name: spaces.name }).from(spaces).where(and(eq(spaces.level, "commune"), eq(spaces.communeCode, space.communeCode))).orderBy(asc(spaces.name)).all()
          : [],
    },
  };
}

/**
 * A space's motions of a year (numbered that year), for its figures: proposed there, adopted,
 * and how many of them women's and youth organisations proposed, as counts over the total
 * (integers; the page or report words the share). Motions forwarded from a section's space
 * count in that space's figures, so a report over a commune and its sections counts each once:
 * here they are `received`.
 */
export function motionYearFigures(db: Db, spaceId: number, year: number) {
  const rows = db
    .select({ state: motions.state, ledByWoman: organisations.ledByWoman, ledByYouth: organisations.ledByYouth, forwarded: sql<number>`${motions.forwardedFromId} IS NOT NULL` })
    .from(motions)
    .innerJoin(organisations, eq(organisations.id, motions.proposerOrganisationId))
    .where(and(eq(motions.spaceId, spaceId), eq(motions.year, year), isNull(motions.parentId), isNotNull(motions.submittedAt)))
    .all();
  const proposed = rows.filter((r) => !r.forwarded);
  return {
    year,
    proposed: proposed.length,
    adopted: proposed.filter((r) => r.state === "adopted").length,
    byWomen: { count: proposed.filter((r) => r.ledByWoman).length, total: proposed.length },
    byYouth: { count: proposed.filter((r) => r.ledByYouth).length, total: proposed.length },
    received: rows.length - proposed.length,
  };
}

/** A space's motions from submission on, as a spreadsheet in the reader's language (dates as YYYY-MM-DD, Haiti's). */
export function motionsCsv(db: Db, actor: Actor | null, spaceId: number, locale: Locale, filters: MotionFilter, now: number): string {
  const text = (key: MessageKey) => translate(locale, key);
  const day = (at: number | null) => (at === null ? "" : localDate(at));
  const rows = listMotions(db, actor, spaceId, filters, now).filter((r) => r.submittedAt !== null);
  return toCsv([
    (["id", "number", "title", "state", "theme", "addressee", "proposer", "submittedOn", "decidedOn", "forwardedFrom"] as const).map((k) => text(`motions.csv.${k}`)),
    ...rows.map((r) => [
      r.id,
      r.number,
      r.title,
      text(`motions.state.${r.state}`),
      text(`motions.theme.${r.theme}`),
      r.authority?.name ?? "",
      r.organisation.name,
      day(r.submittedAt),
      day(r.decidedAt),
      r.forwardedFrom ? `${r.forwardedFrom.number} (${r.forwardedFrom.spaceName})` : "",
    ]),
  ]);
}

/** The meetings a facilitator may put a motion or an amendment on: the space's planned or live ones (their agenda still changes), soonest first. */
export function listAdmissionMeetings(db: Db, spaceId: number) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.spaceId, spaceId), inArray(meetings.status, ["planned", "live"])))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
}

/** The organisations an actor may draft a motion for in a space that day (those they are seated for), by name. */
export function proposingOrganisations(db: Db, actor: Actor | null, spaceId: number, now: number) {
  const ids = organisationsOf(actor, spaceId, now);
  if (ids.length === 0) return [];
  return db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name)).all();
}

/** The years a space has numbered motions in, latest first: the years its figures cover. */
export function motionYears(db: Db, spaceId: number): number[] {
  return db
    .selectDistinct({ year: motions.year })
    .from(motions)
    .where(and(eq(motions.spaceId, spaceId), isNull(motions.parentId), isNotNull(motions.submittedAt)))
    .orderBy(desc(motions.year))
    .all()
    .map((r) => r.year);
}

/**
 * The closed polls on a motion and on its amendments, for the facilitator recording what the
 * meeting decided: the poll that decided it is named with the decision (its outcome must match).
 */
export function closedPollsOf(db: Db, motionId: number) {
  const ids = [motionId, ...amendmentsOf(db, motionId).map((a) => a.id)];
  return db
    .select({ id: polls.id, motionId: polls.motionId, question: polls.question, result: polls.result, closedAt: polls.closedAt })
    .from(polls)
    .where(and(inArray(polls.motionId, ids), eq(polls.state, "closed")))
    .orderBy(asc(polls.id))
    .all()
    .map((p) => ({ id: p.id, motionId: p.motionId!, question: p.question, outcome: p.result?.outcome ?? null, closedAt: p.closedAt }));
}
