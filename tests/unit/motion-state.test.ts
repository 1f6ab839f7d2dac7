import { describe, expect, it } from "vitest";
import { FINAL_STATES, MOTION_MOVES, MOTION_STATES, amendmentNumber, motionNumber, moveMotion, movesFrom } from "../../app/modules/motions/motion-state";

describe("a motion's life", () => {
  it("goes from draft to decision through the hands allowed to move it", () => {
    expect(moveMotion("draft", "submit", "proposer")).toEqual({ ok: true, state: "submitted" });
    expect(moveMotion("draft", "submit", "facilitator")).toEqual({ ok: false, code: "not_allowed" });
    expect(moveMotion("submitted", "admit", "facilitator")).toEqual({ ok: true, state: "admitted" });
    expect(moveMotion("submitted", "admit", "proposer")).toEqual({ ok: false, code: "not_allowed" });
    expect(moveMotion("admitted", "adopt", "facilitator")).toEqual({ ok: true, state: "adopted" });
    expect(moveMotion("admitted", "refer", "facilitator")).toEqual({ ok: true, state: "referred" });
    expect(moveMotion("referred", "admit", "facilitator")).toEqual({ ok: true, state: "admitted" });
    expect(moveMotion("submitted", "adopt", "facilitator")).toEqual({ ok: false, code: "wrong_state" });
  });

  it("lets the proposer withdraw it until it is decided, and never moves a decided motion", () => {
    for (const state of ["draft", "submitted", "admitted", "referred"] as const) expect(moveMotion(state, "withdraw", "proposer")).toEqual({ ok: true, state: "withdrawn" });
    for (const state of FINAL_STATES) {
      for (const move of MOTION_MOVES) for (const actor of ["proposer", "facilitator"] as const) expect(moveMotion(state, move, actor).ok).toBe(false);
      expect(movesFrom(state, "facilitator")).toEqual([]);
    }
  });

  it("decides a motion only after its admitted amendments", () => {
    expect(moveMotion("admitted", "adopt", "facilitator", { pendingAmendments: 1 })).toEqual({ ok: false, code: "amendments_pending" });
    expect(moveMotion("admitted", "reject", "facilitator", { pendingAmendments: 2 })).toEqual({ ok: false, code: "amendments_pending" });
    expect(moveMotion("admitted", "withdraw", "facilitator", { pendingAmendments: 2 }).ok).toBe(true);
  });

  it("offers each side the moves it may make", () => {
    expect(movesFrom("admitted", "facilitator")).toEqual(["adopt", "reject", "withdraw", "refer"]);
    expect(movesFrom("admitted", "proposer")).toEqual(["withdraw"]);
    expect(movesFrom("draft", "proposer")).toEqual(["submit", "withdraw"]);
    expect(MOTION_STATES.every((s) => movesFrom(s, "facilitator").every((m) => moveMotion(s, m, "facilitator").ok))).toBe(true);
  });

  it("numbers motions per space and year", () => {
    expect(motionNumber(2026, 14)).toBe("M-2026-014");
    expect(motionNumber(2027, 1234)).toBe("M-2027-1234");
    expect(amendmentNumber(2026, 14, 2)).toBe("M-2026-014 A2");
  });
});
