/**
 * Slowing down repeated failed sign-ins. The first few failures are free (typing errors);
 * after that each further attempt must wait twice as long as the previous one, up to a cap.
 * An address gets more free failures than an account: a whole meeting hall often shares
 * one connection.
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

/** Milliseconds to wait before the next attempt is allowed; 0 when it is allowed now. */
export function waitBeforeAttempt(state: ThrottleState | undefined, policy: ThrottlePolicy, now: number): number {
  if (!state || now - state.lastFailureAt > FORGET_AFTER_MS) return 0;
  return Math.max(0, state.lastFailureAt + delayAfter(state.failures, policy) - now);
}

export function recordFailure(state: ThrottleState | undefined, now: number): ThrottleState {
  const failures = !state || now - state.lastFailureAt > FORGET_AFTER_MS ? 1 : state.failures + 1;
  return { failures, lastFailureAt: now };
}
