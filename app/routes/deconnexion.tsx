import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "../modules/auth/session.server";

export async function action({ context }: ActionFunctionArgs) {
  if (!context.current) throw redirect("/");
  const cookie = await endSession(context.auth, context.realtime, context.current.session.id, context.secureCookie);
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}

export async function loader() {
  throw redirect("/");
}
