import { z } from "zod";
import { checkbox, isoDate, optionalText, requiredText } from "../forms";
import { AGE_GROUP_IDS, type AgeGroupId } from "../people/age-groups";
import { AGENDA_KINDS, ATTENDANCE_ROLES, MEETING_KINDS } from "./kinds";
import { SEXES } from "../people/sex";


/** "2026-11-22T14:30" from a datetime-local field, read as Haiti's time by the caller. */
const localDateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "error.dateTime" });

export const MeetingSchema = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: "error.invalid" }),
    title: requiredText(160),
    startsAt: localDateTime,
    endsAt: optionalText(16).pipe(localDateTime.optional()),
    place: optionalText(200),
    published: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.endsAt && v.endsAt <= v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "error.datesReversed" });
  });

export const AgendaItemSchema = z.object({
  kind: z.enum(AGENDA_KINDS, { error: "error.invalid" }),
  title: requiredText(200),
  plannedMinutes: optionalText(3).transform((v, ctx) => {
    if (v === undefined) return null;
    if (!/^\d{1,3}$/.test(v) || Number(v) < 1) {
      ctx.addIssue({ code: "custom", message: "error.minutes" });
      return z.NEVER;
    }
    return Number(v);
  }),
  /** A minutes-approval item: the earlier meeting whose minutes it approves. */
  approvesMeetingId: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().positive().nullable()).optional().transform((v) => v ?? null),
});

/** What the door's buttons send when the person prefers not to say: recorded as not stated. */
export const NOT_STATED = "unstated";

/**
 * A walk-in: sex and age group are asked, never left blank. "Prefers not to say" is an answer
 * (recorded as not stated, null); no answer at all is refused with the question to ask.
 */
export const WalkInSchema = z.object({
  name: requiredText(120),
  sex: z.enum([...SEXES, NOT_STATED], { error: "attendance.error.sexMissing" }).transform((v) => (v === NOT_STATED ? null : v)),
  ageGroup: z
    .enum([...(AGE_GROUP_IDS as [AgeGroupId, ...AgeGroupId[]]), NOT_STATED], { error: "attendance.error.ageMissing" })
    .transform((v) => (v === NOT_STATED ? null : v)),
  disability: checkbox,
  organisationId: optionalText(12).transform((v) => (v ? Number(v) : null)),
  role: z.enum(ATTENDANCE_ROLES, { error: "error.invalid" }),
});

export const CancelSchema = z.object({ reason: requiredText(500) });

export const AgendaMoveSchema = z.object({ itemId: z.coerce.number().int().positive(), direction: z.enum(["up", "down"]) });

export const KnownAttendeeSchema = z.object({ personId: z.coerce.number().int().positive() });

/** The door's check-in of a known person on its socket: who, and the last row its page shows (0: none). */
export const DoorCheckInSchema = KnownAttendeeSchema.extend({ since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/** The key the door's page draws for each walk-in (see `recordAttendance`). */
export const EntryKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,40}$/);

/** The door's walk-in on its socket: the form's answers, the last row its page shows, and the walk-in's key. */
export const DoorWalkInSchema = WalkInSchema.extend({ since: DoorCheckInSchema.shape.since, entry: EntryKeySchema });

/** A row of the list named in a form: removing it, undoing its removal. */
export const AttendanceRowSchema = z.object({ attendanceId: z.coerce.number().int().positive() });

/** An export period (?du=YYYY-MM-DD&au=YYYY-MM-DD, inclusive). */
export const PeriodSchema = z.object({ du: isoDate, au: isoDate }).refine((p) => p.du <= p.au);

/** Approving minutes from a meeting's page: its own, or an earlier meeting's (`meetingId`). */
export const ApproveMinutesSchema = z.object({ meetingId: z.coerce.number().int().positive().optional() });
