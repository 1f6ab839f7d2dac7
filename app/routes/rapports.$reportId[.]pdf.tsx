import type { LoaderFunctionArgs } from "@remix-run/node";
import { localeFor } from "../modules/i18n/i18n.server";
import { reportsExportMessages } from "../modules/reports/report-exports.messages";
import { exportName, reportForExport } from "../modules/reports/report-exports.server";
import { builtStylesheet, PdfUnavailable, reportPdf } from "../modules/reports/report-pdf.server";
import stylesUrl from "../styles.css";

/** The report as PDF, printed on this server by Chromium; without Chromium, a 503 that says so in the reader's language. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { doc, messages } = reportForExport(context, request, params.reportId);
  const locale = localeFor(request, context.current);
  const unavailable = (key: "reports.exports.pdfUnavailable" | "reports.exports.pdfBusy") =>
    new Response(reportsExportMessages[key][locale], {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store", ...(key === "reports.exports.pdfBusy" ? { "Retry-After": "60" } : {}) },
    });
  let pdf: Buffer | null;
  try {
    pdf = await reportPdf(doc, messages, { css: await builtStylesheet(stylesUrl) });
  } catch (error) {
    if (error instanceof PdfUnavailable) return unavailable("reports.exports.pdfBusy");
    throw error;
  }
  if (!pdf) return unavailable("reports.exports.pdfUnavailable");
  // A copy as a plain Uint8Array: what the fetch API types accept as a body.
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${exportName(doc, "pdf")}"`, "Cache-Control": "private, no-store" },
  });
}
