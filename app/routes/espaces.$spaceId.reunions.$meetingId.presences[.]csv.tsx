import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../modules/auth/guards.server";
import { toCsv } from "../modules/csv/csv";
import { csvResponse } from "../modules/csv/csv-response.server";
import { formatTime } from "../modules/i18n/format";
import { localeFor } from "../modules/i18n/i18n.server";
import { translator } from "../modules/i18n/catalog.server";
import { attendanceTable } from "../modules/meetings/attendance-export";
import { getMeeting, listAttendance } from "../modules/meetings/meetings.server";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";

/** A meeting's attendance, one row per attendee, for Excel. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = getMeeting(context.db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params)) throw new Response("Not Found", { status: 404 });
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const locale = localeFor(request, current);
  const rows = listAttendance(context.db, meeting.id).map((r) => ({ ...r, organisationName: r.organisationName, arrived: formatTime(r.arrivedAt, locale) }));
  return csvResponse(toCsv(attendanceTable(translator(locale), rows, false)), `presences-${meeting.title}.csv`);
}
