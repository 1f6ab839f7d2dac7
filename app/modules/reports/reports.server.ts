import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client";
import { communes, reports, reportVersions, spaces } from "../../../db/schema/index";
import { appendAudit } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { commit, type Deps } from "../deps.server";
import { messagesFor, translate } from "../i18n/catalog.server";
import { formatDay } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import type { DocumentFacts } from "../realtime/access";
import type { Messages } from "../i18n/translate";
import type { RealtimePort } from "../realtime/port";
import { fail, ok, type Result } from "../result";
import type { FigureId, Label, ReportPeriod, ReportScope } from "./figure-types";
import type { ReportCode } from "./messages";
import { loadReportDataset } from "./report-dataset.server";
import { figureReference, SECTION_ROOT, sectionRef, TEMPLATE_SECTIONS, type ReportDocument, type SectionKey } from "./report-document";
import { computeReportFigures, maskReportFigures } from "./report-figures";
import { periodKindOf, periodOf, writable } from "./report-rules";
import type { CreateReport, ReportDetails } from "./reports.schemas";

type Store = Db | Tx;
type ReportRow = typeof reports.$inferSelect;

/** A periodic report's sections start with the figures they comment on; its authors write around them. */
const SEEDED_FIGURES: Partial<Record<SectionKey, FigureId[]>> = {
  participation: ["meetings.byKind", "attendance.bySexAge", "attendance.sharesTrend", "attendance.disability", "organisations.activeByType", "speaking.bySexAge"],
  deliberation: ["motions.byState", "motions.byTheme", "motions.byProposerType", "polls.secret"],
  accountability: ["commitments.byAuthority", "commitments.delays"],
};

export const scopeOf = (row: Pick<ReportRow, "scopeKind" | "spaceId" | "communeCode">): ReportScope =>
  row.scopeKind === "space" ? { kind: "space", spaceId: row.spaceId! } : row.scopeKind === "commune" ? { kind: "commune", communeCode: row.communeCode! } : { kind: "programme" };

/** The spaces a scope covers (a programme's: none named; only administrators write it). */
export function scopeSpaceIds(db: Store, scope: ReportScope): number[] {
  if (scope.kind === "space") return [scope.spaceId];
  if (scope.kind === "programme") return [];
  return db.select({ id: spaces.id }).from(spaces).where(eq(spaces.communeCode, scope.communeCode)).all().map((s) => s.id);
}

/** Who may write a report, from its row: the permission's subject. */
export const writeSubject = (db: Store, row: Pick<ReportRow, "scopeKind" | "spaceId" | "communeCode">) => ({ scope: row.scopeKind, spaceIds: scopeSpaceIds(db, scopeOf(row)) });

/** What realtime access to a report's section depends on (null: no such report, or no such section in its template). */
export function reportFacts(db: Db, reportId: number, section: SectionKey): DocumentFacts | null {
  const row = db.select().from(reports).where(eq(reports.id, reportId)).get();
  if (!row || !(TEMPLATE_SECTIONS[row.template] as readonly SectionKey[]).includes(section)) return null;
  const subject = writeSubject(db, row);
  return { spaceId: row.spaceId ?? subject.spaceIds[0] ?? 0, report: { scope: row.scopeKind, spaceIds: subject.spaceIds, status: row.status } };
}

/** "Makòn Limonade", "Commune de Limonade (2 espaces)", "Programme Makòn": in the report's language; null when the scope does not exist. */
export function scopeLabel(db: Store, scope: ReportScope, locale: Locale): string | null {
  if (scope.kind === "space") return db.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, scope.spaceId)).get()?.name ?? null;
  if (scope.kind === "programme") return translate(locale, "reports.scope.programme");
  const commune = db.select({ name: communes.name }).from(communes).where(eq(communes.code, scope.communeCode)).get();
  if (!commune) return null;
  // French elides before a vowel or a mute h: "Commune d'Anse-à-Foleur", "Commune de Limonade".
  const key = /^[aeiouyhàâäéèêëîïôöùûü]/i.test(commune.name) ? "reports.scope.communeElided" : "reports.scope.commune";
  return translate(locale, key, { name: commune.name, count: scopeSpaceIds(db, scope).length });
}

/** "Année 2026", "2e trimestre 2026", "Du 1 mars au 15 juin 2026": in the report's language. */
export function periodLabel(period: ReportPeriod, locale: Locale): string {
  const kind = periodKindOf(period);
  if (kind.kind === "year") return translate(locale, "reports.period.year", { year: kind.year });
  if (kind.kind === "quarter") return translate(locale, `reports.period.quarter${kind.quarter}`, { year: kind.year });
  return translate(locale, "reports.period.dates", { from: formatDay(period.from, locale), to: formatDay(period.to, locale) });
}

function loadForWriting(db: Store, actor: Actor | null, id: number): Result<ReportRow, ReportCode> {
  const row = db.select().from(reports).where(eq(reports.id, id)).get();
  if (!row) return fail("not_found");
  if (!can(actor, "report.write", writeSubject(db, row))) return fail("forbidden");
  return ok(row);
}

/**
 * A new report, as a draft: its scope must exist and be the writer's (`report.write`), its
 * period run forward. A periodic report's sections are seeded with the figures they discuss.
 */
