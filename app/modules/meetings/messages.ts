import type { MessageKey } from "../i18n/translate";

export type MeetingCode = "forbidden" | "not_found" | "wrong_state" | "already_present" | "locked" | "not_member" | "has_spoken" | "current_item" | "not_facilitator" | "reopen_expired" | "minutes_approved" | "not_on_agenda" | "already_on_agenda" | "poll_open";

/** Why a meeting command was refused, in words for the facilitator. */
const MESSAGES: Record<MeetingCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  wrong_state: "meetings.error.wrongState",
  already_present: "attendance.error.alreadyPresent",
  locked: "attendance.locked",
  not_member: "register.error.notMember",
  has_spoken: "attendance.error.hasSpoken",
  current_item: "agenda.error.currentItem",
  not_facilitator: "meetings.error.notFacilitator",
  reopen_expired: "meetings.error.reopenExpired",
  minutes_approved: "meetings.error.minutesApproved",
  not_on_agenda: "meetings.error.notOnAgenda",
  already_on_agenda: "meetings.error.alreadyOnAgenda",
  poll_open: "meetings.error.pollOpen",
};

export const meetingMessage = (code: MeetingCode): MessageKey => MESSAGES[code];
