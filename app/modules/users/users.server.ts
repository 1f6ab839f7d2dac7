import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { auditLog, roleGrants, spaces, users } from "../../../db/schema/index";
import { commit, type Deps } from "../deps.server";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import { hashPassword } from "../auth/password.server";
import type { Actor, Role } from "../auth/roles";
import { endUserSessions } from "../auth/session.server";
import { checkOwnPassword, clearAccountThrottle } from "../auth/sign-in.server";
import type { Locale } from "../i18n/locales";
import { fail, ok, type Result } from "../result";
import type { AccountCode } from "./messages";
import { checkNewPassword } from "./password-rules";
import type { ChangePassword, CreateAccount, GrantRole, ResetPassword } from "./users.schemas";


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
  const contact = { email: input.email ?? null, phone: input.phone ?? null };
  const taken = options.bootstrap ? takenContact(db, contact)?.code ?? null : contactTaken(db, contact, actor);
  if (taken) return fail(taken, taken === "email_taken" ? "email" : "phone");
  const passwordHash = await hashPassword(input.password);
  const id = db.transaction((tx) =>
    insertAccount(tx, { name: input.name, ...contact, locale: input.locale ?? null, passwordHash, role: input.role, spaceId: grantCheck.value, actorId: actor?.userId ?? null, now, whenTaken: "refuse" }),
  );
  // Taken between the check and the write (another administrator, at the same moment).
  if (id === null) {
    const code = takenContact(db, contact)?.code ?? "email_taken";
    return fail(code, code === "email_taken" ? "email" : "phone");
  }
  return ok({ id });
}

/** The account that already signs in with this e-mail or phone, if any. */
function takenContact(db: Db | Tx, contact: { email?: string | null; phone?: string | null }): { code: "email_taken" | "phone_taken"; userId: string } | null {
  const byEmail = contact.email ? db.select({ id: users.id }).from(users).where(eq(users.email, contact.email)).get() : undefined;
  if (byEmail) return { code: "email_taken", userId: byEmail.id };
  const byPhone = contact.phone ? db.select({ id: users.id }).from(users).where(eq(users.phone, contact.phone)).get() : undefined;
  if (byPhone) return { code: "phone_taken", userId: byPhone.id };
  return null;
}

/**
 * What someone creating an account may be told about its e-mail or phone being some
 * account's sign-in already. An administrator is told (the accounts pages show every
 * account anyway). Nobody else ever is (issue 11): a facilitator asking for an account
 * for a person they register must not learn which addresses have an account on the
 * platform, so for them this always answers null and `insertAccount` settles a taken
 * contact without a word to them (no account is made; the administrators see the request).
 */
export function contactTaken(db: Db | Tx, contact: { email?: string | null; phone?: string | null }, viewer?: Actor | null): "email_taken" | "phone_taken" | null {
  if (!can(viewer ?? null, "accounts.manage")) return null;
  return takenContact(db, contact)?.code ?? null;
}

/**
 * Writes an account and its role inside the caller's transaction; the caller has checked
 * permissions and the grant, and hashed the password. Returns the new account's id, or
 * null when the e-mail or phone is already another account's sign-in: with
 * `whenTaken: "refuse"` (an administrator's form, which says so) nothing is written; by
 * default (a facilitator registering a person, who must not learn it) the request is
 * recorded for the administrators (`account.contactTaken`, listed on /admin/comptes) and
 * the caller goes on without an account, answering exactly as when none was asked for.
 */
export function insertAccount(
  tx: Tx,
  input: {
    name: string;
    email: string | null;
    phone: string | null;
    locale: Locale | null;
    passwordHash: string;
    role: Role;
    spaceId: number | null;
    actorId: string | null;
    now: number;
    whenTaken?: "refuse" | "defer";
  },
): string | null {
  const taken = takenContact(tx, input);
  if (taken) {
    if (input.whenTaken !== "refuse") {
      appendAudit(tx, {
        at: input.now,
        actorId: input.actorId,
        action: "account.contactTaken",
        // Not the space's: its facilitators must not read it. Administrators do.
        spaceId: null,
        subjectType: "user",
        subjectId: taken.userId,
        after: { name: input.name, contact: taken.code === "email_taken" ? input.email : input.phone, role: input.role, spaceId: input.spaceId },
      });
    }
    return null;
  }
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

export interface OwnSession {
  userId: string;
  sessionId: string;
}

/**
 * A user changes their own password: the current one first (counted like a sign-in, so a
 * borrowed session cannot guess it quickly), then the new one twice. Every other session of
 * the account ends, and the sockets they opened close; this one stays.
 */
export async function changePassword(
  deps: Deps,
  session: OwnSession | null,
  input: ChangePassword,
  request: { address: string; now: number },
): Promise<Result<{ endedSessions: number }, AccountCode> & { waitSeconds?: number }> {
  if (!session) return fail("forbidden");
  const refusal = checkNewPassword(input);
  if (refusal) return fail(refusal, refusal === "password_mismatch" ? "confirmPassword" : "newPassword");
  const checked = await checkOwnPassword(deps.db, { userId: session.userId, password: input.currentPassword, address: request.address, now: request.now });
  if (!checked.ok) return checked.code === "throttled" ? { ...fail("throttled"), waitSeconds: checked.waitSeconds } : fail("wrong_password", "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return commit(deps, (tx, emit) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, session.userId)).run();
    const ended = endUserSessions(tx, session.userId, session.sessionId);
    appendAudit(tx, { at: request.now, actorId: session.userId, action: "account.passwordChange", spaceId: null, subjectType: "user", subjectId: session.userId, after: { sessionsEnded: ended.length } });
    for (const sessionId of ended) emit({ type: "session.ended", sessionId });
    return ok({ endedSessions: ended.length });
  });
}

