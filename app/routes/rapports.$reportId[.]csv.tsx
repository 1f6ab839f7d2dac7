import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../modules/csv/csv";
import { csvResponse } from "../modules/csv/csv-response.server";
import { translatorOf } from "../modules/i18n/translate";
import { figuresCsvRows } from "../modules/reports/figures-csv";
import { exportName, reportForExport } from "../modules/reports/report-exports.server";

/** Every figure of the report with its definition, one cell a line, in the report's language. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { doc, messages } = reportForExport(context, request, params.reportId);
  return csvResponse(toCsv(figuresCsvRows(doc.figures, translatorOf(messages), doc.locale)), exportName(doc, "csv"));
}
