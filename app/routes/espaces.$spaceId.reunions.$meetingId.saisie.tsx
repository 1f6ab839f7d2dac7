import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { FormError } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { isAdmin } from "../modules/auth/permissions";
import { formValues } from "../modules/forms";
import { formatNumber } from "../modules/i18n/format";
import type { MessageKey } from "../modules/i18n/translate";
import { paperMessage } from "../modules/meetings/door-codes";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { canChangeAttendance } from "../modules/meetings/meeting-state";
import { lineField, NOT_SAID, PAPER_LINES, rawLinesOf, type LineProblem } from "../modules/meetings/paper-sheet";
import { enterPaperSheet, getPaperSheet } from "../modules/meetings/paper.server";
import { AGE_GROUP_IDS } from "../modules/people/age-groups";
import { SEXES } from "../modules/people/sex";
import { getSpace } from "../modules/spaces/spaces.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "paper.entryTitle");

/**
 * A filled paper sheet typed back in, laid out like it: the known people to tick, then 25
 * lines. One submit records everything in one transaction, or nothing and names each bad line.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  const saved = new URL(request.url).searchParams.get("enregistre");
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    space: { id: space.id, name: space.name },
    writable: canChangeAttendance(meeting.status, { admin: isAdmin(current.actor) }),
    ...getPaperSheet(context.db, meeting, context.now()),
    saved: saved !== null && /^\d{1,4}$/.test(saved) ? Number(saved) : null,
  };
}

const PROBLEM_KEYS: Record<LineProblem, MessageKey> = {
  name: "paper.problem.name",
  sex: "paper.problem.sex",
  ageGroup: "paper.problem.ageGroup",
  organisation: "paper.problem.organisation",
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const formData = await request.formData();
  const values = formValues(formData);
  const personIds = formData
    .getAll("personId")
    .map((v) => (typeof v === "string" && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : NaN))
    .filter((n) => Number.isInteger(n));
  const result = enterPaperSheet(context, current.actor, meeting.id, { personIds, lines: rawLinesOf(values) }, context.now());
  if (result.ok) throw redirect(`${new URL(request.url).pathname}?enregistre=${result.value.recorded}`, { headers: { "Cache-Control": "no-store" } });
  const problems = result.code === "bad_lines" && "problems" in result ? result.problems.map((p) => ({ line: p.line, problems: p.problems.map((k) => PROBLEM_KEYS[k]) })) : [];
  return data({ error: paperMessage(result.code), problems, values, personIds }, { status: result.code === "forbidden" ? 403 : 400 });
}

export default function PaperEntry() {
  const { meeting, space, writable, known, organisations, saved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const base = `/espaces/${space.id}/reunions/${meeting.id}`;
  const values: Record<string, string> = result?.values ?? {};
  const ticked = new Set(result?.personIds ?? []);
  const bad = new Map((result?.problems ?? []).map((p) => [p.line, p.problems]));
  // A failed post keeps what was typed; a saved one starts a blank sheet.
  const formKey = result ? "retry" : `sheet-${saved ?? "new"}`;
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }, { to: base, label: meeting.title }]} />
      <h1>{t("paper.entryTitle")}</h1>
      <p>
        <Link to={`${base}/feuille`}>{t("paper.link")}</Link>
      </p>
      {saved !== null && !result ? (
        <p role="status" className="notice" data-testid="paper-saved">
          {t("paper.saved", { count: formatNumber(saved, locale) })}
        </p>
      ) : null}
      {!writable ? <p className="notice">{t("attendance.locked")}</p> : null}
      <FormError error={result?.error} />
      {bad.size > 0 ? (
        <ul className="form-error paper-problems" data-testid="paper-problems">
          {[...bad].map(([line, problems]) => (
            <li key={line}>
              <a href={`#line-${line}`}>{t("paper.lineProblems", { line: String(line), problems: problems.map((k) => t(k)).join(", ") })}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {writable ? (
        <Form method="post" noValidate className="paper-entry" key={formKey}>
          <p>{t("paper.entryHelp")}</p>
          {known.length > 0 ? (
            <fieldset className="paper-entry-known">
              <legend>{t("paper.known")}</legend>
              <ul className="paper-entry-people" data-testid="paper-entry-known">
                {known.map((k) => (
                  <li key={k.personId}>
                    <label>
                      <input type="checkbox" name="personId" value={k.personId} defaultChecked={k.present || ticked.has(k.personId)} disabled={k.present} />
                      <span>{k.name}</span> <span className="muted">{k.organisationName}</span>
                      {k.present ? <span className="muted"> · {t("paper.alreadyPresent")}</span> : null}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          <fieldset>
            <legend>{t("paper.others")}</legend>
            <div className="table-scroll">
              <table className="paper-entry-lines" data-testid="paper-entry-lines">
                <thead>
                  <tr>
                    <th scope="col">{t("paper.col.number")}</th>
                    <th scope="col">{t("paper.col.name")}</th>
                    <th scope="col">{t("paper.col.sex")}</th>
                    <th scope="col">{t("paper.col.age")}</th>
                    <th scope="col">{t("paper.col.disability")}</th>
                    <th scope="col">{t("paper.col.organisation")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: PAPER_LINES }, (_, i) => {
                    const line = i + 1;
                    const v = (f: Parameters<typeof lineField>[1]) => values[lineField(line, f)] ?? "";
                    const label = (k: MessageKey) => `${t("paper.line", { line: String(line) })} · ${t(k)}`;
                    const problems = bad.get(line);
                    return (
                      <tr key={line} id={`line-${line}`} className={problems ? "paper-bad-line" : undefined} aria-invalid={problems ? true : undefined}>
                        <th scope="row">{line}</th>
                        <td>
                          <input name={lineField(line, "name")} defaultValue={v("name")} aria-label={label("paper.col.name")} maxLength={120} autoComplete="off" />
                        </td>
                        <td>
                          <select name={lineField(line, "sex")} defaultValue={v("sex")} aria-label={label("paper.col.sex")}>
                            <option value="">{t("paper.choose")}</option>
                            {SEXES.map((s) => (
                              <option key={s} value={s}>
                                {t(`sex.${s}`)}
                              </option>
                            ))}
                            <option value={NOT_SAID}>{t("paper.notSaid")}</option>
                          </select>
                        </td>
                        <td>
                          <select name={lineField(line, "ageGroup")} defaultValue={v("ageGroup")} aria-label={label("paper.col.age")}>
                            <option value="">{t("paper.choose")}</option>
                            {AGE_GROUP_IDS.map((g) => (
                              <option key={g} value={g}>
                                {t(`age.${g}`)}
                              </option>
                            ))}
                            <option value={NOT_SAID}>{t("paper.notSaid")}</option>
                          </select>
                        </td>
                        <td className="paper-tick">
                          <input type="checkbox" name={lineField(line, "disability")} value="1" defaultChecked={v("disability") !== ""} aria-label={label("paper.col.disability")} />
                        </td>
                        <td>
                          <select name={lineField(line, "organisationId")} defaultValue={v("organisationId")} aria-label={label("paper.col.organisation")}>
                            <option value="">{t("attendance.noOrganisation")}</option>
                            {organisations.map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.name}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </fieldset>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("paper.submit")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
