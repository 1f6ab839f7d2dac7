/** A meeting's life: planned → live → closed, or cancelled before it starts. */
export const MEETING_STATUSES = ["planned", "live", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingEvent = "start" | "close" | "cancel";

const TRANSITIONS: Record<MeetingStatus, Partial<Record<MeetingEvent, MeetingStatus>>> = {
  planned: { start: "live", cancel: "cancelled" },
  live: { close: "closed" },
  closed: {},
  cancelled: {},
};

export function nextStatus(status: MeetingStatus, event: MeetingEvent): MeetingStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The plan (date, place, agenda) can change until the meeting closes. */
export function canEditPlan(status: MeetingStatus): boolean {
  return status === "planned" || status === "live";
}

/** Attendance is taken at the door before the start and during the meeting; closing locks it. */
export function canRecordAttendance(status: MeetingStatus): boolean {
  return status === "planned" || status === "live";
}

/** Who may change the attendance list: its facilitators while it is open, an admin after closing. */
export function canChangeAttendance(status: MeetingStatus, who: { admin: boolean }): boolean {
  return canRecordAttendance(status) || (status === "closed" && who.admin);
}
