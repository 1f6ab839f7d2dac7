import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { FormError } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { formatDateTime } from "../modules/i18n/format";
import { selfCheckInPath } from "../modules/meetings/arrivals";
import { selfCheckInMessage } from "../modules/meetings/door-codes";
import { checkInSelf, getSelfCheckIn } from "../modules/meetings/self-check-in.server";
import { positiveIntParam } from "../modules/spaces/params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "arrival.title");

/**
 * A meeting's self check-in link (`/arrivee/<id>`, its QR code on the door page and the printed
 * sheet). A delegate opens it on her phone, signs in if she must (and comes back here), and
 * checks herself in with one button. The page only reads; the button posts.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const view = getSelfCheckIn(context.db, current.actor, positiveIntParam(params.meetingId), context.now());
  if (!view) throw new Response("Not Found", { status: 404 });
  return view;
}

/**
 * Checked in: the answer says so, and the page reads nothing more (one request per person at
 * the meeting's start; a browser without scripts is sent to read this answer again by the
 * server's post/redirect/get, so a refresh does not post again). Already on the list: the page
 * as it is.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const meetingId = positiveIntParam(params.meetingId);
  const result = checkInSelf(context, current.actor, meetingId, context.now());
  if (result.ok) return { done: true as const };
  if (result.code === "already_present") throw redirect(selfCheckInPath(meetingId), { headers: { "Cache-Control": "no-store" } });
  return data({ error: selfCheckInMessage(result.code) }, { status: result.code === "not_found" ? 404 : 409 });
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "done" in actionResult ? false : defaultShouldRevalidate;

export default function SelfCheckIn() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const done = !!result && "done" in result;
  const { meeting, name } = loaded;
  const state = done ? "already" : loaded.state;
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  return (
    <section className="arrival" aria-labelledby="arrival-title">
      <h1 id="arrival-title">{t("arrival.title")}</h1>
      {meeting ? (
        <p className="arrival-meeting">
          <strong>{meeting.title}</strong>
          <br />
          <span className="muted">
            {formatDateTime(meeting.startsAt, locale)}
            {meeting.place ? ` · ${meeting.place}` : ""}
          </span>
        </p>
      ) : null}
      <FormError error={result && "error" in result ? result.error : undefined} />
      {state === "already" ? (
        <p role="status" className="arrival-done" data-testid="arrival-status">
          {t(done ? "arrival.done" : "arrival.already")}
        </p>
      ) : null}
      {state === "ready" ? (
        <Form method="post" className="arrival-form">
          <p>{t("arrival.hello", { name: name ?? "" })}</p>
          <button type="submit" className="primary arrival-button" disabled={navigation.state === "submitting"}>
            {t("arrival.button")}
          </button>
        </Form>
      ) : null}
      {state === "not_open" ? (
        <p className="notice" data-testid="arrival-status">
          {t("arrival.notOpen")}
        </p>
      ) : null}
      {state === "not_allowed" ? (
        <p className="notice" data-testid="arrival-status">
          {t("arrival.notAllowed")}
        </p>
      ) : null}
      {state === "no_person" ? (
        <p className="notice" data-testid="arrival-status">
          {t("arrival.noPerson")}
        </p>
      ) : null}
      {meeting && state === "already" && meeting.status === "live" ? (
        <p>
          <Link className="button" to={`/espaces/${meeting.spaceId}/reunions/${meeting.id}/direct`} reloadDocument>
            {t("arrival.follow")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
