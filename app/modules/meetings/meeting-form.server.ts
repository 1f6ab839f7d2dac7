import type { z } from "zod";
import type { MeetingSchema } from "./meetings.schemas";
import type { MeetingInput } from "./meetings.server";
import { fromLocalDateTime } from "./times";

/** A parsed meeting form (times in Haiti's clock, checkbox lists) as the command takes it. */
export function meetingInput(parsed: z.infer<typeof MeetingSchema>, form: FormData): MeetingInput {
  return {
    kind: parsed.kind,
    title: parsed.title,
    startsAt: fromLocalDateTime(parsed.startsAt),
    endsAt: parsed.endsAt ? fromLocalDateTime(parsed.endsAt) : null,
    place: parsed.place ?? "",
    published: parsed.published,
    facilitatorIds: form.getAll("facilitatorIds").map(String),
    authorityIds: form.getAll("authorityIds").map(Number).filter((n) => Number.isInteger(n) && n > 0),
  };
}
