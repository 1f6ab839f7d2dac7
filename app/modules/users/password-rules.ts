/** The shortest password an account may have (forms say it, the schema checks it). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest (hashing cost is per character). */
export const MAX_PASSWORD_LENGTH = 200;

export type NewPasswordRefusal = "password_too_short" | "password_too_long" | "password_mismatch" | "password_unchanged";

/**
 * Whether a new password may be set: long enough, not too long, typed the same twice, and —
 * when the user changes their own — not the one it replaces (a change that changes nothing
 * would still sign the other devices out and leave a guessed password in place).
 */
export function checkNewPassword(input: { newPassword: string; confirmPassword: string; currentPassword?: string }): NewPasswordRefusal | null {
  if ([...input.newPassword].length < MIN_PASSWORD_LENGTH) return "password_too_short";
  if ([...input.newPassword].length > MAX_PASSWORD_LENGTH) return "password_too_long";
  if (input.newPassword !== input.confirmPassword) return "password_mismatch";
  if (input.currentPassword !== undefined && input.currentPassword.normalize("NFC") === input.newPassword.normalize("NFC")) return "password_unchanged";
  return null;
}
