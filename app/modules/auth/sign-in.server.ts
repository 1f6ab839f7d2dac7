import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { signInThrottle, users } from "../../../db/schema/index";
import { fail, ok, type Result } from "../result";
import { UNUSABLE_HASH, verifyPassword } from "./password.server";
import { parseIdentifier } from "./phone";
import { ACCOUNT_POLICY, ADDRESS_POLICY, recordFailure, waitBeforeAttempt, type ThrottleState } from "./throttle";

export type SignInCode = "invalid_identifier" | "wrong_credentials" | "throttled";

export interface SignInInput {
  identifier: string;
  password: string;
  address: string;
  now: number;
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
  const accountKey = `account:${identifier.value}`;
  const addressKey = `address:${input.address}`;
  const states = new Map(
    db
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, [accountKey, addressKey]))
      .all()
      .map((row) => [row.key, row as ThrottleState]),
  );
  const wait = Math.max(
    waitBeforeAttempt(states.get(accountKey), ACCOUNT_POLICY, input.now),
    waitBeforeAttempt(states.get(addressKey), ADDRESS_POLICY, input.now),
  );
  if (wait > 0) return { ...fail("throttled"), waitSeconds: Math.ceil(wait / 1000) };

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(identifier.kind === "email" ? eq(users.email, identifier.value) : eq(users.phone, identifier.value))
    .get();
  const valid = await verifyPassword(user?.passwordHash ?? UNUSABLE_HASH, input.password);
  if (!user || !valid) {
    db.transaction((tx) => {
      for (const key of [accountKey, addressKey]) {
        // Read again inside the transaction: other attempts may have failed meanwhile.
        const current = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
        const next = recordFailure(current, input.now);
        tx.insert(signInThrottle)
          .values({ key, ...next })
          .onConflictDoUpdate({ target: signInThrottle.key, set: next })
          .run();
      }
    });
    return fail("wrong_credentials");
  }
  db.delete(signInThrottle).where(eq(signInThrottle.key, accountKey)).run();
  return ok({ userId: user.id });
}
