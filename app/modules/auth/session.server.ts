import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan, type Session, type User } from "lucia";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { roleGrants, sessions, users } from "../../../db/schema/index";
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
 * Validates the session cookie of a request. Returns the session (or null) and the
 * Set-Cookie header to send when lucia extended or cleared the session.
 */
export async function readSession(
  db: Db,
  auth: Auth,
  cookieHeader: string | undefined,
): Promise<{ current: CurrentSession | null; setCookie: string | null }> {
  const sessionId = auth.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { current: null, setCookie: null };
  const { session, user } = await auth.validateSession(sessionId);
  if (!session || !user) return { current: null, setCookie: auth.createBlankSessionCookie().serialize() };
  const setCookie = session.fresh ? auth.createSessionCookie(session.id).serialize() : null;
  return { current: toCurrent(db, session, user), setCookie };
}

function toCurrent(db: Db, session: Session, user: User): CurrentSession {
  const grants = loadGrants(db, user.id);
  return {
    session,
    user: { id: user.id, name: user.name, email: user.email, phone: user.phone, locale: user.locale, grants },
    actor: { userId: user.id, grants },
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
 * again after a sign-out, a revoked role or a changed password, and before each command.
 */
export function actorOfSession(db: Db, sessionId: string, userId: string, now: number): Actor | null {
  const row = db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .get();
  if (!row || row.expiresAt * 1000 <= now) return null;
  return { userId, grants: loadGrants(db, userId) };
}
