import type { MessageKey } from "../i18n/translate";

export type ReportCode = "forbidden" | "not_found" | "scope_not_found" | "period_invalid" | "not_draft" | "not_published";

/** Why a report command was refused, in words for its authors. */
const MESSAGES: Record<ReportCode, MessageKey> = {
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  scope_not_found: "reports.error.scope",
  period_invalid: "reports.error.period",
  not_draft: "reports.error.notDraft",
  not_published: "reports.error.notPublished",
};

export const reportMessage = (code: ReportCode): MessageKey => MESSAGES[code];
