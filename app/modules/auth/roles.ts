import type { SeatKind } from "../spaces/seats";
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

/** A delegate's seat for an organisation in a space, between two dates (ISO, inclusive). */
export interface SeatHeld {
  spaceId: number;
  organisationId: number;
  seat: SeatKind;
  fromDate: string;
  toDate: string | null;
}

/** An official's mandate with an authority, between two dates when they are known. */
export interface MandateHeld {
  authorityId: number;
  communeCode: string;
  start: string | null;
  end: string | null;
}

/**
 * Who is acting, loaded once per request (and per socket command): their roles, and when
 * the account is linked to a person of the register, that person's seats and mandates.
 */
export interface Actor {
  userId: string;
  grants: readonly Grant[];
  personId?: number | null;
  seats?: readonly SeatHeld[];
  mandates?: readonly MandateHeld[];
}
