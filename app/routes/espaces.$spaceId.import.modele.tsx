import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "../modules/auth/guards.server";
import { csvResponse } from "../modules/csv/csv-response.server";
import { toCsv } from "../modules/csv/csv";
import { translate } from "../modules/i18n/catalog.server";
import { LOCALES } from "../modules/i18n/locales";
import { importTemplate } from "../modules/organisations/import-template";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

const Query = z.object({ contenu: z.enum(["organisations", "delegates"]), langue: z.enum(LOCALES) });

/** A CSV to fill in, in the language asked: the column titles the import reads, and one example line. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad Request", { status: 400 });
  const { contenu, langue } = query.data;
  const rows = importTemplate(contenu, langue, (key) => translate(langue, key), { sectionNumber: space.territorySections[0]?.number ?? null });
  const names = { organisations: { fr: "modele-organisations", ht: "model-oganizasyon" }, delegates: { fr: "modele-delegues", ht: "model-delege" } };
  return csvResponse(toCsv(rows), `${names[contenu][langue]}.csv`);
}
