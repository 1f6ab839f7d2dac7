import { localDate } from "../dates";
import type { MeetingStatus } from "./meeting-state";

/** How long after it opened a live meeting still takes arrivals by phone (a long day, not a reopening). */
export const ARRIVALS_AFTER_OPENING_MS = 12 * 3600_000;

/**
 * When a delegate may check herself in from her phone (the meeting's link or QR code): while
 * the meeting runs, or on its planned day in Haiti before it opens. Never once it is closed
 * or cancelled, nor days ahead (a link shared early records no one), nor when a facilitator
 * reopens it days later for corrections (it is live again, but nobody is arriving).
 */
export function openForArrivals(meeting: { status: MeetingStatus; startsAt: number; startedAt: number | null }, now: number): boolean {
  if (meeting.status === "live") return meeting.startedAt === null || now - meeting.startedAt <= ARRIVALS_AFTER_OPENING_MS;
  return meeting.status === "planned" && localDate(meeting.startsAt) === localDate(now);
}

/** The self check-in link of a meeting: short to type, the same on the door page and on paper. */
export const selfCheckInPath = (meetingId: number): string => `/arrivee/${meetingId}`;

export type SelfCheckInState = "ready" | "already" | "not_open" | "not_allowed" | "no_person";

/**
 * What the self check-in page says to who opened it: in order, whether the account is a
 * person of the register, whether that person may attend this space's meetings, whether she
 * is already on the list (said even once the meeting has closed), and whether it is open.
 */
export function selfCheckInState(facts: { hasPerson: boolean; allowed: boolean; present: boolean; open: boolean }): SelfCheckInState {
  if (!facts.hasPerson) return "no_person";
  if (!facts.allowed) return "not_allowed";
  if (facts.present) return "already";
  return facts.open ? "ready" : "not_open";
}
