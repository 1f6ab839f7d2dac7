import { TIME_ZONE } from "./i18n/locales";

/** The calendar date (YYYY-MM-DD) in Haiti at an instant. */
export function localDate(at: number | Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
