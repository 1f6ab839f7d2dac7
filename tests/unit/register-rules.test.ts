import { describe, expect, it } from "vitest";
import { AGE_GROUP_IDS, ageGroupOf, ageGroupOfAge, isYoungGroup } from "../../app/modules/people/age-groups";
import { checkSeat, heldOn, type SeatPeriod } from "../../app/modules/spaces/seats";
import { composition } from "../../app/modules/spaces/composition";

describe("age groups", () => {
  it("has the product's default groups, with young meaning 18 to 35", () => {
    expect(AGE_GROUP_IDS).toEqual(["u18", "18_24", "25_35", "36_59", "60p"]);
    expect([17, 18, 24, 25, 35, 36, 59, 60, 95].map(ageGroupOfAge)).toEqual(["u18", "18_24", "18_24", "25_35", "25_35", "36_59", "36_59", "60p", "60p"]);
    expect(AGE_GROUP_IDS.filter(isYoungGroup)).toEqual(["18_24", "25_35"]);
    expect(isYoungGroup(null)).toBe(false);
  });

  it("prefers the birth year, else the recorded group, else unknown", () => {
    expect(ageGroupOf({ birthYear: 2000 }, 2026)).toBe("25_35");
    expect(ageGroupOf({ birthYear: 1990, ageGroup: "60p" }, 2026)).toBe("36_59");
    expect(ageGroupOf({ ageGroup: "18_24" }, 2026)).toBe("18_24");
    expect(ageGroupOf({ ageGroup: "old" }, 2026)).toBeNull();
    expect(ageGroupOf({}, 2026)).toBeNull();
    expect(ageGroupOfAge(-1)).toBeNull();
  });
});

describe("delegate seats", () => {
  const rules = { titularSeats: 1, substituteSeats: 2 };
  const seat = (organisationId: number, personId: number, kind: "titular" | "substitute", fromDate: string, toDate: string | null = null): SeatPeriod => ({
    organisationId,
    personId,
    seat: kind,
    fromDate,
    toDate,
  });

  it("counts seats held on a date", () => {
    expect(heldOn(seat(1, 1, "titular", "2026-01-01", "2026-06-30"), "2026-06-30")).toBe(true);
    expect(heldOn(seat(1, 1, "titular", "2026-01-01", "2026-06-30"), "2026-07-01")).toBe(false);
  });

  it("gives each organisation the seats of the space's rules", () => {
    const existing = [seat(1, 10, "titular", "2026-01-01"), seat(1, 11, "substitute", "2026-01-01")];
    expect(checkSeat(rules, existing, seat(1, 12, "titular", "2026-03-01"))).toBe("seats_full");
    expect(checkSeat(rules, existing, seat(1, 12, "substitute", "2026-03-01"))).toBeNull();
    expect(checkSeat(rules, existing, seat(2, 12, "titular", "2026-03-01"))).toBeNull();
  });

  it("frees a seat when its period ends, and seats a person once at a time", () => {
    const existing = [seat(1, 10, "titular", "2025-01-01", "2025-12-31")];
    expect(checkSeat(rules, existing, seat(1, 12, "titular", "2026-01-01"))).toBeNull();
    expect(checkSeat(rules, existing, seat(1, 12, "titular", "2025-06-01"))).toBe("seats_full");
    expect(checkSeat(rules, [seat(1, 10, "titular", "2026-01-01")], seat(2, 10, "substitute", "2026-02-01"))).toBe("already_seated");
    expect(checkSeat(rules, [], seat(1, 10, "titular", "2026-02-01", "2026-01-01"))).toBe("dates_reversed");
  });
});

describe("composition", () => {
  it("counts organisations by type and delegates by sex and age, with shares", () => {
    const result = composition({
      organisations: [
        { type: "women", sectionCode: "HT0313-01", ledByWoman: true, ledByYouth: false },
        { type: "muso", sectionCode: "HT0313-01", ledByWoman: true, ledByYouth: true },
        { type: "youth", sectionCode: null, ledByWoman: false, ledByYouth: true },
        { type: "muso", sectionCode: "HT0313-02", ledByWoman: false, ledByYouth: false },
      ],
      delegates: [
        { sex: "female", ageGroup: "18_24" },
        { sex: "female", ageGroup: "36_59" },
        { sex: "male", ageGroup: "25_35" },
        { sex: null, ageGroup: null },
      ],
      sectionCodes: ["HT0313-01", "HT0313-02", "HT0313-03"],
    });
    expect(result.organisations.byType).toEqual({ women: 1, muso: 2, youth: 1 });
    expect(result.organisations.ledByWoman).toEqual({ count: 2, share: 0.5 });
    expect(result.delegates.bySex).toEqual({ female: 2, male: 1, unstated: 1 });
    expect(result.delegates.bySexAndAge.female["18_24"]).toBe(1);
    expect(result.delegates.bySexAndAge.unstated.unknown).toBe(1);
    expect(result.delegates.women).toEqual({ count: 2, share: 0.5 });
    expect(result.delegates.youth).toEqual({ count: 2, share: 0.5 });
    expect(result.sectionsWithoutMember).toEqual(["HT0313-03"]);
  });

  it("gives zero shares for an empty space", () => {
    const result = composition({ organisations: [], delegates: [], sectionCodes: ["A"] });
    expect(result.delegates.women).toEqual({ count: 0, share: 0 });
    expect(result.organisations.total).toBe(0);
    expect(result.sectionsWithoutMember).toEqual(["A"]);
  });
});
