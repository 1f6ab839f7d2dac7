import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { communes, reports, reportVersions, spaces } from "../../../db/schema/index";
import { can, isAdmin } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import type { Messages } from "../i18n/translate";
import type { RealtimePort } from "../realtime/port";
import type { ReportDocument } from "./report-document";
import type { ReportStatus } from "./report-rules";
import { documentMessages, draftDocument, scopeLabel, scopeOf, writeSubject } from "./reports.server";

/** One line of the programme's list of reports. */
export interface ReportLine {
  id: number;
  title: string;
  template: ReportDocument["template"];
  locale: ReportDocument["locale"];
  scopeLabel: string;
  communeName: string | null;
  year: number;
  status: ReportStatus;
  version: number;
  publishedAt: number | null;
}

/**
 * The programme's reports: every published one, by commune and year, for anyone; and the
 * drafts this reader writes. A draft never published is its authors' alone.
 */
export function listReports(db: Db, actor: Actor | null): { published: ReportLine[]; mine: ReportLine[] } {
  const rows = db.select().from(reports).orderBy(desc(reports.periodFrom), asc(reports.id)).all();
  const last = rows.length
    ? db.select({ reportId: reportVersions.reportId, version: reportVersions.version, publishedAt: reportVersions.publishedAt, document: reportVersions.document }).from(reportVersions).where(inArray(reportVersions.reportId, rows.map((r) => r.id))).all()
    : [];
  const communeOfSpace = new Map(db.select({ id: spaces.id, communeCode: spaces.communeCode }).from(spaces).all().map((s) => [s.id, s.communeCode]));
  const communeNames = new Map(db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, [...new Set([...communeOfSpace.values(), ...rows.flatMap((r) => (r.communeCode ? [r.communeCode] : []))])])).all().map((c) => [c.code, c.name]));
  const lines = rows.map((r): ReportLine & { writes: boolean } => {
    const published = last.filter((v) => v.reportId === r.id && v.version === r.versions)[0];
    const code = r.communeCode ?? (r.spaceId !== null ? communeOfSpace.get(r.spaceId) : undefined);
    const writes = can(actor, "report.write", writeSubject(db, r));
    return {
      id: r.id,
      // The public reads the last published version's title; a draft's is its authors'.
      title: writes ? r.title : (published?.document.title ?? ""),
      template: r.template,
      locale: r.locale,
      scopeLabel: scopeLabel(db, scopeOf(r), r.locale) ?? "",
      communeName: code ? (communeNames.get(code) ?? null) : null,
      year: Number(r.periodFrom.slice(0, 4)),
      status: writes ? r.status : "published",
      version: r.versions,
      publishedAt: published?.publishedAt ?? null,
      writes,
    };
  });
  const strip = ({ writes: _w, ...line }: ReportLine & { writes: boolean }): ReportLine => line;
  return { published: lines.filter((l) => l.version > 0).map(strip), mine: lines.filter((l) => l.writes).map(strip) };
}

/** What the reader sees of a report: a published version, or (its authors) the draft as it stands. */
export interface ReportPage {
  document: ReportDocument;
  /** The words it needs in its own language: a published version's as they were when it was published. */
  messages: Messages;
  status: ReportStatus;
  /** This reader writes it: the draft, its sections, publishing. */
  canWrite: boolean;
  versions: { version: number; publishedAt: number }[];
}

/**
 * A report's page for this reader, or null (not found, or nothing they may read): anyone reads
 * its published versions (the last one unless `version` names another); its authors also read
 * and write the draft, which is what they see by default while it is one.
 */
export function reportPage(db: Db, realtime: RealtimePort, actor: Actor | null, id: number, version: number | null, now: number): ReportPage | null {
  const row = db.select().from(reports).where(eq(reports.id, id)).get();
  if (!row) return null;
  const canWrite = can(actor, "report.write", writeSubject(db, row));
  const versions = db.select({ version: reportVersions.version, publishedAt: reportVersions.publishedAt }).from(reportVersions).where(eq(reportVersions.reportId, id)).orderBy(asc(reportVersions.version)).all();
  const wanted = version ?? (canWrite && row.status === "draft" ? null : (versions.at(-1)?.version ?? null));
  // Whether a draft is being written is its authors' business.
  const status = canWrite ? row.status : "published";
  if (wanted === null) {
    if (!canWrite) return null;
    const document = draftDocument(db, realtime, row, now);
    return { document, messages: documentMessages(document), status, canWrite, versions };
  }
  const frozen = db.select().from(reportVersions).where(and(eq(reportVersions.reportId, id), eq(reportVersions.version, wanted))).get();
  if (!frozen) return null;
  const { messages, ...kept } = frozen.document;
  const document: ReportDocument = { ...kept, id, version: frozen.version, publishedAt: frozen.publishedAt };
  return { document, messages, status, canWrite, versions };
}

/** The scopes this reader may create a report for: the spaces they facilitate, their communes, the programme for administrators. */
export function creatableScopes(db: Db, actor: Actor | null) {
  const all = db.select({ id: spaces.id, name: spaces.name, communeCode: spaces.communeCode }).from(spaces).orderBy(asc(spaces.name)).all();
  const mine = all.filter((s) => can(actor, "report.write", { scope: "space", spaceIds: [s.id] }));
  const codes = [...new Set(mine.map((s) => s.communeCode))];
  const communeRows = codes.length ? db.select({ code: communes.code, name: communes.name }).from(communes).where(inArray(communes.code, codes)).orderBy(asc(communes.name)).all() : [];
  return { spaces: mine.map((s) => ({ id: s.id, name: s.name })), communes: communeRows, programme: isAdmin(actor) };
}

