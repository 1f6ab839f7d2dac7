import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { roleGrants, spaces, users } from "../../../db/schema/index";
import { commit, type Deps } from "../deps.server";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import { hashPassword } from "../auth/password.server";
import type { Actor, Role } from "../auth/roles";
import type { Locale } from "../i18n/locales";
import { fail, ok, type Result } from "../result";
import type { AccountCode } from "./messages";
import type { CreateAccount, GrantRole } from "./users.schemas";


/** Creates an account, with its first role, as an administrator (or the bootstrap script with actor null). */
export async function createAccount(
  db: Db,
  actor: Actor | null,
  input: CreateAccount,
  now: number,
  options: { bootstrap?: boolean } = {},
): Promise<Result<{ id: string }, AccountCode>> {
  if (!options.bootstrap && !can(actor, "accounts.manage")) return fail("forbidden");
  const grantCheck = checkGrant(db, input.role, input.spaceId ?? null);
  if (!grantCheck.ok) return grantCheck;
  const taken = contactTaken(db, input);
  if (taken) return fail(taken, taken === "email_taken" ? "email" : "phone");
  const passwordHash = await hashPassword(input.password);
  const id = db.transaction((tx) =>
    insertAccount(tx, { name: input.name, email: input.email ?? null, phone: input.phone ?? null, locale: input.locale ?? null, passwordHash, role: input.role, spaceId: grantCheck.value, actorId: actor?.userId ?? null, now }),
  );
  return ok({ id });
}

/** Whether an e-mail or phone is already some account's sign-in. */
export function contactTaken(db: Db | Tx, contact: { email?: string | null; phone?: string | null }): "email_taken" | "phone_taken" | null {
  if (contact.email && db.select({ id: users.id }).from(users).where(eq(users.email, contact.email)).get()) return "email_taken";
  if (contact.phone && db.select({ id: users.id }).from(users).where(eq(users.phone, contact.phone)).get()) return "phone_taken";
  return null;
}

/**
 * Writes an account and its role inside the caller's transaction; the caller has checked
 * permissions, the grant and that the contact is free, and hashed the password.
 */
export function insertAccount(
  tx: Tx,
  input: { name: string; email: string | null; phone: string | null; locale: Locale | null; passwordHash: string; role: Role; spaceId: number | null; actorId: string | null; now: number },
): string {
  const id = randomUUID();
  const row = { id, name: input.name, email: input.email, phone: input.phone, locale: input.locale };
  tx.insert(users).values({ ...row, passwordHash: input.passwordHash, createdAt: input.now }).run();
  tx.insert(roleGrants).values({ userId: id, role: input.role, spaceId: input.spaceId, grantedBy: input.actorId, createdAt: input.now }).run();
  appendAudit(tx, { at: input.now, actorId: input.actorId, action: "account.create", spaceId: input.spaceId ?? null, subjectType: "user", subjectId: id, after: { ...row, role: input.role, spaceId: input.spaceId } });
  return id;
}

function checkGrant(db: Db, role: Role, spaceId: number | null): Result<number | null, AccountCode> {
  if (role === "admin") return ok(null);
  if (spaceId === null) return fail("space_required", "spaceId");
  if (!db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId)).get()) return fail("space_not_found", "spaceId");
  return ok(spaceId);
}

export function grantRole(deps: Deps, actor: Actor | null, input: GrantRole, now: number): Result<{ id: number }, AccountCode> {
  const { db } = deps;
  if (!can(actor, "accounts.manage")) return fail("forbidden");
  if (!db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) return fail("not_found");
  const grantCheck = checkGrant(db, input.role, input.spaceId ?? null);
  if (!grantCheck.ok) return grantCheck;
  const spaceId = grantCheck.value;
  const existing = db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, input.userId), eq(roleGrants.role, input.role), spaceId === null ? isNull(roleGrants.spaceId) : eq(roleGrants.spaceId, spaceId)))
    .get();
  if (existing) return fail("grant_exists", "role");
  return commit(deps, (tx, emit) => {
    const inserted = tx
      .insert(roleGrants)
      .values({ userId: input.userId, role: input.role, spaceId, grantedBy: actor!.userId, createdAt: now })
      .returning({ id: roleGrants.id })
      .get();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "role.grant", spaceId, subjectType: "user", subjectId: input.userId, after: { role: input.role, spaceId } });
    // The user's open pages may now read what they could not.
    emit({ type: "access.changed", userId: input.userId });
    return ok({ id: inserted.id });
  });
}

export function revokeRole(deps: Deps, actor: Actor | null, grantId: number, now: number): Result<null, AccountCode> {
  const { db } = deps;
  if (!can(actor, "accounts.manage")) return fail("forbidden");
  const grant = db.select().from(roleGrants).where(eq(roleGrants.id, grantId)).get();
  if (!grant) return fail("not_found");
  if (grant.role === "admin") {
    const admins = db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.role, "admin")).all();
    // Someone must always be able to manage accounts.
    if (admins.length <= 1) return fail("last_admin");
  }
  return commit(deps, (tx, emit) => {
    tx.delete(roleGrants).where(eq(roleGrants.id, grantId)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "role.revoke", spaceId: grant.spaceId, subjectType: "user", subjectId: grant.userId, before: { role: grant.role, spaceId: grant.spaceId } });
    // Sockets the user opened with that role are downgraded or closed now, not at their next reconnection.
    emit({ type: "access.changed", userId: grant.userId });
    return ok(null);
  });
}

export function setUserLocale(db: Db, userId: string, locale: Locale): void {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export interface AccountRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: number;
  grants: { id: number; role: Role; spaceId: number | null; spaceName: string | null }[];
}

export function listAccounts(db: Db): AccountRow[] {
  const rows = db.select().from(users).orderBy(asc(users.name)).all();
  const grants = listGrants(db);
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    createdAt: u.createdAt,
    grants: grants.filter((g) => g.userId === u.id),
  }));
}

export function getAccount(db: Db, userId: string): AccountRow | null {
  const u = db.select().from(users).where(eq(users.id, userId)).get();
  if (!u) return null;
  return { id: u.id, name: u.name, email: u.email, phone: u.phone, createdAt: u.createdAt, grants: listGrants(db, userId) };
}

function listGrants(db: Db, userId?: string) {
  return db
    .select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, spaceId: roleGrants.spaceId, spaceName: spaces.name })
    .from(roleGrants)
    .leftJoin(spaces, eq(spaces.id, roleGrants.spaceId))
    .where(userId ? eq(roleGrants.userId, userId) : undefined)
    .orderBy(asc(roleGrants.id))
    .all();
}
