import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../setup/root";
import { tempDir } from "../setup/temp-dir";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The committed migrations up to `tag` (included), in a folder of their own. */
function migrationsUpTo(tag: string): string {
  const dir = tempDir("makon-migrations-");
  cleanups.push(() => dir.remove());
  cpSync(join(ROOT, "db", "migrations"), dir.path, { recursive: true });
  const journalPath = join(dir.path, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir.path;
}

describe("migrations", () => {
  it("move a live meeting's session out of the meetings table, keeping what the screens showed", () => {
    const dir = tempDir("makon-db-");
    cleanups.push(() => dir.remove());
    const sqlite = new Database(join(dir.path, "makon.db"));
    cleanups.push(() => sqlite.close());
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsUpTo("0003_live_meeting") });
    sqlite.exec(`
      INSERT INTO departments (code, name, name_ocha) VALUES ('HT03', 'Nord', 'Nord');
      INSERT INTO arrondissements (code, department_code, name) VALUES ('HT031', 'HT03', 'Cap-Haïtien');
      INSERT INTO communes (code, department_code, arrondissement_code, name, search_key, created_at) VALUES ('HT0313', 'HT03', 'HT031', 'Limonade', 'limonade', 0);
      INSERT INTO spaces (id, name, level, commune_code, setting, status, created_at) VALUES (1, 'Makòn', 'commune', 'HT0313', 'rural', 'active', 0);
      INSERT INTO meetings (id, space_id, kind, title, starts_at, status, created_at, current_item_id, current_item_since, turn_limit_seconds, priority_rule, screen_message, screen_locale, screen_token)
        VALUES (1, 1, 'ordinary', 'Live', 0, 'live', 0, 11, 500, 120, 'women', 'Poz', 'ht', 'tokentokentokentoken22'),
               (2, 1, 'ordinary', 'Planned', 0, 'planned', 0, NULL, NULL, 180, 'none', NULL, 'fr', NULL),
               (3, 1, 'ordinary', 'Lost item', 0, 'closed', 0, 99, 700, 180, 'none', NULL, 'fr', 'othertokenothertoken22'),
               (4, 1, 'ordinary', 'Live before tokens', 0, 'live', 0, NULL, NULL, 240, 'youth', NULL, 'fr', NULL);
      INSERT INTO agenda_items (id, meeting_id, position, kind, title, created_at) VALUES (11, 1, 1, 'discussion', 'Dlo', 0);
    `);
    migrate(db, { migrationsFolder: join(ROOT, "db", "migrations") });
    expect(sqlite.prepare("SELECT * FROM meeting_sessions ORDER BY meeting_id").all()).toEqual([
      { meeting_id: 1, current_item_id: 11, current_item_since: 500, turn_limit_seconds: 120, priority_rule: "women", screen_message: "Poz", screen_locale: "ht", screen_token: "tokentokentokentoken22" },
      // A current item that pointed at a deleted row (the old bug) becomes none.
      { meeting_id: 3, current_item_id: null, current_item_since: null, turn_limit_seconds: 180, priority_rule: "none", screen_message: null, screen_locale: "fr", screen_token: "othertokenothertoken22" },
      // A meeting live without a screen link yet keeps its settings and gets one.
      { meeting_id: 4, current_item_id: null, current_item_since: null, turn_limit_seconds: 240, priority_rule: "youth", screen_message: null, screen_locale: "fr", screen_token: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
    const columns = (sqlite.prepare("PRAGMA table_info(meetings)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("screen_token");
    expect(columns).not.toContain("current_item_id");
    expect(sqlite.prepare("SELECT count(*) AS n FROM meetings").get()).toEqual({ n: 4 });
    expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });
});
