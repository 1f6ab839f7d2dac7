import type { MessageKey } from "../i18n/translate";

export type AccountCode =
  | "forbidden"
  | "email_taken"
  | "phone_taken"
  | "space_required"
  | "space_not_found"
  | "grant_exists"
  | "not_found"
  | "last_admin"
  | "own_account"
  | "wrong_password"
  | "throttled"
  | "password_too_short"
  | "password_too_long"
  | "password_mismatch"
  | "password_unchanged";

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
    own_account: "accounts.error.ownAccount",
    wrong_password: "accounts.error.wrongPassword",
    throttled: "signIn.throttled",
    password_too_short: "error.passwordTooShort",
    password_too_long: "error.tooLong",
    password_mismatch: "accounts.error.passwordMismatch",
    password_unchanged: "accounts.error.passwordUnchanged",
  };
  return keys[code];
}
