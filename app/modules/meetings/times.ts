import { TIME_ZONE } from "../i18n/locales";

/**
 * Haiti's wall-clock time ("2026-11-22T14:30", as a datetime-local field gives it) to an
 * instant, and back. Haiti observes daylight saving, so the offset is looked up per date.
 */
const WALL_CLOCK = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

function offsetMinutes(at: number): number {
  const parts = Object.fromEntries(
    WALL_CLOCK
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

export function fromLocalDateTime(value: string): number {
  const [date, time] = value.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  const [h, min] = time!.split(":").map(Number);
  const guess = Date.UTC(y!, m! - 1, d!, h!, min!);
  // Two passes settle the offset around a daylight-saving change.
  const first = guess - offsetMinutes(guess) * 60_000;
  return guess - offsetMinutes(first) * 60_000;
}

export function toLocalDateTime(at: number): string {
  const local = new Date(at + offsetMinutes(at) * 60_000);
  return local.toISOString().slice(0, 16);
}
