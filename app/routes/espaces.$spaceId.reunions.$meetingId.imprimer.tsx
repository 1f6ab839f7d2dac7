import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { AttendeeCells, AttendeeHeaderCells } from "../components/attendee-cells";
import { FiguresView } from "../components/live-attendance";
import { SpeakingRecord } from "../components/speaking-record";
import { formatCount } from "../components/sex-age-table";
import { speakingRecord } from "../modules/live/live.server";
import { pageTitle } from "../components/page-title";
import { formatDateTime } from "../modules/i18n/format";
import { can } from "../modules/auth/permissions";
import { meetingFigures } from "../modules/meetings/attendance.server";
import { getMeeting } from "../modules/meetings/meetings.server";
import { attendeesFor, figuresFor, speakingTotalsFor, turnsFor, meetingYear } from "../modules/meetings/views";
import { audienceIn } from "../modules/spaces/audience";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "meetings.pageTitle", { title: data?.meeting.title ?? "" });

/**
 * The closed meeting on paper: minutes, the same attendance figures as the panel, the
 * attendees. The public (once published) reads the figures with small cells shown "< 5"
 * (and those that would give one away hidden), the speaking figures masked the same way,
 * and the names of officials and of adults who agreed to be named; members read who came;
 * facilitators also what the door recorded of each person.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const meeting = getMeeting(context.db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params) || meeting.status !== "closed") throw new Response("Not Found", { status: 404 });
  const actor = context.current?.actor ?? null;
  // Not found for anyone it is not shown to: a 403 would tell a signed-in outsider it exists.
  if (!can(actor, "meeting.see", meeting)) throw new Response("Not Found", { status: 404 });
  const space = getSpace(context.db, meeting.spaceId)!;
  const audience = audienceIn(actor, meeting.spaceId);
  const year = meetingYear(meeting.startsAt);
  const { rows, figures } = meetingFigures(context.db, meeting);
  const record = speakingRecord(context.db, meeting, context.now());
  return {
    meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt, place: meeting.place, published: meeting.published, minutesHtml: meeting.minutesHtml },
    space: { id: space.id, name: space.name, communeName: space.communeName },
    register: audience === "facilitator",
    attendees: attendeesFor(audience, rows, year),
    figures: figuresFor(audience, figures),
    speaking: { turns: turnsFor(audience, record.turns, rows, year), totals: speakingTotalsFor(audience, record.totals) },
  };
}

export default function Printable() {
  const { meeting, space, register, attendees, figures, speaking } = useLoaderData<typeof loader>();
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
        <p className="notice" data-testid="public-notice">
          {t(meeting.published ? "meetings.publicNotice" : "meetings.publicNotice.unpublished")}
        </p>
      </header>
      <section aria-labelledby="print-minutes">
        <h2 id="print-minutes">{t("minutes.title")}</h2>
        <div className="minutes-preview" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml ?? "" }} />
      </section>
      <FiguresView figures={figures} />
      <SpeakingRecord turns={speaking.turns} totals={speaking.totals} figures={figures} />
      <section aria-labelledby="print-list">
        <h2 id="print-list">{attendees.unnamed === 0 ? t("attendance.list", { count: attendees.rows.length }) : t("attendance.namedList", { count: attendees.rows.length })}</h2>
        <table data-testid="print-attendance">
          <thead>
            <tr>
              <th scope="col">#</th>
              <AttendeeHeaderCells register={register} />
            </tr>
          </thead>
          <tbody>
            {attendees.rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <AttendeeCells row={r} register={register} />
              </tr>
            ))}
          </tbody>
        </table>
        {attendees.unnamed !== 0 ? (
          <p data-testid="print-unnamed">{t("attendance.unnamed", { count: formatCount(attendees.unnamed, locale) })}</p>
        ) : null}
      </section>
    </article>
  );
}
