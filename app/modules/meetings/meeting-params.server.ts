import type { Db } from "../../../db/client";
import { positiveIntParam, spaceIdParam } from "../spaces/params";
import { getMeeting, type Meeting } from "./meetings.server";

/** The meeting a route's URL names, inside the space it names; a 404 otherwise. */
export function meetingFromParams(db: Db, params: { spaceId?: string; meetingId?: string }): Meeting {
  const meeting = getMeeting(db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params)) throw new Response("Not Found", { status: 404 });
  return meeting;
}
