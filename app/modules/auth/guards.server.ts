import { redirect } from "@remix-run/node";
import type { MakonContext } from "../../load-context";
import { can, type PermissionAction, type Subjects } from "./permissions";
import type { CurrentSession } from "./session.server";

/** Sends someone who is not signed in to the sign-in page, and back here afterwards. */
export function requireUser(context: MakonContext, request: Request): CurrentSession {
  if (context.current) return context.current;
  const url = new URL(request.url);
  throw redirect(`/connexion?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
}

/** A signed-in user allowed to do the action, or a 403 page. */
export function requirePermission<A extends PermissionAction>(
  context: MakonContext,
  request: Request,
  action: A,
  ...subject: Subjects[A] extends void ? [] : [Subjects[A]]
): CurrentSession {
  const current = requireUser(context, request);
  if (!can(current.actor, action, ...subject)) throw new Response("Forbidden", { status: 403 });
  return current;
}

/** Only same-site paths are followed after sign-in or a language switch. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
