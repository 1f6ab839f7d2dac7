import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { sql, type AnyColumn, type Placeholder, type SQL } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "./schema/index";

/*
 * The one module that knows the database is SQLite (besides the schema's column types and
 * the migrations' SQL): the driver, its settings, and the few expressions whose SQL differs
 * between dialects. Everything else speaks drizzle's query builder. docs/scaling.md says what
 * a move to PostgreSQL changes here.
 */

/** Table aliases, for a table joined twice (drizzle's, per dialect). */
export { alias } from "drizzle-orm/sqlite-core";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** Opens (creating if needed) the SQLite file, in WAL mode, with every committed migration applied. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commit.
  sqlite.pragma("synchronous = NORMAL");
  // Freed pages are overwritten with zeros: what a secret poll's closing or a deletion removes
  // does not linger in the file (a setting of each connection, so set at every open).
  sqlite.pragma("secure_delete = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  // Several processes may share the file (docs/scaling.md): a transaction that reads and then
  // writes takes the write lock when it begins, so that two of them wait their turn instead
  // of one failing with "database is locked" when it would upgrade from reader to writer.
  const deferredByDefault = db.transaction.bind(db);
  db.transaction = ((work, config) => deferredByDefault(work, { behavior: "immediate", ...config })) as Db["transaction"];
  migrate(db, { migrationsFolder });
  return db;
}

export function databaseState(db: Db): { ok: boolean; journalMode: string; error?: string } {
  try {
    const journalMode = String(db.$client.pragma("journal_mode", { simple: true }));
    db.$client.prepare("select 1").get();
    return { ok: true, journalMode };
  } catch (error) {
    return { ok: false, journalMode: "unknown", error: (error as Error).message };
  }
}

/**
 * A drizzle transaction on this database (synchronous with better-sqlite3), without
 * `rollback()`: a command undoes its writes by returning a refusal (`commit`), and
 * `inTransaction` hands its work the database itself, which has no such method.
 */
export type Tx = Omit<Parameters<Parameters<Db["transaction"]>[0]>[0], "rollback">;

/**
 * `prepare` run once per database, its statements reused after: for the reads and writes a
 * live meeting or a check-in rush makes many times a second (building a query costs more
 * than running it). Given a transaction object instead, it prepares for that object.
 */
export function preparedPer<Statements, On extends Db | Tx = Db>(prepare: (db: On) => Statements): (db: On) => Statements {
  const prepared = new WeakMap<On, Statements>();
  return (db) => {
    let statements = prepared.get(db);
    if (statements === undefined) prepared.set(db, (statements = prepare(db)));
    return statements;
  };
}

/** The driver's transaction wrapper, made once per connection. */
const nativeTransactions = new WeakMap<Db, (work: () => unknown) => unknown>();

/**
 * `work` in one transaction, without drizzle's per-transaction set-up (a transaction object
 * with a query builder for every table, each time): with one synchronous connection the
 * database is its own transaction, so `work` gets `db` as its `tx`. What it writes commits
 * together, or nothing does if it throws; a transaction begun inside it is a savepoint, as
 * in drizzle's. It has no `rollback()`: throw to roll back. For every command and check-in.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  let run = nativeTransactions.get(db);
  // IMMEDIATE for the same reason as drizzle's transactions above.
  if (!run) nativeTransactions.set(db, (run = db.$client.transaction((job: () => unknown) => job()).immediate));
  return run(() => work(db as unknown as Tx)) as T;
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}

/** How many rows an update or a delete changed. */
export const changedRows = (result: { changes: number }): number => result.changes;

/** When the log could not be emptied, it is tried again after these waits. */
const CHECKPOINT_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
/** Databases whose log is waiting to be tried again: one chain of tries each, however many polls close. */
const checkpointRetrying = new WeakSet<Db>();

/**
 * Moves the write-ahead log into the file and empties it, so that pages a write freed (and
 * `secure_delete` zeroed) leave the log too. A reader in another process (`PROCESSES` above
 * 1) holding an older snapshot past the busy timeout keeps the log from being emptied: then
 * it is tried again later, without waiting for readers (the event loop is not held), and
 * said if it never could. Whether it was emptied now.
 */
export function checkpointLog(db: Db, retryDelaysMs: readonly number[] = CHECKPOINT_RETRY_DELAYS_MS): boolean {
  if (logEmptied(db)) return true;
  if (!checkpointRetrying.has(db)) {
    checkpointRetrying.add(db);
    checkpointLater(db, retryDelaysMs, 1);
  }
  return false;
}

function logEmptied(db: Db): boolean {
  const [row] = db.$client.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
  return !row || row.busy === 0;
}

function checkpointLater(db: Db, delaysMs: readonly number[], attempts: number): void {
  const [delay, ...rest] = delaysMs;
  const log = (event: string, details: Record<string, unknown>) => console.error(JSON.stringify({ at: new Date().toISOString(), event, attempts, ...details }));
  if (delay === undefined) {
    checkpointRetrying.delete(db);
    log("database.checkpoint-busy", {});
    return;
  }
  const later = setTimeout(() => {
    if (!db.$client.open) {
      checkpointRetrying.delete(db);
      return;
    }
    const busyTimeout = db.$client.pragma("busy_timeout", { simple: true }) as number;
    try {
      db.$client.pragma("busy_timeout = 0");
      if (logEmptied(db)) checkpointRetrying.delete(db);
      else checkpointLater(db, rest, attempts + 1);
    } catch (error) {
      checkpointRetrying.delete(db);
      log("database.checkpoint-failed", { reason: (error as Error).message });
    } finally {
      db.$client.pragma(`busy_timeout = ${busyTimeout}`);
    }
  }, delay);
  later.unref();
}

/** The text after the first `separator` in `column` (the whole text when there is none). */
export const textAfter = (column: AnyColumn, separator: string): SQL<string> => sql<string>`substr(${column}, instr(${column}, ${separator}) + 1)`;

/**
 * Makes `fn` callable from SQL as `name(text)` on this connection (in PostgreSQL, a SQL
 * function: `lower(unaccent(…))` for a search key).
 */
export function defineTextFunction(db: Db, name: string, fn: (text: string) => string): void {
  db.$client.function(name, { deterministic: true }, (text: unknown) => fn(String(text ?? "")));
}

/** Whether every word of `words` (a JSON array of texts) is found in `text`. */
export const containsEveryWord = (text: SQL, words: Placeholder | string): SQL => sql`not exists (select 1 from json_each(${words}) as w where instr(${text}, w.value) = 0)`;

/** One top-level field of a JSON text column, or null. */
export const jsonField = <T>(column: AnyColumn, field: string): SQL<T | null> => sql<T | null>`json_extract(${column}, ${`$.${field}`})`;

/**
 * Deletes, among the `batch` rows inserted first (SQLite's rowid order), those whose `at` is
 * before `before`: reading the first rows costs the same whatever the table's size.
 */
export function deleteOldestBefore(tx: Tx, table: SQLiteTable, at: AnyColumn, batch: number, before: number): void {
  tx.run(sql`delete from ${table} where rowid in (select id from (select rowid as id, ${at} as at from ${table} order by rowid limit ${batch}) where at < ${before})`);
}
