import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Breadcrumb } from "../components/breadcrumb";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { Field, FormError } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { IntentButton } from "../components/intent-button";
import { pageTitle } from "../components/page-title";
import { ReportDocumentView, SectionBody } from "../components/report-document-view";
import { useSharedText } from "../components/shared-text";
import { requireUser } from "../modules/auth/guards.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDate } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import { translatorOf, type MessageKey, type Translate } from "../modules/i18n/translate";
import type { ReportFigure } from "../modules/reports/figure-types";
import { reportMessage } from "../modules/reports/messages";
import { figureReference, SECTION_ROOT, sectionRef, SHEET_DETAILS, type ReportDocument, type SectionKey } from "../modules/reports/report-document";
import { versionParam } from "../modules/reports/report-exports.server";
import { reportPage } from "../modules/reports/report-views.server";
import { ReportDetailsSchema } from "../modules/reports/reports.schemas";
import { publishReport, reopenReport, updateReportDetails } from "../modules/reports/reports.server";
import type { Result } from "../modules/result";
import { positiveIntParam } from "../modules/spaces/params";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "reports.pageTitle", { title: data?.page.document.title ?? "" });

/**
 * A report: its published version for anyone (or an earlier one, `?version=`); for its
 * authors, while it is a draft, its sections written together, its figures as the record
 * gives them now, and publishing.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = reportPage(context.db, context.realtime, context.current?.actor ?? null, positiveIntParam(params.reportId), versionParam(request), context.now());
  if (!page) throw new Response("Not Found", { status: 404 });
  const { messages, ...shown } = page;
  return { page: shown, messages, author: page.canWrite ? (context.current?.user.name ?? "") : null };
}

type Answer = { intent: string; values: Record<string, string>; errors: FieldErrors; done: MessageKey | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const id = positiveIntParam(params.reportId);
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  const now = context.now();
  const answer = (result: Result<unknown, Parameters<typeof reportMessage>[0]>, done: MessageKey) =>
    result.ok ? data<Answer>({ intent, values: {}, errors: {}, done }) : data<Answer>({ intent, values, errors: { [result.field ?? "form"]: reportMessage(result.code) }, done: null }, { status: result.code === "forbidden" ? 403 : result.code === "not_found" ? 404 : 400 });
  switch (intent) {
    case "details": {
      const parsed = ReportDetailsSchema.safeParse(values);
      if (!parsed.success) return data<Answer>({ intent, values, errors: errorsOf(parsed), done: null }, { status: 400 });
      return answer(updateReportDetails(context, current.actor, id, parsed.data, now), "reports.done.details");
    }
    case "publish":
      if (!isConfirmed(values)) return askToConfirm("publish");
      return answer(publishReport(context, current.actor, id, now), "reports.done.published");
    case "reopen":
      return answer(reopenReport(context, current.actor, id, now), "reports.done.reopened");
    default:
      return data<Answer>({ intent, values, errors: { form: "error.invalid" }, done: null }, { status: 400 });
  }
}

export default function ReportPageView() {
  const { page, messages, author } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Answer | undefined;
  const t = useT();
  const locale = useLocale();
  // The report speaks its own language, whatever the reader's.
  const td = useMemo(() => translatorOf(messages), [messages]);
  const doc = page.document as ReportDocument;
  const drafting = page.canWrite && doc.version === null;
  const base = `/rapports/${doc.id}`;
  const exportQuery = doc.version !== null ? `?version=${doc.version}` : "";
  return (
    <div className="report-page">
      <Breadcrumb trail={[{ to: "/rapports", label: t("reports.title") }]} />
      <StatusLine message={result?.done ? t(result.done) : null} />
      <FormError error={result?.errors?.form} />
      {page.canWrite ? <AuthorBar page={page} /> : null}
      <p className="report-exports" data-testid="report-exports">
        <Link to={`${base}/imprimer${exportQuery}`}>{t("reports.export.print")}</Link>
        {" · "}
        <a href={`${base}.pdf${exportQuery}`}>{t("reports.export.pdf")}</a>
        {" · "}
        <a href={`${base}.docx${exportQuery}`}>{t("reports.export.word")}</a>
        {" · "}
        <a href={`${base}.md${exportQuery}`}>{t("reports.export.markdown")}</a>
        {" · "}
        <a href={`${base}.csv${exportQuery}`}>{t("reports.export.csv")}</a>
      </p>
      {page.versions.length > 1 ? (
        <nav className="report-versions" aria-label={t("reports.versions")} data-testid="report-versions">
          <h2>{t("reports.versions")}</h2>
          <ol>
            {page.versions.map((v) => (
              <li key={v.version}>
                {v.version === doc.version ? (
                  <strong>{t("reports.version", { version: v.version, date: formatDate(v.publishedAt, locale) })}</strong>
                ) : (
                  <Link to={`${base}?version=${v.version}`}>{t("reports.version", { version: v.version, date: formatDate(v.publishedAt, locale) })}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {drafting ? <DraftEditor doc={doc} td={td} author={author ?? ""} result={result} /> : <ReportDocumentView doc={doc} t={td} contents />}
    </div>
  );
}

/** What its authors may do: publish the draft, or take the published report up again. */
function AuthorBar({ page }: { page: { status: string; versions: { version: number }[] } }) {
  const t = useT();
  return (
    <div className="panel report-author" data-testid="report-author">
      <p>
        <strong data-testid="report-status">{t(`reports.status.${page.status === "draft" ? "draft" : "published"}`)}</strong>
        {page.versions.length > 0 ? ` — ${t("reports.publishedVersions", { count: page.versions.length })}` : ""}
      </p>
      {page.status === "draft" ? (
        <ConfirmButton intent="publish" className="primary" title={t("reports.publish.title")} confirmLabel={t("reports.publish.confirm")} details={<p>{t("reports.publish.details")}</p>} testId="report-publish">
          {t("reports.publish.button", { version: page.versions.length + 1 })}
        </ConfirmButton>
      ) : (
        <IntentButton intent="reopen">{t("reports.reopen")}</IntentButton>
      )}
    </div>
  );
}

