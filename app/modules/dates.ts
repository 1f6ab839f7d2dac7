import { TIME_ZONE } from "./i18n/locales";

/** The calendar date (YYYY-MM-DD) in Haiti at an instant. */
// Made once: building an Intl formatter costs more than formatting with it, on every request.
const LOCAL_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function localDate(at: number | Date): string {
  return LOCAL_DATE.format(at);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
