import { describe, expect, it } from "vitest";
import { nextFreeCommuneCode, nextFreeSectionNumber, sectionCode, sectionLabel } from "../../app/modules/geography/codes";

describe("geography codes", () => {
  it("builds section codes and labels as the reference data writes them", () => {
    expect(sectionCode("HT0311", 3)).toBe("HT0311-03");
    expect(sectionCode("HT0121", 13)).toBe("HT0121-13");
    expect(sectionLabel(1, "Bande du Nord")).toBe("1re section Bande du Nord");
    expect(sectionLabel(2, "Haut du Cap")).toBe("2e section Haut du Cap");
  });

  it("finds the first free commune code of an arrondissement", () => {
    expect(nextFreeCommuneCode("HT053", ["HT0531", "HT0532", "HT0534"])).toBe("HT0533");
    expect(nextFreeCommuneCode("HT053", Array.from({ length: 9 }, (_, i) => `HT053${i + 1}`))).toBeNull();
  });

  it("finds the first free section number", () => {
    expect(nextFreeSectionNumber([])).toBe(1);
    expect(nextFreeSectionNumber([1, 2, 4])).toBe(3);
  });
});
