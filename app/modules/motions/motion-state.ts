/**
 * A motion's (or an amendment's) life, as one state machine with who may make each move.
 * A proposer drafts and submits; a facilitator admits it to a meeting, records the decision or
 * refers it on; the proposer may withdraw it until it is decided. Decided states are final.
 */
export const MOTION_STATES = ["draft", "submitted", "admitted", "adopted", "rejected", "withdrawn", "referred"] as const;
export type MotionState = (typeof MOTION_STATES)[number];

export const MOTION_MOVES = ["submit", "admit", "adopt", "reject", "withdraw", "refer"] as const;
export type MotionMove = (typeof MOTION_MOVES)[number];

/** Who acts: the proposer's side (a delegate of the proposing organisation) or a facilitator of the space. */
export type MotionActor = "proposer" | "facilitator";

const MOVES: Record<MotionMove, { from: readonly MotionState[]; to: MotionState; by: readonly MotionActor[] }> = {
  submit: { from: ["draft"], to: "submitted", by: ["proposer"] },
  // A referred motion comes back when a later meeting takes it up.
  admit: { from: ["submitted", "referred"], to: "admitted", by: ["facilitator"] },
  adopt: { from: ["admitted"], to: "adopted", by: ["facilitator"] },
  reject: { from: ["admitted"], to: "rejected", by: ["facilitator"] },
  // Withdrawn by its proposer; in a meeting the facilitator records it as the proposer says it.
  withdraw: { from: ["draft", "submitted", "admitted", "referred"], to: "withdrawn", by: ["proposer", "facilitator"] },
  refer: { from: ["admitted"], to: "referred", by: ["facilitator"] },
};

export type MoveRefusal = "not_allowed" | "wrong_state" | "amendments_pending";

export const FINAL_STATES: readonly MotionState[] = ["adopted", "rejected", "withdrawn"];

/**
 * The state a move leads to, or why it is refused. A motion is decided only once its admitted
 * amendments are (amendments are voted before their motion).
 */
export function moveMotion(
  current: MotionState,
  move: MotionMove,
  actor: MotionActor,
  context: { pendingAmendments?: number } = {},
): { ok: true; state: MotionState } | { ok: false; code: MoveRefusal } {
  const rule = MOVES[move];
  if (!rule.by.includes(actor)) return { ok: false, code: "not_allowed" };
  if (!rule.from.includes(current)) return { ok: false, code: "wrong_state" };
  if ((move === "adopt" || move === "reject") && (context.pendingAmendments ?? 0) > 0) return { ok: false, code: "amendments_pending" };
  return { ok: true, state: rule.to };
}

/** The moves an actor can make from a state (for the buttons a page offers). */
export function movesFrom(current: MotionState, actor: MotionActor): MotionMove[] {
  return MOTION_MOVES.filter((move) => MOVES[move].from.includes(current) && MOVES[move].by.includes(actor));
}

/** Motions are numbered per space and year: M-2026-014. */
export function motionNumber(year: number, sequence: number): string {
  return `M-${year}-${String(sequence).padStart(3, "0")}`;
}

/** An amendment by its rank under its motion: M-2026-014 A2. */
export function amendmentNumber(year: number, sequence: number, rank: number): string {
  return `${motionNumber(year, sequence)} A${rank}`;
}
