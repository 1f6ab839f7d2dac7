import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useNonce } from "../components/nonce";
import { pageTitle } from "../components/page-title";
import type { BallotStatusView } from "../components/poll-phone";
import { Phone } from "../phone/phone-view";
import { phoneMessages, PHONE_DATA_ID, PHONE_ROOT_ID, serializePhoneData, type PhoneData } from "../phone/phone-data";
import { phoneScript } from "../phone/phone-script.server";
import type { loader as rootLoader } from "../root";
import { can } from "../modules/auth/permissions";
import { requireUser } from "../modules/auth/guards.server";
import { DEFAULT_LOCALE } from "../modules/i18n/locales";
import { messageKey } from "../modules/i18n/translate";
import { BallotSchema, DelegateActionSchema, formValues } from "../modules/live/phone-forms.server";
import { liveState, presenceOf, runDelegateAction } from "../modules/live/live.server";
import { delegateMessage } from "../modules/live/messages";
import { meetingProjections } from "../modules/live/projections.server";
import { meetingFromParams } from "../modules/meetings/meeting-params.server";
import { pollMessage } from "../modules/polls/messages";
import { myBallot, submitBallot } from "../modules/polls/polls.server";
import { roomCommitmentOf } from "../modules/commitments/review.server";

/** No Remix scripts on this page (root.tsx): its own, far smaller, is in the page. */
export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "meetings.pageTitle", { title: data?.meeting.title ?? "" });

/** The delegate's phone: the item and speaker now, their place in the queue, asking to speak, and the vote. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const current = requireUser(context, request);
  if (!can(current.actor, "meeting.attend", { spaceId: meeting.spaceId })) throw new Response("Forbidden", { status: 403 });
  const ballot = myBallot(context.db, current.actor, meeting.id);
  return {
    meeting: { id: meeting.id, title: meeting.title, spaceId: meeting.spaceId },
    me: presenceOf(context.db, current.actor, meeting.id),
    // Whose outbox this phone keeps (their own account's id, to this account only).
    userId: current.actor.userId,
    state: liveState(context.db, meeting.id),
    vote: meetingProjections(context.db, meeting.id, "vote")?.vote ?? null,
    // The commitment a review has on the shared screen, as the room sees it.
    commitment: roomCommitmentOf(context.db, meeting.id),
    ballot: ballot && ({ pollId: ballot.pollId, canVote: ballot.canVote, voted: ballot.voted, refusal: ballot.refusal && pollMessage(ballot.refusal) } satisfies BallotStatusView),
    serverNow: context.now(),
    script: phoneScript(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meeting = meetingFromParams(context.db, params);
  const current = requireUser(context, request);
  const values = formValues(await request.formData());
  if (values.intent === "ballot") {
    // The phone's ballot without JavaScript. It carries no idempotency key (its body holds the
    // choice, decision 0007): sent again, the command answers "counted" and counts it once.
    const ballot = BallotSchema.safeParse(values);
    if (!ballot.success) return data({ error: messageKey("error.invalid"), ballot: null }, { status: 400 });
    const result = submitBallot(context, current.actor, meeting.id, ballot.data, context.now());
    if (!result.ok) return data({ error: null, ballot: { pollId: ballot.data.pollId, refusal: pollMessage(result.code) } }, { status: result.code === "forbidden" ? 403 : 409 });
    // Post/redirect/get: the page says "counted" from the database, and a refresh posts nothing.
    throw redirect(new URL(request.url).pathname, 303);
  }
  const parsed = DelegateActionSchema.safeParse(values);
  if (!parsed.success) return data({ error: messageKey("error.invalid"), ballot: null }, { status: 400 });
  const result = runDelegateAction(context, current.actor, meeting.id, parsed.data, context.now());
  if (!result.ok) return data({ error: delegateMessage(result.code), ballot: null }, { status: result.code === "forbidden" ? 403 : 409 });
  return { error: null, ballot: null };
}

/**
 * The page is drawn here and brought to life on the phone by its own small script
 * (app/phone/phone.client.tsx, with Preact), not by Remix's: the page's data travels with it as
 * JSON, with only the phone's messages in the reader's language.
 */
export default function DelegatePhone() {
  const { script, ...data } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const nonce = useNonce();
  // Drawn by Remix's router in the browser (a link from a page that did not load this one as a
  // document): this page's script is not there, so the page is loaded as a document.
  useEffect(() => window.location.reload(), []);
  const phone: PhoneData = { ...data, result: result ?? null, formSeed: root?.formSeed ?? "page", locale: root?.locale ?? DEFAULT_LOCALE, messages: phoneMessages(root?.messages ?? {}) };
  return (
    <>
      <div id={PHONE_ROOT_ID}>
        <Phone data={phone} />
      </div>
      <script type="application/json" id={PHONE_DATA_ID} dangerouslySetInnerHTML={{ __html: serializePhoneData(phone) }} />
      {script ? <script type="module" src={script} nonce={nonce} /> : null}
    </>
  );
}
