import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { AttendeeCells, AttendeeHeaderCells } from "../components/attendee-cells";
import { FiguresView } from "../components/live-attendance";
import { SpeakingRecord } from "../components/speaking-record";
import { speakingRecord } from "../modules/live/live.server";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../modules/i18n/format";
import { can } from "../modules/auth/permissions";
import { meetingFigures } from "../modules/meetings/attendance.server";
import { getMeeting } from "../modules/meetings/meetings.server";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "meetings.pageTitle", { title: data?.meeting.title ?? "" });

/** The closed meeting on paper: minutes, the same attendance figures as the panel, the attendees. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const meeting = getMeeting(context.db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params) || meeting.status !== "closed") throw new Response("Not Found", { status: 404 });
  if (!can(context.current?.actor ?? null, "meeting.see", meeting)) throw new Response("Forbidden", { status: 403 });
  const space = getSpace(context.db, meeting.spaceId)!;
  const { rows, figures } = meetingFigures(context.db, meeting);
  return { meeting, space: { id: space.id, name: space.name, communeName: space.communeName }, rows, figures, speaking: speakingRecord(context.db, meeting, context.now()) };
}

export default function Printable() {
  const { meeting, space, rows, figures, speaking } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="printable">
      <p className="no-print">
        <Link to={`/espaces/${space.id}/reunions/${meeting.id}`}>← {meeting.title}</Link>
      </p>
      <header>
        <p className="muted">
          {space.name} · {space.communeName}
        </p>
        <h1>{meeting.title}</h1>
        <p>
          {t(`meetingKind.${meeting.kind}`)} · {formatDateTime(meeting.startsAt, locale)}
          {meeting.place ? ` · ${meeting.place}` : ""}
        </p>
      </header>
      <section aria-labelledby="print-minutes">
        <h2 id="print-minutes">{t("minutes.title")}</h2>
        <div className="minutes-preview" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml ?? "" }} />
      </section>
      <FiguresView figures={figures} />
      <SpeakingRecord turns={speaking.turns} totals={speaking.totals} figures={figures} />
      <section aria-labelledby="print-list">
        <h2 id="print-list">{t("attendance.list", { count: rows.length })}</h2>
        <table data-testid="print-attendance">
          <thead>
            <tr>
              <th scope="col">#</th>
              <AttendeeHeaderCells />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <AttendeeCells row={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
