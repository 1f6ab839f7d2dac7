import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { AttendeeCells, AttendeeHeaderCells } from "../components/attendee-cells";
import { AttendeeFields } from "../components/attendee-fields";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { AttendancePanel } from "../components/live-attendance";
import { pageTitle } from "../components/page-title";
import { can, isAdmin } from "../modules/auth/permissions";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { searchKey } from "../modules/geography/search-key";
import { attendanceCandidates, meetingFigures } from "../modules/meetings/attendance.server";
import { canChangeAttendance, canRecordAttendance } from "../modules/meetings/meeting-state";
import { KnownAttendeeSchema, WalkInSchema } from "../modules/meetings/meetings.schemas";
import { correctAttendance, recordAttendance, removeAttendance } from "../modules/meetings/meetings.server";
import { meetingMessage, type MeetingCode } from "../modules/meetings/messages";
import { listMemberOptions } from "../modules/organisations/organisations.server";
import { getSpace } from "../modules/spaces/spaces.server";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { attendeesFor, meetingYear } from "../modules/meetings/views";
import { audienceIn } from "../modules/spaces/audience";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "attendance.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  requirePermission(context, request, "space.member", { spaceId: meeting.spaceId });
  return pageData(context, request, meeting);
}

/**
 * What the page shows. An action that records a check-in returns it too, so the page at the
 * door needs one request per person, not two (see shouldRevalidate).
 */
function pageData(context: AppLoadContext, request: Request, meeting: ReturnType<typeof meetingRowFromParams>) {
  const actor = context.current?.actor ?? null;
  const space = getSpace(context.db, meeting.spaceId)!;
  const runs = can(actor, "meeting.run", meeting);
  // Members see who came; what the door recorded of each person is for who keeps the register.
  const audience = audienceIn(actor, meeting.spaceId);
  const writable = runs && canChangeAttendance(meeting.status, { admin: isAdmin(actor) });
  const { rows, figures, duplicates } = meetingFigures(context.db, meeting);
  const attendees = attendeesFor(audience, rows, meetingYear(meeting.startsAt));
  const url = new URL(request.url);
  const q = searchKey(url.searchParams.get("q") ?? "");
  const correctingId = Number(url.searchParams.get("corriger"));
  const correctingRow = writable ? (rows.find((r) => r.id === correctingId) ?? null) : null;
  const present = new Set(rows.map((r) => r.personId));
  const candidates = writable && canRecordAttendance(meeting.status)
    ? attendanceCandidates(context.db, space, context.now())
        .filter((c) => !present.has(c.personId) && (!q || searchKey(c.name).includes(q) || searchKey(c.organisationName).includes(q)))
        .map((c) => ({ personId: c.personId, name: c.name, organisationName: c.organisationName }))
    : [];
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, spaceId: meeting.spaceId },
    space: { id: space.id, name: space.name },
    runs,
    register: audience === "facilitator",
    writable,
    open: canRecordAttendance(meeting.status),
    correcting: correctingRow
      ? { id: correctingRow.id, name: correctingRow.name, sex: correctingRow.sex, ageGroup: correctingRow.ageGroup, disability: correctingRow.disability, organisationId: correctingRow.organisationId, role: correctingRow.role }
      : null,
    corrected: url.searchParams.has("corrige"),
    rows: attendees.rows,
    figures,
    duplicates: runs ? duplicates.flat() : [],
    // A door list stays short on a phone; the search narrows it down.
    candidates: candidates.slice(0, MAX_CANDIDATES),
    moreCandidates: Math.max(0, candidates.length - MAX_CANDIDATES),
    organisations: writable ? listMemberOptions(context.db, space.id) : [],
    q: url.searchParams.get("q") ?? "",
  };
}

const MAX_CANDIDATES = 40;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const form = formValues(await request.formData());
  const now = context.now();
  const done = (result: { ok: true } | { ok: false; code: MeetingCode; field?: string }, intent: string) => {
    if (!result.ok) return data({ intent, values: form, errors: { form: meetingMessage(result.code) } as FieldErrors, at: now }, { status: 400 });
    return { intent, values: {} as Record<string, string>, errors: {} as FieldErrors, at: now, page: pageData(context, request, meeting) };
  };
  if (form.intent === "known") {
    const parsed = KnownAttendeeSchema.safeParse(form);
    const space = getSpace(context.db, meeting.spaceId)!;
    const person = parsed.success ? attendanceCandidates(context.db, space, now).find((c) => c.personId === parsed.data.personId) : undefined;
    if (!person) return data({ intent: "known", values: form, errors: { form: "error.notFound" } as FieldErrors, at: now }, { status: 400 });
    return done(recordAttendance(context, current.actor, meeting.id, person, now), "known");
  }
  if (form.intent === "correct") {
    const id = z.object({ attendanceId: z.coerce.number().int().positive() }).safeParse(form);
    if (!id.success) throw new Response("Bad Request", { status: 400 });
    const parsed = WalkInSchema.safeParse(form);
    if (!parsed.success) return data({ intent: "correct", values: form, errors: errorsOf(parsed), at: now }, { status: 400 });
    const result = correctAttendance(context, current.actor, id.data.attendanceId, parsed.data, now);
    // Back to the list, the correction form closed.
    if (!result.ok) return done(result, "correct");
    throw redirect(`${new URL(request.url).pathname}?corrige=${id.data.attendanceId}`, { headers: { "Cache-Control": "no-store" } });
  }
  if (form.intent === "remove") {
    const parsed = z.object({ attendanceId: z.coerce.number().int().positive() }).safeParse(form);
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    return done(removeAttendance(context, current.actor, parsed.data.attendanceId, now), "remove");
  }
  const parsed = WalkInSchema.safeParse(form);
  if (!parsed.success) return data({ intent: "walkin", values: form, errors: errorsOf(parsed), at: now }, { status: 400 });
  return done(recordAttendance(context, current.actor, meeting.id, { ...parsed.data, personId: null }, now), "walkin");
}

