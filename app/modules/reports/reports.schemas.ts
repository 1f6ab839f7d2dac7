import { z } from "zod";
import { isoDate, optionalText } from "../forms";
import { COMMUNE_CODE } from "../geography/codes";
import { LOCALES } from "../i18n/locales";
import { REPORT_TEMPLATES, type SheetDetail } from "./report-document";
import { PERIOD_KINDS, SCOPE_KINDS, type PeriodChoice } from "./report-rules";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const year = z.coerce.number({ error: "reports.error.year" }).int({ error: "reports.error.year" }).min(2000, { error: "reports.error.year" }).max(2100, { error: "reports.error.year" });

/** A new report: what it covers, when, which template, in which language; its title may be left to be made. */
export const CreateReportSchema = z
  .object({
    scopeKind: z.enum(SCOPE_KINDS, { error: "error.required" }),
    spaceId: z.preprocess(blank, z.coerce.number({ error: "error.invalid" }).int().positive({ error: "error.invalid" }).optional()),
    communeCode: z.preprocess(blank, z.string().regex(COMMUNE_CODE, { error: "error.invalid" }).optional()),
    periodKind: z.enum(PERIOD_KINDS, { error: "error.required" }),
    year: z.preprocess(blank, year.optional()),
    quarter: z.preprocess(blank, z.coerce.number().int().min(1).max(4).optional()),
    from: z.preprocess(blank, isoDate.optional()),
    to: z.preprocess(blank, isoDate.optional()),
    template: z.enum(REPORT_TEMPLATES, { error: "error.required" }),
    locale: z.enum(LOCALES, { error: "error.required" }),
    title: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.scopeKind === "space" && v.spaceId === undefined) ctx.addIssue({ code: "custom", path: ["spaceId"], message: "error.required" });
    if (v.scopeKind === "commune" && v.communeCode === undefined) ctx.addIssue({ code: "custom", path: ["communeCode"], message: "error.required" });
    if (v.periodKind !== "dates" && v.year === undefined) ctx.addIssue({ code: "custom", path: ["year"], message: "reports.error.year" });
    if (v.periodKind === "quarter" && v.quarter === undefined) ctx.addIssue({ code: "custom", path: ["quarter"], message: "error.required" });
    if (v.periodKind === "dates" && v.from === undefined) ctx.addIssue({ code: "custom", path: ["from"], message: "error.date" });
    if (v.periodKind === "dates" && v.to === undefined) ctx.addIssue({ code: "custom", path: ["to"], message: "error.date" });
  })
  .transform((v) => ({
    scope: v.scopeKind === "space" ? { kind: "space" as const, spaceId: v.spaceId! } : v.scopeKind === "commune" ? { kind: "commune" as const, communeCode: v.communeCode! } : { kind: "programme" as const },
    period: (v.periodKind === "year" ? { kind: "year", year: v.year! } : v.periodKind === "quarter" ? { kind: "quarter", year: v.year!, quarter: v.quarter as 1 | 2 | 3 | 4 } : { kind: "dates", from: v.from!, to: v.to! }) satisfies PeriodChoice as PeriodChoice,
    template: v.template,
    locale: v.locale,
    title: v.title ?? null,
  }));
export type CreateReport = z.output<typeof CreateReportSchema>;

const detail = optionalText(1_000).transform((v) => v ?? "");

/** The report's title and, for a sheet, its essential information (`SHEET_DETAILS`). */
export const ReportDetailsSchema = z.object({
  title: z.string({ error: "error.required" }).trim().min(1, { error: "error.required" }).max(200, { error: "error.tooLong" }),
  theme: detail,
  objective: detail,
  aspect: detail,
  learningQuestion: detail,
  contributors: detail,
  personInCharge: detail,
}) satisfies z.ZodType<{ title: string } & Record<SheetDetail, string>>;
export type ReportDetails = z.output<typeof ReportDetailsSchema>;
