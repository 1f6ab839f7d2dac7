import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  BASE_DELAY_MS,
  FORGET_AFTER_MS,
  MAX_DELAY_MS,
  afterSuccess,
  decideAttempt,
  delayAfter,
  recordFailure,
  waitBeforeAttempt,
  type AttemptStates,
  type ThrottleState,
} from "../../app/modules/auth/throttle";

const failures = (count: number, at: number): ThrottleState => ({ failures: count, lastFailureAt: at });
const none: AttemptStates = { account: undefined, address: undefined, pair: undefined };

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
    const state = failures(30, 0);
    expect(waitBeforeAttempt(state, ACCOUNT_POLICY, FORGET_AFTER_MS + 1)).toBe(0);
    expect(recordFailure(state, FORGET_AFTER_MS + 1)).toEqual({ failures: 1, lastFailureAt: FORGET_AFTER_MS + 1 });
  });
});

describe("deciding an attempt", () => {
  it("counts an allowed attempt as a failure before its password is checked", () => {
    expect(decideAttempt(none, 5)).toEqual({
      allowed: true,
      reserve: { account: failures(1, 5), address: failures(1, 5), pair: failures(1, 5) },
    });
  });

  it("lets exactly the free attempts of a burst through: each sees the ones reserved before it", () => {
    // 25 attempts at the same instant, applied one after another as the transactions run.
    let states: AttemptStates = none;
    const outcomes = Array.from({ length: 25 }, () => {
      const decision = decideAttempt(states, 1_000);
      if (decision.allowed) states = decision.reserve;
      return decision.allowed;
    });
    expect(outcomes.filter(Boolean)).toHaveLength(ACCOUNT_POLICY.freeFailures);
    expect(outcomes.slice(0, ACCOUNT_POLICY.freeFailures).every(Boolean)).toBe(true);
    expect(decideAttempt(states, 1_000)).toEqual({ allowed: false, waitMs: BASE_DELAY_MS });
  });

  it.each([
    // [account, address, now, expected wait]
    ["a clean account from a clean address", undefined, undefined, 0],
    ["a clean account from a hall over its allowance", undefined, failures(40, 1_000), 0],
    ["an account that failed once, from a hall over its allowance", failures(1, 900), failures(21, 1_000), 1_000 + 2 * BASE_DELAY_MS - 1_000],
    ["an account that failed once, from a hall within its allowance", failures(1, 900), failures(19, 1_000), 0],
    ["an account past its own free failures, from a clean address", failures(3, 1_000), undefined, BASE_DELAY_MS],
    ["an account past its own free failures, from a hall over its allowance: the longer wait", failures(3, 1_000), failures(25, 1_000), BASE_DELAY_MS * 2 ** 5],
    ["an account whose failures are a day old, from a hall over its allowance", failures(2, 1_000 - FORGET_AFTER_MS - 1), failures(25, 1_000), 0],
  ] as const)("%s", (_name, account, address, expected) => {
    const decision = decideAttempt({ account, address, pair: undefined }, 1_000);
    expect(decision.allowed ? 0 : decision.waitMs).toBe(expected);
  });

  it("keeps guessing across many accounts from one address slow: one try per account once the address is over its allowance", () => {
    let address: ThrottleState | undefined;
    const accounts = new Map<string, ThrottleState>();
    let checks = 0;
    // Three rounds over 100 accounts, all at once from one address.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i++) {
        const decision = decideAttempt({ account: accounts.get(`u${i}`), address, pair: undefined }, 1_000);
        if (!decision.allowed) continue;
        checks++;
        accounts.set(`u${i}`, decision.reserve.account);
        address = decision.reserve.address;
      }
    }
    // The first round is one try each (a fresh account is always tried once); after it the
    // address is far over its allowance, and every account has failed: nothing more.
    expect(checks).toBe(100);
  });
});

describe("after a correct password", () => {
  it("forgives the address the failures that identifier made from it, and no more", () => {
    expect(afterSuccess(failures(25, 1_000), failures(2, 990), 1_000)).toEqual(failures(23, 1_000));
    expect(afterSuccess(failures(2, 1_000), failures(2, 990), 1_000)).toBeUndefined();
    // Nothing left to forgive, or nothing recorded from this address.
    expect(afterSuccess(undefined, failures(2, 990), 1_000)).toBeUndefined();
    expect(afterSuccess(failures(25, 1_000), undefined, 1_000)).toEqual(failures(25, 1_000));
    // A pair forgotten with time forgives nothing.
    expect(afterSuccess(failures(25, 1_000), failures(5, 1_000 - FORGET_AFTER_MS - 1), 1_000)).toEqual(failures(25, 1_000));
  });
});
