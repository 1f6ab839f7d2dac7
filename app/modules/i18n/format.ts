import { TIME_ZONE, type Locale } from "./locales";
import { DATE_AT_TIME, MONTHS_HT } from "./format-words";
import { fill } from "./translate";

/**
 * Dates and numbers for a language, in Haiti's time. Node's ICU has no Kreyòl locale, so
 * Kreyòl takes the fr-HT shapes with Kreyòl month names.
 */
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-HT", ht: "fr-HT" };

// Formatters are made once each: building one costs more than using it, and a page formats
// a time per attendee.
const DAY_PARTS = new Intl.DateTimeFormat("fr-HT", { timeZone: TIME_ZONE, day: "numeric", month: "numeric", year: "numeric" });
const TIME_PARTS = new Intl.DateTimeFormat("fr-HT", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const LONG_DATE_FR = new Intl.DateTimeFormat(INTL_LOCALE.fr, { timeZone: TIME_ZONE, dateStyle: "long" });
const NUMBERS = new Map<string, Intl.NumberFormat>();

function parts(at: Date | number, formatter: Intl.DateTimeFormat): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
}

export function formatDate(at: Date | number, locale: Locale): string {
  if (locale === "fr") {
    return LONG_DATE_FR.format(at);
  }
  const p = parts(at, DAY_PARTS);
  const month = MONTHS_HT[Number(p.month) - 1];
  return `${Number(p.day)} ${month} ${p.year}`;
}

export function formatTime(at: Date | number, _locale: Locale): string {
  const p = parts(at, TIME_PARTS);
  return `${p.hour}:${p.minute}`;
}

export function formatDateTime(at: Date | number, locale: Locale): string {
  return fill(DATE_AT_TIME[locale], { date: formatDate(at, locale), time: formatTime(at, locale) });
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  const key = `${locale}${JSON.stringify(options ?? {})}`;
  let formatter = NUMBERS.get(key);
  if (!formatter) NUMBERS.set(key, (formatter = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return formatter.format(value);
}

/** A duration as m:ss (h:mm:ss past an hour); negative when over time. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, "0")}:${s}` : `${sign}${m}:${s}`;
}
