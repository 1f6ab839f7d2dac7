import { asc, count, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { inTransaction, type Db } from "../../db/client";
import { documentUpdates } from "../../db/schema/index";

/**
 * Yjs updates in SQLite: every update is one row, appended before it is relayed; compaction
 * merges a document's rows into one in a transaction, so a crash keeps either all the rows or
 * the merged one.
 */
export class DocumentStore {
  /** Every update goes through here: the insert is prepared once. */
  private readonly insert;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db
      .insert(documentUpdates)
      .values({ docName: sql.placeholder("docName"), update: sql.placeholder("update"), createdAt: sql.placeholder("createdAt") })
      .prepare();
  }

  /** Runs `work` in one transaction: what it appends is committed together, or not at all. */
  transaction(work: () => void): void {
    inTransaction(this.db, work);
  }

  /** Applies every stored update to the document; returns how many rows it has. */
  load(name: string, doc: Y.Doc): number {
    const rows = this.db
      .select({ update: documentUpdates.update })
      .from(documentUpdates)
      .where(eq(documentUpdates.docName, name))
      .orderBy(asc(documentUpdates.id))
      .all();
    if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)));
    return rows.length;
  }

  append(name: string, update: Uint8Array): void {
    this.insert.run({ docName: name, update: Buffer.from(update), createdAt: this.now() });
  }

  /** Replaces the document's rows by one update holding its whole state. */
  compact(name: string, doc: Y.Doc): void {
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    this.db.transaction((tx) => {
      tx.delete(documentUpdates).where(eq(documentUpdates.docName, name)).run();
      tx.insert(documentUpdates).values({ docName: name, update: state, createdAt: this.now() }).run();
    });
  }

  rowCount(name: string): number {
    return this.db.select({ n: count() }).from(documentUpdates).where(eq(documentUpdates.docName, name)).get()?.n ?? 0;
  }
}
