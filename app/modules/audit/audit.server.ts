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

/** Appends to the audit log; call it inside the command's transaction so both land or neither. */
export function appendAudit(db: Db | Tx, entry: AuditEntry): void {
  // Throwing rolls the command's transaction back: a ballot's content is never written.
  if (revealsBallot(entry.before) || revealsBallot(entry.after)) throw new Error(`audit entry ${entry.action} would reveal a ballot`);
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      spaceId: entry.spaceId,
      visibility: entry.visibility ?? AUDIT_ACTIONS[entry.action],
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
