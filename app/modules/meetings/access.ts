import { can, isAdmin, rolesIn } from "../auth/permissions";
import type { Actor } from "../auth/roles";

/**
 * Who sees a meeting: members of its space (any role) and admins always; the public once it
 * is published. Its minutes, once closed, follow the same rule.
 */
export function canSeeMeeting(actor: Actor | null, meeting: { spaceId: number; published: boolean }): boolean {
  return meeting.published || isAdmin(actor) || rolesIn(actor, meeting.spaceId).length > 0;
}

export function canRunMeeting(actor: Actor | null, meeting: { spaceId: number }): boolean {
  return can(actor, { type: "space.facilitate", spaceId: meeting.spaceId });
}
