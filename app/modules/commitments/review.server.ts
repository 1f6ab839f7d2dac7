import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { commitments, meetingSessions, meetings } from "../../../db/schema/index";
import type { Actor } from "../auth/roles";
import { localDate } from "../dates";
import type { Deps } from "../deps.server";
import type { MessageKey } from "../i18n/translate";
import type { RoomCommitment } from "../live/projections";
import { fail, type Result } from "../result";
import { commitmentMovesFrom, type CommitmentState } from "./commitment-state";
import { commitmentPage, commitmentsToReview, seesCommitment, type CommitmentStanding, type CommitmentSummary } from "./commitment-views.server";
import { MeetingDecisionSchema, type MeetingDecision } from "./commitments.schemas";
import { decideInMeeting } from "./commitments.server";
import { commitmentMessage, type CommitmentCode } from "./messages";

/** What a meeting may decide about a commitment, in the order the console offers them. */
export type ReviewDecision = MeetingDecision["decision"];
const DECISIONS: readonly ReviewDecision[] = MeetingDecisionSchema.shape.decision.options;

/** One commitment of a review, as the planning page and the console list it. */
export interface ReviewLine extends CommitmentStanding {
  authority: string;
  public: boolean;
  /** What the meeting may decide from its state (none once it is settled). */
  decisions: ReviewDecision[];
}

const line = (c: CommitmentSummary): ReviewLine => ({
  id: c.id,
  title: c.title,
  authority: c.authority.name,
  responsible: c.responsible,
  state: c.state,
  public: c.public,
  dueDate: c.dueDate,
  originalDueDate: c.originalDueDate,
  overdueDays: c.overdueDays,
  dueSoon: c.dueSoon,
  noNews: c.noNews,
  percent: c.percent,
  lastUpdate: c.lastUpdate,
  confirmations: c.confirmations,
  disputes: c.disputes,
  decisions: commitmentMovesFrom(c.state, "meeting").filter((m): m is ReviewDecision => (DECISIONS as readonly string[]).includes(m)),
});

/**
 * What a commitment review of this space would go through now, as this reader may see it:
 * computed each time it is shown (a dispute posted after the planning is in it), never stored.
 */
export function reviewList(db: Db, actor: Actor | null, spaceId: number, now: number): ReviewLine[] {
  const today = localDate(now);
  return commitmentsToReview(db, spaceId, now)
    .filter((c) => seesCommitment(actor, { public: c.public, spaceId: c.spaceId, authorityId: c.authority.id }, today))
    .map(line);
}

/**
 * The console's review: the list, and the commitment on the shared screen even once the
 * meeting's decision has taken it off the list (verified, not done…), so its outcome stays in view.
 */
export function consoleReview(db: Db, actor: Actor | null, meetingId: number, now: number): { list: ReviewLine[]; shownId: number | null } {
  const meeting = db.select({ spaceId: meetings.spaceId, shownId: meetingSessions.screenCommitmentId }).from(meetings).leftJoin(meetingSessions, eq(meetingSessions.meetingId, meetings.id)).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return { list: [], shownId: null };
  const list = reviewList(db, actor, meeting.spaceId, now);
  const shownId = meeting.shownId ?? null;
  if (shownId !== null && !list.some((c) => c.id === shownId)) {
    const shown = commitmentPage(db, actor, shownId, now);
    if (shown && shown.spaceId === meeting.spaceId) list.unshift(line(shown));
  }
  return { list, shownId };
}

/**
 * The commitment on the shared screen, as the public board would show it: read as nobody
 * signed in reads it, so a commitment that is not public (made so since it was put up) shows
 * nothing. Its dates' flags are left to each screen's clock.
 */
export function roomCommitment(db: Db, meeting: { spaceId: number; screenCommitmentId: number | null }): RoomCommitment | null {
  if (meeting.screenCommitmentId === null) return null;
  // The public reader's view depends on the day for the flags only, which the room does not take from here.
  const c = commitmentPage(db, null, meeting.screenCommitmentId, Date.now());
  if (!c || c.spaceId !== meeting.spaceId) return null;
  return {
    id: c.id,
    title: c.title,
    authority: c.authority.name,
    responsible: c.responsible,
    state: c.state,
    dueDate: c.dueDate,
    originalDueDate: c.originalDueDate,
    lastNewsDay: c.lastNewsDay,
    lastUpdate: c.lastUpdate,
    percent: c.percent,
    confirmations: c.confirmations,
    disputes: c.disputes,
    motion: c.motion ? { number: c.motion.number, title: c.motion.title } : null,
  };
}

/** The commitment on a meeting's shared screen, as the room sees it (a phone's first page). */
export function roomCommitmentOf(db: Db, meetingId: number): RoomCommitment | null {
  const meeting = db.select({ spaceId: meetings.spaceId, screenCommitmentId: meetingSessions.screenCommitmentId }).from(meetings).innerJoin(meetingSessions, eq(meetingSessions.meetingId, meetings.id)).where(eq(meetings.id, meetingId)).get();
  return meeting ? roomCommitment(db, meeting) : null;
}

/** Why the console's decision was refused: the commitment's own reasons, or the meeting's. */
export type ReviewCode = CommitmentCode | "not_live";

export const reviewMessage = (code: ReviewCode): MessageKey => (code === "not_live" ? "commitments.review.error.notLive" : commitmentMessage(code));

/**
 * What a running meeting decided about a commitment of its own space, recorded from its
 * console with the meeting named: a commitment of another space is not found from here.
 */
export function decideInReview(deps: Deps, actor: Actor | null, meetingId: number, commitmentId: number, input: Omit<MeetingDecision, "meetingId">, now: number): Result<{ state: CommitmentState }, ReviewCode> {
  const meeting = deps.db.select({ spaceId: meetings.spaceId, status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId)).get();
  const commitment = deps.db.select({ spaceId: commitments.spaceId }).from(commitments).where(eq(commitments.id, commitmentId)).get();
  if (!meeting || !commitment || commitment.spaceId !== meeting.spaceId) return fail("not_found");
  if (meeting.status !== "live") return fail("not_live");
  return decideInMeeting(deps, actor, commitmentId, { ...input, meetingId }, now);
}
