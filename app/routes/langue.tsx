import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "../modules/auth/guards.server";
import { languageCookie } from "../modules/i18n/i18n.server";
import { LOCALES } from "../modules/i18n/locales";
import { setUserLocale } from "../modules/users/users.server";

/** The language switch: a cookie for everyone, and the account's own setting when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = z.object({ lang: z.enum(LOCALES), redirectTo: z.string().optional() }).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  if (context.current) setUserLocale(context.db, context.current.user.id, parsed.data.lang);
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": languageCookie(parsed.data.lang) } });
}

export async function loader() {
  throw redirect("/");
}
