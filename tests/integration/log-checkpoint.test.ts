import { statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkpointLog, closeDatabase, openDatabase } from "../../db/client";
import { tempDir } from "../setup/temp-dir";

/**
 * The log emptied after a secret poll closes (checkpointLog), when another process's reader
 * holds an older snapshot: a second connection to the same file stands for that process.
 */
describe("emptying the write-ahead log", () => {
  const opened: { close(): void }[] = [];
  afterEach(() => {
    for (const o of opened.splice(0)) o.close();
    vi.restoreAllMocks();
  });

  function withReader() {
    const dir = tempDir("makon-checkpoint-");
    const path = join(dir.path, "makon.db");
    const db = openDatabase(path);
    // Not five seconds of waiting for the reader in a test.
    db.$client.pragma("busy_timeout = 50");
    db.$client.exec("create table secrets (x text)");
    db.$client.prepare("insert into secrets values ('a')").run();
    const reader = new Database(path);
    reader.exec("begin");
    reader.prepare("select count(*) from secrets").get();
    db.$client.prepare("insert into secrets values ('b')").run();
    opened.push({ close: () => (reader.close(), closeDatabase(db), dir.remove()) });
    return { db, reader, logSize: () => statSync(`${path}-wal`).size };
  }

  it("is tried again once a reader of an older snapshot has let go", async () => {
    const { db, reader, logSize } = withReader();
    expect(checkpointLog(db)).toBe(false);
    expect(logSize()).toBeGreaterThan(0);
    reader.exec("commit");
    await vi.waitFor(() => expect(logSize()).toBe(0), { timeout: 4_000, interval: 100 });
  });

  it("says so when it never could", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { db, logSize } = withReader();
    // Once, then once more 50 ms later, while the reader still holds its snapshot.
    expect(checkpointLog(db, [50])).toBe(false);
    await vi.waitFor(() => expect(errors).toHaveBeenCalledWith(expect.stringContaining('"event":"database.checkpoint-busy","attempts":2')), { timeout: 2_000, interval: 20 });
    expect(logSize()).toBeGreaterThan(0);
    // The busy timeout of the connection is as it was: only the later tries do not wait.
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(50);
  });
});
