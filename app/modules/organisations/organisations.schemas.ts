import { z } from "zod";
import { checkbox, isoDate, optionalPhone, optionalText, requiredText, type Parsed } from "../forms";
import { AGE_GROUP_IDS, type AgeGroupId } from "../people/age-groups";
import { ORGANISATION_TYPES } from "./types";

export const optionalCount = optionalText(7).transform((v, ctx) => {
  if (v === undefined) return undefined;
  if (!/^\d{1,6}$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "error.count" });
    return z.NEVER;
  }
  return Number(v);
});

/** How one space reaches an organisation: kept by each space for itself, never shared. */
export const ContactSchema = z.object({
  contactName: optionalText(120),
  phone: optionalPhone,
  email: optionalText(200).pipe(z.email({ error: "error.email" }).optional()),
});

/** A space's own contact for an organisation: the contact form once parsed. */
export type ContactInput = Parsed<typeof ContactSchema>;

/**
 * The organisation as the register form sends it: the shared record (name … led by a young
 * person), which every space it belongs to shows, and this space's own contact.
 */
export const OrganisationSchema = ContactSchema.extend({
  name: requiredText(160),
  acronym: optionalText(30),
  type: z.enum(ORGANISATION_TYPES, { error: "organisations.error.type" }),
  sectionCode: optionalText(12),
  yearFounded: optionalText(4).transform((v, ctx) => {
    if (v === undefined) return undefined;
    const year = Number(v);
    if (!/^\d{4}$/.test(v) || year < 1900 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "error.year" });
      return z.NEVER;
    }
    return year;
  }),
  legallyRecognised: checkbox,
  ledByWoman: checkbox,
  ledByYouth: checkbox,
});

/** An organisation as the register takes it: the form once parsed. */
export type OrganisationInput = Parsed<typeof OrganisationSchema>;

export const JoinSchema = z.object({ joinedOn: isoDate });

/** Admitting an organisation registered elsewhere: which one, since when, and this space's contact. */
export const AdmitSchema = ContactSchema.extend({
  organisationId: z.coerce.number({ error: "error.required" }).int().positive({ error: "error.required" }),
  joinedOn: isoDate,
});
export const LeaveSchema = z.object({ leftOn: isoDate });

export const MembershipCountSchema = z.object({
  countedOn: isoDate,
  women: optionalCount,
  men: optionalCount,
  ...Object.fromEntries(AGE_GROUP_IDS.map((id) => [`age_${id}`, optionalCount])),
});

export interface MembershipCountInput {
  countedOn: string;
  women: number;
  men: number;
  byAgeGroup: Partial<Record<AgeGroupId, number>>;
}
