/**
 * Slowing down repeated failed sign-ins (docs/decisions/0002-sign-in-throttle.md). The
 * first few failures are free (typing errors); after that each further attempt must wait
 * twice as long as the previous one, up to a cap.
 *
 * Failures are counted per identifier ("account", known or not: an unknown e-mail is
 * counted the same way, so the counts say nothing about which accounts exist) and per client
 * address. An address gets more free failures than an account, and its limit only holds
 * back identifiers that have failed themselves: a whole meeting hall often shares one
 * connection, and someone who has not mistyped is never kept waiting because others did,
 * while guessing across many accounts from one address gets one try per account.
 *
 * An attempt is counted *before* its password is checked (it reserves a failure), in the
 * same synchronous step as the decision: parallel attempts cannot all pass the check.
 */
export interface ThrottlePolicy {
  freeFailures: number;
}
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 3 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20 };

export const BASE_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - policy.freeFailures));
}

/** The state as it counts now: failures older than FORGET_AFTER_MS are gone. */
export function current(state: ThrottleState | undefined, now: number): ThrottleState | undefined {
  if (!state || state.failures <= 0 || now - state.lastFailureAt > FORGET_AFTER_MS) return undefined;
  return state;
}

/** Milliseconds to wait before the next attempt is allowed; 0 when it is allowed now. */
export function waitBeforeAttempt(state: ThrottleState | undefined, policy: ThrottlePolicy, now: number): number {
  const live = current(state, now);
  if (!live) return 0;
  return Math.max(0, live.lastFailureAt + delayAfter(live.failures, policy) - now);
}

export function recordFailure(state: ThrottleState | undefined, now: number): ThrottleState {
  const live = current(state, now);
  return { failures: (live?.failures ?? 0) + 1, lastFailureAt: now };
}

/** What is known, before an attempt, about its identifier and its address. */
export interface AttemptStates {
  account: ThrottleState | undefined;
  address: ThrottleState | undefined;
  /** The failures of this identifier from this address (forgiven to the address on success). */
  pair: ThrottleState | undefined;
}

export type AttemptDecision =
  | { allowed: false; waitMs: number }
  /** The attempt may check its password; these states are written first, counting it as failed. */
  | { allowed: true; reserve: { account: ThrottleState; address: ThrottleState; pair: ThrottleState } };

/**
 * Whether an attempt may check its password now. The account's limit always holds; the
 * address's limit holds only for an identifier that has failed recently itself, so a correct
 * password that was not mistyped is accepted from a busy hall. An allowed attempt is counted
 * as a failure before its check (the caller writes `reserve` in the same transaction).
 */
export function decideAttempt(states: AttemptStates, now: number): AttemptDecision {
  const account = current(states.account, now);
  const wait = Math.max(
    waitBeforeAttempt(account, ACCOUNT_POLICY, now),
    account ? waitBeforeAttempt(states.address, ADDRESS_POLICY, now) : 0,
  );
  if (wait > 0) return { allowed: false, waitMs: wait };
  return {
    allowed: true,
    reserve: {
      account: recordFailure(states.account, now),
      address: recordFailure(states.address, now),
      pair: recordFailure(states.pair, now),
    },
  };
}

/**
 * After a correct password: the identifier's failures are cleared, and the address forgives
 * the failures this identifier made from it (its reserved attempt included), so that people
 * who mistyped and then signed in do not add up against their hall. Only one's own failures
 * are forgiven: signing in to an account one holds does not buy guesses at others.
 * Returns the address's state after, or undefined when nothing is left of it.
 */
export function afterSuccess(address: ThrottleState | undefined, pair: ThrottleState | undefined, now: number): ThrottleState | undefined {
  const live = current(address, now);
  if (!live) return undefined;
  const failures = live.failures - (current(pair, now)?.failures ?? 0);
  return failures > 0 ? { failures, lastFailureAt: live.lastFailureAt } : undefined;
}
