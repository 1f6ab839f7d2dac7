import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "../modules/csv/csv-response.server";
import { localDate } from "../modules/dates";
import { localeFor } from "../modules/i18n/i18n.server";
import { MotionFilterSchema } from "../modules/motions/motions.schemas";
import { motionsCsv } from "../modules/motions/motions.server";
import { requireSpace } from "../modules/spaces/space-params.server";

/** The space's motions from submission on, with the list's filters, as a spreadsheet in the reader's language (motions are public once submitted). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const filters = MotionFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = context.now();
  const body = motionsCsv(context.db, context.current?.actor ?? null, space.id, localeFor(request, context.current), filters, now);
  return csvResponse(body, `motions-${space.name}-${localDate(now)}.csv`);
}
