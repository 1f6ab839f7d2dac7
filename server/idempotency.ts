import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { inTransaction, type Db } from "../db/client";
import { idempotentRequests } from "../db/schema/index";
import { ANSWER_PARAM, IDEMPOTENCY_FIELD, IDEMPOTENCY_KEY } from "../app/modules/idempotency";

/**
 * Answers kept under the key a form carried, so that a post sent twice — a retry after the
 * network dropped, a double tap, a re-post from the browser's history — is applied once and
 * answered the same way each time.
 *
 * A row is written, as pending, before the post runs and completed with its answer after.
 * The same key with another body is another post (a page brought back from history sends its
 * old key with new values): the body's hash is part of the row's key. A pending row left by a
 * crash cannot say whether its post was applied: a retry is then asked to look at the page
 * rather than risk applying it twice.
 */
export interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

export type Begin =
  | { kind: "run"; rowKey: string }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "unknown" }
  /** Not a post we keep: no key, or another user's. */
  | { kind: "untracked" };

const KEEP_MS = 24 * 60 * 60_000;
/** A larger answer is sent but not kept (a whole page is far smaller). */
const MAX_KEPT_BYTES = 1024 * 1024;
/** Headers a replay needs; never Set-Cookie (a session is not kept in this table). */
const KEPT_HEADERS = new Set(["content-type", "location", "cache-control", "content-security-policy", "x-remix-redirect", "x-remix-revalidate", "x-remix-reload-document", "x-remix-replace", "x-remix-status", "x-remix-response"]);

/**
 * The form's key, when its body carries a well-formed one: URL-encoded, or multipart (a
 * progress update with its photos, sent again after a drop, must not be recorded twice).
 */
export function keyOf(contentType: string | undefined, body: Buffer): string | null {
  const type = (contentType ?? "").toLowerCase();
  let key: string | null = null;
  if (type.startsWith("application/x-www-form-urlencoded")) key = new URLSearchParams(body.toString("utf8")).get(IDEMPOTENCY_FIELD);
  else if (type.startsWith("multipart/form-data")) key = multipartField(body, IDEMPOTENCY_FIELD);
  return key && IDEMPOTENCY_KEY.test(key) ? key : null;
}

/**
 * What makes two posts the same post: their body, without a multipart body's boundary (a
 * browser draws a new one each time it sends the same form again).
 */
export function bodyFingerprint(contentType: string | undefined, body: Buffer): Buffer {
  const boundary = /;\s*boundary=("?)([^";]+)\1/i.exec(contentType ?? "")?.[2];
  if (!boundary || !(contentType ?? "").toLowerCase().startsWith("multipart/form-data")) return body;
  return Buffer.from(body.toString("latin1").split(boundary).join(""), "latin1");
}

/** A short text field of a multipart body, found without parsing the files around it. */
function multipartField(body: Buffer, name: string): string | null {
  const at = body.indexOf(`name="${name}"\r\n\r\n`, 0, "latin1");
  if (at === -1) return null;
  const start = at + name.length + 11;
  const end = body.indexOf("\r\n", start, "latin1");
  return end === -1 || end - start > 200 ? null : body.toString("latin1", start, end);
}

/** Every keyed post reads and writes this table: its statements are prepared once, not built per request. */
function prepareStatements(db: Db) {
  const key = sql.placeholder("key");
  return {
    read: db.select().from(idempotentRequests).where(eq(idempotentRequests.key, key)).prepare(),
    readPost: db
      .select()
      .from(idempotentRequests)
      .where(and(eq(idempotentRequests.key, key), eq(idempotentRequests.method, "POST")))
      .prepare(),
    forgetOld: db.delete(idempotentRequests).where(lt(idempotentRequests.createdAt, sql.placeholder("before"))).prepare(),
    pending: db
      .insert(idempotentRequests)
      .values({ key, userId: sql.placeholder("userId"), method: sql.placeholder("method"), path: sql.placeholder("path"), status: 0, headers: [], body: "", createdAt: sql.placeholder("now") })
      .prepare(),
    forget: db.delete(idempotentRequests).where(eq(idempotentRequests.key, key)).prepare(),
    keep: db
      .update(idempotentRequests)
      // Placeholders pass as they are: the headers are given as JSON text.
      .set({ status: sql`${sql.placeholder("status")}`, headers: sql`${sql.placeholder("headers")}`, body: sql`${sql.placeholder("body")}` })
      .where(eq(idempotentRequests.key, key))
      .prepare(),
  };
}

