import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { pageTitle } from "../components/page-title";
import { ReportDocumentView } from "../components/report-document-view";
import { translatorOf } from "../modules/i18n/translate";
import { reportForExport } from "../modules/reports/report-exports.server";

/** The report on A4, without the site around it: cover, contents, sections and figures, running header and page numbers. */
export const handle = { bare: true };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "reports.pageTitle", { title: data?.doc.title ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return reportForExport(context, request, params.reportId);
}

export default function PrintableReport() {
  const { doc, messages } = useLoaderData<typeof loader>();
  const t = useMemo(() => translatorOf(messages), [messages]);
  return (
    <main className="report-print">
      <div className="report-running-header" aria-hidden="true">
        {doc.title} — {doc.scopeLabel}
      </div>
      <ReportDocumentView doc={doc} t={t} contents />
    </main>
  );
}
