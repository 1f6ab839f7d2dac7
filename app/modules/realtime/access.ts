import { isAdmin, rolesIn } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { DocumentRef } from "./document-names";

export type DocumentAccess = "write" | "read" | "none";

/** The one rule for who reads and who writes a realtime document. */
export function documentAccess(actor: Actor | null, doc: DocumentRef): DocumentAccess {
  if (!actor) return "none";
  switch (doc.kind) {
    case "space-notes": {
      if (isAdmin(actor)) return "write";
      const roles = rolesIn(actor, doc.spaceId);
      if (roles.includes("facilitator")) return "write";
      return roles.length > 0 ? "read" : "none";
    }
  }
}

export const canRead = (actor: Actor | null, doc: DocumentRef): boolean => documentAccess(actor, doc) !== "none";
export const canWrite = (actor: Actor | null, doc: DocumentRef): boolean => documentAccess(actor, doc) === "write";
