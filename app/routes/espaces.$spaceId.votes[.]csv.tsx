import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";
import { pollResultsCsv } from "../modules/polls/polls.server";
import { requireSpace } from "../modules/spaces/space-params.server";

/** Every closed poll of the space with its rule and result (totals only), for the meetings the reader may see. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const body = pollResultsCsv(context.db, context.current?.actor ?? null, space.id, localeFor(request, context.current));
  return csvResponse(body, `votes-${space.name}-${localDate(context.now())}.csv`);
}
