import type { MakonContext } from "../../load-context";
import type { Messages } from "../i18n/translate";
import { positiveIntParam } from "../spaces/params";
import type { ReportDocument } from "./report-document";
import { reportPage } from "./report-views.server";

/** The version a page or a download names (`?version=2`), or null for the default one. */
export function versionParam(request: Request): number | null {
  const value = new URL(request.url).searchParams.get("version");
  return value && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

/**
 * The report a download is made of: the version named (`?version=`), else the last published
 * one, else the draft for its authors; 404 for anyone else. With the words of its own language.
 */
export function reportForExport(context: MakonContext, request: Request, reportId: string | undefined): { doc: ReportDocument; messages: Messages } {
  const page = reportPage(context.db, context.realtime, context.current?.actor ?? null, positiveIntParam(reportId), versionParam(request), context.now());
  if (!page) throw new Response("Not Found", { status: 404 });
  return { doc: page.document, messages: page.messages };
}

/** "rapport-12-v2.md", "rapo-12-bouyon.csv": ASCII, in the report's language, the version said. */
export const exportName = (doc: ReportDocument, extension: string) => {
  const [report, draft] = doc.locale === "ht" ? ["rapo", "bouyon"] : ["rapport", "brouillon"];
  return `${report}-${doc.id}-${doc.version !== null ? `v${doc.version}` : draft}.${extension}`;
};
