import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError, SelectField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { useLocale, useT } from "../components/i18n";
import { MinutesEditor } from "../components/minutes-editor";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDateTime, formatTime } from "../modules/i18n/format";
import { localeFor } from "../modules/i18n/i18n.server";
import type { Locale } from "../modules/i18n/locales";
import { translator } from "../modules/i18n/catalog.server";
import { meetingFigures } from "../modules/meetings/attendance.server";
import { speakingRecord } from "../modules/live/live.server";
import { SpeakingRecord } from "../components/speaking-record";
import { canEditPlan } from "../modules/meetings/meeting-state";
import { AGENDA_KINDS } from "../modules/meetings/kinds";
import { AgendaItemSchema, AgendaMoveSchema, CancelSchema } from "../modules/meetings/meetings.schemas";
import { addAgendaItem, changeMeetingStatus, moveAgendaItem, removeAgendaItem, type Meeting } from "../modules/meetings/meetings.server";
import { minutesTemplate } from "../modules/meetings/minutes-template";
import { MINUTES_ROOT, minutesRef } from "../modules/meetings/minutes";
import { meetingMessage, type MeetingCode } from "../modules/meetings/messages";
import { getSpace } from "../modules/spaces/spaces.server";
import { can } from "../modules/auth/permissions";
import { meetingFromParams } from "../modules/meetings/meeting-params.server";
import { figuresFor, speakingTotalsFor, turnsFor, meetingYear } from "../modules/meetings/views";
import { audienceIn, type Audience } from "../modules/spaces/audience";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "meetings.pageTitle", { title: data?.meeting.title ?? "" });

/**
 * A meeting's page for its audience: anyone once published (its plan, minutes, figures with
 * small cells masked, named speakers), its space's members before; facilitators run it from
 * here. No account ids, no screen link (the console has it), no raw minutes.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const actor = context.current?.actor ?? null;
  // Not found for anyone it is not shown to: a 403 would tell a signed-in outsider it exists.
  if (!can(actor, "meeting.see", meeting)) throw new Response("Not Found", { status: 404 });
  const space = getSpace(context.db, meeting.spaceId)!;
  const audience = audienceIn(actor, meeting.spaceId);
  const runs = can(actor, "meeting.run", meeting);
  const member = can(actor, "space.member", meeting);
  const open = canEditPlan(meeting.status);
  const minutes = open && member ? context.realtime.readText(minutesRef(meeting.id), MINUTES_ROOT) : "";
  const closed = meeting.status === "closed" ? closedRecord(context.db, meeting, audience, context.now()) : null;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      published: meeting.published,
      cancelReason: meeting.cancelReason,
      minutesHtml: meeting.status === "closed" ? meeting.minutesHtml : null,
      agenda: meeting.agenda.map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMinutes: i.plannedMinutes })),
      facilitators: meeting.facilitators.map((f) => f.name),
      authorities: meeting.authorities.map((a) => a.name),
    },
    space: { id: space.id, name: space.name },
    runs,
    member,
    minutes,
    closed,
  };
}

/** A closed meeting's speaking record and figures, as its audience may read them. */
function closedRecord(db: Parameters<typeof meetingFigures>[0], meeting: Meeting, audience: Audience, now: number) {
  const { rows, figures } = meetingFigures(db, meeting);
  const record = speakingRecord(db, meeting, now);
  const year = meetingYear(meeting.startsAt);
  return { speaking: { turns: turnsFor(audience, record.turns, rows, year), totals: speakingTotalsFor(audience, record.totals) }, figures: figuresFor(audience, figures) };
}

/** When the meeting opens, its agenda is settled: the minutes start from it. */
function templateIn(locale: Locale) {
  const t = translator(locale);
  return (meeting: Meeting) => minutesTemplate(t, { title: meeting.title, when: formatDateTime(meeting.startsAt, locale), place: meeting.place, agenda: meeting.agenda });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const values = formValues(await request.formData());
  const now = context.now();
  const respond = (intent: string, result: { ok: true } | { ok: false; code: MeetingCode; field?: string }) =>
    result.ok ? { intent, values: {} as Record<string, string>, errors: {} as FieldErrors } : data({ intent, values, errors: { [result.field ?? "form"]: meetingMessage(result.code) } as FieldErrors }, { status: 400 });
  switch (values.intent) {
    case "start":
      return respond("status", changeMeetingStatus(context, current.actor, meeting.id, "start", { now, minutesTemplate: templateIn(localeFor(request, current)) }));
    case "close":
      return respond("status", changeMeetingStatus(context, current.actor, meeting.id, "close", { now }));
    case "cancel": {
      const parsed = CancelSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "cancel", values, errors: errorsOf(parsed) }, { status: 400 });
      return respond("cancel", changeMeetingStatus(context, current.actor, meeting.id, "cancel", { now, reason: parsed.data.reason }));
    }
    case "agenda-add": {
      const parsed = AgendaItemSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "agenda", values, errors: errorsOf(parsed) }, { status: 400 });
      return respond("agenda", addAgendaItem(context, current.actor, meeting.id, parsed.data, now));
    }
    case "agenda-move": {
      const parsed = AgendaMoveSchema.safeParse(values);
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      return respond("agenda", moveAgendaItem(context, current.actor, parsed.data.itemId, parsed.data.direction, now));
    }
    case "agenda-remove": {
      const parsed = AgendaMoveSchema.pick({ itemId: true }).safeParse(values);
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      return respond("agenda", removeAgendaItem(context, current.actor, parsed.data.itemId, now));
    }
    default:
      throw redirect(`/espaces/${meeting.spaceId}/reunions/${meeting.id}`);
  }
}

