import { Fragment } from "react";
import { formatDate } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import type { Translate } from "../modules/i18n/translate";
import { renderMarkdown } from "../modules/meetings/markdown";
import type { ReportFigure } from "../modules/reports/figure-types";
import { documentLayout, SHEET_DETAILS, splitSection, type ReportDocument, type SectionKey } from "../modules/reports/report-document";
import { ReportFigureView } from "./report-figure";

/** A section's text with its figures in place (an unknown figure is left out). */
export function SectionBody({ markdown, figures, t, locale }: { markdown: string; figures: readonly ReportFigure[]; t: Translate; locale: Locale }) {
  return (
    <>
      {splitSection(markdown).map((part, i) => {
        if (part.kind === "text") return <div key={i} className="report-text" dangerouslySetInnerHTML={{ __html: renderMarkdown(part.markdown) }} />;
        const figure = figures.find((f) => f.id === part.id);
        return figure ? <ReportFigureView key={i} figure={figure} t={t} locale={locale} /> : null;
      })}
    </>
  );
}

export const sectionAnchor = (key: SectionKey) => `section-${key}`;

/**
 * A report as its readers get it — on its page, printed, and printed to PDF: the essential
 * information, its sections with their figures, then the figures no section placed. It is
 * written in the report's own language, whatever the reader's.
 */
export function ReportDocumentView({ doc, t, contents }: { doc: ReportDocument; t: Translate; contents?: boolean }) {
  const locale = doc.locale;
  const { written, unplaced: rest } = documentLayout(doc);
  const details = SHEET_DETAILS.filter((k) => doc.details[k]);
  return (
    <article className="report-document" lang={locale} data-testid="report-document">
      <header className="report-cover">
        <p className="report-kind">{t(`reports.template.${doc.template}`)}</p>
        <h1 data-testid="report-title">{doc.title}</h1>
        <p className="report-scope">
          {doc.scopeLabel} — {doc.periodLabel}
        </p>
        <p className="report-version" data-testid="report-version">
          {doc.version !== null && doc.publishedAt !== null ? t("reports.version", { version: doc.version, date: formatDate(doc.publishedAt, locale) }) : t("reports.draft")}
        </p>
      </header>
      {contents ? (
        <nav className="report-contents" aria-labelledby="report-contents-title" data-testid="report-contents">
          <h2 id="report-contents-title">{t("reports.contents")}</h2>
          <ol>
            {doc.template === "sheet" ? (
              <li>
                <a href="#report-essentials">{t("reports.essentials")}</a>
              </li>
            ) : null}
            {written.map((s) => (
              <li key={s.key}>
                <a href={`#${sectionAnchor(s.key)}`}>{t(`reports.section.${s.key}`)}</a>
              </li>
            ))}
            {rest.length > 0 ? (
              <li>
                <a href="#report-figures">{t("reports.figures")}</a>
              </li>
            ) : null}
          </ol>
        </nav>
      ) : null}
      {doc.template === "sheet" ? (
        <section id="report-essentials" className="report-section" aria-labelledby="report-essentials-title">
          <h2 id="report-essentials-title">{t("reports.essentials")}</h2>
          <dl className="facts">
            <dt>{t("reports.detail.place")}</dt>
            <dd>{doc.scopeLabel}</dd>
            <dt>{t("reports.detail.period")}</dt>
            <dd>{doc.periodLabel}</dd>
            {details.map((k) => (
              <Fragment key={k}>
                <dt>{t(`reports.detail.${k}`)}</dt>
                <dd>{doc.details[k]}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
      {written.map((s) => (
        <section key={s.key} id={sectionAnchor(s.key)} className="report-section" aria-labelledby={`${sectionAnchor(s.key)}-title`} data-section={s.key}>
          <h2 id={`${sectionAnchor(s.key)}-title`}>{t(`reports.section.${s.key}`)}</h2>
          <SectionBody markdown={s.markdown} figures={doc.figures} t={t} locale={locale} />
        </section>
      ))}
      {rest.length > 0 ? (
        <section id="report-figures" className="report-section" aria-labelledby="report-figures-title">
          <h2 id="report-figures-title">{t("reports.figures")}</h2>
          {rest.map((f) => (
            <ReportFigureView key={f.id} figure={f} t={t} locale={locale} />
          ))}
        </section>
      ) : null}
    </article>
  );
}
