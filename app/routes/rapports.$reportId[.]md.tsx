import type { LoaderFunctionArgs } from "@remix-run/node";
import { translatorOf } from "../modules/i18n/translate";
import { reportMarkdown } from "../modules/reports/figures-markdown";
import { exportName, reportForExport } from "../modules/reports/report-exports.server";

/** The report as one Markdown file, in its own language: the published version (or the one named), or the draft for its authors. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { doc, messages } = reportForExport(context, request, params.reportId);
  return new Response(reportMarkdown(doc, translatorOf(messages), doc.locale), {
    headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${exportName(doc, "md")}"`, "Cache-Control": "private, no-store" },
  });
}
