/**
 * Slowing down repeated failed sign-ins (docs/decisions/0002-sign-in-throttle.md). The
 * first few failures are free (typing errors); after that each further attempt must wait
 * twice as long as the previous one, up to a cap.
 *
 * Failures are counted three ways, each under its own key:
 * - per **pair** — one client address (an IPv6 /64 counts as one address) guessing at one
 *   identifier ("account", known or not: an unknown e-mail is counted the same way, so the
 *   counts say nothing about which accounts exist). This is the limit a guesser meets, and it
 *   holds back that address only: failures from elsewhere never keep the account's owner out.
 * - per **address**, with more free failures (a meeting hall often shares one connection),
 *   holding back only identifiers that have failed from that address themselves: someone who
 *   has not mistyped is never kept waiting because others did, while guessing across many
 *   accounts from one address gets one try per account.
 * - per **account**, from every address, with a much higher allowance: only guessing from
 *   many addresses reaches it, and then the account is slowed down from everywhere.
 *
 * An attempt is counted *before* its password is checked (it reserves a failure), in the
 * same synchronous step as the decision: parallel attempts cannot all pass the check.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  maxDelayMs: number;
}

export const BASE_DELAY_MS = 2_000;

/**
 * One address's failures on one account. Its wait keeps doubling past a quarter of an hour
 * (to four hours, after 16 failures) so that one address alone, guessing as fast as it is
 * let, makes about 21 failures in a day and 6 a day after that: far from the account's cap.
 */
export const PAIR_POLICY: ThrottlePolicy = { freeFailures: 3, maxDelayMs: 4 * 60 * 60_000 };
/** One address's failures on any identifiers (held against identifiers that failed from it). */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, maxDelayMs: 15 * 60_000 };
/** One account's failures from every address: past it, the account is slowed down everywhere. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 100, maxDelayMs: 15 * 60_000 };

/** Failures older than this (no new one since) are forgotten, and their rows may go. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;
/** At most this many rows are looked at, and pruned, by one attempt. */
export const PRUNE_BATCH = 100;

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  // Past 2^31 the power is Infinity; min() keeps the cap.
  return Math.min(policy.maxDelayMs, BASE_DELAY_MS * 2 ** (failures - policy.freeFailures));
}

/** A row last failed before this instant is forgotten (`current` says so too): it may be deleted. */
export function forgottenBefore(now: number): number {
  return now - FORGET_AFTER_MS;
}

/** The state as it counts now: failures older than FORGET_AFTER_MS are gone. */
export function current(state: ThrottleState | undefined, now: number): ThrottleState | undefined {
  if (!state || state.failures <= 0 || state.lastFailureAt < forgottenBefore(now)) return undefined;
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

/** What is known, before an attempt, about its identifier, its address and the two together. */
export interface AttemptStates {
  /** The identifier's failures from every address. */
  account: ThrottleState | undefined;
  /** The address's failures on every identifier. */
  address: ThrottleState | undefined;
  /** The failures of this identifier from this address. */
  pair: ThrottleState | undefined;
}

export type AttemptDecision =
  | { allowed: false; waitMs: number }
  /** The attempt may check its password; these states are written first, counting it as failed. */
  | { allowed: true; reserve: { account: ThrottleState; address: ThrottleState; pair: ThrottleState } };

/**
 * Whether an attempt may check its password now: the longest of
 * - the pair's wait (this address has failed on this identifier),
 * - the address's wait, only when this identifier has failed from this address itself, so a
 *   correct password that was not mistyped is accepted from a busy hall,
 * - the account's wait, which only failures from many addresses bring about.
 * Failures from other addresses alone never hold an attempt back below the account's cap.
 * An allowed attempt is counted as a failure before its check (the caller writes `reserve`
 * in the same transaction).
 */
export function decideAttempt(states: AttemptStates, now: number): AttemptDecision {
  const pair = current(states.pair, now);
  const wait = Math.max(
    waitBeforeAttempt(pair, PAIR_POLICY, now),
    pair ? waitBeforeAttempt(states.address, ADDRESS_POLICY, now) : 0,
    waitBeforeAttempt(states.account, ACCOUNT_POLICY, now),
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
 * After a correct password: the identifier's failures are cleared (from every address), and
 * the address forgives the failures this identifier made from it (its reserved attempt
 * included), so that people who mistyped and then signed in do not add up against their
 * hall. Only one's own failures are forgiven: signing in to an account one holds does not buy
 * guesses at others. Returns the address's state after, or undefined when nothing is left.
 */
export function afterSuccess(address: ThrottleState | undefined, pair: ThrottleState | undefined, now: number): ThrottleState | undefined {
  const live = current(address, now);
  if (!live) return undefined;
  const failures = live.failures - (current(pair, now)?.failures ?? 0);
  return failures > 0 ? { failures, lastFailureAt: live.lastFailureAt } : undefined;
}

/**
 * The address failures are counted under: an IPv4 address as it is; an IPv6 address by its
 * /64 (one subscriber, or one attacker, has a whole /64 to pick addresses from); an IPv4
 * address written as IPv6 (`::ffff:203.0.113.5`, how a dual-stack socket shows IPv4 clients)
 * as the IPv4 address. Anything else is kept as written.
 */
export function addressGroup(address: string): string {
  let text = address.trim().toLowerCase();
  if (text.startsWith("[")) text = text.slice(1, text.indexOf("]") > 0 ? text.indexOf("]") : undefined);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (!text.includes(":")) return text;
  const groups = ipv6Groups(text);
  if (!groups) return text;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes(".")) {
        const bytes = part.split(".");
        if (bytes.length !== 4 || !bytes.every((b) => /^\d{1,3}$/.test(b) && Number(b) <= 255)) return null;
        const [a, b, c, d] = bytes.map(Number) as [number, number, number, number];
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        if (!/^[0-9a-f]{1,4}$/.test(part)) return null;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
