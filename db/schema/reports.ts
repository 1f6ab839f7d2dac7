import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { communes } from "./geography";
import { spaces } from "./spaces";
import { users } from "./users";
import type { Locale } from "../../app/modules/i18n/locales";
import type { Messages } from "../../app/modules/i18n/translate";
import type { ReportDocument, ReportTemplate, SheetDetail } from "../../app/modules/reports/report-document";
import type { PeriodKind, ReportStatus, ScopeKind } from "../../app/modules/reports/report-rules";

/**
 * A report being written: its scope (a space, a commune's spaces, the programme), its period,
 * template and language, the sheet's essential information. Its narrative sections are
 * shared documents (`report:<id>:<section>`); its figures are computed from the record until
 * it is published. `status` says whether its authors are writing (draft) or it stands as its
 * last published version until they take it up again.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scopeKind: text("scope_kind").$type<ScopeKind>().notNull(),
    spaceId: integer("space_id").references(() => spaces.id),
    communeCode: text("commune_code").references(() => communes.code),
    periodKind: text("period_kind").$type<PeriodKind>().notNull(),
    /** Haiti's days, inclusive ("2026-01-01" to "2026-03-31"). */
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    template: text("template").$type<ReportTemplate>().notNull(),
    locale: text("locale").$type<Locale>().notNull(),
    title: text("title").notNull(),
    details: text("details", { mode: "json" }).$type<Partial<Record<SheetDetail, string>>>().notNull().default({}),
    status: text("status").$type<ReportStatus>().notNull().default("draft"),
    /** How many versions were published (the last one's number). */
    versions: integer("versions").notNull().default(0),
    createdBy: text("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("reports_space_idx").on(t.spaceId), index("reports_commune_idx").on(t.communeCode)],
);

/** A published version, frozen as its readers got it (figures masked, sections as written); never changed, never deleted. */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    version: integer("version").notNull(),
    document: text("document", { mode: "json" }).$type<Omit<ReportDocument, "id" | "version" | "publishedAt"> & { messages: Messages }>().notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: integer("published_at").notNull(),
  },
  (t) => [uniqueIndex("report_versions_unique_idx").on(t.reportId, t.version)],
);
