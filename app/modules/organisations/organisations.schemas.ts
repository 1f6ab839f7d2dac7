import { z } from "zod";
import { normalizePhone } from "../auth/phone";
import { ISO_DATE } from "../dates";
import { optionalText, requiredText } from "../forms";
import { AGE_GROUP_IDS, type AgeGroupId } from "../people/age-groups";
import { ORGANISATION_TYPES, type OrganisationType } from "./types";

/** Checkbox fields: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const optionalPhone = optionalText(30).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const phone = normalizePhone(v);
  if (!phone) {
    ctx.addIssue({ code: "custom", message: "error.phone" });
    return z.NEVER;
  }
  return phone;
});

export const isoDate = z.string().trim().regex(ISO_DATE, { error: "error.date" });

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

export interface OrganisationInput {
  name: string;
  acronym?: string;
  type: OrganisationType;
  sectionCode?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  yearFounded?: number;
  legallyRecognised: boolean;
  ledByWoman: boolean;
  ledByYouth: boolean;
}

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
