import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { Form } from "../components/form";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { AttendeeCells, AttendeeHeaderCells } from "../components/attendee-cells";
import { AttendeeFields } from "../components/attendee-fields";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { FiguresView, useLiveFigures } from "../components/live-attendance";
import { pageTitle } from "../components/page-title";
import { can, isAdmin } from "../modules/auth/permissions";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { IDEMPOTENCY_FIELD } from "../modules/idempotency";
import type { MessageKey } from "../modules/i18n/translate";
import { checkInAtDoor, doorList, meetingFigures, restoreAttendance, searchAttendanceCandidates, walkInAtDoor, type DoorCheckIn } from "../modules/meetings/attendance.server";
import { possibleDuplicates } from "../modules/meetings/attendance-figures";
import type { Result } from "../modules/result";
import { canChangeAttendance, canRecordAttendance } from "../modules/meetings/meeting-state";
import { AttendanceRowSchema, EntryKeySchema, KnownAttendeeSchema, WalkInSchema } from "../modules/meetings/meetings.schemas";
import { correctAttendance, removeAttendance } from "../modules/meetings/meetings.server";
import { meetingMessage, type MeetingCode } from "../modules/meetings/messages";
import { listMemberOptions } from "../modules/organisations/organisations.server";
import { getSpace } from "../modules/spaces/spaces.server";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { audienceIn } from "../modules/spaces/audience";
import { selfCheckInLink } from "../modules/meetings/self-check-in.server";
import { QrCodeSvg } from "../components/qr-code";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "attendance.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  requirePermission(context, request, "space.member", { spaceId: meeting.spaceId });
  return pageData(context, request, meeting);
}

/** What the page shows: the list (rows are added to it by each check-in's answer, see `mergeCheckIn`), the figures, the door's search. */
function pageData(context: AppLoadContext, request: Request, meeting: ReturnType<typeof meetingRowFromParams>) {
  const actor = context.current?.actor ?? null;
  const space = getSpace(context.db, meeting.spaceId)!;
  const runs = can(actor, "meeting.run", meeting);
  // Members see who came; what the door recorded of each person is for who keeps the register.
  const audience = audienceIn(actor, meeting.spaceId);
  const writable = runs && canChangeAttendance(meeting.status, { admin: isAdmin(actor) });
  const { rows, figures } = doorList(context.db, meeting, audience);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const correctingId = Number(url.searchParams.get("corriger"));
  const correctingRow = writable ? (rows.find((r) => r.id === correctingId) ?? null) : null;
  // A door list stays short on a phone; the search narrows it down.
  const search =
    writable && canRecordAttendance(meeting.status)
      ? searchAttendanceCandidates(context.db, { spaceId: space.id, communeCode: space.communeCode, meetingId: meeting.id, query: q, limit: MAX_CANDIDATES, now: context.now() })
      : { candidates: [], more: 0 };
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, spaceId: meeting.spaceId },
    space: { id: space.id, name: space.name },
    runs,
    register: audience === "facilitator",
    writable,
    open: canRecordAttendance(meeting.status),
    // Delegates with an account check themselves in from this link (or its QR code).
    selfCheckIn: writable && canRecordAttendance(meeting.status) ? selfCheckInLink(context.publicOrigin(request.url), meeting.id) : null,
    correcting:
      correctingRow?.register
        ? { id: correctingRow.id, name: correctingRow.name, role: correctingRow.role, sex: correctingRow.register.sex, ageGroup: correctingRow.register.ageGroup, disability: correctingRow.register.disability, organisationId: correctingRow.register.organisationId }
        : null,
    corrected: url.searchParams.has("corrige"),
    rows,
    figures,
    candidates: search.candidates,
    moreCandidates: search.more,
    organisations: writable ? listMemberOptions(context.db, space.id) : [],
    q,
  };
}

type DoorPage = ReturnType<typeof pageData>;

const MAX_CANDIDATES = 40;

/** The walk-in form among the taps under way (the others are the people tapped, by id). */
const WALK_IN = 0;

