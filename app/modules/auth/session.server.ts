import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { authorities, delegateSeats, officials, people, roleGrants, sessions, users } from "../../../db/schema/index";
import type { Actor, Grant } from "./roles";
import type { Locale } from "../i18n/locales";
import type { RealtimePort } from "../realtime/port";

/**
 * The only module that knows about lucia (v3 gets no more fixes upstream): routes and the
 * realtime server see sessions through the functions below.
 */
export function createLucia(db: Db, options: { secureCookies: boolean }) {
  const adapter = new DrizzleSQLiteAdapter(db, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "makon_session",
      attributes: { secure: options.secureCookies, sameSite: "lax" },
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

export function loadGrants(db: Db, userId: string): Grant[] {
  return db
    .select({ role: roleGrants.role, spaceId: roleGrants.spaceId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId))
    .all();
}

/**
 * The actor behind an account: its roles, and the person of the register it is linked to
 * with that person's seats and mandates (the rules that speak for an organisation or an
 * authority read them).
 */
export function loadActor(db: Db, userId: string): Actor {
  const grants = loadGrants(db, userId);
  const person = db.select({ id: people.id }).from(people).where(eq(people.userId, userId)).get();
  if (!person) return { userId, grants, personId: null, seats: [], mandates: [] };
  const seats = db
    .select({ spaceId: delegateSeats.spaceId, organisationId: delegateSeats.organisationId, seat: delegateSeats.seat, fromDate: delegateSeats.fromDate, toDate: delegateSeats.toDate })
    .from(delegateSeats)
    .where(eq(delegateSeats.personId, person.id))
    .all();
  const mandates = db
    .select({ authorityId: officials.authorityId, communeCode: authorities.communeCode, start: officials.mandateStart, end: officials.mandateEnd })
    .from(officials)
    .innerJoin(authorities, eq(authorities.id, officials.authorityId))
    .where(eq(officials.personId, person.id))
    .all();
  return { userId, grants, personId: person.id, seats, mandates };
}

/**
 * Validates the session cookie of a request. Returns the session (or null) and the
 * Set-Cookie header to send when lucia extended or cleared the session.
 */
export async function readSession(
  db: Db,
  auth: Auth,
  cookieHeader: string | undefined,
  options: { extend: boolean },
): Promise<{ current: CurrentSession | null; setCookie: string | null }> {
  const sessionId = auth.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { current: null, setCookie: null };
  // A GET never writes: it reads the session as it is; only a state-changing request lets
  // lucia extend it (past half its life) or delete it once expired.
  if (!options.extend) {
    const row = db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sessionId)).get();
    if (!row || row.session.expiresAt * 1000 <= Date.now()) return { current: null, setCookie: auth.createBlankSessionCookie().serialize() };
    const session: Session = { id: row.session.id, userId: row.user.id, fresh: false, expiresAt: new Date(row.session.expiresAt * 1000) };
    const user: User = { id: row.user.id, name: row.user.name, email: row.user.email, phone: row.user.phone, locale: row.user.locale };
    return { current: toCurrent(db, session, user), setCookie: null };
  }
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user) return { current: null, setCookie: auth.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? auth.createSessionCookie(session.id).serialize() : null;
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

export async function startSession(auth: Auth, userId: string): Promise<string> {
  const session = await auth.createSession(userId, {});
  return auth.createSessionCookie(session.id).serialize();
}

/** Signs out: the session ends, and so do the sockets it opened. */
export async function endSession(auth: Auth, realtime: RealtimePort, sessionId: string): Promise<string> {
  await auth.invalidateSession(sessionId);
  realtime.publish([{ type: "session.ended", sessionId }]);
  return auth.createBlankSessionCookie().serialize();
}

/**
 * The actor behind a session that is still valid now, read synchronously: open sockets ask
 * again after a sign-out or a change of roles or links, and before each command.
 */
export function actorOfSession(db: Db, sessionId: string, userId: string, now: number): Actor | null {
  const row = db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .get();
  if (!row || row.expiresAt * 1000 <= now) return null;
  return loadActor(db, userId);
}
