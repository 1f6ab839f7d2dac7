import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { IntentButton } from "../components/intent-button";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { justDone } from "../modules/audit/just-done.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import type { MessageKey } from "../modules/i18n/translate";
import { renderMarkdown } from "../modules/meetings/markdown";
import { useLocale, useT } from "../components/i18n";
import { MinutesEditor } from "../components/minutes-editor";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDate, formatDateTime, formatTime } from "../modules/i18n/format";
import { meetingFigures } from "../modules/meetings/attendance.server";
import { speakingRecord } from "../modules/live/live.server";
import { SpeakingRecord } from "../components/speaking-record";
import { canEditPlan, minutesWritable, reopenDeadline, reopenRefusal } from "../modules/meetings/meeting-state";
import { isAdmin } from "../modules/auth/permissions";
import { AGENDA_KINDS } from "../modules/meetings/kinds";
import { AgendaItemSchema, AgendaMoveSchema, ApproveMinutesSchema, CancelSchema } from "../modules/meetings/meetings.schemas";
import { addAgendaItem, approveMinutes, changeMeetingStatus, listMinutesAwaitingApproval, minutesApproval, moveAgendaItem, removeAgendaItem, type Meeting } from "../modules/meetings/meetings.server";
import { minutesTemplate } from "../modules/meetings/minutes-template";
import { MINUTES_ROOT, minutesRef } from "../modules/meetings/minutes";
import { meetingMessage, type MeetingCode } from "../modules/meetings/messages";
import { getSpace } from "../modules/spaces/spaces.server";
import { can } from "../modules/auth/permissions";
import { meetingFromParams } from "../modules/meetings/meeting-params.server";
import { figuresFor, speakingTotalsFor, turnsFor, meetingYear } from "../modules/meetings/views";
import { audienceIn, type Audience } from "../modules/spaces/audience";
import { localeFor } from "../modules/i18n/i18n.server";
import { meetingPolls } from "../modules/polls/polls.server";
import { MeetingPolls } from "../components/poll-meeting";
import { PlanningReview } from "../components/commitment-review";
import { reviewList } from "../modules/commitments/review.server";

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
  const now = context.now();
  // Facilitators write the minutes until they are approved; members follow them while the
  // meeting runs, and read the draft rendered after it. The public reads approved minutes only.
  const writesMinutes = runs && minutesWritable(meeting);
  const draft = meeting.status === "closed" && meeting.minutesApprovedAt === null;
  const minutes = (open && member) || writesMinutes ? context.realtime.readText(minutesRef(meeting.id), MINUTES_ROOT) : "";
  const draftHtml = draft && member && !runs ? renderMarkdown(context.realtime.readText(minutesRef(meeting.id), MINUTES_ROOT)) : null;
  const closed = meeting.status === "closed" ? closedRecord(context.db, meeting, audience, now) : null;
  const approval = minutesApproval(context.db, meeting);
  // What a facilitator may do about the record: reopen (until when), approve the minutes.
  const reopen =
    runs && meeting.status === "closed" && meeting.minutesApprovedAt === null && meeting.closedAt !== null
      ? { allowed: reopenRefusal(meeting, { admin: isAdmin(actor) }, now) === null, until: reopenDeadline(meeting.closedAt) }
      : null;
  // Earlier minutes awaiting approval: offered as agenda items, approved during the session.
  const awaiting = runs && open ? listMinutesAwaitingApproval(context.db, meeting.spaceId, meeting.startsAt, meeting.id) : [];
  // Right after planning it, the page the facilitator lands on says so.
  const planned = runs && justDone(context.db, actor?.userId ?? null, "meeting.plan", { type: "meeting", id: meeting.id }, now) !== null;
  // What a commitment review would go through today, for those preparing the meeting (as each may see them).
  const review = open && (runs || member) ? reviewList(context.db, actor, meeting.spaceId, now) : null;
  return {
    planned,
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
      minutesHtml: meeting.status === "closed" && approval ? meeting.minutesHtml : null,
      approval,
      draft,
      agenda: meeting.agenda.map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMinutes: i.plannedMinutes, approvesMeetingId: i.approvesMeetingId })),
      facilitators: meeting.facilitators.map((f) => f.name),
      authorities: meeting.authorities.map((a) => a.name),
    },
    space: { id: space.id, name: space.name },
    runs,
    member,
    minutes,
    writesMinutes,
    draftHtml,
    closed,
    reopen,
    awaiting,
    live: meeting.status === "live",
    review,
    // Each poll as this audience may see it (who voted what in a named poll: members only).
    polls: meetingPolls(context.db, actor, meeting.id, localeFor(request, context.current ?? null)),
  };
}

/** A closed meeting's speaking record and figures, as its audience may read them. */
function closedRecord(db: Parameters<typeof meetingFigures>[0], meeting: Meeting, audience: Audience, now: number) {
  const { rows, figures } = meetingFigures(db, meeting);
  const record = speakingRecord(db, meeting, now);
  const year = meetingYear(meeting.startsAt);
  return { speaking: { turns: turnsFor(audience, record.turns, rows, year), totals: speakingTotalsFor(audience, record.totals) }, figures: figuresFor(audience, figures) };
}

