import { describe, expect, it } from "vitest";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  BASE_DELAY_MS,
  FORGET_AFTER_MS,
  PAIR_POLICY,
  addressGroup,
  afterSuccess,
  current,
  decideAttempt,
  delayAfter,
  forgottenBefore,
  recordFailure,
  waitBeforeAttempt,
  type AttemptStates,
  type ThrottleState,
} from "../../app/modules/auth/throttle";

const failures = (count: number, at: number): ThrottleState => ({ failures: count, lastFailureAt: at });
const none: AttemptStates = { account: undefined, address: undefined, pair: undefined };
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe("sign-in throttle", () => {
  it.each([
    // [policy, failures, delay]
    ["pair", PAIR_POLICY, 2, 0],
    ["pair", PAIR_POLICY, 3, BASE_DELAY_MS],
    ["pair", PAIR_POLICY, 4, 2 * BASE_DELAY_MS],
    ["pair", PAIR_POLICY, 12, BASE_DELAY_MS * 2 ** 9],
    ["pair", PAIR_POLICY, 16, 4 * HOUR],
    ["pair", PAIR_POLICY, 40, 4 * HOUR],
    ["address", ADDRESS_POLICY, 19, 0],
    ["address", ADDRESS_POLICY, 20, BASE_DELAY_MS],
    ["address", ADDRESS_POLICY, 40, 15 * 60_000],
    ["account", ACCOUNT_POLICY, 99, 0],
    ["account", ACCOUNT_POLICY, 100, BASE_DELAY_MS],
    ["account", ACCOUNT_POLICY, 110, 15 * 60_000],
    ["account", ACCOUNT_POLICY, 5_000, 15 * 60_000],
  ] as const)("%s policy: after %i failures, waits %i ms", (_name, policy, count, expected) => {
    expect(delayAfter(count, policy)).toBe(expected);
  });

  it("counts failures and tells how long to wait", () => {
    let state = recordFailure(undefined, 1_000);
    state = recordFailure(state, 2_000);
    state = recordFailure(state, 3_000);
    expect(state).toEqual({ failures: 3, lastFailureAt: 3_000 });
    expect(waitBeforeAttempt(state, PAIR_POLICY, 3_500)).toBe(BASE_DELAY_MS - 500);
    expect(waitBeforeAttempt(state, PAIR_POLICY, 3_000 + BASE_DELAY_MS)).toBe(0);
  });

  it("forgets old failures", () => {
    const state = failures(30, 0);
    expect(waitBeforeAttempt(state, PAIR_POLICY, FORGET_AFTER_MS + 1)).toBe(0);
    expect(recordFailure(state, FORGET_AFTER_MS + 1)).toEqual({ failures: 1, lastFailureAt: FORGET_AFTER_MS + 1 });
  });

  it.each([
    // [last failure, now, may the row be deleted]
    ["a failure a moment ago", 10 * DAY - 1, 10 * DAY, false],
    ["a failure exactly a day ago", 9 * DAY, 10 * DAY, false],
    ["a failure a day and a millisecond ago", 9 * DAY - 1, 10 * DAY, true],
    ["a failure a week ago", 3 * DAY, 10 * DAY, true],
  ] as const)("prunes a row only when its count is forgotten: %s", (_name, at, now, prunable) => {
    // The row is deleted (sign-in.server.ts) when its last failure is before forgottenBefore(now);
    // that is exactly when the count no longer counts.
    expect(at < forgottenBefore(now)).toBe(prunable);
    expect(current(failures(5, at), now) === undefined).toBe(prunable);
  });
});

