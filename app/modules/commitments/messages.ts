import type { MessageKey } from "../i18n/translate";

export type CommitmentCode =
  | "forbidden"
  | "not_found"
  | "space_not_found"
  | "authority_not_found"
  | "official_not_found"
  | "responsible_required"
  | "motion_not_found"
  | "meeting_not_found"
  | "meeting_not_held"
  | "section_outside"
  | "due_before_pledge"
  | "not_allowed"
  | "wrong_state"
  | "reason_required"
  | "already_answered"
  | "not_seated"
  | "due_date_required"
  | "same_due_date"
  | "nothing_to_say";

/** Why a commitment command was refused, in words for the official, the delegate or the facilitator. */
const MESSAGES: Record<CommitmentCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  space_not_found: "error.space",
  authority_not_found: "commitments.error.authority",
  official_not_found: "commitments.error.official",
  responsible_required: "commitments.error.responsible",
  motion_not_found: "commitments.error.motion",
  meeting_not_found: "commitments.error.meeting",
  meeting_not_held: "commitments.error.meetingNotHeld",
  section_outside: "commitments.error.section",
  due_before_pledge: "commitments.error.dueBeforePledge",
  not_allowed: "commitments.error.notAllowed",
  wrong_state: "commitments.error.wrongState",
  reason_required: "commitments.error.reason",
  already_answered: "commitments.error.alreadyAnswered",
  not_seated: "commitments.error.notSeated",
  due_date_required: "commitments.error.dueDateRequired",
  same_due_date: "commitments.error.sameDueDate",
  nothing_to_say: "commitments.error.nothingToSay",
};

export const commitmentMessage = (code: CommitmentCode): MessageKey => MESSAGES[code];
