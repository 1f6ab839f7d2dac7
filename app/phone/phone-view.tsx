import { useEffect, useRef, useState, type FormEvent } from "react";
import { PhoneCommitment } from "../components/commitment-screen";
import { Countdown, useServerNow } from "../components/live-meeting";
import { PhoneVote, useBallot } from "../components/poll-phone";
import { formKey, IDEMPOTENCY_FIELD } from "../modules/idempotency";
import { translatorOf, type MessageKey } from "../modules/i18n/translate";
import { placeOf } from "../modules/live/live-state";
import type { Command, LiveLink, LiveParts } from "./live-link";
import { postPage } from "./page-post";
import type { PhoneData } from "./phone-data";

/**
 * The meeting's live document as this phone knows it: what the page was drawn with, then each
 * change on the socket. A page that comes back from a form (posted while the socket was down)
 * replaces what the document said.
 */
function usePhoneLive(link: LiveLink | undefined, data: PhoneData) {
  const [parts, setParts] = useState<LiveParts>({ state: data.state, vote: data.vote ?? undefined, commitment: data.commitment });
  useEffect(() => setParts((p) => ({ ...p, state: data.state, vote: data.vote ?? undefined, commitment: data.commitment })), [data]);
  const [connected, setConnected] = useState(false);
  const sender = useRef<Command | null>(null);
  const meetingId = data.meeting.id;
  useEffect(() => {
    if (!link) return;
    const opened = link.open(meetingId, {
      change: (changed) => setParts((p) => ({ ...p, ...changed })),
      connected: setConnected,
    });
    sender.current = opened.command;
    return () => {
      sender.current = null;
      opened.close();
    };
  }, [link, meetingId]);
  /** Sends a command on the socket; null when it is not open (post the form then). */
  const command: Command = (name, input) => sender.current?.(name, input) ?? null;
  return { state: parts.state ?? data.state, vote: parts.vote ?? null, commitment: parts.commitment ?? null, checkedIn: parts.checkedIn, connected, command };
}

/**
 * The delegate's phone: the item and speaker now, their place in the queue, asking to speak,
 * the vote and the commitment under review. Drawn by the server (React) as plain forms that
 * work without a script, then brought to life on the phone (Preact) with its live connection
 * (`link`): forms go on the socket once it is open, as keyed posts of the page when it is not,
 * and wait on the phone while it has no network.
 */
export function Phone({ data: initial, link }: { data: PhoneData; link?: LiveLink }) {
  // The page as the server last drew it: at load, then after each form posted without the socket.
  const [data, setData] = useState(initial);
  const t = translatorOf(data.messages);
  const live = usePhoneLive(link, data);
  const state = live.state;
  const now = useServerNow(initial.serverNow);
  const action = `/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}/direct`;
  const ballot = useBallot({
    outbox: { meetingId: data.meeting.id, userId: data.userId },
    poll: live.vote?.poll ?? null,
    connected: live.connected,
    command: live.command,
    // The same post as the plain form: no idempotency key (decision 0007).
    post: (b) => void postPage(action, new URLSearchParams({ intent: "ballot", pollId: String(b.pollId), choice: b.choice })).then((fresh) => fresh && setData(fresh)),
    initialStatus: data.ballot,
    formAnswer: data.result?.ballot ?? null,
  });
  const [me, setMe] = useState(data.me);
  // A form posted while the socket was down brings the page again, perhaps checked in since.
  useEffect(() => {
    if (data.me !== null) setMe(data.me);
  }, [data.me]);
  // Checked in after this page loaded: the phone learns it on its socket when the count moves.
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
  }, [me, live.connected, live.checkedIn]);

  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<MessageKey | null>(null);
  // The ask/withdraw form's key: the same while its post is under way or waiting, a new one once it went through.
  const [sent, setSent] = useState(0);
  const key = formKey(data.formSeed, "phone-turn", sent);
  // A post tapped with no network waits on the phone (pressed again, it is the same post) and goes when the network returns.
  const [held, setHeld] = useState<string | null>(null);
  const [resending, setResending] = useState(false);
  const send = (intent: string) => {
    if (navigator.onLine === false) {
      setHeld(intent);
      return;
    }
    setHeld(null);
    setSending(true);
    setRefusal(null);
    // On the socket once it is open (no request per tap); the page's form before, or while it reconnects.
    const sent = live.command("delegate", { intent });
    if (sent) {
      void sent.then((reply) => {
        setSending(false);
        setRefusal(reply.error);
      });
      return;
    }
    void postPage(action, new URLSearchParams({ [IDEMPOTENCY_FIELD]: key, intent }), { resend: true, resending: setResending }).then((fresh) => {
      setSending(false);
      setResending(false);
      setSent((n) => n + 1);
      if (fresh) setData(fresh);
    });
  };
  useEffect(() => {
    if (held === null) return;
    const again = () => send(held);
    window.addEventListener("online", again);
    return () => window.removeEventListener("online", again);
  }, [held]);
  const submitTurn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const intent = new FormData(event.currentTarget).get("intent");
    if (typeof intent === "string") send(intent);
  };

  const place = me === null ? null : placeOf(state, me);
  const error = refusal ?? data.result?.error ?? null;
  return (
    <div className="phone" data-testid="phone" data-connected={live.connected}>
      <p className="breadcrumb">
        <a href={`/espaces/${data.meeting.spaceId}/reunions/${data.meeting.id}`}>{data.meeting.title}</a>
      </p>
      <section aria-labelledby="phone-item" className="phone-block" data-testid="phone-item">
        <h1 id="phone-item" className="phone-label">
          {state.item ? t("live.itemOf", { number: state.item.number, of: state.item.of }) : t("live.item")}
        </h1>
        <p className="phone-big">{state.item ? state.item.title : t(state.status === "closed" ? "live.closed" : state.status === "live" ? "live.noItem" : "live.notStarted")}</p>
      </section>
      {live.commitment ? <PhoneCommitment commitment={live.commitment} now={now} t={t} locale={data.locale} /> : null}
      <PhoneVote vote={live.vote} ballot={ballot} action={action} now={now} t={t} />
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
        {error ? (
          <p className="form-error" role="alert">
            {t(error)}
          </p>
        ) : null}
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
              <form method="post" action={action} onSubmit={submitTurn}>
                <input type="hidden" name={IDEMPOTENCY_FIELD} value={key} />
                <input type="hidden" name="intent" value={place?.kind === "none" ? "request" : "withdraw"} />
                <button type="submit" className={place?.kind === "none" ? "primary wide" : "wide"} disabled={sending}>
                  {t(place?.kind === "none" ? "live.askToSpeak" : "live.withdraw")}
                </button>
                {held !== null || resending ? (
                  <p className="notice waiting" role="status">
                    {t("form.waitingForNetwork")}
                  </p>
                ) : null}
              </form>
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
