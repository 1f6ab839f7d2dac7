import { eq, sql } from "drizzle-orm";
import type * as Y from "yjs";
import { preparedPer, type Db } from "../../../db/client";
import { meetingSessions, meetings, spaces } from "../../../db/schema/index";
import { sessionActor } from "../auth/session.server";
import type { Actor } from "../auth/roles";
import type { Deps } from "../deps.server";
import { projectConsole, projectLive } from "../live/projections.server";
import { consoleCommand, delegateCommand, whoAmICommand, type MeetingSocketCommand, type SocketReply } from "../live/socket-commands.server";
import { ballotCommand, ballotStatusCommand } from "../polls/socket-commands.server";
import { doorCheckInCommand, doorWalkInCommand } from "../meetings/socket-commands.server";
import { MINUTES_ROOT } from "../meetings/minutes";
import { SECTION_ROOT } from "../reports/report-document";
import { reportFacts } from "../reports/reports.server";
import { documentAccess, type DocumentAccess, type DocumentFacts } from "./access";
import type { SocketCredentials } from "./credentials";
import type { Rebuild } from "./port";
import { DOCUMENT_PRESENCE, type DocumentKindName, type DocumentRef, type RefOf } from "./document-names";

/**
 * The server half of each realtime document kind, declared once here (its name and presence
 * are in `document-names.ts`). The hub calls these hooks and knows no kind itself.
 *
 * - `facts`: what access depends on, loaded from the database (null: no such document).
 * - `access`: the rule (`access.ts`), decided when a socket opens and again whenever its
 *   subject changes — the meeting it belongs to opens, closes or is cancelled, the user's
 *   roles change, the session ends. A writer that becomes a reader is told so and its edits
 *   are dropped from then on; a socket that may no longer read is closed at once.
 * - `storage`: "stored" (edited by people; every update kept) or "projection" (written by
 *   the server only, rebuilt from the database whenever it is loaded, never trusted from
 *   storage), with `project` writing it.
 * - `roots`: the root types a writer's update may touch; any other refuses the update.
 * - `commands`: what a socket may send, each the same schema, permission and command as the
 *   form that does the same without JavaScript.
 */
export interface DocumentKind<K extends DocumentKindName> {
  storage: "stored" | "projection";
  roots: readonly string[];
  facts(db: Db, ref: RefOf<K>): DocumentFacts | null;
  /** `shared` lives for one rebuild of several documents: reads they have in common are made once. */
  project?(db: Db, ref: RefOf<K>, doc: Y.Doc, rebuild: Rebuild): void;
  commands: Record<string, (deps: Deps, actor: Actor | null, ref: RefOf<K>, input: unknown, now: number) => SocketReply>;
}

const prepareMeetingFacts = (db: Db) =>
  db
    .select({ spaceId: meetings.spaceId, meetingStatus: meetings.status, screenToken: meetingSessions.screenToken, minutesApprovedAt: meetings.minutesApprovedAt })
    .from(meetings)
    .leftJoin(meetingSessions, eq(meetingSessions.meetingId, meetings.id))
    .where(eq(meetings.id, sql.placeholder("meetingId")))
    .prepare();

/** Read on every socket that opens (twice: whether it exists, then who may read it), prepared once per database. */
const meetingFactsRead = preparedPer(prepareMeetingFacts);

const meetingFacts = (db: Db, meetingId: number): DocumentFacts | null => {
  const row = meetingFactsRead(db).get({ meetingId });
  if (!row) return null;
  const { minutesApprovedAt, ...facts } = row;
  return { ...facts, minutesApproved: minutesApprovedAt !== null };
};

const onMeeting =
  (command: MeetingSocketCommand) =>
  (deps: Deps, actor: Actor | null, ref: { meetingId: number }, input: unknown, now: number) =>
    command(deps, actor, ref.meetingId, input, now);

