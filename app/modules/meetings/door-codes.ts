import type { MessageKey } from "../i18n/translate";

/**
 * Why the door's other ways in were refused (self check-in, headcount, paper entry), each
 * code with its message in both languages: `tsc` fails when a code has none.
 */
export type SelfCheckInCode = "not_found" | "no_person" | "not_allowed" | "not_open" | "already_present";
export type HeadcountCode = "forbidden" | "not_found" | "locked" | "nothing_to_undo" | "has_spoken";
export type PaperCode = "forbidden" | "not_found" | "locked" | "bad_lines" | "not_candidate";

const SELF: Record<SelfCheckInCode, MessageKey> = {
  not_found: "error.notFound",
  no_person: "arrival.noPerson",
  not_allowed: "arrival.notAllowed",
  not_open: "arrival.notOpen",
  already_present: "arrival.already",
};

const HEADCOUNT: Record<HeadcountCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  locked: "attendance.locked",
  nothing_to_undo: "headcount.nothingToUndo",
  has_spoken: "attendance.error.hasSpoken",
};

const PAPER: Record<PaperCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  locked: "attendance.locked",
  bad_lines: "paper.badLines",
  not_candidate: "paper.notCandidate",
};

export const selfCheckInMessage = (code: SelfCheckInCode): MessageKey => SELF[code];
export const headcountMessage = (code: HeadcountCode): MessageKey => HEADCOUNT[code];
export const paperMessage = (code: PaperCode): MessageKey => PAPER[code];
