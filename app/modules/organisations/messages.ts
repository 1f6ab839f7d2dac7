import type { MessageKey } from "../i18n/translate";

/** Messages for every refusal code of the register commands (organisations, delegates, authorities, spaces) and of meetings. */
const MESSAGES: Record<string, MessageKey> = {
  forbidden: "error.forbidden",
  space_not_found: "error.notFound",
  not_found: "error.notFound",
  commune_not_found: "spaces.error.commune",
  section_not_found: "spaces.error.section",
  section_outside_territory: "register.error.sectionOutside",
  already_member: "register.error.alreadyMember",
  not_member: "register.error.notMember",
  left_before_joined: "register.error.leftBeforeJoined",
  has_history: "register.error.hasHistory",
  archived: "register.error.archived",
  seats_full: "register.error.seatsFull",
  already_seated: "register.error.alreadySeated",
  dates_reversed: "error.datesReversed",
  email_taken: "accounts.error.emailTaken",
  phone_taken: "accounts.error.phoneTaken",
  wrong_state: "meetings.error.wrongState",
  already_present: "attendance.error.alreadyPresent",
  locked: "attendance.locked",
  has_spoken: "attendance.error.hasSpoken",
  current_item: "agenda.error.currentItem",
};

export function registerMessage(code: string): MessageKey {
  return MESSAGES[code] ?? "error.invalid";
}