/** After a check-in, the action's answer already holds the page as it now is. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "page" in actionResult ? false : defaultShouldRevalidate;

export default function Attendance() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const data = result && "page" in result ? result.page : loaded;
  const navigation = useNavigation();
  const t = useT();
  const walkInForm = useRef<HTMLFormElement>(null);
  const walkIn = result?.intent === "walkin" ? result : undefined;
  // After a walk-in is recorded, the form empties and waits for the next person.
  useEffect(() => {
    if (walkIn && Object.keys(walkIn.errors).length === 0 && navigation.state === "idle") {
      walkInForm.current?.reset();
      walkInForm.current?.querySelector<HTMLInputElement>("input[name=name]")?.focus();
    }
  }, [walkIn, navigation.state]);
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${data.space.id}`, label: data.space.name }, { to: `/espaces/${data.space.id}/reunions/${data.meeting.id}`, label: data.meeting.title }]} />
      <h1>{t("attendance.title")}</h1>
      {data.meeting.status === "closed" ? <p className="notice">{t(data.writable ? "attendance.adminCorrection" : "attendance.locked")}</p> : null}
      <AttendancePanel meetingId={data.meeting.id} initial={data.figures} live={data.meeting.status !== "closed"} />
      <FormError error={result?.intent !== "walkin" ? result?.errors.form : undefined} />

      {data.correcting ? <Correction row={data.correcting} organisations={data.organisations} result={result?.intent === "correct" ? result : undefined} /> : null}
      {data.corrected ? (
        <p role="status" className="notice">
          {t("attendance.corrected")}
        </p>
      ) : null}

      {data.writable && data.open ? (
        <div className="columns">
          <section aria-labelledby="known-title">
            <h2 id="known-title">{t("attendance.known")}</h2>
            <Form method="get" role="search" className="inline">
              <input name="q" type="search" defaultValue={data.q} aria-label={t("attendance.search")} placeholder={t("attendance.search")} />
              <button type="submit">{t("geo.search.submit")}</button>
            </Form>
            {data.candidates.length === 0 ? <p>{t("attendance.noCandidates")}</p> : null}
            {data.moreCandidates > 0 ? <p className="muted">{t("attendance.moreCandidates", { count: data.moreCandidates })}</p> : null}
            <ul className="tap-list" data-testid="candidates">
              {data.candidates.map((c) => (
                <li key={c.personId}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="known" />
                    <input type="hidden" name="personId" value={c.personId} />
                    <button type="submit" className="tap">
                      <span className="name">{c.name}</span>
                      <span className="muted">{c.organisationName}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="walkin-title" className="panel">
            <h2 id="walkin-title">{t("attendance.walkIn")}</h2>
            <Form method="post" noValidate ref={walkInForm}>
              <input type="hidden" name="intent" value="walkin" />
              <FormError error={walkIn?.errors.form} />
              <AttendeeFields
                idPrefix="walkin"
                values={walkIn && Object.keys(walkIn.errors).length > 0 ? { ...walkIn.values, disability: walkIn.values.disability === "on" } : {}}
                errors={walkIn?.errors}
                organisations={data.organisations}
                autoFocus
              />
              <button type="submit" className="primary">
                {t("attendance.add")}
              </button>
            </Form>
          </section>
        </div>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("attendance.list", { count: data.rows.length })}</h2>
        {data.duplicates.length > 0 ? <p className="warning">{t("attendance.duplicates")}</p> : null}
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
                <tr key={r.id} className={data.duplicates.includes(r.id) ? "duplicate" : undefined}>
                  <AttendeeCells row={r} register={data.register} />
                  {data.writable ? (
                    <td className="row-actions">
                      <Link className="button small" to={`?corriger=${r.id}`} aria-label={t("attendance.correct", { name: r.name })}>
                        ✎
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="attendanceId" value={r.id} />
                        <button type="submit" className="small" aria-label={t("attendance.remove", { name: r.name })}>
                          ✕
                        </button>
                      </Form>
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
        <AttendeeFields idPrefix="correct" values={values} errors={failed ? result.errors : undefined} organisations={organisations} />
        <button type="submit" className="primary">
          {t("common.save")}
        </button>
        <Link to="?">{t("attendance.cancelCorrection")}</Link>
      </Form>
    </section>
  );
}
