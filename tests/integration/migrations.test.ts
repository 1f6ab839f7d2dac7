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
      { meeting_id: 1, current_item_id: 11, current_item_since: 500, turn_limit_seconds: 120, priority_rule: "women", screen_message: "Poz", screen_locale: "ht", screen_token: "tokentokentokentoken22", screen_commitment_id: null },
      // A current item that pointed at a deleted row (the old bug) becomes none.
      { meeting_id: 3, current_item_id: null, current_item_since: null, turn_limit_seconds: 180, priority_rule: "none", screen_message: null, screen_locale: "fr", screen_token: "othertokenothertoken22", screen_commitment_id: null },
      // A meeting live without a screen link yet keeps its settings and gets one.
      { meeting_id: 4, current_item_id: null, current_item_since: null, turn_limit_seconds: 240, priority_rule: "youth", screen_message: null, screen_locale: "fr", screen_token: expect.stringMatching(/^[0-9a-f]{32}$/), screen_commitment_id: null },
    ]);
    const columns = (sqlite.prepare("PRAGMA table_info(meetings)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("screen_token");
    expect(columns).not.toContain("current_item_id");
    expect(sqlite.prepare("SELECT count(*) AS n FROM meetings").get()).toEqual({ n: 4 });
    expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("0007 copies each organisation's contact to the space it is a member of (else its first), drops it from the public history, and nothing else", () => {
    const dir = tempDir("makon-db-");
    cleanups.push(() => dir.remove());
    const sqlite = new Database(join(dir.path, "makon.db"));
    cleanups.push(() => sqlite.close());
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsUpTo("0006_person_account") });
    sqlite.exec(`
      INSERT INTO departments (code, name, name_ocha) VALUES ('HT03', 'Nord', 'Nord');
      INSERT INTO arrondissements (code, department_code, name) VALUES ('HT031', 'HT03', 'Cap-Haïtien');
      INSERT INTO communes (code, department_code, arrondissement_code, name, search_key, created_at) VALUES ('HT0313', 'HT03', 'HT031', 'Limonade', 'limonade', 0);
      INSERT INTO spaces (id, name, level, commune_code, setting, status, created_at) VALUES (1, 'Makòn Limonade', 'commune', 'HT0313', 'rural', 'active', 0),
                                                                                          (2, 'Makòn Bois de Lance', 'commune', 'HT0313', 'rural', 'active', 0);
      INSERT INTO organisations (id, name, type, commune_code, contact_name, phone, email, created_at)
        VALUES (1, 'Joined 2 first, then 1', 'muso', 'HT0313', 'Anita', '+50937000011', 'anita@example.ht', 100),
               (2, 'No contact', 'women', 'HT0313', NULL, NULL, NULL, 200),
               (3, 'Phone only, one space', 'youth', 'HT0313', NULL, '+50937000033', NULL, 300),
               (4, 'Never a member', 'base', 'HT0313', 'Lost', NULL, NULL, 400);
      INSERT INTO space_memberships (id, space_id, organisation_id, joined_on, left_on, created_at)
        VALUES (1, 2, 1, '2025-01-01', '2025-06-30', 0), (2, 1, 1, '2025-07-01', NULL, 0), (3, 1, 2, '2025-01-01', NULL, 0), (4, 1, 3, '2025-01-01', NULL, 0);
      INSERT INTO audit_log (at, action, space_id, visibility, subject_type, subject_id, after)
        VALUES (100, 'organisation.register', 2, 'public', 'organisation', '1', '{"name":"Joined 2 first, then 1","contactName":"Anita","phone":"+50937000011","email":"anita@example.ht","spaceId":2}');
      INSERT INTO audit_log (at, action, space_id, visibility, subject_type, subject_id, before, after)
        VALUES (150, 'organisation.update', 1, 'internal', 'organisation', '1', '{"name":"A","phone":"+50937000011"}', '{"name":"B","phone":"+50937999999","email":"b@example.ht"}');
    `);
    const schema = () =>
      Object.fromEntries(
        (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((t) => [
          t.name,
          (sqlite.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => c.name),
        ]),
      );
    const indexes = () => (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((i) => i.name);
    const tablesBefore = schema();
    const indexesBefore = indexes();
    const organisationsBefore = sqlite.prepare("SELECT id, name, type, commune_code, created_at FROM organisations ORDER BY id").all();

    migrate(db, { migrationsFolder: join(ROOT, "db", "migrations") });

    expect(sqlite.prepare("SELECT space_id, organisation_id, contact_name, phone, email, updated_at FROM organisation_contacts ORDER BY organisation_id").all()).toEqual([
      // Its first membership, Bois de Lance's, has ended: the contact goes to Limonade, where it is a member.
      { space_id: 1, organisation_id: 1, contact_name: "Anita", phone: "+50937000011", email: "anita@example.ht", updated_at: 100 },
      { space_id: 1, organisation_id: 3, contact_name: null, phone: "+50937000033", email: null, updated_at: 300 },
    ]);
    const tablesAfter = schema();
    expect(tablesAfter.organisations).toEqual(tablesBefore.organisations!.filter((c) => !["contact_name", "phone", "email"].includes(c)));
    for (const [table, columns] of Object.entries(tablesBefore)) {
      if (table === "organisations") continue;
      expect(tablesAfter[table], table).toEqual(expect.arrayContaining(columns));
    }
    expect(indexes()).toEqual(expect.arrayContaining([...indexesBefore, "organisation_contacts_space_org_idx"]));
    expect(sqlite.prepare("SELECT id, name, type, commune_code, created_at FROM organisations ORDER BY id").all()).toEqual(organisationsBefore);
    expect(sqlite.prepare("SELECT count(*) AS n FROM space_memberships").get()).toEqual({ n: 4 });
    expect(sqlite.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    expect(JSON.parse((sqlite.prepare("SELECT after FROM audit_log WHERE action = 'organisation.register'").get() as { after: string }).after)).toEqual({ name: "Joined 2 first, then 1", spaceId: 2 });
    const update = sqlite.prepare("SELECT before, after FROM audit_log WHERE action = 'organisation.update'").get() as { before: string; after: string };
    expect([JSON.parse(update.before), JSON.parse(update.after)]).toEqual([{ name: "A" }, { name: "B" }]);
  });
});
