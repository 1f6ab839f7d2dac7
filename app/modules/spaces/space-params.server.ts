import type { Db } from "../../../db/client";
import { spaceIdParam } from "./params";
import { getSpace } from "./spaces.server";

/** The space a route's URL names, or a 404: the guard every space page starts with. */
export function requireSpace(db: Db, params: { spaceId?: string }) {
  const space = getSpace(db, spaceIdParam(params));
  if (!space) throw new Response("Not Found", { status: 404 });
  return space;
}
