import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, inTransaction, openDatabase, preparedPer, type Db } from "../../db/client";
import { documentUpdates } from "../../db/schema/index";
import { commit } from "../../app/modules/deps.server";
import { appendAudit } from "../../app/modules/audit/audit.server";
import { fail, ok } from "../../app/modules/result";
import type { DomainEvent, RealtimePort } from "../../app/modules/realtime/port";
import { tempDir } from "../setup/temp-dir";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function database(): Db {
  const dir = tempDir("makon-tx-");
  const db = openDatabase(join(dir.path, "makon.db"));
  cleanups.push(() => {
    closeDatabase(db);
    dir.remove();
  });
  return db;
}

const rows = (db: Db, docName: string) => db.select({ n: count() }).from(documentUpdates).where(eq(documentUpdates.docName, docName)).get()!.n;
const write = (db: Db, docName: string) => db.insert(documentUpdates).values({ docName, update: Buffer.from([1]), createdAt: 1 }).run();

/** A realtime side that notes, for each publication, what the database held at that moment. */
function watchingPort(db: Db, docName: string) {
  const published: { events: readonly DomainEvent[]; rowsThen: number; inTransaction: boolean }[] = [];
  const port: RealtimePort = {
    publish: (events) => published.push({ events, rowsThen: rows(db, docName), inTransaction: db.$client.inTransaction }),
    readText: () => "",
    seedText: () => undefined,
  };
  return { port, published };
}

describe("a command's transaction (commit)", () => {
  it("keeps what the command wrote and publishes its events once it has committed", () => {
    const db = database();
    const { port, published } = watchingPort(db, "a");
    const result = commit({ db, realtime: port }, (tx, emit) => {
      write(tx as unknown as Db, "a");
      write(tx as unknown as Db, "a");
      emit({ type: "attendance.changed", meetingId: 7 });
      return ok(2);
    });
    expect(result).toEqual({ ok: true, value: 2 });
    expect(rows(db, "a")).toBe(2);
    expect(published).toEqual([{ events: [{ type: "attendance.changed", meetingId: 7 }], rowsThen: 2, inTransaction: false }]);
  });

  it("undoes everything a refused command wrote, and publishes nothing", () => {
    const db = database();
    const { port, published } = watchingPort(db, "b");
    const result = commit({ db, realtime: port }, (tx, emit) => {
      write(tx as unknown as Db, "b");
      emit({ type: "attendance.changed", meetingId: 7 });
      return fail("meeting.error.closed");
    });
    expect(result).toEqual({ ok: false, code: "meeting.error.closed" });
    expect(rows(db, "b")).toBe(0);
    expect(published).toEqual([]);
  });

  it("undoes everything when the command throws half-way, and the error reaches the caller", () => {
    const db = database();
    const { port, published } = watchingPort(db, "c");
    expect(() =>
      commit({ db, realtime: port }, (tx) => {
        write(tx as unknown as Db, "c");
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(rows(db, "c")).toBe(0);
    expect(published).toEqual([]);
    // The connection is usable again: no transaction was left open.
    expect(db.$client.inTransaction).toBe(false);
  });
});

describe("inTransaction", () => {
  it("turns a transaction begun inside it into a savepoint: its failure undoes only its own writes", () => {
    const db = database();
    inTransaction(db, (tx) => {
      write(tx as unknown as Db, "outer");
      expect(() =>
        tx.transaction((inner) => {
          write(inner as unknown as Db, "inner");
          throw new Error("refused");
        }),
      ).toThrow("refused");
      write(tx as unknown as Db, "outer");
    });
    expect(rows(db, "outer")).toBe(2);
    expect(rows(db, "inner")).toBe(0);
  });

  it("returns what the work returns", () => {
    const db = database();
    expect(inTransaction(db, () => 42)).toBe(42);
  });
});

describe("the audit entry of a command, prepared", () => {
  it("writes an absent before or after as no value, and a value as its JSON", () => {
    const db = database();
    commit({ db, realtime: watchingPort(db, "none").port }, (tx) => {
      appendAudit(tx, { at: 1, actorId: null, action: "poll.vote", spaceId: null, subjectType: "poll", subjectId: 1, after: { personId: 5 } });
      return ok(null);
    });
    expect(db.$client.prepare("select before, after from audit_log").all()).toEqual([{ before: null, after: JSON.stringify({ personId: 5 }) }]);
  });
});

describe("preparedPer", () => {
  it("prepares once per database, and apart for each database", () => {
    const [a, b] = [database(), database()];
    const prepared: Db[] = [];
    const statements = preparedPer((db: Db) => {
      prepared.push(db);
      return db.select({ n: count() }).from(documentUpdates).prepare();
    });
    write(a, "x");
    expect(statements(a).get()!.n).toBe(1);
    expect(statements(a).get()!.n).toBe(1);
    expect(statements(b).get()!.n).toBe(0);
    expect(prepared).toHaveLength(2);
    expect(prepared[0]).toBe(a);
    expect(prepared[1]).toBe(b);
  });
});
