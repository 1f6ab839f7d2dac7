import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Cookie, Lucia, TimeSpan, type Session, type User } from "lucia";
import { and, eq, ne, sql } from "drizzle-orm";
import { preparedPer, type Db, type Tx } from "../../../db/client";
import { authorities, delegateSeats, officials, people, roleGrants, sessions, users } from "../../../db/schema/index";
import type { Actor, Grant } from "./roles";
import type { Locale } from "../i18n/locales";
import type { RealtimePort } from "../realtime/port";

/**
 * The only module that knows about lucia (v3 gets no more fixes upstream): routes and the
 * realtime server see sessions through the functions below.
 *
 * Whether the session cookie carries `Secure` is decided per request (the load context's
 * `secureCookie`: HTTPS directly or through a trusted proxy, or SECURE_COOKIES forced), not
 * per instance: a venue laptop serves phones over plain HTTP on the local Wi-Fi, where a
 * `Secure` cookie is dropped. `secureCookies` is only the default for callers that do not say.
 */
/** How long a session runs; lucia extends it once less than half of that is left. */
const SESSION_DAYS = 30;
const DAY_MS = 86_400_000;

export function createLucia(db: Db, options: { secureCookies?: boolean } = {}) {
  const adapter = new DrizzleSQLiteAdapter(db, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(SESSION_DAYS, "d"),
    sessionCookie: {
      name: "makon_session",
      attributes: { secure: options.secureCookies ?? true, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      name: attributes.name,
      email: attributes.email,
      phone: attributes.phone,
      locale: attributes.locale,
    }),
  });
}

export type Auth = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: { name: string; email: string | null; phone: string | null; locale: Locale | null };
  }
}

export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale | null;
  grants: Grant[];
}

export interface CurrentSession {
  user: SessionUser;
  session: Session;
  actor: Actor;
}

/**
 * The reads behind every actor, prepared once per database: an open socket reads its actor
 * again before each command, and building the queries anew cost more than running them.
 */
function prepareActorReads(db: Db) {
  const userId = sql.placeholder("userId");
  const personId = sql.placeholder("personId");
  return {
    sessionAndUser: db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sql.placeholder("sessionId"))).prepare(),
    session: db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.id, sql.placeholder("sessionId")), eq(sessions.userId, userId)))
      .prepare(),
    grants: db.select({ role: roleGrants.role, spaceId: roleGrants.spaceId }).from(roleGrants).where(eq(roleGrants.userId, userId)).prepare(),
    person: db.select({ id: people.id }).from(people).where(eq(people.userId, userId)).prepare(),
    seats: db
      .select({ spaceId: delegateSeats.spaceId, organisationId: delegateSeats.organisationId, seat: delegateSeats.seat, fromDate: delegateSeats.fromDate, toDate: delegateSeats.toDate })
      .from(delegateSeats)
      .where(eq(delegateSeats.personId, personId))
      .prepare(),
    mandates: db
      .select({ authorityId: officials.authorityId, communeCode: authorities.communeCode, start: officials.mandateStart, end: officials.mandateEnd })
      .from(officials)
      .innerJoin(authorities, eq(authorities.id, officials.authorityId))
      .where(eq(officials.personId, personId))
      .prepare(),
  };
}

const actorReads = preparedPer(prepareActorReads);

export function loadGrants(db: Db, userId: string): Grant[] {
  return actorReads(db).grants.all({ userId });
}

/**
 * The actor behind an account: its roles, and the person of the register it is linked to
 * with that person's seats and mandates (the rules that speak for an organisation or an
 * authority read them).
 */
export function loadActor(db: Db, userId: string): Actor {
  const reads = actorReads(db);
  const grants = reads.grants.all({ userId });
  const person = reads.person.get({ userId });
  if (!person) return { userId, grants, personId: null, seats: [], mandates: [] };
  return { userId, grants, personId: person.id, seats: reads.seats.all({ personId: person.id }), mandates: reads.mandates.all({ personId: person.id }) };
}

/** A lucia cookie serialised with this request's `Secure` flag (lucia fixes it per instance). */
function withSecure(cookie: Cookie, secure: boolean | undefined): string {
  if (secure === undefined) return cookie.serialize();
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize();
}

/** The Set-Cookie header that keeps a session in the browser. */
export function sessionCookie(auth: Auth, sessionId: string, secure?: boolean): string {
  return withSecure(auth.createSessionCookie(sessionId), secure);
}

