import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { auditLog } from "../../../db/schema/index";
import type { AuditAction } from "./actions";

/** How long after a creation the page it led to still says it was done. */
export const JUST_DONE_MS = 2 * 60_000;

/**
 * Whether this person has just done this (to this subject): what a page says right after the
 * creation that redirected there — "Organisation enregistrée." The page reads it from the
 * record rather than from a message carried along, since a GET writes nothing (so cannot clear
 * one) and the address stays the record's own. Returns when, and the entry's `after`; or null.
 */
export function justDone(db: Db, actorId: string | null, action: AuditAction, subject: { type: string; id?: string | number; spaceId?: number }, now: number): { at: number; after: unknown } | null {
  if (!actorId) return null;
  const entry = db
    .select({ at: auditLog.at, after: auditLog.after })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actorId),
        eq(auditLog.action, action),
        eq(auditLog.subjectType, subject.type),
        subject.id === undefined ? undefined : eq(auditLog.subjectId, String(subject.id)),
        subject.spaceId === undefined ? undefined : eq(auditLog.spaceId, subject.spaceId),
        gte(auditLog.at, now - JUST_DONE_MS),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  return entry ? { at: entry.at, after: entry.after ?? {} } : null;
}
