import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { commitmentEvidence, commitmentUpdates, commitments, meetings, motions, sections, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { localDate } from "../dates";
import { commit, type Deps } from "../deps.server";
import type { DomainEvent } from "../realtime/port";
import { fail, ok, type Result } from "../result";
import { listAuthorities } from "../authorities/authorities.server";
import {
  commitmentMovesFrom,
  moveCommitment,
  type CommitmentActor,
  type CommitmentMove,
  type CommitmentState,
} from "./commitment-state";
import type { AnswerClaim, MeetingDecision, Progress, RecordCommitment } from "./commitments.schemas";
import type { CommitmentCode } from "./messages";
import type { StoredEvidence } from "../evidence/evidence-files.server";

export type { CommitmentCode };

type Store = Db | Tx;
type CommitmentRow = typeof commitments.$inferSelect;

const loadCommitment = (db: Store, id: number) => db.select().from(commitments).where(eq(commitments.id, id)).get();

const facilitates = (actor: Actor | null, spaceId: number) => can(actor, "space.facilitate", { spaceId });
const answersFor = (actor: Actor | null, authorityId: number, day: string) => can(actor, "authority.answerFor", { authorityId, on: day });

/**
 * How an actor acts on a commitment for a move: as the authority (an official with a mandate
 * that day), or as the meeting (a facilitator of the space, an administrator). The authority's
 * own side comes first, so an official who also facilitates posts news as the authority.
 */
function sideOf(actor: Actor | null, c: CommitmentRow, move: CommitmentMove, day: string): CommitmentActor | null {
  const sides: CommitmentActor[] = [];
  if (answersFor(actor, c.authorityId, day)) sides.push("authority");
  if (facilitates(actor, c.spaceId)) sides.push("meeting");
  return sides.find((side) => commitmentMovesFrom(c.state, side).includes(move)) ?? sides[0] ?? null;
}

/** The live meetings of a space: a commitment on their screen follows its changes. */
function liveMeetingEvents(tx: Tx, spaceId: number): DomainEvent[] {
  return tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.spaceId, spaceId), eq(meetings.status, "live")))
    .all()
    .map((m) => ({ type: "commitment.changed", meetingId: m.id }) as const);
}

function insertUpdate(tx: Tx, row: typeof commitmentUpdates.$inferInsert): number {
  return tx.insert(commitmentUpdates).values(row).returning({ id: commitmentUpdates.id }).get().id;
}

function insertEvidence(tx: Tx, commitmentId: number, updateId: number, files: readonly StoredEvidence[], now: number): void {
  for (const f of files) tx.insert(commitmentEvidence).values({ ...f, commitmentId, updateId, createdAt: now }).run();
}

/**
 * Records a commitment: a facilitator of the space (during or after a meeting), an
 * administrator, or the official themselves through their authority's mandate that day.
 */