/** When the meeting opens, its agenda is settled: the minutes start from it, in both languages. */
function bilingualTemplate(meeting: Meeting) {
  return minutesTemplate({ title: meeting.title, when: { fr: formatDateTime(meeting.startsAt, "fr"), ht: formatDateTime(meeting.startsAt, "ht") }, place: meeting.place, agenda: meeting.agenda });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const values = formValues(await request.formData());
  const now = context.now();
  const respond = (intent: string, result: { ok: true } | { ok: false; code: MeetingCode; field?: string }, done: MessageKey) =>
    result.ok
      ? { intent, values: {} as Record<string, string>, errors: {} as FieldErrors, done }
      : data({ intent, values, errors: { [result.field ?? "form"]: meetingMessage(result.code) } as FieldErrors, done: null }, { status: 400 });
  switch (values.intent) {
    case "start":
      return respond("status", changeMeetingStatus(context, current.actor, meeting.id, "start", { now, minutesTemplate: bilingualTemplate }), "meetings.started");
    case "close":
      // Two steps: what closing does is said first (`ConfirmButton`).
      if (!isConfirmed(values)) return askToConfirm("close");
      return respond("status", changeMeetingStatus(context, current.actor, meeting.id, "close", { now }), "meetings.closed");
    case "reopen":
      if (!isConfirmed(values)) return askToConfirm("reopen");
      return respond("status", changeMeetingStatus(context, current.actor, meeting.id, "reopen", { now }), "meetings.reopened");
    case "approve-minutes": {
      const parsed = ApproveMinutesSchema.safeParse(values);
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      const target = parsed.data.meetingId ?? meeting.id;
      if (!isConfirmed(values)) return askToConfirm("approve-minutes", parsed.data.meetingId ? { meetingId: target } : {});
      // Approved from this page: its own minutes, or an earlier meeting's as an item of this one.
      const result = approveMinutes(context, current.actor, target, { now, inMeetingId: target === meeting.id ? undefined : meeting.id });
      return respond("minutes", result, "minutes.approved");
    }
    case "cancel": {
      const parsed = CancelSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "cancel", values, errors: errorsOf(parsed) }, { status: 400 });
      return respond("cancel", changeMeetingStatus(context, current.actor, meeting.id, "cancel", { now, reason: parsed.data.reason }), "meetings.cancelled");
    }
    case "agenda-add": {
      const parsed = AgendaItemSchema.safeParse(values);
      if (!parsed.success) return data({ intent: "agenda", values, errors: errorsOf(parsed) }, { status: 400 });
      return respond("agenda", addAgendaItem(context, current.actor, meeting.id, parsed.data, now), "agenda.added");
    }
    case "agenda-move": {
      const parsed = AgendaMoveSchema.safeParse(values);
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      return respond("agenda", moveAgendaItem(context, current.actor, parsed.data.itemId, parsed.data.direction, now), "agenda.moved");
    }
    case "agenda-remove": {
      const parsed = AgendaMoveSchema.pick({ itemId: true }).safeParse(values);
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      if (!isConfirmed(values)) return askToConfirm("agenda-remove", { itemId: parsed.data.itemId });
      return respond("agenda", removeAgendaItem(context, current.actor, parsed.data.itemId, now), "agenda.removed");
    }
    default:
      throw redirect(`/espaces/${meeting.spaceId}/reunions/${meeting.id}`);
  }
}