/** What the page says after a change: the message, and the removal it may undo. */
interface Notice {
  key: MessageKey;
  name: string;
  undo?: number;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const form = formValues(await request.formData());
  const now = context.now();
  const refused = (intent: string, errors: FieldErrors) => data({ intent, values: form, errors, at: now }, { status: 400 });
  // A removal or its undo: the page reads itself again after it (rare; see shouldRevalidate).
  const done = (result: { ok: true } | { ok: false; code: MeetingCode; field?: string }, intent: string, notice: Notice | null = null) => {
    if (!result.ok) return refused(intent, { form: meetingMessage(result.code) } as FieldErrors);
    return { intent, values: {} as Record<string, string>, errors: {} as FieldErrors, at: now, notice };
  };
  // A check-in: the answer holds what changed for the page, not the page (one request per person).
  const checkedIn = (result: Result<{ name: string; change: DoorCheckIn }, MeetingCode>, intent: "known" | "walkin") => {
    if (!result.ok) return refused(intent, { form: meetingMessage(result.code) } as FieldErrors);
    return { intent, values: {} as Record<string, string>, errors: {} as FieldErrors, at: now, notice: { key: "attendance.checkedIn", name: result.value.name } as Notice, change: result.value.change };
  };
  const since = Number(form.since);
  const lastRow = Number.isSafeInteger(since) && since > 0 ? since : 0;
  if (form.intent === "known") {
    const parsed = KnownAttendeeSchema.safeParse(form);
    if (!parsed.success) return refused("known", { form: "error.notFound" } as FieldErrors);
    const result = checkInAtDoor(context, current.actor, meeting, parsed.data.personId, lastRow, now);
    // Already on the list: said, with her row for the page.
    if (!result.ok && "change" in result) return data({ intent: "known", values: form, errors: { form: meetingMessage(result.code) } as FieldErrors, at: now, change: result.change }, { status: 400 });
    return checkedIn(result, "known");
  }
  if (form.intent === "correct") {
    const id = AttendanceRowSchema.safeParse(form);
    if (!id.success) throw new Response("Bad Request", { status: 400 });
    const parsed = WalkInSchema.safeParse(form);
    if (!parsed.success) return refused("correct", errorsOf(parsed));
    // The arrival time stays as it was: a correction changes what was recorded, not when.
    const result = correctAttendance(context, current.actor, id.data.attendanceId, parsed.data, now);
    // Back to the list, the correction form closed.
    if (!result.ok) return done(result, "correct");
    throw redirect(`${new URL(request.url).pathname}?corrige=${id.data.attendanceId}`, { headers: { "Cache-Control": "no-store" } });
  }
  if (form.intent === "remove") {
    const parsed = AttendanceRowSchema.safeParse(form);
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    // Two steps: the first post asks, the second (confirm=1) removes; the removal can be undone.
    if (!isConfirmed(form)) return askToConfirm("remove", { attendanceId: parsed.data.attendanceId });
    const name = meetingFigures(context.db, meeting).rows.find((r) => r.id === parsed.data.attendanceId)?.name ?? "";
    return done(removeAttendance(context, current.actor, parsed.data.attendanceId, now), "remove", { key: "attendance.removed", name, undo: parsed.data.attendanceId });
  }
  if (form.intent === "restore") {
    const parsed = AttendanceRowSchema.safeParse(form);
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    const result = restoreAttendance(context, current.actor, meeting.id, parsed.data.attendanceId, now);
    if (!result.ok && result.code === "not_found") return refused("restore", { form: "attendance.error.notRemoved" } as FieldErrors);
    return done(result, "restore", result.ok ? { key: "attendance.restored", name: result.value.name } : null);
  }
  const parsed = WalkInSchema.safeParse(form);
  if (!parsed.success) return refused("walkin", errorsOf(parsed));
  // The walk-in's key, drawn by the page's script (a page without one sends none).
  const entry = form.entry ? EntryKeySchema.safeParse(form.entry) : null;
  if (entry && !entry.success) return refused("walkin", { form: "error.invalid" } as FieldErrors);
  return checkedIn(walkInAtDoor(context, current.actor, meeting, parsed.data, entry?.data ?? null, lastRow, now), "walkin");
}

/**
 * The page after a check-in: the rows it lacked added (each once: a page rendered after the
 * post has them already), the figures as they now are, and whoever is now on the list no
 * longer offered to check in.
 */
function mergeCheckIn(page: DoorPage, change: DoorCheckIn): DoorPage {
  const shown = new Set(page.rows.map((r) => r.id));
  const added = change.rows.filter((r) => !shown.has(r.id));
  const present = new Set(added.map((r) => r.register?.personId));
  return { ...page, rows: [...page.rows, ...added], figures: change.figures, candidates: page.candidates.filter((c) => !present.has(c.personId)) };
}

/** After a check-in, the answer already holds what changed; after anything else, the page is read again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "change" in actionResult ? false : defaultShouldRevalidate;

/** How long the list may lack rows the live figures count (another door's check-ins) before the page reads it again. */
const CATCH_UP_MS = 5_000;

