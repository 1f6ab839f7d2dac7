import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";

/**
 * Who a space's page is built for. A loader returns a view model for its audience: whatever
 * it returns is in the page's HTML and its `.data` for anyone who can load it.
 *
 * - "public": anyone, signed in or not, with no role in this space (a facilitator of
 *   another space included): figures, officials, people who agreed to be named.
 * - "member": a delegate, an official or an observer of the space: what their role needs
 *   (names and organisations, not people's sex, age, birth year, disability or phone).
 * - "facilitator": who keeps the space's register (its facilitators, administrators): everything.
 */
export type Audience = "public" | "member" | "facilitator";

export function audienceIn(actor: Actor | null, spaceId: number): Audience {
  if (can(actor, "space.facilitate", { spaceId })) return "facilitator";
  if (can(actor, "space.member", { spaceId })) return "member";
  return "public";
}
