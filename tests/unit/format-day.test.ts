import { describe, expect, it } from "vitest";
import { formatDate, formatDay } from "../../app/modules/i18n/format";
import { MONTHS_HT } from "../../app/modules/i18n/format-words";

/** Days of the register (seats, memberships, mandates, counts) in the reader's language, never raw. */
describe("formatDay", () => {
  it.each([
    ["2026-12-01", "fr", "1er décembre 2026"],
    ["2026-12-01", "ht", "1 desanm 2026"],
    ["2026-12-31", "fr", "31 décembre 2026"],
    ["2026-01-14", "fr", "14 janvier 2026"],
    ["2026-01-14", "ht", "14 janvye 2026"],
    ["2026-02-07", "fr", "7 février 2026"],
    ["2026-02-07", "ht", "7 fevriye 2026"],
    ["2026-08-15", "fr", "15 août 2026"],
    ["2026-08-15", "ht", "15 out 2026"],
    ["2026-07-01", "ht", "1 jiyè 2026"],
    ["2026-10-18", "ht", "18 oktòb 2026"],
  ] as const)("%s in %s is %s", (day, locale, expected) => {
    expect(formatDay(day, locale)).toBe(expected);
  });

  it("has a Kreyòl name for every month, and writes no ISO date", () => {
    expect(MONTHS_HT).toEqual(["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"]);
    for (let month = 1; month <= 12; month++) {
      const day = `2027-${String(month).padStart(2, "0")}-09`;
      expect(formatDay(day, "ht")).toBe(`9 ${MONTHS_HT[month - 1]} 2027`);
      expect(formatDay(day, "fr")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it("reads a day as written, whatever the time zone (no day shift)", () => {
    // Midnight UTC on 1 December is still 30 November in Port-au-Prince: a day is not an instant.
    expect(formatDay("2026-12-01", "ht")).toBe("1 desanm 2026");
  });

  it("shows what is not a day as it is", () => {
    expect(formatDay("", "fr")).toBe("");
    expect(formatDay("2026-13-01", "fr")).toBe("2026-13-01");
    expect(formatDay("01/12/2026", "ht")).toBe("01/12/2026");
  });

  it("writes an instant's day in Haiti the same way", () => {
    // 2026-12-01 15:00 UTC is 10:00 on 1 December in Port-au-Prince.
    const first = Date.UTC(2026, 11, 1, 15);
    expect(formatDate(first, "fr")).toBe("1er décembre 2026");
    expect(formatDate(first, "ht")).toBe("1 desanm 2026");
    // 2026-12-02 03:00 UTC is still 1 December there.
    expect(formatDate(Date.UTC(2026, 11, 2, 3), "ht")).toBe("1 desanm 2026");
  });
});