export function createReport(deps: Deps, actor: Actor | null, input: CreateReport, now: number): Result<{ id: number }, ReportCode> {
  const result = commit<{ id: number; template: CreateReport["template"] }, ReportCode>(deps, (tx) => {
    const scope = input.scope;
    const label = scopeLabel(tx, scope, input.locale);
    if (label === null) return fail("scope_not_found", scope.kind === "space" ? "spaceId" : "communeCode");
    if (!can(actor, "report.write", { scope: scope.kind, spaceIds: scopeSpaceIds(tx, scope) })) return fail("forbidden");
    const period = periodOf(input.period);
    if (!period) return fail("period_invalid", "to");
    const title = input.title ?? `${translate(input.locale, `reports.template.${input.template}`)} — ${label}, ${periodLabel(period, input.locale)}`;
    const id = tx
      .insert(reports)
      .values({
        scopeKind: scope.kind,
        spaceId: scope.kind === "space" ? scope.spaceId : null,
        communeCode: scope.kind === "commune" ? scope.communeCode : null,
        periodKind: input.period.kind,
        periodFrom: period.from,
        periodTo: period.to,
        template: input.template,
        locale: input.locale,
        title,
        details: {},
        status: "draft",
        createdBy: actor!.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: reports.id })
      .get().id;
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "report.create", spaceId: scope.kind === "space" ? scope.spaceId : null, subjectType: "report", subjectId: id, after: { title, scope, period } });
    return ok({ id, template: input.template });
  });
  if (!result.ok) return result;
  for (const section of TEMPLATE_SECTIONS[result.value.template]) {
    const figures = SEEDED_FIGURES[section];
    if (figures) deps.realtime.seedText(sectionRef(result.value.id, section), SECTION_ROOT, () => `${figures.map(figureReference).join("\n\n")}\n`);
  }
  return ok({ id: result.value.id });
}

/** The title and a sheet's essential information, while it is a draft. */
export function updateReportDetails(deps: Deps, actor: Actor | null, id: number, input: ReportDetails, now: number): Result<null, ReportCode> {
  return commit<null, ReportCode>(deps, (tx) => {
    const found = loadForWriting(tx, actor, id);
    if (!found.ok) return found;
    if (!writable(found.value.status)) return fail("not_draft");
    const { title, ...details } = input;
    const kept = found.value.template === "sheet" ? details : {};
    tx.update(reports).set({ title, details: kept, updatedAt: now }).where(eq(reports.id, id)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "report.update", spaceId: found.value.spaceId, subjectType: "report", subjectId: id, after: { title } });
    return ok(null);
  });
}

/**
 * The report as it stands now, for its authors: sections as written so far, figures computed
 * from the record this instant (masked as its readers will get them).
 */
export function draftDocument(db: Store, realtime: RealtimePort, row: ReportRow, now: number): ReportDocument {
  const scope = scopeOf(row);
  const period = { from: row.periodFrom, to: row.periodTo };
  const dataset = loadReportDataset(db as Db, scope, period);
  const figures = maskReportFigures(computeReportFigures(dataset, scope, period, now), dataset).figures;
  return {
    id: row.id,
    version: null,
    publishedAt: null,
    template: row.template,
    locale: row.locale,
    title: row.title,
    scopeLabel: scopeLabel(db, scope, row.locale) ?? "",
    periodLabel: periodLabel(period, row.locale),
    details: row.details,
    sections: TEMPLATE_SECTIONS[row.template].map((key) => ({ key, markdown: realtime.readText(sectionRef(row.id, key), SECTION_ROOT) })),
    figures,
  };
}

/**
 * Freezes the draft into the next published version: its text as the shared documents hold it
 * at this instant, its figures as the record gives them now. The sections' writers become
 * readers at once; taking the report up again (`reopenReport`) starts the next version.
 */
export function publishReport(deps: Deps, actor: Actor | null, id: number, now: number): Result<{ version: number }, ReportCode> {
  return commit<{ version: number }, ReportCode>(deps, (tx, emit) => {
    const found = loadForWriting(tx, actor, id);
    if (!found.ok) return found;
    const row = found.value;
    if (!writable(row.status)) return fail("not_draft");
    const draft = draftDocument(tx, deps.realtime, row, now);
    const { id: _id, version: _version, publishedAt: _at, ...document } = draft;
    const version = row.versions + 1;
    // Its words too: a later release that rewords a definition does not change what this version said.
    tx.insert(reportVersions).values({ reportId: id, version, document: { ...document, messages: documentMessages(draft) }, publishedBy: actor!.userId, publishedAt: now }).run();
    tx.update(reports).set({ status: "published", versions: version, updatedAt: now }).where(eq(reports.id, id)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "report.publish", spaceId: row.spaceId, subjectType: "report", subjectId: id, after: { version } });
    emit({ type: "report.changed", reportId: id });
    return ok({ version });
  });
}

/** Its authors take a published report up again: the draft goes on from the published text, toward the next version. */
export function reopenReport(deps: Deps, actor: Actor | null, id: number, now: number): Result<null, ReportCode> {
  return commit<null, ReportCode>(deps, (tx, emit) => {
    const found = loadForWriting(tx, actor, id);
    if (!found.ok) return found;
    if (writable(found.value.status)) return fail("not_published");
    tx.update(reports).set({ status: "draft", updatedAt: now }).where(eq(reports.id, id)).run();
    appendAudit(tx, { at: now, actorId: actor!.userId, action: "report.reopen", spaceId: found.value.spaceId, subjectType: "report", subjectId: id });
    emit({ type: "report.changed", reportId: id });
    return ok(null);
  });
}

/**
 * The words a report needs in its own language (which may not be the reader's): the reports'
 * own, and every label its figures name from other domains.
 */
export function documentMessages(doc: ReportDocument): Messages {
  const messages: Record<string, string> = { ...messagesFor(doc.locale, ["reports"]) };
  const add = (label: Label) => {
    if ("key" in label) messages[label.key] = translate(doc.locale, label.key);
  };
  for (const f of doc.figures) {
    add({ key: f.title });
    add({ key: f.definition });
    f.table.columns.forEach(add);
    f.table.rows.forEach((r) => add(r.label));
  }
  return messages as Messages;
}
