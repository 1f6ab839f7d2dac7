/** Roles, kept free of the database layer so that pure rules and the browser can use them. */
export const SPACE_ROLES = ["facilitator", "delegate", "official", "observer"] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];
export type Role = "admin" | SpaceRole;
export const ROLES: readonly Role[] = ["admin", ...SPACE_ROLES];

export interface Grant {
  role: Role;
  /** null for the global admin role. */
  spaceId: number | null;
}

export interface Actor {
  userId: string;
  grants: readonly Grant[];
}