describe("deciding an attempt", () => {
  it("counts an allowed attempt as a failure before its password is checked", () => {
    expect(decideAttempt(none, 5)).toEqual({
      allowed: true,
      reserve: { account: failures(1, 5), address: failures(1, 5), pair: failures(1, 5) },
    });
  });

  it("lets exactly the free attempts of a burst from one address through: each sees the ones reserved before it", () => {
    // 25 attempts at the same instant, applied one after another as the transactions run.
    let states: AttemptStates = none;
    const outcomes = Array.from({ length: 25 }, () => {
      const decision = decideAttempt(states, 1_000);
      if (decision.allowed) states = decision.reserve;
      return decision.allowed;
    });
    expect(outcomes.filter(Boolean)).toHaveLength(PAIR_POLICY.freeFailures);
    expect(outcomes.slice(0, PAIR_POLICY.freeFailures).every(Boolean)).toBe(true);
    expect(decideAttempt(states, 1_000)).toEqual({ allowed: false, waitMs: BASE_DELAY_MS });
  });

  it.each([
    // [name, account (all addresses), address, pair (this address on this account), expected wait]
    ["a clean account from a clean address", undefined, undefined, undefined, 0],
    ["a clean account from a hall over its allowance", undefined, failures(40, 1_000), undefined, 0],
    ["an identifier that failed once from this hall, which is over its allowance", failures(1, 900), failures(21, 1_000), failures(1, 900), 2 * BASE_DELAY_MS],
    ["an identifier that failed once from this hall, which is within its allowance", failures(1, 900), failures(19, 1_000), failures(1, 900), 0],
    ["an identifier that failed only elsewhere, from a hall over its allowance", failures(1, 900), failures(21, 1_000), undefined, 0],
    ["an address past its free failures on this account", failures(3, 1_000), failures(3, 1_000), failures(3, 1_000), BASE_DELAY_MS],
    ["an address past its free failures on this account, in a hall over its allowance: the longer wait", failures(3, 1_000), failures(25, 1_000), failures(3, 1_000), BASE_DELAY_MS * 2 ** 5],
    ["the victim's own address, the account having failed 15 times from an attacker's", failures(15, 1_000), undefined, undefined, 0],
    ["the attacker's address after those 15 failures", failures(15, 1_000), failures(15, 1_000), failures(15, 1_000), BASE_DELAY_MS * 2 ** 12],
    ["the victim's own address, which mistyped once, after the attacker's 15", failures(16, 1_000), failures(1, 900), failures(1, 900), 0],
    ["a clean address, the account having failed 99 times across many addresses", failures(99, 1_000), undefined, undefined, 0],
    ["a clean address, the account having failed 100 times across many addresses: slowed everywhere", failures(100, 1_000), undefined, undefined, BASE_DELAY_MS],
    ["a clean address, the account far past its cap", failures(150, 1_000), undefined, undefined, 15 * 60_000],
    ["a clean address, the account's failures a day old", failures(150, 1_000 - FORGET_AFTER_MS - 1), undefined, undefined, 0],
    ["an address whose failures on this account are a day old, in a hall over its allowance", failures(2, 1_000 - FORGET_AFTER_MS - 1), failures(25, 1_000), failures(2, 1_000 - FORGET_AFTER_MS - 1), 0],
  ] as const)("%s", (_name, account, address, pair, expected) => {
    const decision = decideAttempt({ account, address, pair }, 1_000);
    expect(decision.allowed ? 0 : decision.waitMs).toBe(expected);
  });

  /** Attempts from several addresses on one account, each as soon as it is let; returns the checked ones. */
  function simulate(attackers: string[], victim: { address: string; at: number }[], until: number) {
    const rows = new Map<string, ThrottleState>();
    const attempt = (address: string, now: number, right: boolean) => {
      const keys = { account: "account", address: `address:${address}`, pair: `pair:${address}` };
      const decision = decideAttempt({ account: rows.get(keys.account), address: rows.get(keys.address), pair: rows.get(keys.pair) }, now);
      if (!decision.allowed) return decision;
      rows.set(keys.account, decision.reserve.account);
      rows.set(keys.address, decision.reserve.address);
      rows.set(keys.pair, decision.reserve.pair);
      if (right) {
        const address = afterSuccess(rows.get(keys.address), rows.get(keys.pair), now);
        if (address) rows.set(keys.address, address);
        else rows.delete(keys.address);
        rows.delete(keys.account);
        rows.delete(keys.pair);
      }
      return decision;
    };
    let now = 0;
    let checked = 0;
    const victimOutcomes: boolean[] = [];
    const pending = [...victim];
    while (now < until) {
      let next = until;
      for (const address of attackers) {
        const decision = attempt(address, now, false);
        if (decision.allowed) {
          checked++;
          next = now;
        } else next = Math.min(next, now + decision.waitMs);
      }
      while (pending.length && pending[0]!.at <= now) victimOutcomes.push(attempt(pending.shift()!.address, now, true).allowed);
      if (pending.length) next = Math.min(next, pending[0]!.at);
      now = next;
    }
    return { checked, victimOutcomes, account: current(rows.get("account"), now) };
  }

  it("keeps the owner in, from their own address and any other, while one address guesses at their account as fast as it can", () => {
    // The attacker starts; the owner signs in every few hours, from home or from elsewhere.
    const owner = [1, 5, 9, 13, 23].map((h) => ({ address: h % 2 ? "home" : "cafe", at: h * HOUR }));
    const { victimOutcomes } = simulate(["attacker"], owner, DAY);
    expect(victimOutcomes).toEqual([true, true, true, true, true]);
  });

  it.each([
    // [addresses, failures checked in the first day, is the account slowed everywhere after a day]
    [1, 20, false],
    [4, 80, false],
    [5, 100, true],
  ] as const)("keeps the account's cap out of reach of a few addresses: %i guessing as fast as they can for a day", (count, checked, capped) => {
    const result = simulate(Array.from({ length: count }, (_, i) => `attacker${i}`), [], DAY);
    expect(result.checked).toBe(checked);
    expect((result.account?.failures ?? 0) >= ACCOUNT_POLICY.freeFailures).toBe(capped);
  });

  it("slows an account down from everywhere once many addresses have failed on it", () => {
    // 40 addresses, three free failures each: the cap after 100 at once; then one try per wait,
    // from anywhere, the wait doubling to a quarter of an hour (10 tries), and one per quarter.
    const result = simulate(Array.from({ length: 40 }, (_, i) => `bot${i}`), [{ address: "home", at: 2 * HOUR }], 2 * HOUR + 1);
    expect(result.checked).toBeGreaterThanOrEqual(ACCOUNT_POLICY.freeFailures);
    expect(result.checked).toBeLessThanOrEqual(ACCOUNT_POLICY.freeFailures + 10 + 8);
    expect(result.victimOutcomes).toEqual([false]);
  });

  it("keeps guessing across many accounts from one address slow: one try per account once the address is over its allowance", () => {
    let address: ThrottleState | undefined;
    const accounts = new Map<string, ThrottleState>();
    const pairs = new Map<string, ThrottleState>();
    let checks = 0;
    // Three rounds over 100 accounts, all at once from one address.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i++) {
        const decision = decideAttempt({ account: accounts.get(`u${i}`), address, pair: pairs.get(`u${i}`) }, 1_000);
        if (!decision.allowed) continue;
        checks++;
        accounts.set(`u${i}`, decision.reserve.account);
        pairs.set(`u${i}`, decision.reserve.pair);
        address = decision.reserve.address;
      }
    }
    // The first round is one try each (an identifier that has not failed from here is always
    // tried once); after it the address is far over its allowance, and every identifier has
    // failed from it: nothing more.
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

describe("the address failures are counted under", () => {
  it.each([
    ["an IPv4 address", "203.0.113.5", "203.0.113.5"],
    ["an IPv4 address with spaces", " 203.0.113.5 ", "203.0.113.5"],
    ["an IPv6 address: its /64", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["another address of the same /64", "2001:0DB8:0001:0002:ffff:ffff:ffff:fffe", "2001:db8:1:2::/64"],
    ["a shortened address of the same /64", "2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["the next /64", "2001:db8:1:3::1", "2001:db8:1:3::/64"],
    ["an address shortened inside its /64", "2001:db8::1", "2001:db8:0:0::/64"],
    ["in brackets, with a zone", "[fe80::1%eth0]", "fe80:0:0:0::/64"],
    ["the loopback", "::1", "0:0:0:0::/64"],
    ["an IPv4 client on a dual-stack socket", "::ffff:203.0.113.5", "203.0.113.5"],
    ["an IPv4 client on a dual-stack socket, in hex", "::ffff:cb00:7105", "203.0.113.5"],
    ["something that is no address", "unknown", "unknown"],
    ["an invalid IPv6 address", "2001:db8:::1", "2001:db8:::1"],
    ["too many groups", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9"],
  ] as const)("%s", (_name, address, group) => {
    expect(addressGroup(address)).toBe(group);
  });

  it("one IPv6 /64 is one address: a burst spread over its addresses gets the free attempts of one", () => {
    let rows: AttemptStates = none;
    let checked = 0;
    for (let i = 1; i <= 25; i++) {
      // Keys are built from the group, as sign-in.server.ts does; here one group means one set of rows.
      expect(addressGroup(`2001:db8:42:7:${i.toString(16)}::${i}`)).toBe("2001:db8:42:7::/64");
      const decision = decideAttempt(rows, 1_000);
      if (!decision.allowed) continue;
      checked++;
      rows = decision.reserve;
    }
    expect(checked).toBe(PAIR_POLICY.freeFailures);
  });
});
