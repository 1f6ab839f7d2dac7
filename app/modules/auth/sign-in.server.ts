import { eq, inArray, lt } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { signInThrottle, users } from "../../../db/schema/index";
import { fail, ok, type Result } from "../result";
import { UNUSABLE_HASH, verifyPassword } from "./password.server";
import { parseIdentifier } from "./phone";
import { FORGET_AFTER_MS, afterSuccess, decideAttempt, type ThrottleState } from "./throttle";

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
 * an identifier that names no account under that identifier, counted the same way.
 */
function keysFor(account: string, address: string): ThrottleKeys {
  return { account: `account:${account}`, address: `address:${address}`, pair: `pair:${address}|${account}` };
}

function readState(tx: Tx, key: string): ThrottleState | undefined {
  const row = tx.select({ failures: signInThrottle.failures, lastFailureAt: signInThrottle.lastFailureAt }).from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  return row ?? undefined;
}

function writeState(tx: Tx, key: string, state: ThrottleState | undefined): void {
  if (!state) {
    tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
    return;
  }
  tx.insert(signInThrottle).values({ key, ...state }).onConflictDoUpdate({ target: signInThrottle.key, set: state }).run();
}

/**
 * Decides and counts an attempt in one synchronous transaction: the decision reads the
 * counts and, when the attempt may go on, counts it as failed before its password is
 * checked. Parallel attempts therefore see each other; a correct password takes its count
 * back afterwards (`settleSuccess`).
 */
function reserveAttempt(db: Db, keys: ThrottleKeys, now: number): { ok: true } | { ok: false; waitSeconds: number } {
  return db.transaction((tx) => {
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
    // Counts nobody has added to for a day are forgotten anyway: their rows go.
    tx.delete(signInThrottle).where(lt(signInThrottle.lastFailureAt, now - FORGET_AFTER_MS)).run();
  });
}

/**
 * Checks an identifier (e-mail or phone) and password. Failures are counted per account
 * and per address; past the free ones, attempts are refused until the wait is over, without
 * checking the password, so guessing gets slower and slower.
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
 * that account, so a borrowed session cannot guess the password faster than the sign-in form.
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

/** An administrator's reset: the account's own failure count starts again from nothing. */
export function clearAccountThrottle(tx: Tx, userId: string): void {
  tx.delete(signInThrottle).where(eq(signInThrottle.key, `account:${userId}`)).run();
}
