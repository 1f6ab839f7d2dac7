import { sql } from "drizzle-orm";
import { auditLog } from "../../../db/schema/index";
import type { Db, Tx } from "../../../db/client";
import { AUDIT_ACTIONS, revealsBallot, type AuditAction, type Visibility } from "./actions";

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  /** The space it happened in; null for what belongs to none (geography, accounts). */
  spaceId: number | null;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
  at: number;
  /** Overrides the action's visibility (a published meeting's life is public). */
  visibility?: Visibility;
}

function auditRow(entry: AuditEntry) {
  // Throwing rolls the command's transaction back: a ballot's content is never written.
  if (revealsBallot(entry.before) || revealsBallot(entry.after)) throw new Error(`audit entry ${entry.action} would reveal a ballot`);
  return {
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    spaceId: entry.spaceId,
    visibility: entry.visibility ?? AUDIT_ACTIONS[entry.action],
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** Appends to the audit log; call it inside the command's transaction so both land or neither. */
export function appendAudit(db: Db | Tx, entry: AuditEntry): void {
  db.insert(auditLog).values(auditRow(entry)).run();
}

const preparedInserts = new WeakMap<Db, { run(values: ReturnType<typeof auditRow>): unknown }>();

/**
 * The same append through a statement prepared once per database, for the commands a live
 * meeting sends many times a minute; run it inside the command's transaction, on that database.
 */
export function appendAuditPrepared(db: Db, entry: AuditEntry): void {
  let insert = preparedInserts.get(db);
  if (!insert) {
    const p = sql.placeholder;
    insert = db
      .insert(auditLog)
      .values({ at: p("at"), actorId: p("actorId"), action: p("action"), spaceId: p("spaceId"), visibility: p("visibility"), subjectType: p("subjectType"), subjectId: p("subjectId"), before: p("before"), after: p("after") })
      .prepare();
    preparedInserts.set(db, insert);
  }
  insert.run(auditRow(entry));
}
