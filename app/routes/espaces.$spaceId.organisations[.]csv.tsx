import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../modules/auth/guards.server";
import { toCsv } from "../modules/csv/csv";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";
import { translator } from "../modules/i18n/catalog.server";
import { organisationTable } from "../modules/organisations/export-rows";
import { listMembers } from "../modules/organisations/organisations.server";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

/** The member organisations as CSV, with this space's own contacts (for those who keep its register). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const labels = Object.fromEntries(space.territorySections.map((s) => [s.code, s.label]));
  const members = listMembers(context.db, spaceId).map((m) => ({
    ...m,
    sectionLabel: m.sectionCode ? (labels[m.sectionCode] ?? m.sectionCode) : null,
    women: m.count?.women ?? null,
    men: m.count?.men ?? null,
  }));
  const t = translator(localeFor(request, current));
  return csvResponse(toCsv(organisationTable(t, members)), `organisations-${space.name}-${localDate(context.now())}.csv`);
}
