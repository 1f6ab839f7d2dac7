import type { MeetingSocketCommand } from "../live/socket-commands.server";
import { can } from "../auth/permissions";
import { errorsOf } from "../forms";
import { checkInAtDoor, walkInAtDoor } from "./attendance.server";
import { DoorCheckInSchema, DoorWalkInSchema, WalkInSchema } from "./meetings.schemas";
import { meetingRow } from "./meetings.server";
import { meetingMessage } from "./messages";

/**
 * A known person checked in from the door's page, on the meeting's live socket the page
 * follows the figures on: the same command as the door's form, and the same answer. Who may
 * not check people in is refused, as by the form.
 */
export const doorCheckInCommand: MeetingSocketCommand = (deps, actor, meetingId, input, now) => {
  const parsed = DoorCheckInSchema.safeParse(input);
  if (!parsed.success) return { error: "error.invalid" };
  const meeting = meetingRow(deps.db, meetingId);
  if (!meeting) return { error: "error.notFound" };
  const result = checkInAtDoor(deps, actor, meeting, parsed.data.personId, parsed.data.since, now);
  if (result.ok) return { error: null, value: result.value };
  return "change" in result ? { error: meetingMessage(result.code), value: { change: result.change } } : { error: meetingMessage(result.code) };
};

/**
 * A walk-in recorded from the door's page on the same socket, with the key the page drew for
 * it: the same command as the door's form, and its answer; a question left unanswered comes
 * back as the form's field errors. Who may not check people in learns nothing more.
 */
export const doorWalkInCommand: MeetingSocketCommand = (deps, actor, meetingId, input, now) => {
  const meeting = meetingRow(deps.db, meetingId);
  if (!meeting) return { error: "error.notFound" };
  if (!can(actor, "meeting.run", { spaceId: meeting.spaceId })) return { error: "error.forbidden" };
  const parsed = DoorWalkInSchema.safeParse(input);
  if (!parsed.success) {
    const errors = errorsOf(parsed);
    // Only the questions the form shows come back as its field errors (a key or a row the page would not send is just refused).
    return Object.keys(errors).every((field) => field in WalkInSchema.shape) ? { error: "error.invalid", value: { errors } } : { error: "error.invalid" };
  }
  const { since, entry, ...walkIn } = parsed.data;
  const result = walkInAtDoor(deps, actor, meeting, walkIn, entry, since, now);
  return result.ok ? { error: null, value: result.value } : { error: meetingMessage(result.code) };
};
