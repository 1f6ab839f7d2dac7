import type { Actor, SpaceRole } from "./roles";
import type { SeatKind } from "../spaces/seats";

/**
 * Who may do what, to what. Every write on the server asks this module; screens ask it
 * too, only to hide what would be refused anyway. Each action names the subject it needs.
 */
export interface Subjects {
  /** The reference geography. */
  "geography.edit": void;
  "accounts.manage": void;
  /** Create spaces, change their settings, name their facilitators. */
  "space.manage": void;
  /** A space's public page: spaces are open, as their published results are. */
  "space.read": { spaceId: number };
  /** What a space shows its members only (any role there). */
  "space.member": { spaceId: number };
  /** Keep the register of a space: organisations, delegates, authorities, imports, exports. */
  "space.facilitate": { spaceId: number };
  /** A meeting's page: its space's members always, the public once it is published. */
  "meeting.see": { spaceId: number; published: boolean };
  /** Plan, open, run and close a meeting; record its attendance. */
  "meeting.run": { spaceId: number };
  /** Follow a live meeting from a phone and ask to speak once checked in. */
  "meeting.attend": { spaceId: number };
  /** Act for an organisation (propose a motion, vote in its name): a seat held on that day. */
  "organisation.speakFor": { spaceId: number; organisationId: number; on: string; seat?: SeatKind };
  /** Answer for an authority (make or report on a commitment): a mandate held on that day. */
  "authority.answerFor": { authorityId: number; on: string };
  /**
   * Write a report (create it, write its sections, publish it): a space's, by its facilitators;
   * a commune's, by the facilitators of one of its spaces; the programme's, by administrators.
   */
  "report.write": { scope: "space" | "commune" | "programme"; spaceIds: readonly number[] };
}

export type PermissionAction = keyof Subjects;

export function isAdmin(actor: Actor | null): boolean {
  return !!actor?.grants.some((g) => g.role === "admin");
}

export function rolesIn(actor: Actor | null, spaceId: number): SpaceRole[] {
  if (!actor) return [];
  return actor.grants.filter((g) => g.spaceId === spaceId && g.role !== "admin").map((g) => g.role as SpaceRole);
}

const within = (day: string, from: string | null, to: string | null) => (from === null || from <= day) && (to === null || day <= to);

export function can<A extends PermissionAction>(actor: Actor | null, action: A, ...[subject]: Subjects[A] extends void ? [] : [Subjects[A]]): boolean {
  const s = subject as Record<string, unknown> | undefined;
  const facilitates = (spaceId: number) => isAdmin(actor) || rolesIn(actor, spaceId).includes("facilitator");
  const member = (spaceId: number) => isAdmin(actor) || rolesIn(actor, spaceId).length > 0;
  switch (action) {
    case "geography.edit":
    case "accounts.manage":
    case "space.manage":
      return isAdmin(actor);
    case "space.read":
      return true;
    case "space.member":
    case "meeting.attend":
      return member(s!.spaceId as number);
    case "space.facilitate":
    case "meeting.run":
      return facilitates(s!.spaceId as number);
    case "meeting.see":
      return (s!.published as boolean) || member(s!.spaceId as number);
    case "organisation.speakFor": {
      const { spaceId, organisationId, on, seat } = subject as Subjects["organisation.speakFor"];
      return (actor?.seats ?? []).some((h) => h.spaceId === spaceId && h.organisationId === organisationId && (seat === undefined || h.seat === seat) && within(on, h.fromDate, h.toDate));
    }
    case "authority.answerFor": {
      const { authorityId, on } = subject as Subjects["authority.answerFor"];
      return (actor?.mandates ?? []).some((m) => m.authorityId === authorityId && within(on, m.start, m.end));
    }
    case "report.write": {
      const { scope, spaceIds } = subject as Subjects["report.write"];
      return isAdmin(actor) || (scope !== "programme" && spaceIds.some((spaceId) => facilitates(spaceId)));
    }
  }
  return false;
}
