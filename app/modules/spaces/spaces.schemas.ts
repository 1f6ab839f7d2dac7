import { z } from "zod";
import { MAJORITY_RULES, SPACE_LEVELS, SPACE_SETTINGS, SPACE_STATUSES, VOTING_BASES } from "./space-options";
import { optionalText, requiredText } from "../forms";
import { COMMUNE_CODE, SECTION_CODE } from "../geography/codes";
import { isoDate } from "../forms";
import { ORGANISATION_TYPES } from "../organisations/types";

const intInRange = (min: number, max: number, error: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));

export const SpaceSchema = z
  .object({
    name: requiredText(120),
    level: z.enum(SPACE_LEVELS, { error: "error.invalid" }),
    communeCode: z.string().regex(COMMUNE_CODE, { error: "spaces.error.commune" }),
    sectionCode: optionalText(12).pipe(z.string().regex(SECTION_CODE, { error: "spaces.error.section" }).optional()),
    setting: z.enum(SPACE_SETTINGS, { error: "error.invalid" }),
    description: optionalText(2000),
    status: z.enum(SPACE_STATUSES, { error: "error.invalid" }),
    votingBase: z.enum(VOTING_BASES, { error: "error.invalid" }),
    quorumPercent: intInRange(1, 100, "spaces.error.quorum"),
    majorityRule: z.enum(MAJORITY_RULES, { error: "error.invalid" }),
    titularSeats: intInRange(1, 10, "spaces.error.seats"),
    substituteSeats: intInRange(0, 10, "spaces.error.seats"),
  })
  .superRefine((v, ctx) => {
    if (v.level === "section" && !v.sectionCode) ctx.addIssue({ code: "custom", path: ["sectionCode"], message: "spaces.error.sectionRequired" });
    if (v.sectionCode && !v.sectionCode.startsWith(v.communeCode)) ctx.addIssue({ code: "custom", path: ["sectionCode"], message: "spaces.error.section" });
  });

export interface SpaceInput {
  name: string;
  level: "commune" | "section";
  communeCode: string;
  sectionCode?: string;
  setting: "rural" | "urban";
  description?: string;
  status: "active" | "dormant";
  votingBase: "organisation" | "delegate";
  quorumPercent: number;
  majorityRule: "simple" | "absolute" | "two_thirds" | "consensus";
  titularSeats: number;
  substituteSeats: number;
}

/** The filters of a space's member list, from the query string; anything odd is ignored. */
export const SpaceFilterSchema = z.object({
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  section: z.string().max(12).optional().catch(undefined),
  woman: z.literal("on").optional().catch(undefined),
  youth: z.literal("on").optional().catch(undefined),
  importe: z.string().optional(),
});

export const EndSeatSchema = z.object({ intent: z.literal("endSeat"), seatId: z.coerce.number().int().positive(), toDate: isoDate });
