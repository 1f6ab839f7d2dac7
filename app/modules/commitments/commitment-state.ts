/**
 * A commitment's life, as one pure state machine: what an authority promised, from pledge to
 * the people's verdict, and who may make each move. Overdue, due soon and "no news" are
 * computed from dates and state, never stored.
 */

export const COMMITMENT_STATES = ["pledged", "in_progress", "claimed_done", "disputed", "verified", "partly_done", "not_done", "abandoned"] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

/** Decided: nothing moves a commitment out of these. */
export const SETTLED_STATES: readonly CommitmentState[] = ["verified", "partly_done", "not_done", "abandoned"];

export const COMMITMENT_MOVES = ["update", "claim", "confirm", "dispute", "verify", "partly", "not_done", "abandon", "reschedule"] as const;
export type CommitmentMove = (typeof COMMITMENT_MOVES)[number];

/**
 * Who acts: the promising authority (an official through their mandate), a delegate seated in
 * the space (confirming or disputing for their organisation), or the meeting, recorded by a
 * facilitator (or an administrator).
 */
export type CommitmentActor = "authority" | "delegate" | "meeting";

export type CommitmentRefusal = "not_allowed" | "wrong_state" | "reason_required" | "already_answered";

/** How many organisations must confirm a claim, with none disputing, for it to be verified by the people. */
export const CONFIRMATIONS_NEEDED = 2;

const OPEN: readonly CommitmentState[] = ["pledged", "in_progress", "disputed"];
const UNSETTLED: readonly CommitmentState[] = ["pledged", "in_progress", "claimed_done", "disputed"];

/**
 * Each move: from which states, by whom, and where it leads (`same`: the state stays). A
 * dispute stays open until a meeting decides: the authority's news leaves it disputed (on the
 * next meeting's review), and a meeting that upholds it, or sets a new date, sends the work back
 * in progress with its reasons.
 */
type Leads = CommitmentState | "same" | ((from: CommitmentState, by: CommitmentActor) => CommitmentState);
const RULES: Record<CommitmentMove, { from: readonly CommitmentState[]; by: readonly CommitmentActor[]; to: Leads }> = {
  // A progress note: a pledge starts moving with its first one.
  update: { from: OPEN, by: ["authority", "meeting"], to: (from) => (from === "disputed" ? "disputed" : "in_progress") },
  claim: { from: OPEN, by: ["authority", "meeting"], to: "claimed_done" },
  // The people's answers stay open on a claim until a meeting decides or the authority claims
  // again: an organisation may still confirm (or dispute) a claim another one disputed.
  confirm: { from: ["claimed_done", "disputed"], by: ["delegate"], to: "same" },
  dispute: { from: ["claimed_done", "disputed"], by: ["delegate", "meeting"], to: (_, by) => (by === "meeting" ? "in_progress" : "disputed") },
  verify: { from: ["claimed_done", "disputed"], by: ["meeting"], to: "verified" },
  partly: { from: UNSETTLED, by: ["meeting"], to: "partly_done" },
  not_done: { from: UNSETTLED, by: ["meeting"], to: "not_done" },
  abandon: { from: UNSETTLED, by: ["authority", "meeting"], to: "abandoned" },
  // A new due date agreed in a meeting: an event; the original date is kept beside it.
  reschedule: { from: OPEN, by: ["meeting"], to: (from) => (from === "disputed" ? "in_progress" : from) },
};

/** Moves that must say why. */
const NEEDS_REASON: readonly CommitmentMove[] = ["dispute", "abandon"];

export interface MoveFacts {
  /** The reason given (a dispute's, an abandonment's). */
  reason?: string;
  /** For a delegate's confirmation or dispute: whether their organisation already answered this claim. */
  organisationAnswered?: boolean;
  /** For a confirmation: how many organisations confirmed and disputed this claim before. */
  confirmations?: number;
  disputes?: number;
}

export type MoveResult = { ok: true; state: CommitmentState } | { ok: false; code: CommitmentRefusal };

export function moveCommitment(current: CommitmentState, move: CommitmentMove, actor: CommitmentActor, facts: MoveFacts = {}): MoveResult {
  const rule = RULES[move];
  if (!rule.by.includes(actor)) return { ok: false, code: "not_allowed" };
  if (!rule.from.includes(current)) return { ok: false, code: "wrong_state" };
  if (NEEDS_REASON.includes(move) && !facts.reason?.trim()) return { ok: false, code: "reason_required" };
  if (actor === "delegate" && facts.organisationAnswered) return { ok: false, code: "already_answered" };
  if (move === "confirm") return { ok: true, state: current === "claimed_done" && verifiedByThePeople((facts.confirmations ?? 0) + 1, facts.disputes ?? 0) ? "verified" : current };
  return { ok: true, state: rule.to === "same" ? current : typeof rule.to === "function" ? rule.to(current, actor) : rule.to };
}

/** The moves an actor may make from a state (the buttons a page offers; each refused anyway by its command if it comes to that). */
export function commitmentMovesFrom(current: CommitmentState, actor: CommitmentActor): CommitmentMove[] {
  return COMMITMENT_MOVES.filter((move) => RULES[move].by.includes(actor) && RULES[move].from.includes(current));
}

/** The people's verdict on a claim: verified when enough organisations confirm and none disputes. */
export function verifiedByThePeople(confirmations: number, disputes: number): boolean {
  return disputes === 0 && confirmations >= CONFIRMATIONS_NEEDED;
}

const DAY_MS = 86_400_000;
/** Days from one calendar day ("2026-12-02") to another, negative when it is before. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** "Due soon": within this many days. */
export const DUE_SOON_DAYS = 14;
/** "No news": no update for this many days. */
export const NO_NEWS_DAYS = 60;

export interface CommitmentFlags {
  /** Days past the due date (null: not overdue). */
  overdueDays: number | null;
  dueSoon: boolean;
  noNews: boolean;
}

/**
 * What a commitment's dates say today, for an unsettled one that is not claimed done (a claim
 * waits for the people, not for the authority): overdue by how many days, due soon, or no
 * news since the last update (or the pledge) for 60 days. A settled one raises nothing.
 */
export function commitmentFlags(c: { state: CommitmentState; dueDate: string | null; lastNewsDay: string }, today: string): CommitmentFlags {
  if (!OPEN.includes(c.state)) return { overdueDays: null, dueSoon: false, noNews: false };
  const left = c.dueDate === null ? null : daysBetween(today, c.dueDate);
  return {
    overdueDays: left !== null && left < 0 ? -left : null,
    dueSoon: left !== null && left >= 0 && left <= DUE_SOON_DAYS,
    noNews: daysBetween(c.lastNewsDay, today) >= NO_NEWS_DAYS,
  };
}