export function recordCommitment(deps: Deps, actor: Actor | null, spaceId: number, input: RecordCommitment, now: number): Result<{ id: number }, CommitmentCode> {
  const today = localDate(now);
  return commit(deps, (tx, emit) => {
    const space = tx.select().from(spaces).where(eq(spaces.id, spaceId)).get();
    if (!space) return fail("space_not_found");
    const authority = listAuthorities(tx as unknown as Db, space).find((a) => a.id === input.authorityId);
    const side: CommitmentActor | null = answersFor(actor, input.authorityId, today) ? "authority" : facilitates(actor, spaceId) ? "meeting" : null;
    if (!side) return fail("forbidden");
    if (!authority) return fail("authority_not_found", "authorityId");
    if (input.officialId !== null && !authority.officials.some((o) => o.id === input.officialId)) return fail("official_not_found", "officialId");
    if (input.officialId === null && !input.office) return fail("responsible_required", "office");
    if (input.motionId !== null) {
      const motion = tx.select({ spaceId: motions.spaceId, state: motions.state, parentId: motions.parentId }).from(motions).where(eq(motions.id, input.motionId)).get();
      if (!motion || motion.spaceId !== spaceId || motion.parentId !== null || motion.state === "draft") return fail("motion_not_found", "motionId");
    }
    let pledgedOn = today;
    if (input.meetingId !== null) {
      const meeting = tx.select({ spaceId: meetings.spaceId, status: meetings.status, startsAt: meetings.startsAt, published: meetings.published }).from(meetings).where(eq(meetings.id, input.meetingId)).get();
      // An official outside the space names only the meetings they can see (published ones).
      if (!meeting || meeting.spaceId !== spaceId || meeting.status === "cancelled" || !can(actor, "meeting.see", { spaceId, published: meeting.published })) return fail("meeting_not_found", "meetingId");
      pledgedOn = localDate(meeting.startsAt);
    }
    if (input.sectionCode !== null) {
      const section = tx.select({ communeCode: sections.communeCode }).from(sections).where(eq(sections.code, input.sectionCode)).get();
      if (!section || section.communeCode !== space.communeCode || (space.sectionCode !== null && input.sectionCode !== space.sectionCode)) return fail("section_outside", "sectionCode");
    }
    if (input.dueDate < pledgedOn) return fail("due_before_pledge", "dueDate");
    const id = tx
      .insert(commitments)
      .values({
        spaceId,
        authorityId: input.authorityId,
        officialId: input.officialId,
        office: input.officialId === null ? input.office : "",
        title: input.title,
        text: input.text,
        theme: input.theme,
        motionId: input.motionId,
        meetingId: input.meetingId,
        sectionCode: input.sectionCode,
        dueDate: input.dueDate,
        originalDueDate: input.dueDate,
        budgetHtg: input.budgetHtg,
        beneficiaries: input.beneficiaries,
        beneficiariesNote: input.beneficiariesNote,
        beneficiariesBreakdown: input.breakdown,
        public: input.isPublic,
        state: "pledged",
        pledgedOn,
        createdBy: actor!.userId,
        createdAt: now,
      })
      .returning({ id: commitments.id })
      .get().id;
    insertUpdate(tx, { commitmentId: id, move: "record", actorKind: side, fromState: null, toState: "pledged", meetingId: input.meetingId, actorId: actor!.userId, actorPersonId: actor!.personId ?? null, at: now });
    appendAudit(tx, { actorId: actor!.userId, action: "commitment.record", spaceId, subjectType: "commitment", subjectId: id, after: { title: input.title, authorityId: input.authorityId, dueDate: input.dueDate }, at: now, visibility: input.isPublic ? "public" : "internal" });
    for (const event of liveMeetingEvents(tx, spaceId)) emit(event);
    return ok({ id });
  });
}

/**
 * The authority's news (or a facilitator's, for the meeting): a progress note with a
 * percentage, a link and evidence files; a claim that it is done, which opens a new round of
 * the people's answers; or giving it up, with the reason. The evidence files are already
 * stored; the route removes them if this is refused.
 */
export function postProgress(deps: Deps, actor: Actor | null, id: number, input: Progress, evidence: readonly StoredEvidence[], now: number): Result<{ state: CommitmentState }, CommitmentCode> {
  const today = localDate(now);
  return commit(deps, (tx, emit) => {
    const c = loadCommitment(tx, id);
    if (!c) return fail("not_found");
    const side = sideOf(actor, c, input.move, today);
    if (!side) return fail("forbidden");
    if (input.move === "update" && !input.note && input.percent === undefined && !input.link && evidence.length === 0) return fail("nothing_to_say", "note");
    const moved = moveCommitment(c.state, input.move, side, { reason: input.note });
    if (!moved.ok) return fail(moved.code, moved.code === "reason_required" ? "note" : undefined);
    const claimRound = input.move === "claim" ? c.claimRound + 1 : c.claimRound;
    tx.update(commitments).set({ state: moved.state, claimRound }).where(eq(commitments.id, id)).run();
    const updateId = insertUpdate(tx, {
      commitmentId: id,
      move: input.move,
      actorKind: side,
      fromState: c.state,
      toState: moved.state,
      note: input.note,
      percent: input.move === "claim" ? (input.percent ?? 100) : (input.percent ?? null),
      link: input.link ?? null,
      actorId: actor!.userId,
      actorPersonId: actor!.personId ?? null,
      at: now,
    });
    insertEvidence(tx, id, updateId, evidence, now);
    appendAudit(tx, { actorId: actor!.userId, action: `commitment.${input.move}`, spaceId: c.spaceId, subjectType: "commitment", subjectId: id, after: { state: moved.state, files: evidence.length }, at: now, visibility: c.public ? "public" : "internal" });
    for (const event of liveMeetingEvents(tx, c.spaceId)) emit(event);
    return ok({ state: moved.state });
  });
}

/**
 * An organisation's answer to a claim, through a delegate seated for it in the space that
 * day: once per organisation and claim. Two confirmations and no dispute verify it; a dispute
 * sends it back to the next meeting.
 */
