export type SeatKind = "titular" | "substitute";

export interface SeatRules {
  titularSeats: number;
  substituteSeats: number;
}

export interface SeatPeriod {
  organisationId: number;
  personId: number;
  seat: SeatKind;
  fromDate: string;
  toDate: string | null;
}

/** Whether a seat is held on a date (YYYY-MM-DD, inclusive bounds). */
export function heldOn(seat: Pick<SeatPeriod, "fromDate" | "toDate">, date: string): boolean {
  return seat.fromDate <= date && (seat.toDate === null || seat.toDate >= date);
}

/** Two periods overlap when each starts before the other ends. */
function overlaps(a: Pick<SeatPeriod, "fromDate" | "toDate">, b: Pick<SeatPeriod, "fromDate" | "toDate">): boolean {
  return a.fromDate <= (b.toDate ?? "9999-12-31") && b.fromDate <= (a.toDate ?? "9999-12-31");
}

export type SeatRefusal = "seats_full" | "already_seated" | "dates_reversed";

/**
 * Whether an organisation may seat this person for this period: the space's rules say how
 * many titular and substitute seats each organisation has, and a person holds one seat at a time.
 */
export function checkSeat(rules: SeatRules, existing: readonly SeatPeriod[], wanted: SeatPeriod): SeatRefusal | null {
  if (wanted.toDate !== null && wanted.toDate < wanted.fromDate) return "dates_reversed";
  const overlapping = existing.filter((s) => overlaps(s, wanted));
  if (overlapping.some((s) => s.personId === wanted.personId)) return "already_seated";
  const limit = wanted.seat === "titular" ? rules.titularSeats : rules.substituteSeats;
  const taken = overlapping.filter((s) => s.organisationId === wanted.organisationId && s.seat === wanted.seat).length;
  return taken >= limit ? "seats_full" : null;
}
