import { and, eq, gte, inArray, lt } from "drizzle-orm";
import { changedRows, deleteOldestBefore, textAfter, type Db, type Tx } from "../../../db/client";
import { signInThrottle, users } from "../../../db/schema/index";
import { fail, ok, type Result } from "../result";
import { UNUSABLE_HASH, verifyPassword } from "./password.server";
import { parseIdentifier } from "./phone";
import { PRUNE_BATCH, addressGroup, afterSuccess, decideAttempt, forgottenBefore, type ThrottleState } from "./throttle";

export type SignInCode = "invalid_identifier" | "wrong_credentials" | "throttled";

export interface SignInInput {
  identifier: string;
  password: string;
  address: string;
  now: number;
}

/** The rows an attempt is counted in (docs/decisions/0002-sign-in-throttle.md). */
interface ThrottleKeys {
  account: string;
  address: string;
  pair: string;
}

/**
 * An account's failures are counted under its id (its e-mail and its phone share one count);
 * an identifier that names no account under that identifier, counted the same way. The
 * address is its group (an IPv6 /64 is one address); a pair is `pair:<address>|<account>`
 * (an address never holds a "|").
 */
function keysFor(account: string, address: string): ThrottleKeys {
  const group = addressGroup(address);
  return { account: `account:${account}`, address: `address:${group}`, pair: `pair:${group}|${account}` };
}

function readState(tx: Tx, key: string): ThrottleState | undefined {
  const row = tx.select({ failures: signInThrottle.failures, lastFailureAt: signInThrottle.lastFailureAt }).from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  return row ?? undefined;
}

/**
 * Writes a count. A row whose last failure is unchanged is updated in place; one with a new
 * failure is deleted and inserted again, which puts it last in the table's insertion order: the
 * table's own order is then the order of the last failures, and `pruneForgotten` can
 * find the oldest rows by reading only the first ones.
 */
function writeState(tx: Tx, key: string, state: ThrottleState | undefined): void {
  if (state) {
    const updated = tx
      .update(signInThrottle)
      .set({ failures: state.failures })
      .where(and(eq(signInThrottle.key, key), eq(signInThrottle.lastFailureAt, state.lastFailureAt)))
      .run();
    if (changedRows(updated) > 0) return;
  }
  tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
  if (state) tx.insert(signInThrottle).values({ key, ...state }).run();
}

/**
 * Deletes forgotten counts (no failure for FORGET_AFTER_MS) among the PRUNE_BATCH oldest
 * rows. `sign_in_throttle` has no index on `last_failure_at`, so a plain "delete where
 * last_failure_at < …" would read the whole table on every attempt; reading the first rows in
 * insertion order (which `writeState` keeps in the order of the last failures) costs the same
 * whatever the table's size, and still reaches every forgotten row in turn, oldest first.
 */
function pruneForgotten(tx: Tx, now: number): void {
  deleteOldestBefore(tx, signInThrottle, signInThrottle.lastFailureAt, PRUNE_BATCH, forgottenBefore(now));
}

/**
 * Decides and counts an attempt in one synchronous transaction: the decision reads the
 * counts and, when the attempt may go on, counts it as failed before its password is
 * checked. Parallel attempts therefore see each other; a correct password takes its count
 * back afterwards (`settleSuccess`). Every attempt, allowed or not, also deletes a bounded
 * number of forgotten rows, so the table does not grow with identifiers nobody signs in to.
 */
function reserveAttempt(db: Db, keys: ThrottleKeys, now: number): { ok: true } | { ok: false; waitSeconds: number } {
  return db.transaction((tx) => {
    pruneForgotten(tx, now);
    const decision = decideAttempt({ account: readState(tx, keys.account), address: readState(tx, keys.address), pair: readState(tx, keys.pair) }, now);
    if (!decision.allowed) return { ok: false as const, waitSeconds: Math.ceil(decision.waitMs / 1000) };
    writeState(tx, keys.account, decision.reserve.account);
    writeState(tx, keys.address, decision.reserve.address);
    writeState(tx, keys.pair, decision.reserve.pair);
    return { ok: true as const };
  });
}

function settleSuccess(db: Db, keys: ThrottleKeys, now: number): void {
  db.transaction((tx) => {
    const address = afterSuccess(readState(tx, keys.address), readState(tx, keys.pair), now);
    writeState(tx, keys.address, address);
    tx.delete(signInThrottle).where(inArray(signInThrottle.key, [keys.account, keys.pair])).run();
  });
}

/**
 * Checks an identifier (e-mail or phone) and password. Failures are counted per address and
 * account together, per address and per account; past the free ones, attempts are refused
 * until the wait is over, without checking the password, so guessing gets slower and slower.
 */
export async function signIn(
  db: Db,
  input: SignInInput,
): Promise<Result<{ userId: string }, SignInCode> & { waitSeconds?: number }> {
  const identifier = parseIdentifier(input.identifier);
  if (!identifier) return fail("invalid_identifier", "identifier");
  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(identifier.kind === "email" ? eq(users.email, identifier.value) : eq(users.phone, identifier.value))
    .get();
  const keys = keysFor(user ? user.id : identifier.value, input.address);
  const reserved = reserveAttempt(db, keys, input.now);
  if (!reserved.ok) return { ...fail("throttled"), waitSeconds: reserved.waitSeconds };
  // Unknown accounts are checked against a hash no password matches: the time taken is the same.
  const valid = await verifyPassword(user?.passwordHash ?? UNUSABLE_HASH, input.password);
  // A failure was counted when the attempt was reserved.
  if (!user || !valid) return fail("wrong_credentials");
  settleSuccess(db, keys, input.now);
  return ok({ userId: user.id });
}

export type PasswordCheckCode = "wrong_password" | "throttled";

/**
 * A signed-in user's password checked again (before changing it): counted like a sign-in to
 * that account, so a borrowed session cannot guess the password faster than the sign-in form;
 * and, like a sign-in, its failures hold back its own address, not the owner's.
 */
export async function checkOwnPassword(
  db: Db,
  input: { userId: string; password: string; address: string; now: number },
): Promise<Result<null, PasswordCheckCode> & { waitSeconds?: number }> {
  const user = db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).get();
  const keys = keysFor(input.userId, input.address);
  const reserved = reserveAttempt(db, keys, input.now);
  if (!reserved.ok) return { ...fail("throttled"), waitSeconds: reserved.waitSeconds };
  const valid = await verifyPassword(user?.passwordHash ?? UNUSABLE_HASH, input.password);
  if (!user || !valid) return fail("wrong_password", "currentPassword");
  settleSuccess(db, keys, input.now);
  return ok(null);
}

/**
 * An administrator's reset: the account's failures start again from nothing, from every
 * address (they were guesses at a password that is gone). Addresses keep their own counts.
 * Looks through the pair rows (a rare action; the key is the only index).
 */
export function clearAccountThrottle(tx: Tx, userId: string): void {
  tx.delete(signInThrottle).where(eq(signInThrottle.key, `account:${userId}`)).run();
  tx.delete(signInThrottle)
    .where(and(gte(signInThrottle.key, "pair:"), lt(signInThrottle.key, "pair;"), eq(textAfter(signInThrottle.key, "|"), userId)))
    .run();
}
