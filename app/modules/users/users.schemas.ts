import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-rules";
import { ROLES, type Role } from "../auth/roles";
import { LOCALES, type Locale } from "../i18n/locales";
import { optionalPhone, optionalText, requiredText } from "../forms";

export { MIN_PASSWORD_LENGTH };

const role = z.enum(ROLES as [string, ...string[]], { error: "error.role" }).transform((r) => r as (typeof ROLES)[number]);
const optionalSpaceId = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: "error.space" });
      return z.NEVER;
    }
    return n;
  });

export const CreateAccountSchema = z
  .object({
    name: requiredText(120),
    email: optionalText(200).pipe(z.email({ error: "error.email" }).transform((e) => e.toLowerCase()).optional()),
    phone: optionalPhone,
    password: z.string().min(MIN_PASSWORD_LENGTH, { error: "error.passwordTooShort" }).max(200, { error: "error.tooLong" }),
    role,
    spaceId: optionalSpaceId,
    locale: z
      .union([z.literal(""), z.enum(LOCALES)], { error: "error.invalid" })
      .optional()
      .transform((v) => v || undefined),
  })
  .superRefine((value, ctx) => {
    if (!value.email && !value.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "error.emailOrPhone" });
  });
export interface CreateAccount {
  name: string;
  email?: string;
  phone?: string;
  password: string;
  role: Role;
  spaceId?: number;
  locale?: Locale;
}

export const GrantRoleSchema = z.object({
  userId: z.string().min(1),
  role,
  spaceId: optionalSpaceId,
});

export const RevokeRoleSchema = z.object({
  grantId: z.coerce.number().int().positive(),
});
export interface GrantRole {
  userId: string;
  role: Role;
  spaceId?: number;
}

/** A password field as typed: its rules (length, typed twice) are checked by the command. */
const typedPassword = z.string({ error: "error.required" }).min(1, { error: "error.required" }).max(1_000, { error: "error.tooLong" });

export const ChangePasswordSchema = z.object({
  currentPassword: typedPassword,
  newPassword: typedPassword,
  confirmPassword: z.string().max(1_000, { error: "error.tooLong" }).default(""),
});
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;

export const ResetPasswordSchema = z.object({
  newPassword: typedPassword,
  confirmPassword: z.string().max(1_000, { error: "error.tooLong" }).default(""),
});
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

export const SignInSchema = z.object({
  identifier: requiredText(200),
  password: z.string().min(1, { error: "error.required" }).max(200, { error: "error.tooLong" }),
});
