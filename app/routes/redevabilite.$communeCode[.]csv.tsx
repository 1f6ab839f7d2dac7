import type { LoaderFunctionArgs } from "@remix-run/node";
import { communeBoardSpaces, readBoardFilters } from "../modules/commitments/board.server";
import { commitmentsCsv } from "../modules/commitments/commitments-csv.server";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";

/** The commune's board as a spreadsheet, with its filters, in the reader's language: every space of the commune, as the board shows them. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const commune = communeBoardSpaces(context.db, params.communeCode ?? "");
  if (!commune) throw new Response("Not Found", { status: 404 });
  const filters = readBoardFilters(request);
  const now = context.now();
  const body = commitmentsCsv(context.db, context.current?.actor ?? null, commune.spaceIds, localeFor(request, context.current), filters, now);
  return csvResponse(body, `engagements-${commune.name}-${localDate(now)}.csv`);
}
