/**
 * The speakers' list as a state machine. A delegate's request waits for a facilitator to
 * accept it into the queue; the queue is ordered by position; one turn runs at a time.
 * Each action is checked against the list as it stands, so an action that arrives late
 * (a turn already started by another facilitator, a stop with nothing running) is refused
 * with a reason instead of corrupting the list.
 */
export const TURN_STATES = ["requested", "queued", "speaking", "done", "withdrawn"] as const;
export type TurnState = (typeof TURN_STATES)[number];

export interface Turn {
  id: number;
  attendanceId: number;
  state: TurnState;
  position: number;
}

export type QueueAction =
  | { type: "add"; attendanceId: number }
  | { type: "request"; attendanceId: number }
  | { type: "accept"; turnId: number }
  | { type: "withdraw"; turnId: number }
  /** Takes back a withdrawal made by mistake: the turn returns where it was. */
  | { type: "restore"; turnId: number; to: "requested" | "queued" }
  | { type: "move"; turnId: number; direction: "up" | "down" | "top" }
  | { type: "start"; turnId: number }
  | { type: "stop" };

export type QueueCode = "already_waiting" | "not_found" | "not_requested" | "not_waiting" | "not_queued" | "no_turn_running" | "not_withdrawn";

export interface QueueChanges {
  insert?: { attendanceId: number; state: "requested" | "queued"; position: number };
  updates: { id: number; state?: TurnState; position?: number; startedAt?: number; endedAt?: number }[];
}

export type QueueResult = { ok: true; changes: QueueChanges } | { ok: false; code: QueueCode };

const WAITING: readonly TurnState[] = ["requested", "queued", "speaking"];

/** Queued turns in speaking order. */
export function queued<T extends Turn>(turns: readonly T[]): T[] {
  return turns.filter((t) => t.state === "queued").sort((a, b) => a.position - b.position || a.id - b.id);
}

export function requested<T extends Turn>(turns: readonly T[]): T[] {
  return turns.filter((t) => t.state === "requested").sort((a, b) => a.id - b.id);
}

export function running<T extends Turn>(turns: readonly T[]): T | undefined {
  return turns.find((t) => t.state === "speaking");
}

const nextPosition = (turns: readonly Turn[]) => Math.max(0, ...turns.map((t) => t.position)) + 1;

export function applyQueueAction(turns: readonly Turn[], action: QueueAction, now: number): QueueResult {
  const fail = (code: QueueCode): QueueResult => ({ ok: false, code });
  const done = (changes: QueueChanges): QueueResult => ({ ok: true, changes });
  switch (action.type) {
    case "add":
    case "request": {
      if (turns.some((t) => t.attendanceId === action.attendanceId && WAITING.includes(t.state))) return fail("already_waiting");
      return done({ insert: { attendanceId: action.attendanceId, state: action.type === "add" ? "queued" : "requested", position: nextPosition(turns) }, updates: [] });
    }
    case "stop": {
      const current = running(turns);
      if (!current) return fail("no_turn_running");
      return done({ updates: [{ id: current.id, state: "done", endedAt: now }] });
    }
  }
  const turn = turns.find((t) => t.id === action.turnId);
  if (!turn) return fail("not_found");
  switch (action.type) {
    case "accept":
      if (turn.state !== "requested") return fail("not_requested");
      return done({ updates: [{ id: turn.id, state: "queued", position: nextPosition(turns) }] });
    case "withdraw":
      if (turn.state !== "requested" && turn.state !== "queued") return fail("not_waiting");
      return done({ updates: [{ id: turn.id, state: "withdrawn" }] });
    case "restore":
      if (turn.state !== "withdrawn") return fail("not_withdrawn");
      // A person waits once: an undo after they asked again would put them in the list twice.
      if (turns.some((t) => t.attendanceId === turn.attendanceId && WAITING.includes(t.state))) return fail("already_waiting");
      // Its position was kept on withdrawal, so a queued turn comes back at its place in the order.
      return done({ updates: [{ id: turn.id, state: action.to }] });
    case "move": {
      if (turn.state !== "queued") return fail("not_queued");
      const order = queued(turns);
      const index = order.findIndex((t) => t.id === turn.id);
      if (action.direction === "top") {
        return index === 0 ? done({ updates: [] }) : done({ updates: [{ id: turn.id, position: order[0]!.position - 1 }] });
      }
      const other = order[action.direction === "up" ? index - 1 : index + 1];
      if (!other) return done({ updates: [] });
      // Distinct positions, whatever they were, so the swap always changes the order.
      const [a, b] = other.position === turn.position ? [turn.position, turn.position + (action.direction === "up" ? -1 : 1)] : [other.position, turn.position];
      return done({ updates: [{ id: turn.id, position: a }, { id: other.id, position: b }] });
    }
    case "start": {
      if (turn.state !== "queued") return fail("not_queued");
      const current = running(turns);
      // Giving the floor to the next speaker ends the turn under way.
      return done({ updates: [...(current ? [{ id: current.id, state: "done" as const, endedAt: now }] : []), { id: turn.id, state: "speaking", startedAt: now }] });
    }
  }
}
