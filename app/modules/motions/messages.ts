import type { MessageKey } from "../i18n/translate";

export type MotionCode =
  | "forbidden"
  | "not_found"
  | "wrong_state"
  | "not_allowed"
  | "amendments_pending"
  | "authority_not_found"
  | "not_member"
  | "own_organisation"
  | "already_invited"
  | "not_invited"
  | "already_answered"
  | "no_such_paragraph"
  | "paragraph_changed"
  | "unchanged"
  | "meeting_closed"
  | "motion_not_admitted"
  | "meeting_not_held"
  | "poll_not_found"
  | "poll_open"
  | "poll_mismatch"
  | "not_section"
  | "not_commune_space"
  | "already_forwarded";

/** Why a motion command was refused, in words for the delegate or the facilitator. */
const MESSAGES: Record<MotionCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  wrong_state: "motions.error.wrongState",
  // The state machine's "not your move": the command chose the side, so it is a refusal of rights.
  not_allowed: "error.forbidden",
  amendments_pending: "motions.error.amendmentsPending",
  authority_not_found: "motions.error.authority",
  not_member: "motions.error.notMember",
  own_organisation: "motions.error.ownOrganisation",
  already_invited: "motions.error.alreadyInvited",
  not_invited: "motions.error.notInvited",
  already_answered: "motions.error.alreadyAnswered",
  no_such_paragraph: "motions.error.noSuchParagraph",
  paragraph_changed: "motions.error.paragraphChanged",
  unchanged: "motions.error.unchanged",
  meeting_closed: "motions.error.meetingClosed",
  motion_not_admitted: "motions.error.motionNotAdmitted",
  meeting_not_held: "motions.error.meetingNotHeld",
  poll_not_found: "motions.error.pollNotFound",
  poll_open: "motions.error.pollOpen",
  poll_mismatch: "motions.error.pollMismatch",
  not_section: "motions.error.notSection",
  not_commune_space: "motions.error.notCommuneSpace",
  already_forwarded: "motions.error.alreadyForwarded",
};

export const motionMessage = (code: MotionCode): MessageKey => MESSAGES[code];
