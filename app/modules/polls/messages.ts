import type { MessageKey } from "../i18n/translate";

/** Why a poll's command was refused: the facilitator's commands, and a voter's ballot. */
export type PollCode =
  | "forbidden"
  | "not_found"
  | "not_live"
  | "poll_open"
  | "motion_not_admitted"
  | "amendments_pending"
  | "poll_closed"
  | "not_phone_poll"
  | "phones_closed"
  | "already_voted"
  | "not_seated"
  | "not_present"
  | "arrived_late"
  | "organisation_represented"
  | "not_hands_poll"
  | "over_limit"
  | "not_whole"
  | "breakdown_mismatch"
  | "not_consensus_poll"
  | "hands_missing"
  | "consensus_missing";

/** What a ballot may be refused for: the reason is shown on the voter's phone. */
export type BallotCode = Extract<
  PollCode,
  "forbidden" | "not_found" | "not_live" | "poll_closed" | "not_phone_poll" | "phones_closed" | "already_voted" | "not_seated" | "not_present" | "arrived_late" | "organisation_represented"
>;

const MESSAGES: Record<PollCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  not_live: "polls.error.notLive",
  poll_open: "polls.error.pollOpen",
  motion_not_admitted: "polls.error.motionNotAdmitted",
  amendments_pending: "polls.error.amendmentsPending",
  poll_closed: "polls.error.closed",
  not_phone_poll: "polls.error.notPhonePoll",
  phones_closed: "polls.error.phonesClosed",
  already_voted: "polls.error.alreadyVoted",
  not_seated: "polls.error.notSeated",
  not_present: "polls.error.notPresent",
  arrived_late: "polls.error.arrivedLate",
  organisation_represented: "polls.error.organisationRepresented",
  not_hands_poll: "polls.error.notHandsPoll",
  over_limit: "polls.error.overLimit",
  not_whole: "error.count",
  breakdown_mismatch: "polls.error.breakdownMismatch",
  not_consensus_poll: "polls.error.notConsensusPoll",
  hands_missing: "polls.error.handsMissing",
  consensus_missing: "polls.error.consensusMissing",
};

export const pollMessage = (code: PollCode): MessageKey => MESSAGES[code];
