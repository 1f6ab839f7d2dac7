import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../modules/auth/guards.server";
import { toCsv } from "../modules/csv/csv";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { formatTime } from "../modules/i18n/format";
import { localeFor } from "../modules/i18n/i18n.server";
import { translator } from "../modules/i18n/catalog.server";
import { attendanceTable } from "../modules/meetings/attendance-export";
import { listSpaceAttendance } from "../modules/meetings/meetings.server";
import { PeriodSchema } from "../modules/meetings/meetings.schemas";
import { fromLocalDateTime } from "../modules/meetings/times";
import { spaceIdParam } from "../modules/spaces/params";

/** Attendance of every meeting of a space over a period (?du=YYYY-MM-DD&au=YYYY-MM-DD, inclusive). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const parsed = PeriodSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = localeFor(request, current);
  if (!parsed.success) {
    return new Response(translator(locale)("export.periodInvalid"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const from = fromLocalDateTime(`${parsed.data.du}T00:00`);
  const to = fromLocalDateTime(`${parsed.data.au}T00:00`) + 86_400_000;
  const rows = listSpaceAttendance(context.db, spaceId, from, to).map(({ row, meetingTitle, meetingStartsAt, organisationName }) => ({
    ...row,
    meeting: meetingTitle,
    date: localDate(meetingStartsAt),
    organisationName,
    arrived: formatTime(row.arrivedAt, locale),
  }));
  return csvResponse(toCsv(attendanceTable(translator(locale), rows, true)), `presences-${parsed.data.du}-${parsed.data.au}.csv`);
}
