import type { Actor, SpaceRole } from "./roles";

/**
 * Who may do what. Every write on the server asks this module; screens ask it too, only to
 * hide what would be refused anyway.
 */
export type Action =
  | { type: "geography.edit" }
  | { type: "accounts.manage" }
  | { type: "space.manage" }
  | { type: "space.read"; spaceId: number }
  | { type: "space.facilitate"; spaceId: number };

export function isAdmin(actor: Actor | null): boolean {
  return !!actor?.grants.some((g) => g.role === "admin");
}

export function rolesIn(actor: Actor | null, spaceId: number): SpaceRole[] {
  if (!actor) return [];
  return actor.grants.filter((g) => g.spaceId === spaceId && g.role !== "admin").map((g) => g.role as SpaceRole);
}

export function can(actor: Actor | null, action: Action): boolean {
  switch (action.type) {
    case "geography.edit":
    case "accounts.manage":
    case "space.manage":
      return isAdmin(actor);
    case "space.read":
      // Spaces are open: their pages are public, as the published results are.
      return true;
    // Registering organisations, people and authorities, and running meetings.
    case "space.facilitate":
      return isAdmin(actor) || rolesIn(actor, action.spaceId).includes("facilitator");
  }
}
