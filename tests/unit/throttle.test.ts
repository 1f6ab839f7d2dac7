import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  BASE_DELAY_MS,
  FORGET_AFTER_MS,
  MAX_DELAY_MS,
  delayAfter,
  recordFailure,
  waitBeforeAttempt,
} from "../../app/modules/auth/throttle";

describe("sign-in throttle", () => {
  it("lets the first failures through, then doubles the wait up to a cap", () => {
    expect(delayAfter(1, ACCOUNT_POLICY)).toBe(0);
    expect(delayAfter(2, ACCOUNT_POLICY)).toBe(0);
    expect(delayAfter(3, ACCOUNT_POLICY)).toBe(BASE_DELAY_MS);
    expect(delayAfter(4, ACCOUNT_POLICY)).toBe(2 * BASE_DELAY_MS);
    expect(delayAfter(40, ACCOUNT_POLICY)).toBe(MAX_DELAY_MS);
  });

  it("gives a shared address more room than an account", () => {
    expect(delayAfter(10, ADDRESS_POLICY)).toBe(0);
    expect(delayAfter(20, ADDRESS_POLICY)).toBe(BASE_DELAY_MS);
  });

  it("counts failures and tells how long to wait", () => {
    let state = recordFailure(undefined, 1_000);
    state = recordFailure(state, 2_000);
    state = recordFailure(state, 3_000);
    expect(state).toEqual({ failures: 3, lastFailureAt: 3_000 });
    expect(waitBeforeAttempt(state, ACCOUNT_POLICY, 3_500)).toBe(BASE_DELAY_MS - 500);
    expect(waitBeforeAttempt(state, ACCOUNT_POLICY, 3_000 + BASE_DELAY_MS)).toBe(0);
  });

  it("forgets old failures", () => {
    const state = { failures: 30, lastFailureAt: 0 };
    expect(waitBeforeAttempt(state, ACCOUNT_POLICY, FORGET_AFTER_MS + 1)).toBe(0);
    expect(recordFailure(state, FORGET_AFTER_MS + 1)).toEqual({ failures: 1, lastFailureAt: FORGET_AFTER_MS + 1 });
  });
});
