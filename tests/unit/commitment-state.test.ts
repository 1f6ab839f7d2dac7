import { describe, expect, it } from "vitest";
import {
  COMMITMENT_MOVES,
  COMMITMENT_STATES,
  commitmentFlags,
  commitmentMovesFrom,
  moveCommitment,
  verifiedByThePeople,
  type CommitmentActor,
  type CommitmentMove,
  type CommitmentState,
} from "../../app/modules/commitments/commitment-state";

const ACTORS: CommitmentActor[] = ["authority", "delegate", "meeting"];
const REASON = { reason: "Lajan an pa janm rive." };

/** Every allowed move, by state and actor, and where it leads; every other combination is refused. */
const ALLOWED: [CommitmentState, CommitmentMove, CommitmentActor, CommitmentState][] = [];
const open: CommitmentState[] = ["pledged", "in_progress", "disputed"];
const unsettled: CommitmentState[] = [...open, "claimed_done"];
for (const from of open) {
  for (const by of ["authority", "meeting"] as const) {
    // News leaves a dispute open: only a meeting's decision (or a new claim) takes it off the review.
    ALLOWED.push([from, "update", by, from === "disputed" ? "disputed" : "in_progress"], [from, "claim", by, "claimed_done"]);
  }
  // A new date set by a meeting settles a dispute: the work goes on.
  ALLOWED.push([from, "reschedule", "meeting", from === "disputed" ? "in_progress" : from]);
}
for (const from of unsettled) {
  ALLOWED.push([from, "partly", "meeting", "partly_done"], [from, "not_done", "meeting", "not_done"], [from, "abandon", "authority", "abandoned"], [from, "abandon", "meeting", "abandoned"]);
}
ALLOWED.push(
  ["claimed_done", "confirm", "delegate", "claimed_done"],
  ["claimed_done", "dispute", "delegate", "disputed"],
  // A meeting that upholds a dispute sends the work back in progress, with its reasons.
  ["claimed_done", "dispute", "meeting", "in_progress"],
  ["disputed", "confirm", "delegate", "disputed"],
  ["disputed", "dispute", "delegate", "disputed"],
  ["disputed", "dispute", "meeting", "in_progress"],
  ["claimed_done", "verify", "meeting", "verified"],
  ["disputed", "verify", "meeting", "verified"],
);

describe("a commitment's moves", () => {
  it("are allowed exactly as the table says, for every state, move and actor", () => {
    for (const state of COMMITMENT_STATES) {
      for (const move of COMMITMENT_MOVES) {
        for (const actor of ACTORS) {
          const allowed = ALLOWED.find(([s, m, a]) => s === state && m === move && a === actor);
          const result = moveCommitment(state, move, actor, REASON);
          if (allowed) expect({ state, move, actor, result }).toEqual({ state, move, actor, result: { ok: true, state: allowed[3] } });
          else expect({ state, move, actor, ok: result.ok }).toEqual({ state, move, actor, ok: false });
        }
      }
    }
  });

  it("refuse a move the actor may not make before one from the wrong state", () => {
    expect(moveCommitment("verified", "claim", "delegate")).toEqual({ ok: false, code: "not_allowed" });
    expect(moveCommitment("verified", "claim", "authority")).toEqual({ ok: false, code: "wrong_state" });
    expect(moveCommitment("abandoned", "update", "meeting")).toEqual({ ok: false, code: "wrong_state" });
  });

  it("need a reason to dispute or abandon", () => {
    expect(moveCommitment("claimed_done", "dispute", "delegate", { reason: "  " })).toEqual({ ok: false, code: "reason_required" });
    expect(moveCommitment("pledged", "abandon", "authority")).toEqual({ ok: false, code: "reason_required" });
    expect(moveCommitment("pledged", "abandon", "authority", REASON)).toEqual({ ok: true, state: "abandoned" });
  });

  it("take one answer per organisation to a claim; the second confirmation verifies it", () => {
    expect(moveCommitment("claimed_done", "confirm", "delegate", { organisationAnswered: true })).toEqual({ ok: false, code: "already_answered" });
    expect(moveCommitment("claimed_done", "dispute", "delegate", { ...REASON, organisationAnswered: true })).toEqual({ ok: false, code: "already_answered" });
    expect(moveCommitment("claimed_done", "confirm", "delegate", { confirmations: 0 })).toEqual({ ok: true, state: "claimed_done" });
    expect(moveCommitment("claimed_done", "confirm", "delegate", { confirmations: 1 })).toEqual({ ok: true, state: "verified" });
    // Once another organisation disputed the claim, confirmations are still heard but only a meeting settles it.
    expect(moveCommitment("disputed", "confirm", "delegate", { confirmations: 1, disputes: 1 })).toEqual({ ok: true, state: "disputed" });
    expect(moveCommitment("disputed", "confirm", "delegate", { organisationAnswered: true })).toEqual({ ok: false, code: "already_answered" });
  });

  it("are offered per actor as the table allows", () => {
    expect(commitmentMovesFrom("claimed_done", "delegate")).toEqual(["confirm", "dispute"]);
    expect(commitmentMovesFrom("pledged", "authority")).toEqual(["update", "claim", "abandon"]);
    expect(commitmentMovesFrom("verified", "meeting")).toEqual([]);
  });
});

describe("the people's verdict", () => {
  it("needs two confirmations and no dispute", () => {
    expect([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [2, 1],
      [5, 1],
    ].map(([c, d]) => verifiedByThePeople(c!, d!))).toEqual([false, false, true, true, false, false]);
  });
});

describe("what the dates say", () => {
  const today = "2026-12-02";
  it("overdue by the days past the due date, due soon within 14 days, no news after 60 days", () => {
    expect(commitmentFlags({ state: "in_progress", dueDate: "2026-11-30", lastNewsDay: "2026-11-01" }, today)).toEqual({ overdueDays: 2, dueSoon: false, noNews: false });
    expect(commitmentFlags({ state: "pledged", dueDate: "2026-12-02", lastNewsDay: "2026-10-03" }, today)).toEqual({ overdueDays: null, dueSoon: true, noNews: true });
    expect(commitmentFlags({ state: "disputed", dueDate: "2026-12-16", lastNewsDay: "2026-10-04" }, today)).toEqual({ overdueDays: null, dueSoon: true, noNews: false });
    expect(commitmentFlags({ state: "in_progress", dueDate: "2026-12-17", lastNewsDay: today }, today)).toEqual({ overdueDays: null, dueSoon: false, noNews: false });
    expect(commitmentFlags({ state: "pledged", dueDate: null, lastNewsDay: "2026-01-01" }, today)).toEqual({ overdueDays: null, dueSoon: false, noNews: true });
  });

  it("raise nothing for a claim waiting for the people, or a settled commitment", () => {
    for (const state of ["claimed_done", "verified", "partly_done", "not_done", "abandoned"] as const) {
      expect(commitmentFlags({ state, dueDate: "2025-01-01", lastNewsDay: "2025-01-01" }, today)).toEqual({ overdueDays: null, dueSoon: false, noNews: false });
    }
  });
});
