import type { LoaderFunctionArgs } from "@remix-run/node";
import { readBoardFilters } from "../modules/commitments/board.server";
import { commitmentsCsv } from "../modules/commitments/commitments-csv.server";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";
import { requireSpace } from "../modules/spaces/space-params.server";

/** The space's board as a spreadsheet, with its filters, in the reader's language: what the board shows this reader. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const filters = readBoardFilters(request);
  const now = context.now();
  const body = commitmentsCsv(context.db, context.current?.actor ?? null, [space.id], localeFor(request, context.current), filters, now);
  return csvResponse(body, `engagements-${space.name}-${localDate(now)}.csv`);
}
