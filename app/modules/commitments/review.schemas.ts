import { z } from "zod";
import { MeetingDecisionSchema } from "./commitments.schemas";

/** The console's decision form: the commitment it names and what the meeting decided (the meeting is the console's own). */
export const ReviewDecisionSchema = MeetingDecisionSchema.omit({ meetingId: true }).extend({
  commitmentId: z.coerce.number({ error: "error.invalid" }).int().positive({ error: "error.invalid" }),
});
export type ReviewDecisionInput = z.output<typeof ReviewDecisionSchema>;
