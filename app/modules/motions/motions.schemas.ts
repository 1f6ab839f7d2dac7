import { z } from "zod";
import { optionalText, requiredText } from "../forms";
import { MOTION_STATES } from "./motion-state";
import { MOTION_THEMES } from "./themes";

/** An id from a form's select or hidden field. */
const id = z.coerce.number({ error: "error.invalid" }).int().positive({ error: "error.invalid" });
/** A select that may be left on "none": "" gives null. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());

/** What a motion says: the fields a delegate writes when drafting it and edits while it is a draft. */
export const EditMotionSchema = z.object({
  title: requiredText(200),
  /** Markdown, sanitised when shown. */
  text: requiredText(20_000),
  rationale: optionalText(5_000).transform((v) => v ?? ""),
  theme: z.enum(MOTION_THEMES, { error: "error.invalid" }),
  /** The authority it addresses, of the space's territory; none is allowed. */
  authorityId: optionalId,
});
export type EditMotion = z.infer<typeof EditMotionSchema>;

/** A new draft, in the name of an organisation the delegate is seated for. */
export const CreateMotionSchema = EditMotionSchema.extend({ organisationId: id });
export type CreateMotion = z.infer<typeof CreateMotionSchema>;

export const InviteCosponsorSchema = z.object({ organisationId: id });

export const AnswerCosponsorSchema = z.object({
  organisationId: id,
  answer: z.enum(["accept", "decline"], { error: "error.invalid" }),
});

/** One paragraph (0-based, as the motion page numbers them from 1) and its replacement; an empty one deletes it. */
export const ProposeAmendmentSchema = z.object({
  organisationId: id,
  paragraph: z.coerce.number({ error: "error.invalid" }).int().min(0, { error: "error.invalid" }),
  replacement: optionalText(20_000).transform((v) => v ?? ""),
  rationale: optionalText(5_000).transform((v) => v ?? ""),
});
export type ProposeAmendment = z.infer<typeof ProposeAmendmentSchema>;

export const AdmitSchema = z.object({ meetingId: id });

/** What the facilitator records; a referral names an authority, or none for a later meeting. */
export const DecisionSchema = z.object({
  move: z.enum(["adopt", "reject", "withdraw", "refer"], { error: "error.invalid" }),
  pollId: optionalId.transform((v) => v ?? undefined),
  referredAuthorityId: optionalId.transform((v) => v ?? undefined),
  note: optionalText(1_000),
});
export type MotionDecision = z.infer<typeof DecisionSchema>;
export type DecisionMove = MotionDecision["move"];

export const WithdrawSchema = z.object({ note: optionalText(1_000) });

export const ForwardSchema = z.object({ toSpaceId: id });

export const PROPOSER_TYPES = ["women", "youth", "mixed"] as const;
export type ProposerType = (typeof PROPOSER_TYPES)[number];

/** A space's motion list filters, from the query string; anything odd is ignored. */
export const MotionFilterSchema = z.object({
  state: z.enum(MOTION_STATES).optional().catch(undefined),
  theme: z.enum(MOTION_THEMES).optional().catch(undefined),
  authorityId: z.coerce.number().int().positive().optional().catch(undefined),
  proposerType: z.enum(PROPOSER_TYPES).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type MotionFilter = z.infer<typeof MotionFilterSchema>;

/** What a form on a motion's page acts on: the motion itself or one of its amendments (the route checks which). */
export const TargetSchema = z.object({ targetId: id });

/** The paragraph a delegate chose to amend, from the page's address (`?amender=2`, numbered from 1 as shown); anything odd is ignored. */
export const AmendChoiceSchema = z.object({ amender: z.coerce.number().int().min(1).optional().catch(undefined) });
