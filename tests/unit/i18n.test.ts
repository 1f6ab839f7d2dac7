import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CATALOGS, isMessageKey, messagesFor, translate } from "../../app/modules/i18n/catalog.server";
import type { Catalog } from "../../app/modules/i18n/catalog";
import { formatDate, formatDateTime, formatNumber, formatTime } from "../../app/modules/i18n/format";
import { chooseLocale, fromAcceptLanguage } from "../../app/modules/i18n/negotiate";
import { domainsForPath } from "../../app/modules/i18n/page-domains";
import { translatorOf } from "../../app/modules/i18n/translate";
import { formatWait } from "../../app/modules/i18n/format-words";
import { ROOT } from "../setup/root";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe("the domains' catalogs", () => {
  it("give every key both languages, no empty text, the same placeholders, and each key to one domain only", () => {
    const seen = new Map<string, string>();
    for (const [domain, catalog] of Object.entries(CATALOGS) as [string, Catalog][]) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(seen.get(key), `${key} in ${domain}`).toBeUndefined();
        seen.set(key, domain);
        expect(text.fr.trim(), key).not.toBe("");
        expect(text.ht.trim(), key).not.toBe("");
        expect(placeholders(text.ht), key).toEqual(placeholders(text.fr));
      }
    }
    expect(seen.size).toBeGreaterThan(500);
  });

  it("have every message the schemas give their errors", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(ROOT, "app"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/(?:error|message): "([a-zA-Z]+(?:\.[\w-]+)+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("hand a page its domains in its language only", () => {
    const live = messagesFor("ht", domainsForPath("/espaces/1/reunions/4/direct"));
    expect(live["live.askToSpeak"]).toBe(translate("ht", "live.askToSpeak"));
    // The phone gets neither the console's words nor the register's.
    expect(live["console.title"]).toBeUndefined();
    expect(live["import.title"]).toBeUndefined();
    expect(messagesFor("fr", domainsForPath("/espaces/1/reunions/4/console"))["console.title"]).toBe("Console d'animation");
    expect(Object.values(live)).not.toContain(translate("fr", "live.askToSpeak"));
    // A key a page was not given shows as such, so a sweep of the pages can find it.
    expect(translatorOf(live)("import.title")).toBe("⟦import.title⟧");
  });

  it("fills placeholders, with a wait said as people say it", () => {
    expect(translate("fr", "signIn.throttled", { wait: formatWait(8, "fr") })).toBe("Trop d'essais. Réessayez dans 8 secondes.");
    expect(translate("ht", "signIn.throttled", { wait: formatWait(8, "ht") })).toBe("Twòp esè. Eseye ankò nan 8 segonn.");
    expect([formatWait(90, "fr"), formatWait(91, "fr"), formatWait(900, "ht"), formatWait(14_400, "fr"), formatWait(6_000, "ht")]).toEqual(["90 secondes", "2 minutes", "15 minit", "4 h 00 min", "1 è 40 minit"]);
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