export default function MeetingPage() {
  const { meeting, space, runs, member, minutes, writesMinutes, draftHtml, closed, reopen, awaiting, live, planned, polls, review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const open = meeting.status === "planned" || meeting.status === "live";
  const of = (intent: string) => (result && "intent" in result && result.intent === intent ? result : undefined);
  const done = result && "done" in result && result.done ? t(result.done) : planned ? t("done.meetingPlanned") : null;
  const totalMinutes = meeting.agenda.reduce((n, i) => n + (i.plannedMinutes ?? 0), 0);
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{meeting.title}</h1>
      <StatusLine message={done} />
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
          <Link className="button" to="direct" reloadDocument>
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
          <ConfirmButton
            intent="close"
            className="primary"
            testId="close-meeting"
            title={t("meetings.closeConfirmTitle")}
            confirmLabel={t("meetings.closeConfirm")}
            details={
              <>
                <p>{t("meetings.closeConfirmWhat")}</p>
                <ul>
                  <li>{t("meetings.closeConfirmSpeakers")}</li>
                  <li>{t("meetings.closeConfirmAttendance")}</li>
                  <li>{t("meetings.closeConfirmScreen")}</li>
                  <li>{t("meetings.closeConfirmMinutes")}</li>
                </ul>
                <p className="muted">{t("meetings.closeConfirmUndo")}</p>
              </>
            }
          >
            {t("meetings.close")}
          </ConfirmButton>
        ) : null}
      </nav>
      <FormError error={of("status")?.errors.form} />
      {reopen ? (
        <section className="panel" aria-labelledby="reopen-title" data-testid="reopen">
          <h2 id="reopen-title">{t("meetings.reopen")}</h2>
          <p className="muted">{t("meetings.reopenHint", { date: formatDateTime(reopen.until, locale) })}</p>
          {reopen.allowed ? (
            <ConfirmButton intent="reopen" testId="reopen-meeting" title={t("meetings.reopenConfirmTitle")} confirmLabel={t("meetings.reopenConfirm")} details={<p>{t("meetings.reopenConfirmText")}</p>}>
              {t("meetings.reopen")}
            </ConfirmButton>
          ) : (
            <p>{t("meetings.error.reopenExpired")}</p>
          )}
        </section>
      ) : null}

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
                  <ConfirmButton
                    intent="agenda-remove"
                    fields={{ itemId: item.id }}
                    className="small"
                    label={t("agenda.remove", { title: item.title })}
                    title={t("agenda.remove", { title: item.title })}
                    confirmLabel={t("agenda.remove", { title: item.title })}
                    details={<p>{t("agenda.removeConfirm", { title: item.title })}</p>}
                  >
                    ✕
                  </ConfirmButton>
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        {totalMinutes > 0 ? <p className="muted">{t("agenda.total", { minutes: totalMinutes })}</p> : null}
        {awaiting.length > 0 ? (
          <div className="panel" data-testid="minutes-awaiting">
            <p>
              <strong>{t("agenda.offerApproval")}</strong>
            </p>
            <p className="muted">{t("agenda.offerApprovalHint")}</p>
            <ul className="plain">
              {awaiting.map((m) => {
                const title = t("agenda.approvalTitle", { date: formatDate(m.startsAt, locale) });
                // The item for these minutes, or one naming no meeting (an agenda made before items named theirs).
                const item = meeting.agenda.find((i) => i.kind === "minutes_approval" && (i.approvesMeetingId === m.id || i.approvesMeetingId === null));
                const approvesHere = live && item !== undefined;
                return (
                  <li key={m.id}>
                    {item ? null : (
                      <IntentButton intent="agenda-add" fields={{ kind: "minutes_approval", title, plannedMinutes: 5, approvesMeetingId: m.id }} className="small">
                        {t("agenda.addApproval", { title })}
                      </IntentButton>
                    )}
                    {approvesHere ? (
                      <ConfirmButton
                        intent="approve-minutes"
                        fields={{ meetingId: m.id }}
                        testId={`approve-minutes-${m.id}`}
                        title={t("minutes.approveConfirmTitle")}
                        confirmLabel={t("minutes.approveConfirm")}
                        details={<p>{t("minutes.approveConfirmText")}</p>}
                      >
                        {t("minutes.approveOf", { title: m.title, date: formatDate(m.startsAt, locale) })}
                      </ConfirmButton>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            <FormError error={of("minutes")?.errors.form} />
          </div>
        ) : null}
        {review ? <PlanningReview list={review} spaceId={space.id} hasItem={meeting.agenda.some((i) => i.kind === "commitment_review")} canAdd={runs && open} /> : null}
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

      {polls.length > 0 || (runs && open) ? <MeetingPolls polls={polls} ballotsPath={runs && open ? "bulletins" : null} /> : null}

      {meeting.status === "closed" && meeting.approval && meeting.minutesHtml !== null ? (
        <section aria-labelledby="frozen-title">
          <h2 id="frozen-title">{t("minutes.title")}</h2>
          <p className="muted" data-testid="minutes-approved">
            {meeting.approval.inMeeting
              ? t("minutes.approvedIn", { date: formatDate(meeting.approval.approvedAt, locale), title: meeting.approval.inMeeting.title })
              : t("minutes.approvedOn", { date: formatDate(meeting.approval.approvedAt, locale) })}
          </p>
          <div className="minutes-preview" data-testid="frozen-minutes" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
        </section>
      ) : null}
      {meeting.status === "closed" && !meeting.approval && !member ? <p className="muted">{t("minutes.notYet")}</p> : null}
      {draftHtml !== null ? (
        <section aria-labelledby="draft-title">
          <h2 id="draft-title">{t("minutes.title")}</h2>
          <p className="notice">{t("minutes.draft")}</p>
          <div className="minutes-preview" data-testid="draft-minutes" dangerouslySetInnerHTML={{ __html: draftHtml }} />
        </section>
      ) : null}
      {(open && member) || writesMinutes ? <MinutesEditor meetingId={meeting.id} initialText={minutes} canWrite={writesMinutes} /> : null}
      {runs && meeting.draft ? (
        <section className="panel" aria-labelledby="approve-title" data-testid="approve">
          <p className="notice">{t("minutes.draft")}</p>
          <FormError error={of("minutes")?.errors.form} />
          <ConfirmButton
            intent="approve-minutes"
            className="primary"
            testId="approve-minutes"
            title={t("minutes.approveConfirmTitle")}
            confirmLabel={t("minutes.approveConfirm")}
            details={<p>{t("minutes.approveConfirmText")}</p>}
          >
            <span id="approve-title">{t("minutes.approve")}</span>
          </ConfirmButton>
        </section>
      ) : null}
      {closed ? <SpeakingRecord turns={closed.speaking.turns} totals={closed.speaking.totals} figures={closed.figures} /> : null}

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