/** The Set-Cookie header that removes the session cookie. */
export function blankSessionCookie(auth: Auth, secure?: boolean): string {
  return withSecure(auth.createBlankSessionCookie(), secure);
}

/**
 * Hosts where browsers keep a `Secure` cookie even over plain HTTP (they count as secure
 * contexts): the machine itself. Anywhere else (a venue laptop's 192.168.x.x) it is dropped.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether a session cookie set on this response would be thrown away by the browser: it
 * must carry `Secure` (SECURE_COOKIES=true) but the request came over plain HTTP to a host
 * that is not this machine. Signing in then would only pretend to work.
 */
export function sessionCookieWouldBeDropped(request: { url: string }, context: { secureCookie: boolean; requestSecure: boolean }): boolean {
  if (!context.secureCookie || context.requestSecure) return false;
  return !isLoopbackHost(new URL(request.url).hostname);
}

/**
 * Validates the session cookie of a request. Returns the session (or null) and the
 * Set-Cookie header to send when lucia extended or cleared the session, `Secure` when
 * `secure` says so (the instance's default when not given).
 */
export async function readSession(
  db: Db,
  auth: Auth,
  cookieHeader: string | undefined,
  options: { extend: boolean; secure?: boolean },
): Promise<{ current: CurrentSession | null; setCookie: string | null }> {
  const sessionId = auth.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { current: null, setCookie: null };
  // A GET never writes: it reads the session as it is; only a state-changing request lets
  // lucia extend it (past half its life) or delete it once expired. A session with more than
  // half its life left is read here, as lucia reads it (a prepared read: every socket that
  // opens comes through here); only one lucia would write to goes through lucia.
  const row = actorReads(db).sessionAndUser.get({ sessionId });
  const now = Date.now();
  const expiresAt = row ? row.session.expiresAt * 1000 : 0;
  if (!options.extend || (row && expiresAt > now && expiresAt - now > (SESSION_DAYS * DAY_MS) / 2)) {
    if (!row || expiresAt <= now) return { current: null, setCookie: blankSessionCookie(auth, options.secure) };
    const session: Session = { id: row.session.id, userId: row.user.id, fresh: false, expiresAt: new Date(expiresAt) };
    const user: User = { id: row.user.id, name: row.user.name, email: row.user.email, phone: row.user.phone, locale: row.user.locale };
    return { current: toCurrent(db, session, user), setCookie: null };
  }
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user) return { current: null, setCookie: blankSessionCookie(auth, options.secure) };
  const setCookie = session.fresh ? sessionCookie(auth, session.id, options.secure) : null;
  return { current: toCurrent(db, session, user), setCookie };
}

function toCurrent(db: Db, session: Session, user: User): CurrentSession {
  const actor = loadActor(db, user.id);
  return {
    session,
    user: { id: user.id, name: user.name, email: user.email, phone: user.phone, locale: user.locale, grants: [...actor.grants] },
    actor,
  };
}

/** Starts a session; returns its Set-Cookie header (`Secure` as this request needs). */
export async function startSession(auth: Auth, userId: string, secure?: boolean): Promise<string> {
  const session = await auth.createSession(userId, {});
  return sessionCookie(auth, session.id, secure);
}

/** Signs out: the session ends, and so do the sockets it opened. */
export async function endSession(auth: Auth, realtime: RealtimePort, sessionId: string, secure?: boolean): Promise<string> {
  await auth.invalidateSession(sessionId);
  realtime.publish([{ type: "session.ended", sessionId }]);
  return blankSessionCookie(auth, secure);
}

/**
 * Ends a user's sessions inside the caller's transaction (a password change, an
 * administrator's reset, "sign out everywhere"), all of them or all but `keep`. Returns the
 * ended sessions' ids: the caller emits `session.ended` for each, so their sockets close.
 */
export function endUserSessions(tx: Tx, userId: string, keep?: string): string[] {
  return tx
    .delete(sessions)
    .where(keep === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, keep)))
    .returning({ id: sessions.id })
    .all()
    .map((row) => row.id);
}

/**
 * The actor behind a session that is still valid now, and until when the session runs (ms),
 * read synchronously: open sockets ask when they open and again after a sign-out or a change
 * of roles or links.
 */
export function sessionActor(db: Db, sessionId: string, userId: string, now: number): { actor: Actor; expiresAt: number } | null {
  const row = actorReads(db).session.get({ sessionId, userId });
  if (!row || row.expiresAt * 1000 <= now) return null;
  return { actor: loadActor(db, userId), expiresAt: row.expiresAt * 1000 };
}

