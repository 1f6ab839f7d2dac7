import type { Db } from "../../../db/client";
import { positiveIntParam, spaceIdParam } from "../spaces/params";
import { getMeeting, meetingRow, type Meeting } from "./meetings.server";

/** The meeting a route's URL names, inside the space it names; a 404 otherwise. */
export function meetingFromParams(db: Db, params: { spaceId?: string; meetingId?: string }): Meeting {
  const meeting = getMeeting(db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params)) throw new Response("Not Found", { status: 404 });
  return meeting;
}

/** The same, the meeting's own row only: for pages that come often and need no more (the door's check-in). */
export function meetingRowFromParams(db: Db, params: { spaceId?: string; meetingId?: string }) {
  const meeting = meetingRow(db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params)) throw new Response("Not Found", { status: 404 });
  return meeting;
}
