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

export const OrganisationSchema = z.object({
  name: requiredText(160),
  acronym: optionalText(30),
  type: z.enum(ORGANISATION_TYPES, { error: "organisations.error.type" }),
  sectionCode: optionalText(12),
  contactName: optionalText(120),
  phone: optionalPhone,
  email: optionalText(200).pipe(z.email({ error: "error.email" }).optional()),
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
