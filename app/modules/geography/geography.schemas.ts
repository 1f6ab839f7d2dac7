import { z } from "zod";
import { optionalText, requiredText } from "../forms";
import { ARRONDISSEMENT_CODE, COMMUNE_CODE } from "./codes";

export const AddCommuneSchema = z.object({
  arrondissementCode: z.string().regex(ARRONDISSEMENT_CODE, { error: "error.arrondissement" }),
  name: requiredText(100),
  /** Left empty, the first free code of the arrondissement is taken. */
  code: optionalText(10).pipe(z.string().regex(COMMUNE_CODE, { error: "error.communeCode" }).optional()),
});
export type AddCommune = z.infer<typeof AddCommuneSchema>;

export const AddSectionSchema = z.object({
  name: requiredText(100),
  /** Left empty, the first free number of the commune is taken. */
  number: optionalText(3).transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > 99) {
      ctx.addIssue({ code: "custom", message: "error.sectionNumber" });
      return z.NEVER;
    }
    return n;
  }),
  /** Other spellings, separated by commas or semicolons. */
  aliases: optionalText(300).transform((v) =>
    v ? [...new Set(v.split(/[,;]/).map((a) => a.trim()).filter(Boolean))] : [],
  ),
});
export interface AddSection {
  name: string;
  number?: number;
  aliases: string[];
}

export const GeographySearchSchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
});
