/** A meeting's life: planned → live → closed, or cancelled before it starts; a closed meeting may be reopened. */
export const MEETING_STATUSES = ["planned", "live", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingEvent = "start" | "close" | "cancel" | "reopen";

const TRANSITIONS: Record<MeetingStatus, Partial<Record<MeetingEvent, MeetingStatus>>> = {
  planned: { start: "live", cancel: "cancelled" },
  live: { close: "closed" },
  // Reopened for corrections: back to live, in the same session (its turns and screen link kept).
  closed: { reopen: "live" },
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

/** How long after closing a facilitator may reopen a meeting for corrections; an admin may after it. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3600_000;

export type ReopenRefusal = "wrong_state" | "reopen_expired" | "minutes_approved";

/**
 * Whether a closed meeting may be reopened, and why not: only while its minutes are not
 * approved (approved minutes are the record), by a facilitator within the window after
 * closing, by an administrator at any time.
 */
export function reopenRefusal(
  meeting: { status: MeetingStatus; closedAt: number | null; minutesApprovedAt: number | null },
  who: { admin: boolean },
  now: number,
): ReopenRefusal | null {
  if (meeting.status !== "closed") return "wrong_state";
  if (meeting.minutesApprovedAt !== null) return "minutes_approved";
  if (who.admin) return null;
  if (meeting.closedAt === null || now - meeting.closedAt > REOPEN_WINDOW_MS) return "reopen_expired";
  return null;
}

/** Until when a facilitator may reopen a meeting closed at `closedAt`. */
export function reopenDeadline(closedAt: number): number {
  return closedAt + REOPEN_WINDOW_MS;
}

/** The minutes are written before and during the meeting, and after it until they are approved. */
export function minutesWritable(meeting: { status: MeetingStatus; minutesApprovedAt: number | null }): boolean {
  if (meeting.status === "cancelled") return false;
  return meeting.minutesApprovedAt === null;
}

export type ApprovalRefusal = "wrong_state" | "minutes_approved" | "not_on_agenda";

/**
 * Whether a meeting's minutes may be approved: once it is closed and not already. Approved
 * at a later meeting, that meeting must be of the same space, running, and hold an item of
 * approval of minutes on its agenda.
 */
export function approvalRefusal(
  target: { id: number; spaceId: number; status: MeetingStatus; minutesApprovedAt: number | null },
  at: { id: number; spaceId: number; status: MeetingStatus; hasApprovalItem: boolean } | null,
): ApprovalRefusal | null {
  if (target.status !== "closed") return "wrong_state";
  if (target.minutesApprovedAt !== null) return "minutes_approved";
  if (at) {
    if (at.id === target.id || at.spaceId !== target.spaceId || at.status !== "live") return "wrong_state";
    if (!at.hasApprovalItem) return "not_on_agenda";
  }
  return null;
}
