import type { MessageKey } from "../i18n/translate";

/** Every refusal code of the register's commands: organisations, delegates, authorities, spaces. */
export type RegisterCode =
  | "forbidden"
  | "space_not_found"
  | "not_found"
  | "commune_not_found"
  | "section_not_found"
  | "section_outside_territory"
  | "already_member"
  | "not_member"
  | "left_before_joined"
  | "has_history"
  | "archived"
  | "member_elsewhere"
  | "seats_full"
  | "already_seated"
  | "dates_reversed"
  | "email_taken"
  | "phone_taken";

/** Why a register command was refused, in words for the facilitator. */
const MESSAGES: Record<RegisterCode, MessageKey> = {
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
  // Says which spaces: the page fills {spaces} from the memberships it shows.
  member_elsewhere: "organisations.error.memberElsewhere",
  seats_full: "register.error.seatsFull",
  already_seated: "register.error.alreadySeated",
  dates_reversed: "error.datesReversed",
  email_taken: "accounts.error.emailTaken",
  phone_taken: "accounts.error.phoneTaken",
};

export function registerMessage(code: RegisterCode): MessageKey {
  return MESSAGES[code];
}
