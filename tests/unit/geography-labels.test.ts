import { describe, expect, it } from "vitest";
import { departmentLabel, sectionLabel, sectionOrdinal } from "../../app/modules/geography/labels";

describe("place names in the reader's language", () => {
  it.each([
    ["Ouest", "Lwès"],
    ["Sud-Est", "Sidès"],
    ["Nord", "Nò"],
    ["Nord-Est", "Nòdès"],
    ["Artibonite", "Latibonit"],
    ["Centre", "Sant"],
    ["Sud", "Sid"],
    ["Grand'Anse", "Grandans"],
    ["Grande'Anse", "Grandans"],
    ["Nord-Ouest", "Nòdwès"],
    ["Nippes", "Nip"],
    ["nord est", "Nòdès"],
  ])("department %s is %s in Kreyòl, and stays French in French", (fr, ht) => {
    expect(departmentLabel(fr, "ht")).toBe(ht);
    expect(departmentLabel(fr, "fr")).toBe(fr);
  });

  it("keeps a department it does not know", () => {
    expect(departmentLabel("Atlantide", "ht")).toBe("Atlantide");
  });

  it.each([
    [1, "1re", "1ye"],
    [2, "2e", "2yèm"],
    [3, "3e", "3yèm"],
    [10, "10e", "10yèm"],
  ])("section ordinal %i: %s / %s", (n, fr, ht) => {
    expect(sectionOrdinal(n, "fr")).toBe(fr);
    expect(sectionOrdinal(n, "ht")).toBe(ht);
  });

  it.each([
    ["1re section Basse Plaine", "1ye seksyon Basse Plaine"],
    ["2e section Bois de Lance", "2yèm seksyon Bois de Lance"],
    ["3e section Roucou", "3yèm seksyon Roucou"],
    ["2ème section Fond Melon (Selle)", "2yèm seksyon Fond Melon (Selle)"],
    ["Quartier urbain", "Quartier urbain"],
  ])("section label %s", (fr, ht) => {
    expect(sectionLabel(fr, "ht")).toBe(ht);
    expect(sectionLabel(fr, "fr")).toBe(fr);
  });
});
