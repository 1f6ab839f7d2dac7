import type { VotingBase } from "../spaces/space-options";
import type { SeatKind } from "../spaces/seats";

/** A person checked in at the meeting who holds a delegate's seat in the space on its date. */
export interface SeatedArrival {
  personId: number;
  organisationId: number;
  seat: SeatKind;
  arrivedAt: number;
}

export interface Voter {
  personId: number;
  organisationId: number;
}

/**
 * Who may vote in a poll, frozen when it opens. One vote per delegate present, or one per
 * member organisation present: its titular delegate, or a substitute when no titular is
 * present — never both. Among several present for one organisation (a space with two titular
 * seats), the first to arrive holds the vote, so the choice never depends on who taps first.
 */
export function eligibleVoters(base: VotingBase, present: readonly SeatedArrival[]): Voter[] {
  const byArrival = [...present].sort((a, b) => a.arrivedAt - b.arrivedAt || a.personId - b.personId);
  if (base === "delegate") return dedupe(byArrival).map(({ personId, organisationId }) => ({ personId, organisationId }));
  const chosen = new Map<number, SeatedArrival>();
  for (const arrival of byArrival) {
    const held = chosen.get(arrival.organisationId);
    if (!held || (held.seat === "substitute" && arrival.seat === "titular")) chosen.set(arrival.organisationId, arrival);
  }
  return [...chosen.values()].sort((a, b) => a.organisationId - b.organisationId).map(({ personId, organisationId }) => ({ personId, organisationId }));
}

/** A person seated twice (which the register refuses) still votes once. */
function dedupe(arrivals: readonly SeatedArrival[]): SeatedArrival[] {
  const seen = new Set<number>();
  return arrivals.filter((a) => !seen.has(a.personId) && (seen.add(a.personId), true));
}

export type BallotRefusal = "not_eligible" | "already_voted" | "poll_closed";

/** Why a ballot is refused, or null: the voter must be in the frozen list and not counted yet. */
export function ballotRefusal(poll: { open: boolean }, voters: readonly Voter[], personId: number, alreadyVoted: boolean): BallotRefusal | null {
  if (!poll.open) return "poll_closed";
  if (!voters.some((v) => v.personId === personId)) return "not_eligible";
  return alreadyVoted ? "already_voted" : null;
}
