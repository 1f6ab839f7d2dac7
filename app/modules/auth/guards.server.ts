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

const HERE = "http://makon.invalid";

/**
 * Only paths of this site are followed after sign-in or a language switch, judged the way a
 * browser will read them: the URL parser drops tabs and line breaks and reads "\\" as "/", so
 * "/\t/evil.example" is another host. The path returned is the parser's own, which carries
 * none of those characters (nor any CR/LF to break a header).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // A path that itself starts with "//" would be read as a host by whoever follows it.
  return path.startsWith("//") ? fallback : path;
}
