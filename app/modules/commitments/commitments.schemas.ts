import { z } from "zod";
import { checkbox, isoDate, optionalText, requiredText } from "../forms";
import { SECTION_CODE } from "../geography/codes";
import { MOTION_THEMES } from "../motions/themes";
import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexKey } from "../people/disaggregation";
import { COMMITMENT_STATES } from "./commitment-state";

const id = z.coerce.number({ error: "error.invalid" }).int().positive({ error: "error.invalid" });
/** A select left on "none": "" gives null. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** A whole number typed in a box ("1 200" and "1200" alike), or nothing. */
const optionalWhole = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? blank(v.replace(/[\s\u00a0\u202f]/g, "")) : v),
    z.coerce.number({ error: "error.count" }).int({ error: "error.count" }).min(0, { error: "error.count" }).max(max, { error: "error.count" }).optional(),
  );

/** A beneficiaries' breakdown cell ("ben_female_18_24"). */
export const beneficiaryField = (sex: SexKey, age: AgeKey) => `ben_${sex}_${age}`;
const cells = Object.fromEntries(SEX_KEYS.flatMap((sex) => AGE_KEYS.map((age) => [beneficiaryField(sex, age), optionalWhole(1_000_000)])));

/** What a facilitator or the official writes when recording a commitment. */
export const RecordCommitmentSchema = z
  .object({
    authorityId: id,
    officialId: optionalId,
    office: optionalText(200).transform((v) => v ?? ""),
    title: requiredText(200),
    text: requiredText(5_000),
    theme: z.enum(MOTION_THEMES, { error: "error.invalid" }),
    motionId: optionalId,
    meetingId: optionalId,
    sectionCode: z.preprocess(blank, z.string().regex(SECTION_CODE, { error: "error.invalid" }).optional()),
    dueDate: isoDate,
    budgetHtg: optionalWhole(100_000_000_000),
    beneficiaries: optionalWhole(10_000_000),
    beneficiariesNote: optionalText(300).transform((v) => v ?? ""),
    isPublic: checkbox,
    ...cells,
  })
  .transform((v) => {
    const given = v as unknown as Record<string, number | undefined>;
    const any = SEX_KEYS.some((sex) => AGE_KEYS.some((age) => given[beneficiaryField(sex, age)] !== undefined));
    const breakdown = any ? (Object.fromEntries(SEX_KEYS.map((sex) => [sex, Object.fromEntries(AGE_KEYS.map((age) => [age, given[beneficiaryField(sex, age)] ?? 0]))])) as Record<SexKey, Record<AgeKey, number>>) : null;
    return {
      authorityId: v.authorityId,
      officialId: v.officialId,
      office: v.office,
      title: v.title,
      text: v.text,
      theme: v.theme,
      motionId: v.motionId,
      meetingId: v.meetingId,
      sectionCode: v.sectionCode ?? null,
      dueDate: v.dueDate,
      budgetHtg: v.budgetHtg ?? null,
      beneficiaries: v.beneficiaries ?? null,
      beneficiariesNote: v.beneficiariesNote,
      breakdown,
      isPublic: v.isPublic,
    };
  });
export type RecordCommitment = z.output<typeof RecordCommitmentSchema>;

/** A web address given as evidence: http(s) only (never javascript: or data:). */
const link = z.preprocess(blank, z.url({ protocol: /^https?$/, error: "commitments.error.url" }).max(500, { error: "error.tooLong" }).optional());

/** The authority's (or a facilitator's) news: a progress note, a claim that it is done, or giving it up (with the reason). */
export const ProgressSchema = z.object({
  move: z.enum(["update", "claim", "abandon"], { error: "error.invalid" }),
  note: optionalText(4_000).transform((v) => v ?? ""),
  percent: optionalWhole(100),
  link,
});
export type Progress = z.output<typeof ProgressSchema>;

/** An organisation's answer to a claim, through its seated delegate. */
export const AnswerClaimSchema = z.object({
  organisationId: id,
  answer: z.enum(["confirm", "dispute"], { error: "error.required" }),
  comment: optionalText(2_000).transform((v) => v ?? ""),
});
export type AnswerClaim = z.output<typeof AnswerClaimSchema>;

/** What a meeting decided about a commitment, recorded by a facilitator in one step. */
export const MeetingDecisionSchema = z.object({
  decision: z.enum(["verify", "dispute", "partly", "not_done", "abandon", "reschedule"], { error: "error.required" }),
  note: optionalText(2_000).transform((v) => v ?? ""),
  dueDate: z.preprocess(blank, isoDate.optional()),
  /** The meeting that decided: one of the space's, held or under way. */
  meetingId: z.coerce.number({ error: "commitments.error.meetingRequired" }).int().positive({ error: "commitments.error.meetingRequired" }),
});
export type MeetingDecision = z.output<typeof MeetingDecisionSchema>;

/** The board's filters, from its address: anything unreadable is no filter. */
export const BoardFilterSchema = z.object({
  authority: z.coerce.number().int().positive().optional().catch(undefined),
  state: z.enum([...COMMITMENT_STATES, "overdue"]).optional().catch(undefined),
  theme: z.enum(MOTION_THEMES).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type BoardFilter = z.output<typeof BoardFilterSchema>;