/**
 * An administrator gives an account a new password (forgotten, or the account is feared
 * taken): every session of the account ends, with its sockets, and its sign-in failures are
 * forgotten. Administrators change their own on /compte, like everyone.
 */
export async function resetPassword(deps: Deps, actor: Actor | null, userId: string, input: ResetPassword, now: number): Promise<Result<{ endedSessions: number }, AccountCode>> {
  if (!can(actor, "accounts.manage")) return fail("forbidden");
  if (!deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) return fail("not_found");
  if (userId === actor!.userId) return fail("own_account");
  const refusal = checkNewPassword(input);
  if (refusal) return fail(refusal, refusal === "password_mismatch" ? "confirmPassword" : "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return commit(deps, (tx, emit) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    const ended = endUserSessions(tx, userId);
    clearAccountThrottle(tx, userId);
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "account.passwordReset", spaceId: null, subjectType: "user", subjectId: userId, after: { sessionsEnded: ended.length } });
    for (const sessionId of ended) emit({ type: "session.ended", sessionId });
    return ok({ endedSessions: ended.length });
  });
}

/** Ends every session of the user's account, this one included, and closes their sockets. */
export function signOutEverywhere(deps: Deps, session: OwnSession | null, now: number): Result<{ endedSessions: number }, AccountCode> {
  if (!session) return fail("forbidden");
  return commit(deps, (tx, emit) => {
    const ended = endUserSessions(tx, session.userId);
    appendAudit(tx, { at: now, actorId: session.userId, action: "account.signOutEverywhere", spaceId: null, subjectType: "user", subjectId: session.userId, after: { sessionsEnded: ended.length } });
    for (const sessionId of ended) emit({ type: "session.ended", sessionId });
    return ok({ endedSessions: ended.length });
  });
}

/** How long requests with a taken contact stay listed for the administrators. */
export const CONTACT_CONFLICTS_SHOWN_MS = 60 * 24 * 60 * 60_000;

export interface ContactConflict {
  id: number;
  at: number;
  name: string;
  contact: string;
  spaceName: string | null;
  existing: { id: string; name: string };
  askedBy: string | null;
}

/**
 * Accounts a facilitator asked for with an e-mail or phone that was already another
 * account's (they were not told): for an administrator to settle, by linking the person to
 * that account or by creating one with another contact.
 */
export function listContactConflicts(db: Db, actor: Actor | null, now: number): ContactConflict[] {
  if (!can(actor, "accounts.manage")) return [];
  const rows = db
    .select({ id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, subjectId: auditLog.subjectId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, "account.contactTaken"), gte(auditLog.at, now - CONTACT_CONFLICTS_SHOWN_MS)))
    .orderBy(desc(auditLog.at))
    .limit(100)
    .all();
  const userIds = [...new Set(rows.flatMap((r) => [r.subjectId, ...(r.actorId ? [r.actorId] : [])]))];
  const names = new Map(userIds.length === 0 ? [] : db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all().map((u) => [u.id, u.name]));
  const spaceNames = new Map(db.select({ id: spaces.id, name: spaces.name }).from(spaces).all().map((sp) => [sp.id, sp.name]));
  return rows.flatMap((r) => {
    const after = (r.after ?? {}) as { name?: unknown; contact?: unknown; spaceId?: unknown };
    const existingName = names.get(r.subjectId);
    if (!existingName) return [];
    return [
      {
        id: r.id,
        at: r.at,
        name: typeof after.name === "string" ? after.name : "",
        contact: typeof after.contact === "string" ? after.contact : "",
        spaceName: typeof after.spaceId === "number" ? (spaceNames.get(after.spaceId) ?? null) : null,
        existing: { id: r.subjectId, name: existingName },
        askedBy: r.actorId ? (names.get(r.actorId) ?? null) : null,
      },
    ];
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
