import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDocx } from "../modules/reports/report-docx.server";
import { exportName, reportForExport } from "../modules/reports/report-exports.server";

/** The report as a Word document, in its own language: the published version (or the one named), or the draft for its authors. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { doc, messages } = reportForExport(context, request, params.reportId);
  return new Response(new Uint8Array(await reportDocx(doc, messages)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${exportName(doc, "docx")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
