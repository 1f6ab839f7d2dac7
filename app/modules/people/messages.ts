import type { MessageKey } from "../i18n/translate";

export type LinkCode = "forbidden" | "space_not_found" | "not_found" | "shared_person" | "account_not_found" | "person_linked" | "account_linked" | "not_linked";

/** Why linking a person to an account was refused, in words for the facilitator. */
const LINK_MESSAGES: Record<LinkCode, MessageKey> = {
  forbidden: "error.forbidden",
  space_not_found: "error.notFound",
  not_found: "error.notFound",
  shared_person: "people.error.sharedPerson",
  account_not_found: "people.error.accountNotFound",
  person_linked: "people.error.personLinked",
  account_linked: "people.error.accountLinked",
  not_linked: "people.error.notLinked",
};

export const linkMessage = (code: LinkCode): MessageKey => LINK_MESSAGES[code];

export type ConsentCode = "forbidden" | "space_not_found" | "not_found" | "shared_person";

/** Why recording a person's consent to be named was refused. */
const CONSENT_MESSAGES: Record<ConsentCode, MessageKey> = {
  forbidden: "error.forbidden",
  space_not_found: "error.notFound",
  not_found: "error.notFound",
  shared_person: "people.error.sharedPersonConsent",
};

export const consentMessage = (code: ConsentCode): MessageKey => CONSENT_MESSAGES[code];