export function answerClaim(deps: Deps, actor: Actor | null, id: number, input: AnswerClaim, now: number): Result<{ state: CommitmentState }, CommitmentCode> {
  const today = localDate(now);
  return commit(deps, (tx, emit) => {
    const c = loadCommitment(tx, id);
    if (!c) return fail("not_found");
    if (!can(actor, "organisation.speakFor", { spaceId: c.spaceId, organisationId: input.organisationId, on: today })) return fail("not_seated", "organisationId");
    const answers = tx
      .select({ organisationId: commitmentUpdates.organisationId, move: commitmentUpdates.move })
      .from(commitmentUpdates)
      .where(and(eq(commitmentUpdates.commitmentId, id), eq(commitmentUpdates.claimRound, c.claimRound), isNotNull(commitmentUpdates.organisationId)))
      .all();
    const moved = moveCommitment(c.state, input.answer, "delegate", {
      reason: input.comment,
      organisationAnswered: answers.some((a) => a.organisationId === input.organisationId),
      confirmations: answers.filter((a) => a.move === "confirm").length,
      disputes: answers.filter((a) => a.move === "dispute").length,
    });
    if (!moved.ok) return fail(moved.code, moved.code === "reason_required" ? "comment" : undefined);
    tx.update(commitments).set({ state: moved.state }).where(eq(commitments.id, id)).run();
    insertUpdate(tx, {
      commitmentId: id,
      move: input.answer,
      actorKind: "delegate",
      fromState: c.state,
      toState: moved.state,
      note: input.comment,
      organisationId: input.organisationId,
      claimRound: c.claimRound,
      actorId: actor!.userId,
      actorPersonId: actor!.personId ?? null,
      at: now,
    });
    appendAudit(tx, { actorId: actor!.userId, action: `commitment.${input.answer}`, spaceId: c.spaceId, subjectType: "commitment", subjectId: id, after: { state: moved.state, organisationId: input.organisationId }, at: now, visibility: c.public ? "public" : "internal" });
    for (const event of liveMeetingEvents(tx, c.spaceId)) emit(event);
    return ok({ state: moved.state });
  });
}

/**
 * What a meeting decided, recorded by a facilitator in one step: verified, disputed, partly
 * done, not done, abandoned, or a new due date (an event: the original date stays).
 */
export function decideInMeeting(deps: Deps, actor: Actor | null, id: number, input: MeetingDecision, now: number): Result<{ state: CommitmentState }, CommitmentCode> {
  return commit(deps, (tx, emit) => {
    const c = loadCommitment(tx, id);
    if (!c) return fail("not_found");
    if (!facilitates(actor, c.spaceId)) return fail("forbidden");
    // Only a meeting decides: one of the space's that is under way or was held.
    const meeting = tx.select({ spaceId: meetings.spaceId, status: meetings.status }).from(meetings).where(eq(meetings.id, input.meetingId)).get();
    if (!meeting || meeting.spaceId !== c.spaceId) return fail("meeting_not_found", "meetingId");
    if (meeting.status !== "live" && meeting.status !== "closed") return fail("meeting_not_held", "meetingId");
    if (input.decision === "reschedule") {
      if (!input.dueDate) return fail("due_date_required", "dueDate");
      if (input.dueDate === c.dueDate) return fail("same_due_date", "dueDate");
      if (input.dueDate < c.pledgedOn) return fail("due_before_pledge", "dueDate");
    }
    const moved = moveCommitment(c.state, input.decision, "meeting", { reason: input.note });
    if (!moved.ok) return fail(moved.code, moved.code === "reason_required" ? "note" : undefined);
    const dueDate = input.decision === "reschedule" ? input.dueDate! : c.dueDate;
    tx.update(commitments).set({ state: moved.state, dueDate }).where(eq(commitments.id, id)).run();
    insertUpdate(tx, {
      commitmentId: id,
      move: input.decision,
      actorKind: "meeting",
      fromState: c.state,
      toState: moved.state,
      note: input.note,
      dueDate: input.decision === "reschedule" ? dueDate : null,
      previousDueDate: input.decision === "reschedule" ? c.dueDate : null,
      meetingId: input.meetingId,
      actorId: actor!.userId,
      actorPersonId: actor!.personId ?? null,
      at: now,
    });
    appendAudit(tx, { actorId: actor!.userId, action: `commitment.${input.decision}`, spaceId: c.spaceId, subjectType: "commitment", subjectId: id, after: { state: moved.state, dueDate }, at: now, visibility: c.public ? "public" : "internal" });
    for (const event of liveMeetingEvents(tx, c.spaceId)) emit(event);
    return ok({ state: moved.state });
  });
}