export class IdempotencyStore {
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly settled = new Map<string, () => void>();
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Db) {
    this.statements = prepareStatements(db);
  }

  /** What to do with a post carrying `key`: run it (its row written as pending), or answer as before. */
  async begin(key: string, body: Buffer, userId: string | null, method: string, path: string, now: number): Promise<Begin> {
    const rowKey = `${key}.${createHash("sha256").update(body).digest("base64url").slice(0, 16)}`;
    // The same post already under way in this process (a double tap): wait for its answer.
    // Otherwise nothing below awaits, so no other request can slip in between the read and
    // the pending row.
    const running = this.inFlight.get(rowKey);
    if (running) await running;
    // Read and written in one transaction, which holds the write lock from its start: another
    // process sharing the file (the same post sent again on another connection) waits, then
    // finds this pending row.
    const row = inTransaction(this.db, () => {
      const found = this.statements.read.get({ key: rowKey });
      if (!found) {
        this.statements.forgetOld.run({ before: now - KEEP_MS });
        this.statements.pending.run({ key: rowKey, userId, method, path, now });
      }
      return found;
    });
    if (row) {
      if (row.userId !== userId || row.path !== path) return { kind: "untracked" };
      if (row.status === 0) return { kind: "unknown" };
      return { kind: "replay", answer: { status: row.status, headers: row.headers, body: row.body } };
    }
    this.inFlight.set(rowKey, new Promise<void>((resolve) => this.settled.set(rowKey, resolve)));
    return { kind: "run", rowKey };
  }

  /**
   * What became of the post. An answer is kept to be given again; a page too large to keep is
   * kept as "done, see the page" (a redirect to where it was posted). "unknown" — the request
   * failed in our hands or was cut off, possibly after its command committed — leaves the row
   * pending, so a retry is asked to look at the page rather than applied a second time. Only
   * "forget" (an answer that sets a cookie: signing in or out, a language) lets it run again.
   */
  finish(rowKey: string, outcome: { kind: "answer"; answer: StoredAnswer; path: string } | { kind: "unknown" } | { kind: "forget" }): void {
    try {
      if (outcome.kind === "forget") {
        this.statements.forget.run({ key: rowKey });
      } else if (outcome.kind === "answer" && outcome.answer.status < 500) {
        const kept = Buffer.byteLength(outcome.answer.body) <= MAX_KEPT_BYTES ? outcome.answer : { status: 303, headers: [["Location", outcome.path]] as [string, string][], body: "" };
        this.statements.keep.run({ key: rowKey, status: kept.status, headers: JSON.stringify(kept.headers), body: kept.body });
      }
    } finally {
      this.settled.get(rowKey)?.();
      this.settled.delete(rowKey);
      this.inFlight.delete(rowKey);
    }
  }

  /** The page a post produced, for the browser sent to read it (post/redirect/get); only its sender reads it. */
  page(rowKey: string, userId: string | null): StoredAnswer | null {
    const row = this.statements.readPost.get({ key: rowKey });
    if (!row || row.userId !== userId || row.status < 200 || row.status >= 300) return null;
    return { status: row.status, headers: row.headers, body: row.body };
  }
}

export function keptHeaders(headers: Headers, csp: string | undefined): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of headers.entries()) if (KEPT_HEADERS.has(name.toLowerCase())) kept.push([name, value]);
  if (csp) kept.push(["content-security-policy", csp]);
  return kept;
}

/** The address to send a browser to after its post: the same page, reading the kept answer. */
export function answerLocation(url: URL, rowKey: string): string {
  const params = new URLSearchParams(url.search);
  params.delete(ANSWER_PARAM);
  // `?index` only tells a post which route it is for.
  params.delete("index");
  params.set(ANSWER_PARAM, rowKey);
  return `${url.pathname}?${params}`;
}
