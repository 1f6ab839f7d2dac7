import type { MessageKey } from "../i18n/translate";

export type AccountCode =
  | "forbidden"
  | "email_taken"
  | "phone_taken"
  | "space_required"
  | "space_not_found"
  | "grant_exists"
  | "not_found"
  | "last_admin";

export function accountMessage(code: AccountCode): MessageKey {
  const keys: Record<AccountCode, MessageKey> = {
    forbidden: "error.forbidden",
    email_taken: "accounts.error.emailTaken",
    phone_taken: "accounts.error.phoneTaken",
    space_required: "accounts.error.spaceRequired",
    space_not_found: "error.space",
    grant_exists: "accounts.error.grantExists",
    not_found: "error.notFound",
    last_admin: "accounts.error.lastAdmin",
  };
  return keys[code];
}
