import { describe, expect, it } from "vitest";
import { fr } from "../../app/modules/i18n/fr";
import { ht } from "../../app/modules/i18n/ht";
import { formatDate, formatDateTime, formatNumber, formatTime } from "../../app/modules/i18n/format";
import { chooseLocale, fromAcceptLanguage } from "../../app/modules/i18n/negotiate";
import { translate } from "../../app/modules/i18n/translate";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  it("have the same keys, no empty text, and the same placeholders", () => {
    expect(Object.keys(ht).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(ht[key].trim(), key).not.toBe("");
      expect(placeholders(ht[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translate("fr", "signIn.throttled", { seconds: 8 })).toBe("Trop d'essais. Réessayez dans 8 secondes.");
    expect(translate("ht", "signIn.throttled", { seconds: 8 })).toBe("Twòp esè. Eseye ankò nan 8 segonn.");
  });
});

describe("choosing the language", () => {
  it("prefers the user's setting, then the cookie, then the browser, then French", () => {
    expect(chooseLocale({ userLocale: "ht", cookieLocale: "fr", acceptLanguage: "fr" })).toBe("ht");
    expect(chooseLocale({ userLocale: null, cookieLocale: "ht", acceptLanguage: "fr" })).toBe("ht");
    expect(chooseLocale({ acceptLanguage: "ht-HT,ht;q=0.9,fr;q=0.8" })).toBe("ht");
    expect(chooseLocale({ cookieLocale: "xx", acceptLanguage: "en-US,en;q=0.9" })).toBe("fr");
    expect(chooseLocale({})).toBe("fr");
  });

  it("reads Accept-Language by quality", () => {
    expect(fromAcceptLanguage("fr;q=0.5, ht;q=0.9")).toBe("ht");
    expect(fromAcceptLanguage("en, fr-HT;q=0.8")).toBe("fr");
    expect(fromAcceptLanguage("ht;q=0, fr;q=0.1")).toBe("fr");
    expect(fromAcceptLanguage("en")).toBeNull();
  });
});

describe("formatting", () => {
  // 2026-01-15 03:30 UTC is 22:30 on 14 January in Port-au-Prince (UTC−5 in winter).
  const winter = Date.UTC(2026, 0, 15, 3, 30);
  // 2026-07-04 16:05 UTC is 12:05 in Port-au-Prince (UTC−4 in summer).
  const summer = Date.UTC(2026, 6, 4, 16, 5);

  it("shows dates in Haiti's time, with daylight saving", () => {
    expect(formatDate(winter, "fr")).toBe("14 janvier 2026");
    expect(formatTime(winter, "fr")).toBe("22:30");
    expect(formatTime(summer, "ht")).toBe("12:05");
  });

  it("writes Kreyòl month names", () => {
    expect(formatDate(winter, "ht")).toBe("14 janvye 2026");
    expect(formatDateTime(summer, "ht")).toBe("4 jiyè 2026 a 12:05");
    expect(formatDateTime(summer, "fr")).toBe("4 juillet 2026 à 12:05");
  });

  it("groups thousands the French way in both languages", () => {
    expect(formatNumber(1234567, "fr").replace(/\s/g, " ")).toBe("1 234 567");
    expect(formatNumber(1234.5, "ht").replace(/\s/g, " ")).toBe("1 234,5");
  });
});