/** What a check-in sent on the door's socket was answered: as the form's answer says it. */
interface SocketAnswer {
  intent: "known" | "walkin";
  values: Record<string, string>;
  errors: FieldErrors;
  notice?: Notice;
  change?: DoorCheckIn;
}

/**
 * A walk-in's key (see `recordAttendance`): random, drawn once the script runs (a page without
 * one sends none), and again once its walk-in is recorded. Not `randomUUID`: a door's laptop
 * on the meeting's network may serve plain HTTP, where browsers do not offer it.
 */
function drawEntryKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A socket's reply read as the form's answer would say it. */
function readSocketReply(intent: SocketAnswer["intent"], reply: { error: MessageKey | null; value?: unknown }, values: Record<string, string>): SocketAnswer {
  const value = reply.value as { name?: string; change?: DoorCheckIn; errors?: FieldErrors } | undefined;
  if (!reply.error && value?.name && value.change) return { intent, values: {}, errors: {}, notice: { key: "attendance.checkedIn", name: value.name }, change: value.change };
  return { intent, values, errors: value?.errors ?? ({ form: reply.error ?? "error.invalid" } as FieldErrors), ...(value?.change ? { change: value.change } : {}) };
}

export default function Attendance() {
  const loaded = useLoaderData<typeof loader>() as DoorPage;
  const result = useActionData<typeof action>();
  const formAnswer = result && "intent" in result ? result : undefined;
  // A check-in sent on the socket is answered there. Its answer stands as a form's would: until
  // the next form's answer, or the page is read again (a search, a catch-up).
  const [socketAnswer, setSocketAnswer] = useState<{ answer: SocketAnswer; form: typeof formAnswer; loaded: DoorPage } | null>(null);
  const latest = useRef({ form: formAnswer, loaded });
  latest.current = { form: formAnswer, loaded };
  const answer: typeof formAnswer | SocketAnswer | undefined = socketAnswer && socketAnswer.form === formAnswer && socketAnswer.loaded === loaded ? socketAnswer.answer : formAnswer;
  const change = answer && "change" in answer ? (answer.change as DoorCheckIn) : undefined;
  // What the page shows: as loaded (read again, it is the newest), then each check-in's answer
  // merged in as it comes (the loaded page is not read again after a check-in).
  const [view, setView] = useState({ loaded, change, data: loaded });
  let shown = view;
  if (view.loaded !== loaded) shown = { loaded, change, data: loaded };
  else if (view.change !== change) shown = { loaded, change, data: change ? mergeCheckIn(view.data, change) : view.data };
  if (shown !== view) setView(shown);
  const data = shown.data;
  const notice = (answer && "notice" in answer ? answer.notice : null) as Notice | null;
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const submit = useSubmit();
  const t = useT();
  const duplicates = useMemo(() => (data.runs ? possibleDuplicates(data.rows).flat() : []), [data.runs, data.rows]);
  // The last row the page shows: a check-in's answer brings the rows after it.
  const since = data.rows.reduce((last, r) => Math.max(last, r.id), 0);
  // The list lacks something besides the rows after it (a row removed or put back at another
  // door): the page reads itself again, once.
  useEffect(() => {
    if (change && shown.data.rows.length !== change.count) revalidator.revalidate();
    // Once per answer (the revalidator is a new object at each of its states).
  }, [change]);
  // Another door's check-ins reach the live figures at once; the list follows when this door
  // has been quiet for a moment (its own next check-in brings them sooner).
  const [liveCount, setLiveCount] = useState<number | null>(null);
  const { figures, command } = useLiveFigures(data.meeting.id, data.figures, data.meeting.status !== "closed", setLiveCount);
  // A check-in goes on the live socket when it is open (one small message each at a rush, the
  // socket already open for the figures), its form's post otherwise. Left without an answer, or
  // asked to wait, it goes as its post: keyed, sent until answered (the network back), and the
  // server records a known person once, whichever way she came, and a walk-in once under the
  // key the page drew for her.
  const [pending, setPending] = useState<readonly number[]>([]);
  const asPost = useRef(new Set<number>());
  const [entry, setEntry] = useState<string | null>(null);
  useEffect(() => setEntry(drawEntryKey()), []);
  const overSocket = (event: FormEvent<HTMLFormElement>, id: number, intent: SocketAnswer["intent"], fields: Record<string, string>, recorded?: () => void) => {
    if (asPost.current.delete(id)) return;
    if (pending.includes(id)) return event.preventDefault();
    const sent = command(intent === "known" ? "check-in" : "walk-in", fields);
    if (!sent) return;
    event.preventDefault();
    const form = event.currentTarget;
    setPending((ids) => [...ids, id]);
    void sent.then((reply) => {
      setPending((ids) => ids.filter((other) => other !== id));
      if (reply.error === "live.error.noReply" || reply.error === "error.tooFast") {
        asPost.current.add(id);
        form.requestSubmit();
        return;
      }
      if (!reply.error) recorded?.();
      setSocketAnswer({ answer: readSocketReply(intent, reply, fields), ...latest.current });
    });
  };
  const checkIn = (event: FormEvent<HTMLFormElement>, personId: number) => overSocket(event, personId, "known", { personId: String(personId), since: String(since) });
  const walkInSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Its post under way (sent again until answered): a tap now is that same post, the form's to handle.
    if (navigation.formData?.get("intent") === "walkin") return;
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && name !== "intent" && name !== IDEMPOTENCY_FIELD) fields[name] = value;
    // Without its key yet (the script just started), it goes as its post. Once recorded, the
    // next walk-in gets a key of its own before anything else can be sent.
    if (fields.entry) overSocket(event, WALK_IN, "walkin", fields, () => setEntry(drawEntryKey()));
  };
  // Quiet: nothing under way, neither a form nor a check-in on the socket.
  const idle = navigation.state === "idle" && revalidator.state === "idle" && pending.length === 0;
  useEffect(() => {
    if (liveCount === null || liveCount === data.rows.length || !idle) return;
    const timer = setTimeout(() => revalidator.revalidate(), CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [liveCount, data.rows.length, idle]);
  const walkInForm = useRef<HTMLFormElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const walkIn = answer?.intent === "walkin" ? answer : undefined;
  const walkInFailed = walkIn && Object.keys(walkIn.errors).length > 0;
  // The cursor moves once per answer, not again whenever the page is idle after a search.
  const placed = useRef<unknown>(null);
  useEffect(() => {
    if (!answer || navigation.state !== "idle" || placed.current === answer) return;
    placed.current = answer;
    if (answer.intent === "walkin") {
      const form = walkInForm.current;
      if (!walkInFailed) {
        // Recorded: the form empties and waits for the next walk-in, under a key of its own (a
        // socket's answer drew it already).
        if ("at" in answer) setEntry(drawEntryKey());
        form?.reset();
        form?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
      } else {
        // Refused: the cursor goes to the first question left unanswered.
        form?.querySelector<HTMLElement>("fieldset[data-invalid] input, [aria-invalid=true]")?.focus();
      }
    } else if (answer.intent === "known" && Object.keys(answer.errors).length === 0) {
      // Checked in: the next name typed replaces the search.
      search.current?.focus();
      search.current?.select();
    }
  }, [answer, walkInFailed, navigation.state]);
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${data.space.id}`, label: data.space.name }, { to: `/espaces/${data.space.id}/reunions/${data.meeting.id}`, label: data.meeting.title }]} />
      <h1>{t("attendance.title")}</h1>
      {data.meeting.status === "closed" ? <p className="notice">{t(data.writable ? "attendance.adminCorrection" : "attendance.locked")}</p> : null}
      <div className="door-status" aria-live="polite">
        {notice ? (
          <div className="notice status-line door-notice" role="status" data-testid="door-status">
            <span>{t(notice.key, { name: notice.name })}</span>
            {notice.undo ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="attendanceId" value={notice.undo} />
                <button type="submit" className="small">
                  {t("attendance.undoRemove")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {data.corrected ? <StatusLine message={t("attendance.corrected")} /> : null}
      </div>
      <FormError error={answer && answer.intent !== "walkin" ? answer.errors.form : undefined} />

      {data.correcting ? <Correction row={data.correcting} organisations={data.organisations} result={answer?.intent === "correct" ? answer : undefined} /> : null}

      {data.writable && data.open ? (
        <div className="columns door">
          <section aria-labelledby="known-title">
            <h2 id="known-title">{t("attendance.known")}</h2>
            <Form method="get" role="search" className="inline door-search" preventScrollReset>
              <input
                ref={search}
                name="q"
                type="search"
                defaultValue={data.q}
                aria-label={t("attendance.search")}
                aria-describedby="door-search-hint"
                placeholder={t("attendance.search")}
                autoComplete="off"
                autoFocus
                onChange={(event) => submit(event.currentTarget.form, { replace: true, preventScrollReset: true })}
              />
              <button type="submit">{t("geo.search.submit")}</button>
            </Form>
            <p className="hint" id="door-search-hint">
              {t("attendance.searchHint")}
            </p>
            {data.candidates.length === 0 ? <p>{t("attendance.noCandidates")}</p> : null}
            {data.moreCandidates > 0 ? <p className="muted">{t("attendance.moreCandidates", { count: data.moreCandidates })}</p> : null}
            <ul className="tap-list" data-testid="candidates">
              {data.candidates.map((c) => (
                <li key={c.personId}>
                  <Form method="post" onSubmit={(event) => checkIn(event, c.personId)}>
                    <input type="hidden" name="intent" value="known" />
                    <input type="hidden" name="since" value={since} />
                    <input type="hidden" name="personId" value={c.personId} />
                    <button type="submit" className="tap" aria-busy={pending.includes(c.personId) || undefined}>
                      <span className="name">{c.name}</span>
                      <span className="muted">{c.organisationName}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="walkin-title" className="panel walk-in">
            <h2 id="walkin-title">{t("attendance.walkIn")}</h2>
            <Form method="post" noValidate ref={walkInForm} onSubmit={walkInSubmit}>
              <input type="hidden" name="intent" value="walkin" />
              <input type="hidden" name="since" value={since} />
              {entry ? <input type="hidden" name="entry" value={entry} /> : null}
              <FormError error={walkIn?.errors.form} />
              <AttendeeFields
                idPrefix="walkin"
                values={walkInFailed ? { ...walkIn.values, disability: walkIn.values.disability === "on" } : {}}
                errors={walkIn?.errors}
                organisations={data.organisations}
              />
              <button type="submit" className="primary" aria-busy={pending.includes(WALK_IN) || undefined}>
                {t("attendance.add")}
              </button>
            </Form>
          </section>
        </div>
      ) : null}

      <FiguresView figures={figures} />

      {data.selfCheckIn ? (
        <section className="self-check-in" aria-labelledby="self-title">
          <QrCodeSvg qr={data.selfCheckIn.qr} label={t("arrival.qr")} />
          <div>
            <h2 id="self-title">{t("arrival.linkTitle")}</h2>
            <p className="paper-link">{data.selfCheckIn.url}</p>
            <p className="muted">{t("arrival.linkHelp")}</p>
          </div>
        </section>
      ) : null}
      {data.writable ? (
        <p className="inline-forms">
          <Link to={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}/comptage`}>{t("headcount.link")}</Link>
          <Link to={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}/feuille`}>{t("paper.link")}</Link>
          <Link to={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}/saisie`}>{t("paper.entryLink")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("attendance.list", { count: data.rows.length })}</h2>
        {duplicates.length > 0 ? <p className="warning">{t("attendance.duplicates")}</p> : null}
        <div className="table-scroll">
          <table data-testid="attendance-list">
            <thead>
              <tr>
                <AttendeeHeaderCells register={data.register} />
                {data.writable ? <th scope="col" /> : null}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} className={duplicates.includes(r.id) ? "duplicate" : undefined}>
                  <AttendeeCells row={r} register={data.register} />
                  {data.writable ? (
                    <td className="row-actions">
                      <Link className="button small" to={`?corriger=${r.id}`} aria-label={t("attendance.correct", { name: r.name })}>
                        ✎
                      </Link>
                      <ConfirmButton
                        intent="remove"
                        fields={{ attendanceId: r.id }}
                        className="small"
                        label={t("attendance.remove", { name: r.name })}
                        title={t("attendance.removeTitle", { name: r.name })}
                        confirmLabel={t("attendance.removeConfirm")}
                        details={<p>{t("attendance.removeExplain")}</p>}
                      >
                        ✕
                      </ConfirmButton>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {data.runs ? (
          <p>
            <a href={`/espaces/${data.space.id}/reunions/${data.meeting.id}/presences.csv`}>{t("export.attendance")}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

function Correction({
  row,
  organisations,
  result,
}: {
  row: { id: number; name: string; sex: string | null; ageGroup: string | null; disability: boolean; organisationId: number | null; role: string };
  organisations: { id: number; name: string }[];
  result?: { values: Record<string, string>; errors: FieldErrors };
}) {
  const t = useT();
  const failed = result && Object.keys(result.errors).length > 0;
  const values = failed ? { ...result.values, disability: result.values.disability === "on" } : row;
  return (
    <section className="panel" aria-labelledby="correct-title">
      <h2 id="correct-title">{t("attendance.correctTitle", { name: row.name })}</h2>
      <Form method="post" noValidate className="grid-form">
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="attendanceId" value={row.id} />
        <FormError error={failed ? result.errors.form : undefined} />
        <AttendeeFields idPrefix="correct" values={values} errors={failed ? result.errors : undefined} organisations={organisations} stated={!failed} />
        <button type="submit" className="primary">
          {t("common.save")}
        </button>
        <Link to="?">{t("attendance.cancelCorrection")}</Link>
      </Form>
    </section>
  );
}
