import { describe, expect, it } from "vitest";
import { searchKey, searchKeyWithAliases } from "../../app/modules/geography/search-key";

describe("searchKey", () => {
  it("drops accents, case, hyphens and apostrophes", () => {
    expect(searchKey("Cap-Haïtien")).toBe("cap haitien");
    expect(searchKey("  L'Acul ")).toBe("l acul");
    expect(searchKey("Savane-à-Roche")).toBe("savane a roche");
    expect(searchKey("Bino (Première Plaine)")).toBe("bino premiere plaine");
  });

  it("makes a typed query and the stored name meet", () => {
    expect(searchKey("cap haitien")).toBe(searchKey("Cap-Haïtien"));
    expect(searchKey("CAP   HAÏTIEN")).toBe(searchKey("Cap-Haïtien"));
  });

  it("keeps other spellings searchable", () => {
    const key = searchKeyWithAliases("Petit Anse", ["Petite Anse", "Petite-Anse"]);
    expect(key.includes(searchKey("Petite Anse"))).toBe(true);
    expect(key.split("|")).toEqual(["petit anse", "petite anse", "petite anse"]);
  });
});
