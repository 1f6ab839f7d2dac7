import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import { checkbox, isoDate, optionalPhone, optionalText, requiredText, type Parsed } from "../forms";
import { MIN_PASSWORD_LENGTH } from "../users/users.schemas";
import { AGE_GROUP_IDS, type AgeGroupId } from "./age-groups";
import { SEXES } from "./sex";

export const PersonSchema = z.object({
  name: requiredText(120),
  sex: z.union([z.literal(""), z.enum(SEXES)], { error: "error.invalid" }).transform((v) => v || null),
  birthYear: optionalText(4).transform((v, ctx) => {
    if (v === undefined) return null;
    const year = Number(v);
    if (!/^\d{4}$/.test(v) || year < 1900 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "error.year" });
      return z.NEVER;
    }
    return year;
  }),
  ageGroup: z.union([z.literal(""), z.enum(AGE_GROUP_IDS as [AgeGroupId, ...AgeGroupId[]])], { error: "error.invalid" }).optional().transform((v) => v || null),
  disability: checkbox,
  /** Agreed to be named on public pages (minors never are, whatever this says). */
  namedPublicly: checkbox,
  phone: optionalPhone,
  preferredLanguage: z.union([z.literal(""), z.enum(LOCALES)], { error: "error.invalid" }).optional().transform((v) => v || null),
});

/** The optional account made in the same step as the person (a delegate's or an official's). */
export const AccountFieldsSchema = z.object({
  createAccount: checkbox,
  accountEmail: optionalText(200).pipe(z.email({ error: "error.email" }).transform((e) => e.toLowerCase()).optional()),
  accountPassword: z.string().optional().default(""),
});

export const DelegateSchema = PersonSchema.extend(AccountFieldsSchema.shape).extend({
  organisationId: z.coerce.number({ error: "delegates.error.organisation" }).int().positive({ error: "delegates.error.organisation" }),
  seat: z.enum(["titular", "substitute"], { error: "error.invalid" }),
  fromDate: isoDate,
}).superRefine((v, ctx) => accountRefinement(v, ctx));

export function accountRefinement(v: { createAccount: boolean; accountEmail?: string; phone?: string; accountPassword: string }, ctx: z.RefinementCtx) {
  if (!v.createAccount) return;
  if (!v.accountEmail && !v.phone) ctx.addIssue({ code: "custom", path: ["accountEmail"], message: "error.emailOrPhone" });
  if (v.accountPassword.length < MIN_PASSWORD_LENGTH) ctx.addIssue({ code: "custom", path: ["accountPassword"], message: "error.passwordTooShort" });
}

/**
 * A person as the register takes it: what the person fields of a form give once parsed.
 * Consent to be named publicly is false unless given.
 */
export type PersonInput = Omit<Parsed<typeof PersonSchema>, "namedPublicly"> & { namedPublicly?: boolean };

export interface AccountFields {
  createAccount: boolean;
  accountEmail?: string;
  accountPassword: string;
}

/** A person's consent to be named publicly, given or withdrawn on their page (the box unticked withdraws it). */
export const ConsentSchema = z.object({ namedPublicly: checkbox });
export type Consent = z.infer<typeof ConsentSchema>;
