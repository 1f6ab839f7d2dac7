import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { pageTitle } from "../components/page-title";
import { ReportDocumentView } from "../components/report-document-view";
import { translatorOf } from "../modules/i18n/translate";
import { cssString } from "../modules/reports/report-document";
import { reportForExport } from "../modules/reports/report-exports.server";

/** The report on A4, without the site around it: cover, contents, sections and figures, running title and page numbers. */
export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "reports.pageTitle", { title: data?.doc.title ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return reportForExport(context, request, params.reportId);
}

export default function PrintableReport() {
  const { doc, messages } = useLoaderData<typeof loader>();
  const t = useMemo(() => translatorOf(messages), [messages]);
  // The running title is drawn in the page's margin (`@page report`), which reads it from the root.
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty("--report-running-header", cssString(`${doc.title} — ${doc.scopeLabel}`));
    return () => {
      root.removeProperty("--report-running-header");
    };
  }, [doc.title, doc.scopeLabel]);
  return (
    <main className="report-print">
      <ReportDocumentView doc={doc} t={t} contents />
    </main>
  );
}
