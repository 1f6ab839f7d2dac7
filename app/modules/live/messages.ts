import type { MessageKey } from "../i18n/translate";
import type { QueueCode } from "./queue";

export type LiveCode = QueueCode | "forbidden" | "not_found" | "not_live" | "not_present" | "not_in_agenda" | "not_reviewing" | "commitment_not_found" | "commitment_not_public";

/** Why a live action was refused, in words for the person who tried it. */
const MESSAGES: Record<LiveCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "live.error.notFound",
  not_live: "live.error.notLive",
  not_present: "live.error.notPresent",
  not_in_agenda: "live.error.notFound",
  already_waiting: "live.error.alreadyWaiting",
  not_requested: "live.error.notRequested",
  not_waiting: "live.error.notWaiting",
  not_queued: "live.error.notQueued",
  no_turn_running: "live.error.noTurnRunning",
  not_withdrawn: "live.error.notWithdrawn",
  not_reviewing: "commitments.review.error.notReviewing",
  commitment_not_found: "commitments.review.error.notFound",
  commitment_not_public: "commitments.review.error.notPublic",
};

export function liveMessage(code: LiveCode): MessageKey {
  return MESSAGES[code];
}

/** The same refusals said to the delegate herself, on her phone: "you", not "this person". */
const TO_THE_DELEGATE: Partial<Record<LiveCode, MessageKey>> = {
  already_waiting: "live.error.youAreWaiting",
  not_present: "live.error.youAreNotPresent",
};

export function delegateMessage(code: LiveCode): MessageKey {
  return TO_THE_DELEGATE[code] ?? MESSAGES[code];
}
