import type { LoaderFunctionArgs } from "@remix-run/node";
import { evidenceFor } from "../modules/commitments/commitment-views.server";
import { evidenceResponse } from "../modules/evidence/evidence-files.server";

/**
 * An evidence file (a photo, its thumbnail, a PDF), for whoever may read its commitment: the
 * public for a public one. The random name is not a permission; an unknown name or a file the
 * reader may not see is the same 404.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = evidenceFor(context.db, context.current?.actor ?? null, params.name ?? "", context.now());
  if (!found) throw new Response("Not Found", { status: 404 });
  return evidenceResponse(context.dataDir, found.file, found.mime, { download: found.download });
}