export const DOCUMENT_KINDS: { [K in DocumentKindName]: DocumentKind<K> } = {
  "space-notes": {
    storage: "stored",
    roots: ["body", "meta"],
    facts: (db, ref) => db.select({ spaceId: spaces.id }).from(spaces).where(eq(spaces.id, ref.spaceId)).get() ?? null,
    commands: {},
  },
  "meeting-minutes": {
    storage: "stored",
    roots: [MINUTES_ROOT],
    facts: (db, ref) => meetingFacts(db, ref.meetingId),
    commands: {},
  },
  "meeting-live": {
    storage: "projection",
    roots: [],
    facts: (db, ref) => meetingFacts(db, ref.meetingId),
    project: (db, ref, doc, { shared, scope }) => projectLive(db, ref.meetingId, doc, shared, scope),
    commands: {
      delegate: onMeeting(delegateCommand),
      whoami: onMeeting(whoAmICommand),
      ballot: onMeeting(ballotCommand),
      "ballot-status": onMeeting(ballotStatusCommand),
      "check-in": onMeeting(doorCheckInCommand),
      "walk-in": onMeeting(doorWalkInCommand),
    },
  },
  "meeting-console": {
    storage: "projection",
    roots: [],
    facts: (db, ref) => meetingFacts(db, ref.meetingId),
    project: (db, ref, doc, { shared, scope }) => projectConsole(db, ref.meetingId, doc, shared, scope),
    commands: { console: onMeeting(consoleCommand) },
  },
  "report-section": {
    storage: "stored",
    roots: [SECTION_ROOT],
    facts: (db, ref) => reportFacts(db, ref.reportId, ref.section),
    commands: {},
  },
};

function kindOf<K extends DocumentKindName>(ref: RefOf<K>): DocumentKind<K> {
  return DOCUMENT_KINDS[ref.kind] as unknown as DocumentKind<K>;
}

/** The person behind a socket, as of now (none once the session has ended), and until when that holds. */
function socketActor(db: Db, credentials: SocketCredentials, now: number): { actor: Actor | null; until: number } {
  if (!credentials.sessionId || !credentials.userId) return { actor: null, until: Number.POSITIVE_INFINITY };
  const found = sessionActor(db, credentials.sessionId, credentials.userId, now);
  return found ? { actor: found.actor, until: found.expiresAt } : { actor: null, until: Number.POSITIVE_INFINITY };
}

/** What the hub calls: every kind's hooks, over one database and the realtime port. */
export function documentHooks(deps: Deps, now: () => number = Date.now) {
  const { db } = deps;
  /**
   * Each open socket's actor, as last read: when the socket opened, and again each time the
   * hub decides its access anew — which it does whenever what the actor is made of changes
   * (a role granted or revoked, an account linked to a person or unlinked, the session ended:
   * `access.changed`, `session.ended`) — and once its session expires. Its commands then read
   * no session, roles or seats of their own.
   */
  const actors = new WeakMap<SocketCredentials, { actor: Actor | null; until: number }>();
  const decided = (credentials: SocketCredentials, at: number) => {
    const found = socketActor(db, credentials, at);
    actors.set(credentials, found);
    return found.actor;
  };
  const actorOf = (credentials: SocketCredentials, at: number) => {
    const cached = actors.get(credentials);
    return cached && at < cached.until ? cached.actor : decided(credentials, at);
  };
  return {
    describe(ref: DocumentRef) {
      const kind = kindOf(ref);
      return { presence: DOCUMENT_PRESENCE[ref.kind], storage: kind.storage, roots: kind.roots };
    },
    authorize(ref: DocumentRef, credentials: SocketCredentials): DocumentAccess {
      const kind = kindOf(ref);
      const facts = kind.facts(db, ref);
      if (!facts) return "none";
      const access = documentAccess(decided(credentials, now()), ref, facts, { screenToken: credentials.screenToken });
      // Nobody writes a projection but the server.
      return kind.storage === "projection" && access === "write" ? "read" : access;
    },
    /** Whether the document exists at all (an unknown one is answered 404). */
    exists(ref: DocumentRef): boolean {
      return kindOf(ref).facts(db, ref) !== null;
    },
    project(ref: DocumentRef, doc: Y.Doc, rebuild: Rebuild): void {
      kindOf(ref).project?.(db, ref, doc, rebuild);
    },
    command(ref: DocumentRef, credentials: SocketCredentials, message: unknown): SocketReply {
      const { name, input } = (message ?? {}) as { name?: unknown; input?: unknown };
      const kind = kindOf(ref);
      const run = typeof name === "string" && Object.hasOwn(kind.commands, name) ? kind.commands[name] : undefined;
      if (!run) return { error: "error.invalid" };
      // A role revoked a second ago counts: the hub decided this socket again then (see `actors`).
      const at = now();
      return run(deps, actorOf(credentials, at), ref, input, at);
    },
  };
}
