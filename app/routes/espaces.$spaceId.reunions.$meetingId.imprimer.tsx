import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { AttendeeCells, AttendeeHeaderCells } from "../components/attendee-cells";
import { FiguresView } from "../components/live-attendance";
import { SpeakingRecord } from "../components/speaking-record";
import { formatCount } from "../components/sex-age-table";
import { speakingRecord } from "../modules/live/live.server";
import { pageTitle } from "../components/page-title";
import { formatDate, formatDateTime, formatTime } from "../modules/i18n/format";
import { can } from "../modules/auth/permissions";
import { meetingFigures, officialInstitutions } from "../modules/meetings/attendance.server";
import { getMeeting, minutesApproval } from "../modules/meetings/meetings.server";
import { renderMarkdown } from "../modules/meetings/markdown";
import { MINUTES_ROOT, minutesRef } from "../modules/meetings/minutes";
import { attendeesFor, figuresFor, speakingTotalsFor, turnsFor, meetingYear } from "../modules/meetings/views";
import { audienceIn } from "../modules/spaces/audience";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "print.title", { title: data?.meeting.title ?? "" });

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
  const attendees = attendeesFor(audience, rows, year);
  // Officials are named with the institution they hold a mandate in, for every audience.
  const institutions = officialInstitutions(context.db, rows);
  // Approved minutes are the record; until then the space's members print the draft as it
  // stands, marked as such, and the public reads that they are not approved yet.
  const approval = minutesApproval(context.db, meeting);
  const draftHtml = approval === null && can(actor, "space.member", meeting) ? renderMarkdown(context.realtime.readText(minutesRef(meeting.id), MINUTES_ROOT)) : null;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
      // When the session actually ran, as opened and closed in Makòn.
      startedAt: meeting.startedAt,
      closedAt: meeting.closedAt,
      place: meeting.place,
      published: meeting.published,
      minutesHtml: approval ? meeting.minutesHtml : draftHtml,
      approval,
      facilitators: meeting.facilitators.map((f) => f.name),
    },
    space: { id: space.id, name: space.name, communeName: space.communeName },
    register: audience === "facilitator",
    attendees: { ...attendees, rows: attendees.rows.map((r) => (institutions.has(r.id) ? { ...r, organisation: institutions.get(r.id)! } : r)) },
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
        <h1>{t("print.title", { title: meeting.title })}</h1>
        <p>
          {t(`meetingKind.${meeting.kind}`)} · {formatDateTime(meeting.startsAt, locale)}
          {meeting.place ? ` · ${meeting.place}` : ""}
        </p>
        <p data-testid="print-ran">
          {meeting.startedAt === null
            ? t("print.notRun")
            : meeting.closedAt === null
              ? t("print.ranOpen", { from: formatDateTime(meeting.startedAt, locale) })
              : t("print.ran", {
                  from: formatDateTime(meeting.startedAt, locale),
                  // The same day: the closing hour is enough.
                  to: formatDate(meeting.startedAt, locale) === formatDate(meeting.closedAt, locale) ? formatTime(meeting.closedAt, locale) : formatDateTime(meeting.closedAt, locale),
                })}
        </p>
        <p className="notice" data-testid="public-notice">
          {t(meeting.published ? "meetings.publicNotice" : "meetings.publicNotice.unpublished")}
        </p>
      </header>
      <section aria-labelledby="print-minutes">
        <h2 id="print-minutes">{t("minutes.title")}</h2>
        {meeting.approval ? (
          <p className="muted" data-testid="minutes-approved">
            {meeting.approval.inMeeting
              ? t("minutes.approvedIn", { date: formatDate(meeting.approval.approvedAt, locale), title: meeting.approval.inMeeting.title })
              : t("minutes.approvedOn", { date: formatDate(meeting.approval.approvedAt, locale) })}
          </p>
        ) : (
          <p className="notice draft-stamp" data-testid="minutes-draft">
            {t(meeting.minutesHtml === null ? "minutes.notYet" : "print.draft")}
          </p>
        )}
        {meeting.minutesHtml !== null ? <div className="minutes-preview" data-testid="print-minutes" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} /> : null}
      </section>
      <FiguresView figures={figures} title={t("attendance.figuresTitle")} />
      <SpeakingRecord turns={speaking.turns} totals={speaking.totals} figures={figures} />
      <section aria-labelledby="print-list">
        <h2 id="print-list">{attendees.unnamed === 0 ? t("attendance.list", { count: attendees.rows.length }) : t("attendance.namedList", { count: attendees.rows.length })}</h2>
        <div className="table-scroll">
          <table data-testid="print-attendance">
            <thead>
              <tr>
                <th scope="col">#</th>
                <AttendeeHeaderCells register={register} />
                {register ? <th scope="col" className="print-signature">{t("print.signature")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {attendees.rows.map((r, i) => (
                <tr key={r.id}>
                  <td>{i + 1}</td>
                  <AttendeeCells row={r} register={register} />
                  {register ? <td className="print-signature" /> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {attendees.unnamed !== 0 ? (
          <p data-testid="print-unnamed">{t("attendance.unnamed", { count: formatCount(attendees.unnamed, locale) })}</p>
        ) : null}
      </section>
      <section aria-labelledby="print-signatures" className="signatures" data-testid="print-signatures">
        <h2 id="print-signatures">{t("print.signatures")}</h2>
        <div className="signature-blocks">
          {[
            { role: t("print.signChair"), name: meeting.facilitators[0] ?? "" },
            { role: t("print.signSecretary"), name: "" },
          ].map((block) => (
            <div key={block.role} className="signature-block">
              <p>
                <strong>{block.role}</strong>
              </p>
              <p>
                {t("print.signName")} {block.name}
              </p>
              <p className="signature-line">{t("print.signature")}</p>
              <p className="signature-line">{t("print.signDate")}</p>
            </div>
          ))}
        </div>
      </section>
    </article>
  );
}
