import { z } from "zod";
import { optionalText, requiredText } from "../forms";
import { isoDate } from "../forms";
import { AUTHORITY_KINDS } from "../organisations/types";
import { AccountFieldsSchema, accountRefinement, PersonSchema } from "../people/people.schemas";

export const AuthoritySchema = z.object({
  kind: z.enum(AUTHORITY_KINDS, { error: "authorities.error.kind" }),
  name: requiredText(160),
  sectionCode: optionalText(12),
});

export const OfficialSchema = PersonSchema.extend(AccountFieldsSchema.shape)
  .extend({
    authorityId: z.coerce.number({ error: "error.invalid" }).int().positive({ error: "error.invalid" }),
    title: requiredText(120),
    mandateStart: optionalText(10).pipe(isoDate.optional()),
    mandateEnd: optionalText(10).pipe(isoDate.optional()),
  })
  .superRefine((v, ctx) => {
    accountRefinement(v, ctx);
    if (v.mandateStart && v.mandateEnd && v.mandateEnd < v.mandateStart) ctx.addIssue({ code: "custom", path: ["mandateEnd"], message: "error.datesReversed" });
  });
