import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Form } from "../components/form";
import { useEffect, useState, type FormEvent } from "react";
import { FormError } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { Countdown, useLiveMeeting, useServerNow } from "../components/live-meeting";
import { pageTitle } from "../components/page-title";
import { PhoneVote, useBallot, type BallotStatusView } from "../components/poll-phone";
import { can } from "../modules/auth/permissions";
import { requireUser } from "../modules/auth/guards.server";
import { messageKey, type MessageKey } from "../modules/i18n/translate";
import { placeOf } from "../modules/live/live-state";
import { BallotSchema, DelegateActionSchema, formValues } from "../modules/live/phone-forms.server";
import { liveState, presenceOf, runDelegateAction } from "../modules/live/live.server";
import { delegateMessage } from "../modules/live/messages";
import { meetingProjections } from "../modules/live/projections.server";
import { meetingFromParams } from "../modules/meetings/meeting-params.server";
import { pollMessage } from "../modules/polls/messages";
import { myBallot, submitBallot } from "../modules/polls/polls.server";
import { PhoneCommitment } from "../components/commitment-screen";
import { roomCommitmentOf } from "../modules/commitments/review.server";

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

export default function DelegatePhone() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const live = useLiveMeeting({ kind: "meeting-live", meetingId: data.meeting.id }, { state: data.state, figures: null, vote: data.vote, commitment: data.commitment });
  const state = live.state ?? data.state;
  const now = useServerNow(data.serverNow);
  const submit = useSubmit();
  const ballot = useBallot({
    outbox: { meetingId: data.meeting.id, userId: data.userId },
    poll: live.vote?.poll ?? null,
    connected: live.connected,
    command: live.command,
    // The same post as the plain form: no idempotency key (decision 0007).
    post: (b) => submit({ intent: "ballot", pollId: String(b.pollId), choice: b.choice }, { method: "post", replace: true }),
    initialStatus: data.ballot,
    formAnswer: result?.ballot ?? null,
  });
  const [me, setMe] = useState(data.me);
  // A form posted while the socket was down brings the page again, perhaps checked in since.
  useEffect(() => {
    if (data.me !== null) setMe(data.me);
  }, [data.me]);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<MessageKey | null>(null);
  // Checked in after this page loaded: the phone learns it on its socket when the count moves.
  const checkedIn = live.figures?.people.total;
  useEffect(() => {
    if (me !== null || !live.connected) return;
    // Once the door's burst has settled, not at every check-in of everyone else.
    const timer = setTimeout(() => {
      void live.command("whoami", {})?.then((reply) => {
        const attendanceId = (reply.value as { attendanceId?: number | null } | undefined)?.attendanceId;
        if (attendanceId) setMe(attendanceId);
      });
    }, 1_500);
    return () => clearTimeout(timer);
  }, [me, live.connected, checkedIn]);
  const place = me === null ? null : placeOf(state, me);
  const busy = navigation.state !== "idle" || sending;
  /** On the socket once it is open (no request per tap); the plain form before, or while it reconnects. */
  const submitVia = (event: FormEvent<HTMLFormElement>) => {
    const intent = new FormData(event.currentTarget).get("intent");
    const sent = typeof intent === "string" ? live.command("delegate", { intent }) : null;
    if (!sent) return;
    event.preventDefault();
    setSending(true);
    setRefusal(null);
    void sent.then((reply) => {
      setSending(false);
      setRefusal(reply.error);
    });
  };
  return (
    <div className="phone" data-testid="phone" data-connected={live.connected}>
      <p className="breadcrumb">
        <Link to={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}`}>{data.meeting.title}</Link>
      </p>
      <section aria-labelledby="phone-item" className="phone-block" data-testid="phone-item">
        <h1 id="phone-item" className="phone-label">
          {state.item ? t("live.itemOf", { number: state.item.number, of: state.item.of }) : t("live.item")}
        </h1>
        <p className="phone-big">{state.item ? state.item.title : t(state.status === "closed" ? "live.closed" : state.status === "live" ? "live.noItem" : "live.notStarted")}</p>
      </section>
      {live.commitment ? <PhoneCommitment commitment={live.commitment} now={now} t={t} locale={locale} /> : null}
      <PhoneVote vote={live.vote} ballot={ballot} action={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}/direct`} now={now} t={t} />
      <section aria-labelledby="phone-speaker" className="phone-block" data-testid="phone-speaker">
        <h2 id="phone-speaker" className="phone-label">
          {t("live.speaking")}
        </h2>
        {state.speaker ? (
          <p className="phone-big">
            {state.speaker.name} <Countdown speaker={state.speaker} now={now} />
          </p>
        ) : (
          <p className="muted">{t("live.nobodySpeaking")}</p>
        )}
      </section>

      <section aria-labelledby="phone-me" className="phone-block phone-me">
        <h2 id="phone-me" className="phone-label">
          {t("live.myTurn")}
        </h2>
        <FormError error={refusal ?? result?.error ?? undefined} />
        {me === null ? (
          <p>{t("live.notCheckedIn")}</p>
        ) : (
          <>
            <p className="phone-big" role="status" data-testid="my-place">
              {place?.kind === "speaking"
                ? t("live.youAreSpeaking")
                : place?.kind === "queued"
                  ? t("live.yourPlace", { place: place.place })
                  : place?.kind === "requested"
                    ? t("live.requestSent")
                    : t("live.notInQueue")}
            </p>
            {state.status === "live" && place?.kind !== "speaking" ? (
              <Form method="post" onSubmit={submitVia}>
                <input type="hidden" name="intent" value={place?.kind === "none" ? "request" : "withdraw"} />
                <button type="submit" className={place?.kind === "none" ? "primary wide" : "wide"} disabled={busy}>
                  {t(place?.kind === "none" ? "live.askToSpeak" : "live.withdraw")}
                </button>
              </Form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="phone-next" className="phone-block">
        <h2 id="phone-next" className="phone-label">
          {t("live.next")}
        </h2>
        <ol data-testid="phone-next">
          {state.queue.slice(0, 3).map((p) => (
            <li key={p.turnId}>{p.name}</li>
          ))}
        </ol>
        {state.queue.length > 3 ? <p className="muted">{t("live.andMore", { count: state.queue.length - 3 })}</p> : null}
      </section>
    </div>
  );
}
