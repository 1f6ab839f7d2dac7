import { auditLog } from "../../../db/schema/index";
import type { Db, Tx } from "../../../db/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
  at: number;
}

/** Appends to the audit log; call it inside the command's transaction so both land or neither. */
export function appendAudit(db: Db | Tx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
