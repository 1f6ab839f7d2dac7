import { TIME_ZONE, type Locale } from "./locales";
import { DATE_AT_TIME, MONTHS_FR, MONTHS_HT } from "./format-words";
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
const NUMBERS = new Map<string, Intl.NumberFormat>();

function parts(at: Date | number, formatter: Intl.DateTimeFormat): Record<string, string> {
  return Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day as the register stores it (YYYY-MM-DD: seats, memberships, mandates,
 * counts), written in the reader's language: "1er décembre 2026", "1 desanm 2026". A day has
 * no time zone: it is read as written. What is not such a day is shown as it is.
 */
export function formatDay(isoDate: string, locale: Locale): string {
  const match = CALENDAR_DAY.exec(isoDate);
  const month = match ? Number(match[2]) : 0;
  const day = match ? Number(match[3]) : 0;
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) return isoDate;
  if (locale === "fr") return `${day === 1 ? "1er" : day} ${MONTHS_FR[month - 1]} ${match[1]}`;
  return `${day} ${MONTHS_HT[month - 1]} ${match[1]}`;
}

/** An instant's day in Haiti, written as `formatDay` writes days. */
export function formatDate(at: Date | number, locale: Locale): string {
  const p = parts(at, DAY_PARTS);
  return formatDay(`${p.year}-${p.month!.padStart(2, "0")}-${p.day!.padStart(2, "0")}`, locale);
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
