import type { Locale } from "./locales";

/** The words date formatting needs in Kreyòl, which Node's ICU does not have (and the pattern in each language). */
export const MONTHS_HT = ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"] as const;
/** French month names, written here too: a day reads the same in the server's and the browser's ICU. */
export const MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

export const DATE_AT_TIME: Record<Locale, string> = { fr: "{date} à {time}", ht: "{date} a {time}" };

/** Each language's own name, as its speakers write it (a language switch shows both). */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "Français", ht: "Kreyòl" };

const WAIT_UNITS: Record<Locale, { seconds: string; minutes: string; hours: string }> = {
  fr: { seconds: "{n} secondes", minutes: "{n} minutes", hours: "{h} h {m} min" },
  ht: { seconds: "{n} segonn", minutes: "{n} minit", hours: "{h} è {m} minit" },
};

/** A wait as people say it: seconds under a minute and a half, then minutes, then hours. */
export function formatWait(seconds: number, locale: Locale): string {
  const units = WAIT_UNITS[locale];
  if (seconds <= 90) return units.seconds.replace("{n}", String(seconds));
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 90) return units.minutes.replace("{n}", String(minutes));
  return units.hours.replace("{h}", String(Math.floor(minutes / 60))).replace("{m}", String(minutes % 60).padStart(2, "0"));
}