/** The draft: its title and essential information, then each section written together with the figures in place. */
function DraftEditor({ doc, td, author, result }: { doc: ReportDocument; td: Translate; author: string; result: Answer | undefined }) {
  const t = useT();
  const values = result?.intent === "details" && !result.done ? result.values : { title: doc.title, ...doc.details };
  const errors = result?.intent === "details" ? result.errors : {};
  return (
    <>
      <h1 data-testid="report-title">{doc.title}</h1>
      <p className="report-scope">
        {doc.scopeLabel} — {doc.periodLabel} — {td(`reports.template.${doc.template}`)}
      </p>
      <section className="panel" aria-labelledby="report-details-title">
        <h2 id="report-details-title">{doc.template === "sheet" ? td("reports.essentials") : t("reports.details")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="details" />
          <Field name="title" label={t("reports.field.title")} required defaultValue={values.title} error={errors.title} />
          {doc.template === "sheet"
            ? SHEET_DETAILS.map((k) => <Field key={k} name={k} label={td(`reports.detail.${k}`)} defaultValue={values[k]} error={errors[k]} />)
            : null}
          <button type="submit">{t("reports.saveDetails")}</button>
        </Form>
      </section>
      <p className="hint">{t("reports.writeHint")}</p>
      {doc.sections.map((s) => (
        <SectionEditor key={s.key} reportId={doc.id} section={s.key} initialText={s.markdown} figures={doc.figures} td={td} locale={doc.locale} author={author} />
      ))}
    </>
  );
}

/** One section, written together: the Markdown, who else is writing it, a figure or a testimony to insert, and the section as it will read. */
function SectionEditor({ reportId, section, initialText, figures, td, locale, author }: { reportId: number; section: SectionKey; initialText: string; figures: readonly ReportFigure[]; td: Translate; locale: Locale; author: string }) {
  const t = useT();
  const { area, text, ready, writable, status, present, onInput, insertAtCaret } = useSharedText(sectionRef(reportId, section), SECTION_ROOT, { initialText, canWrite: true, presence: { name: author } });
  const id = `section-${section}`;
  return (
    <section className="report-section-editor panel" aria-labelledby={`${id}-title`} data-section={section} data-testid={`editor-${section}`}>
      <h2 id={`${id}-title`}>{td(`reports.section.${section}`)}</h2>
      <p className={`connection ${status}`} role="status" data-testid={`${id}-status`}>
        {t(`minutes.status.${status}`)}
        {present.length > 0 ? ` — ${t("reports.present", { names: present.join(", ") })}` : ""}
      </p>
      {writable ? (
        // The text above its preview: a figure needs the page's width to read.
        <div className="report-editor">
          <div className="field">
            <label htmlFor={`${id}-text`}>{t("reports.markdown")}</label>
            <textarea id={`${id}-text`} ref={area} defaultValue={text} readOnly={!ready} onInput={onInput} rows={10} spellCheck data-testid={`${id}-text`} />
            <div className="report-insert">
              <label>
                {t("reports.insertFigure")}{" "}
                <select
                  value=""
                  disabled={!ready}
                  onChange={(event) => {
                    if (event.target.value) insertAtCaret(`\n\n${figureReference(event.target.value as ReportFigure["id"])}\n\n`);
                  }}
                >
                  <option value="">—</option>
                  {figures.map((f) => (
                    <option key={f.id} value={f.id}>
                      {td(f.title)}
                    </option>
                  ))}
                </select>
              </label>{" "}
              <button type="button" disabled={!ready} onClick={() => insertAtCaret(`\n\n> ${td("reports.testimony.quote")}\n>\n> — ${td("reports.testimony.who")}\n\n`)}>
                {t("reports.insertTestimony")}
              </button>
            </div>
          </div>
          <div>
            <p className="label">{t("minutes.preview")}</p>
            <div className="report-preview" data-testid={`${id}-preview`}>
              <SectionBody markdown={text} figures={figures} t={td} locale={locale} />
            </div>
          </div>
        </div>
      ) : (
        <div className="report-preview" data-testid={`${id}-preview`}>
          <SectionBody markdown={text} figures={figures} t={td} locale={locale} />
        </div>
      )}
    </section>
  );
}
