import type { Locale } from "../i18n/locales";
import { searchKey } from "./search-key";

/**
 * Names of places as each language writes them. The reference data keeps the official French
 * ("1re section Basse Plaine", "Nord-Est"); the Kreyòl pages say "1ye seksyon Basse Plaine",
 * "Nòdès". Pure: no data is changed, only what a page shows.
 */
const DEPARTMENTS: Record<string, { fr: string; ht: string }> = {
  HT01: { fr: "Ouest", ht: "Lwès" },
  HT02: { fr: "Sud-Est", ht: "Sidès" },
  HT03: { fr: "Nord", ht: "Nò" },
  HT04: { fr: "Nord-Est", ht: "Nòdès" },
  HT05: { fr: "Artibonite", ht: "Latibonit" },
  HT06: { fr: "Centre", ht: "Sant" },
  HT07: { fr: "Sud", ht: "Sid" },
  HT08: { fr: "Grand'Anse", ht: "Grandans" },
  HT09: { fr: "Nord-Ouest", ht: "Nòdwès" },
  HT10: { fr: "Nippes", ht: "Nip" },
};

const BY_FRENCH_NAME = new Map(Object.values(DEPARTMENTS).map((d) => [searchKey(d.fr), d.ht]));
BY_FRENCH_NAME.set(searchKey("Grande'Anse"), "Grandans");

/** A department's name in the reader's language, from its French name (as stored); an unknown name is kept. */
export function departmentLabel(name: string, locale: Locale): string {
  if (locale === "fr") return name;
  return BY_FRENCH_NAME.get(searchKey(name)) ?? name;
}

/** "1re", "2e" in French; "1ye", "2yèm" in Kreyòl. */
export function sectionOrdinal(number: number, locale: Locale): string {
  if (locale === "ht") return number === 1 ? "1ye" : `${number}yèm`;
  return number === 1 ? "1re" : `${number}e`;
}

/** "1re section Basse Plaine" → "1ye seksyon Basse Plaine"; anything else is kept as it is. */
export function sectionLabel(label: string, locale: Locale): string {
  if (locale === "fr") return label;
  const match = /^(\d{1,2})\s*(?:re|ère|er|e|ème)\s+section(\b.*)$/i.exec(label.trim());
  if (!match) return label;
  return `${sectionOrdinal(Number(match[1]), "ht")} seksyon${match[2]}`;
}
