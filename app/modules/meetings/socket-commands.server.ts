import type { MeetingSocketCommand } from "../live/socket-commands.server";
import { checkInAtDoor } from "./attendance.server";
import { DoorCheckInSchema } from "./meetings.schemas";
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
