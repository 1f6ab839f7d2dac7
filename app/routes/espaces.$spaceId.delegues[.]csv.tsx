import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../modules/auth/guards.server";
import { toCsv } from "../modules/csv/csv";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";
import { translator } from "../modules/i18n/catalog.server";
import { delegateTable } from "../modules/organisations/export-rows";
import { listDelegates } from "../modules/people/people.server";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

/** The delegates seated today, as CSV. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const today = localDate(context.now());
  const t = translator(localeFor(request, current));
  return csvResponse(toCsv(delegateTable(t, listDelegates(context.db, spaceId, today))), `delegues-${space.name}-${today}.csv`);
}