export default function MeetingPage() {
  const { meeting, space, runs, member, minutes, closed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const open = meeting.status === "planned" || meeting.status === "live";
  const of = (intent: string) => (result?.intent === intent ? result : undefined);
  const totalMinutes = meeting.agenda.reduce((n, i) => n + (i.plannedMinutes ?? 0), 0);
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{meeting.title}</h1>
      <p className="tags">
        <span className="tag">{t(`meetingKind.${meeting.kind}`)}</span>
        <span className={`tag status-${meeting.status}`} data-testid="meeting-status">
          {t(`meetingStatus.${meeting.status}`)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t("meetings.when")}</dt>
        <dd>
          {formatDateTime(meeting.startsAt, locale)}
          {meeting.endsAt ? ` – ${formatTime(meeting.endsAt, locale)}` : ""}
        </dd>
        <dt>{t("meetings.place")}</dt>
        <dd>{meeting.place || "—"}</dd>
        <dt>{t("spaces.facilitators")}</dt>
        <dd>{meeting.facilitators.join(", ") || "—"}</dd>
        <dt>{t("meetings.invitedAuthorities")}</dt>
        <dd>{meeting.authorities.join(", ") || "—"}</dd>
        {meeting.cancelReason ? (
          <>
            <dt>{t("meetings.cancelReason")}</dt>
            <dd>{meeting.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      <p className="notice" data-testid="public-notice">
        {t(meeting.published ? "meetings.publicNotice" : "meetings.publicNotice.unpublished")}
      </p>

      <nav className="actions" aria-label={t("spaces.actions")}>
        {member ? (
          <Link className="button" to="presences">
            {t("attendance.title")}
          </Link>
        ) : null}
        {runs && meeting.status === "live" ? (
          <Link className="button primary" to="console">
            {t("console.title")}
          </Link>
        ) : null}
        {member && meeting.status === "live" ? (
          <Link className="button" to="direct">
            {t("live.follow")}
          </Link>
        ) : null}
        {meeting.status === "closed" ? (
          <Link className="button" to="imprimer">
            {t("meetings.printable")}
          </Link>
        ) : null}
        {runs && meeting.status === "planned" ? (
          <Link className="button" to="modifier">
            {t("meetings.edit")}
          </Link>
        ) : null}
        {runs && meeting.status === "planned" ? (
          <IntentButton intent="start" className="primary">
            {t("meetings.start")}
          </IntentButton>
        ) : null}
        {runs && meeting.status === "live" ? (
          <IntentButton intent="close" className="primary">
            {t("meetings.close")}
          </IntentButton>
        ) : null}
      </nav>
      <FormError error={of("status")?.errors.form} />

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t("agenda.title")}</h2>
        {meeting.agenda.length === 0 ? <p>{t("agenda.empty")}</p> : null}
        <ol className="agenda" data-testid="agenda">
          {meeting.agenda.map((item, index) => (
            <li key={item.id}>
              <span className="agenda-title">{item.title}</span>{" "}
              <span className="muted">
                · {t(`agendaKind.${item.kind}`)}
                {item.plannedMinutes ? ` · ${t("agenda.minutes", { minutes: item.plannedMinutes })}` : ""}
              </span>
              {runs && open ? (
                <span className="row-actions">
                  {(["up", "down"] as const).map((direction) => (
                    <IntentButton
                      key={direction}
                      intent="agenda-move"
                      fields={{ itemId: item.id, direction }}
                      className="small"
                      disabled={direction === "up" ? index === 0 : index === meeting.agenda.length - 1}
                      label={t(direction === "up" ? "agenda.moveUp" : "agenda.moveDown", { title: item.title })}
                    >
                      {direction === "up" ? "↑" : "↓"}
                    </IntentButton>
                  ))}
                  <IntentButton intent="agenda-remove" fields={{ itemId: item.id }} className="small" label={t("agenda.remove", { title: item.title })}>
                    ✕
                  </IntentButton>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {totalMinutes > 0 ? <p className="muted">{t("agenda.total", { minutes: totalMinutes })}</p> : null}
        {runs && open ? (
          <Form method="post" noValidate className="grid-form panel">
            <input type="hidden" name="intent" value="agenda-add" />
            <FormError error={of("agenda")?.errors.form} />
            <Field name="title" label={t("agenda.itemTitle")} required error={of("agenda")?.errors.title} />
            <SelectField name="kind" label={t("agenda.kind")} defaultValue="discussion">
              {AGENDA_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`agendaKind.${kind}`)}
                </option>
              ))}
            </SelectField>
            <Field name="plannedMinutes" inputMode="numeric" label={t("agenda.plannedMinutes")} error={of("agenda")?.errors.plannedMinutes} />
            <button type="submit">{t("agenda.add")}</button>
          </Form>
        ) : null}
      </section>

      {meeting.status === "closed" && meeting.minutesHtml !== null ? (
        <section aria-labelledby="frozen-title">
          <h2 id="frozen-title">{t("minutes.title")}</h2>
          <div className="minutes-preview" data-testid="frozen-minutes" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
        </section>
      ) : null}
      {closed ? <SpeakingRecord turns={closed.speaking.turns} totals={closed.speaking.totals} figures={closed.figures} /> : null}
      {open && member ? <MinutesEditor meetingId={meeting.id} initialText={minutes} canWrite={runs} /> : null}

      {runs && meeting.status === "planned" ? (
        <section className="panel" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t("meetings.cancel")}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="cancel" />
            <Field name="reason" label={t("meetings.cancelReason")} required error={of("cancel")?.errors.reason} />
            <button type="submit">{t("meetings.cancel")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
