import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema/index";

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

/** A drizzle transaction on this database (synchronous with better-sqlite3). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
