import { describe, expect, it } from "vitest";
import { ballotRefusal, eligibleVoters, type SeatedArrival } from "../../app/modules/polls/eligibility";

const arrival = (personId: number, organisationId: number, seat: SeatedArrival["seat"], arrivedAt: number): SeatedArrival => ({ personId, organisationId, seat, arrivedAt });

describe("who may vote", () => {
  const present = [arrival(1, 10, "substitute", 100), arrival(2, 10, "titular", 300), arrival(3, 20, "substitute", 200), arrival(4, 30, "titular", 50), arrival(5, 30, "titular", 40)];

  it("gives each organisation present one vote: its titular, else its substitute, never both", () => {
    expect(eligibleVoters("organisation", present)).toEqual([
      // The titular arrived after the substitute: the titular votes.
      { personId: 2, organisationId: 10 },
      // No titular present: the substitute votes.
      { personId: 3, organisationId: 20 },
      // Two titulars present: the first to arrive.
      { personId: 5, organisationId: 30 },
    ]);
    // The titular absent, the substitute is accepted.
    expect(eligibleVoters("organisation", present.filter((p) => p.personId !== 2))).toContainEqual({ personId: 1, organisationId: 10 });
  });

  it("gives every delegate present a vote when the space votes by delegate", () => {
    expect(eligibleVoters("delegate", present).map((v) => v.personId)).toEqual([5, 4, 1, 3, 2]);
    expect(eligibleVoters("delegate", [...present, arrival(1, 20, "titular", 500)]).map((v) => v.personId)).toEqual([5, 4, 1, 3, 2]);
  });

  it("refuses a ballot from someone not in the frozen list, twice, or after closing", () => {
    const voters = eligibleVoters("organisation", present);
    expect(ballotRefusal({ open: true }, voters, 2, false)).toBeNull();
    expect(ballotRefusal({ open: true }, voters, 1, false)).toBe("not_eligible");
    expect(ballotRefusal({ open: true }, voters, 2, true)).toBe("already_voted");
    expect(ballotRefusal({ open: false }, voters, 2, false)).toBe("poll_closed");
  });
});
