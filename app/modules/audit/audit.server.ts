import { sql } from "drizzle-orm";
import { auditLog } from "../../../db/schema/index";
import { preparedPer, type Db, type Tx } from "../../../db/client";
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

const p = sql.placeholder;
/**
 * Prepared once per database: a command's transaction (see `commit`) is its database. The
 * JSON columns take text made here, as the unprepared insert writes them: a bound value would
 * go through the column's own mapping, which writes an absent value as the text "null".
 */
const auditInsert = preparedPer((db: Db | Tx) =>
  db
    .insert(auditLog)
    .values({ at: p("at"), actorId: p("actorId"), action: p("action"), spaceId: p("spaceId"), visibility: p("visibility"), subjectType: p("subjectType"), subjectId: p("subjectId"), before: sql`${p("before")}`, after: sql`${p("after")}` })
    .prepare(),
);

const jsonText = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** Appends to the audit log; call it inside the command's transaction so both land or neither. */
export function appendAudit(db: Db | Tx, entry: AuditEntry): void {
  const row = auditRow(entry);
  auditInsert(db).run({ ...row, before: jsonText(row.before), after: jsonText(row.after) });
}
