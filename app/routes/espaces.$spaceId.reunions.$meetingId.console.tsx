import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Form } from "../components/form";
import { createContext, useContext, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { FormError } from "../components/field";
import { StatusLine } from "../components/confirm-button";
import { IntentButton } from "../components/intent-button";
import { useLocale, useT } from "../components/i18n";
import { Countdown, ParityBar, useLiveMeeting, useServerNow } from "../components/live-meeting";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { formValues } from "../modules/forms";
import { formatDuration } from "../modules/i18n/format";
import { LOCALES } from "../modules/i18n/locales";
import { LANGUAGE_NAMES } from "../modules/i18n/format-words";
import { messageKey, type MessageKey } from "../modules/i18n/translate";
import { itemSpentMs, totalsNow } from "../modules/live/live-state";
import { ConsoleActionSchema } from "../modules/live/live.schemas";
import { TURN_LIMITS } from "../modules/live/turn-limits";
import { meetingPlace, runConsoleAction, turnSpeakerName } from "../modules/live/live.server";
import { meetingProjections } from "../modules/live/projections.server";
import { liveMessage } from "../modules/live/messages";
import { PRIORITY_RULES } from "../modules/live/priority";
import { tokenGroups } from "../modules/live/screen-link";
import { screenLinkQr } from "../modules/live/screen-link.server";
import { searchKey } from "../modules/geography/search-key";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { getSpace } from "../modules/spaces/spaces.server";
import { meetingRowFromParams } from "../modules/meetings/meeting-params.server";
import { PollPanel, type PollAnswer } from "../components/poll-console";
import { errorsOf, type FieldErrors } from "../modules/forms";
import { localeFor } from "../modules/i18n/i18n.server";
import type { Result } from "../modules/result";
import { recordDecision } from "../modules/motions/motions.server";
import { motionMessage } from "../modules/motions/messages";
import { pollMessage } from "../modules/polls/messages";
import { ofThisMeeting, pollConsole } from "../modules/polls/poll-console.server";
import { closePoll, enterHands, openPoll, recordConsensus } from "../modules/polls/polls.server";
import { ClosePollSchema, ConsensusSchema, HandsSchema, isPollIntent, OpenPollSchema, PollDecisionSchema, type PollIntent } from "../modules/polls/polls.schemas";
import { CommitmentReviewPanel, type ReviewAnswer } from "../components/commitment-review-console";
import { consoleReview, decideInReview, reviewMessage } from "../modules/commitments/review.server";
import { ReviewDecisionSchema } from "../modules/commitments/review.schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "console.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const meeting = meetingRowFromParams(context.db, params);
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const space = getSpace(context.db, meeting.spaceId)!;
  // The page starts from the console's projection, then follows it on its socket.
  const projection = meetingProjections(context.db, meeting.id)!;
  // The screen's link in full (at the address the projector's laptop reaches), and its QR code.
  const screenPath = projection.console.screenPath;
  const origin = context.publicOrigin(request.url);
  const screenLink = screenPath
    ? { path: screenPath, origin, token: screenPath.slice("/ecran/".length), qr: await screenLinkQr(`${origin}${screenPath}`) }
    : null;
  return {
    screenLink,
    meeting: { id: meeting.id, title: meeting.title, spaceId: meeting.spaceId },
    space: { id: space.id, name: space.name },
    state: projection.live,
    figures: projection.attendance.figures,
    console: projection.console,
    vote: projection.vote,
    commitment: projection.commitment.shown,
    polls: pollConsole(context.db, current.actor, meeting.id, localeFor(request, current))!,
    // The commitments a review item goes through, as they stand now (the panel shows while such an item is current).
    review: consoleReview(context.db, current.actor, meeting.id, context.now()),
    serverNow: context.now(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The action needs only where the meeting belongs: one read, as console actions come fast.
  const meeting = meetingPlace(context.db, positiveIntParam(params.meetingId));
  if (!meeting || meeting.spaceId !== spaceIdParam(params)) throw new Response("Not Found", { status: 404 });
  const current = requirePermission(context, request, "meeting.run", { spaceId: meeting.spaceId });
  const values = formValues(await request.formData());
  if (isPollIntent(values.intent)) return pollAction(context, current.actor, meeting.id, values.intent, values);
  if (values.intent === "commitment-decide") return decisionAction(context, current.actor, meeting.id, values);
  const parsed = ConsoleActionSchema.safeParse(values);
  if (!parsed.success) return data({ error: messageKey("error.invalid"), values, done: null, poll: null, review: null }, { status: 400 });
  const result = runConsoleAction(context, current.actor, meeting.id, parsed.data, context.now());
  if (!result.ok) return data({ error: liveMessage(result.code), values, done: null, poll: null, review: null }, { status: result.code === "forbidden" ? 403 : result.code === "commitment_not_found" ? 404 : 409 });
  const action = parsed.data;
  // What the facilitator just did to a speaker, said back with a way to take it back.
  const done: Done | null =
    action.type === "withdraw" || action.type === "restore"
      ? { type: action.type, turnId: action.turnId, name: turnSpeakerName(context.db, meeting.id, action.turnId) ?? "", to: action.type === "restore" ? action.to : values.from === "requested" ? "requested" : "queued" }
      : null;
  return { error: null, values: {} as Record<string, string>, done, poll: null, review: null };
}

type ActionContext = ActionFunctionArgs["context"];
type Actor = ReturnType<typeof requirePermission>["actor"];

/**
 * A poll form of the console: parsed by its own schema, one command, its refusal in the
 * facilitator's language (nothing written), or what was done.
 */
function pollAction(context: ActionContext, actor: Actor, meetingId: number, intent: PollIntent, values: Record<string, string>) {
  const now = context.now();
  const invalid = (errors: FieldErrors) => data({ error: null, values, done: null, poll: { intent, errors, done: null } satisfies PollAnswer, review: null }, { status: 400 });
  const answer = <C extends string>(result: Result<unknown, C>, message: (code: C) => MessageKey, done: MessageKey) =>
    result.ok
      ? { error: null, values: {} as Record<string, string>, done: null, poll: { intent, errors: {}, done } satisfies PollAnswer, review: null }
      : data({ error: null, values, done: null, poll: { intent, errors: { form: message(result.code) }, done: null } satisfies PollAnswer, review: null }, { status: result.code === "forbidden" ? 403 : 409 });
  const named = (ids: { pollId?: number; motionId?: number }) => ofThisMeeting(context.db, meetingId, ids);
  const elsewhere = () => data({ error: null, values, done: null, poll: { intent, errors: { form: pollMessage("not_found") }, done: null } satisfies PollAnswer, review: null }, { status: 404 });
  switch (intent) {
    case "poll-open": {
      const parsed = OpenPollSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(openPoll(context, actor, meetingId, parsed.data, now), pollMessage, "polls.done.opened");
    }
    case "poll-hands": {
      const parsed = HandsSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      if (!named({ pollId: parsed.data.pollId })) return elsewhere();
      return answer(enterHands(context, actor, parsed.data.pollId, parsed.data.tally, parsed.data.breakdown, now), pollMessage, "polls.done.hands");
    }
    case "poll-consensus": {
      const parsed = ConsensusSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      if (!named({ pollId: parsed.data.pollId })) return elsewhere();
      return answer(recordConsensus(context, actor, parsed.data.pollId, parsed.data, now), pollMessage, "polls.done.consensus");
    }
    case "poll-close": {
      const parsed = ClosePollSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      if (!named({ pollId: parsed.data.pollId })) return elsewhere();
      return answer(closePoll(context, actor, parsed.data.pollId, now), pollMessage, "polls.done.closed");
    }
    case "poll-decide": {
      const parsed = PollDecisionSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      const { motionId, move, pollId, referredAuthorityId } = parsed.data;
      if (!named({ motionId, pollId })) return elsewhere();
      return answer(recordDecision(context, actor, motionId, move, { pollId, referredAuthorityId }, now), motionMessage, "polls.done.decided");
    }
  }
}

/**
 * The review's decision form: what the meeting decided about a commitment of its space, in one
 * command with this meeting named; its refusal in the facilitator's language, nothing written.
 */
function decisionAction(context: ActionContext, actor: Actor, meetingId: number, values: Record<string, string>) {
  const commitmentId = /^\d+$/.test(values.commitmentId ?? "") ? Number(values.commitmentId) : null;
  const refused = (errors: FieldErrors, status: number) => data({ error: null, values, done: null, poll: null, review: { commitmentId, errors, done: null } satisfies ReviewAnswer }, { status });
  const parsed = ReviewDecisionSchema.safeParse(values);
  if (!parsed.success) return refused(errorsOf(parsed), 400);
  const { commitmentId: id, ...decision } = parsed.data;
  const result = decideInReview(context, actor, meetingId, id, decision, context.now());
  if (!result.ok) return refused({ [result.field ?? "form"]: reviewMessage(result.code) }, result.code === "forbidden" ? 403 : result.code === "not_found" ? 404 : 409);
  return { error: null, values: {} as Record<string, string>, done: null, poll: null, review: { commitmentId: id, errors: {}, done: "commitments.review.decided" } satisfies ReviewAnswer };
}

/** A withdrawal (to offer its undo) or its undo, as the console says it. */
interface Done {
  type: "withdraw" | "restore";
  turnId: number;
  name: string;
  /** Where the turn was before it was withdrawn, so the undo puts it back there. */
  to: "requested" | "queued";
}

/**
 * How a console form is sent: on the live socket when it is open (no request per action),
 * else as the plain form it is (before JavaScript, or while the socket reconnects).
 */
const SubmitVia = createContext<(event: FormEvent<HTMLFormElement>, onDone?: () => void) => void>(() => undefined);

/** One button that posts one console action; `onDone` runs once the socket says it was applied. */
function Act({ onDone, ...props }: { intent: string; fields?: Record<string, string | number>; label?: string; className?: string; onDone?: () => void; children: ReactNode }) {
  const submitVia = useContext(SubmitVia);
  return <IntentButton {...props} formClassName="act" onSubmit={(event) => submitVia(event, onDone)} />;
}

/** Says what was done to a speaker; a withdrawal offers its undo (the turn returns to its place). */
function DoneLine({ done, onUndone }: { done: Done; onUndone: (done: Done) => void }) {
  const t = useT();
  if (done.type === "restore") return <StatusLine message={t("console.restored", { name: done.name })} />;
  return (
    // A div: the undo is a form, which a paragraph cannot hold.
    <div className="notice status-line" role="status" data-testid="status-line">
      {t(done.to === "requested" ? "console.declined" : "console.removed", { name: done.name })}{" "}
      <Act intent="restore" fields={{ turnId: done.turnId, to: done.to }} className="small" onDone={() => onUndone({ ...done, type: "restore" })}>
        {t("console.undo")}
      </Act>
    </div>
  );
}

export default function Console() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  // Every change (ours or another facilitator's) reaches this console through its document:
  // nothing is fetched again over HTTP.
  const live = useLiveMeeting({ kind: "meeting-console", meetingId: data.meeting.id }, { state: data.state, figures: data.figures, console: data.console, vote: data.vote, commitment: data.commitment });
  const state = live.state ?? data.state;
  const view = live.console ?? data.console;
  const now = useServerNow(data.serverNow);
  const isLive = view.status === "live";
  const [refusal, setRefusal] = useState<MessageKey | null>(null);
  // What was last done to a speaker over the socket; a form post answers it in its action data.
  const [done, setDone] = useState<Done | null>(null);
  const submitVia = (event: FormEvent<HTMLFormElement>, onDone?: () => void) => {
    const form = new FormData(event.currentTarget);
    const sent = live.command("console", Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === "string")));
    if (!sent) return;
    event.preventDefault();
    setRefusal(null);
    setDone(null);
    void sent.then((reply) => {
      setRefusal(reply.error);
      if (!reply.error) onDone?.();
    });
  };
  const shownDone = done ?? result?.done ?? null;
  // The vote part of the console's document: the poll the room follows, its phone count live.
  const vote = live.vote ?? data.vote;
  const reviewing = isLive && view.agenda.find((i) => i.id === state.item?.id)?.kind === "commitment_review";
  return (
    <SubmitVia.Provider value={submitVia}>
    <div className="console">
      <Breadcrumb trail={[{ to: `/espaces/${data.space.id}`, label: data.space.name }, { to: `/espaces/${data.space.id}/reunions/${data.meeting.id}`, label: data.meeting.title }]} />
      <div className="console-head">
        <h1>{t("console.title")}</h1>
        <p className={`connection ${live.connected ? "connected" : "disconnected"}`} role="status" data-testid="console-connection">
          {t(live.connected ? "live.connected" : "live.reconnecting")}
        </p>
      </div>
      {!isLive ? <p className="notice">{t(view.status === "planned" ? "console.notStarted" : "console.over")}</p> : null}
      <FormError error={refusal ?? result?.error ?? undefined} />
      {shownDone && !refusal ? <DoneLine done={shownDone} onUndone={setDone} /> : null}

      {isLive || state.requests.length > 0 ? <Requests requests={state.requests} onDeclined={setDone} /> : null}

      {reviewing ? (
        <CommitmentReviewPanel list={data.review.list} shown={live.commitment} spaceId={data.space.id} answer={result?.review ?? null} values={result?.values ?? {}} act={(event) => submitVia(event)} />
      ) : null}

      {isLive || data.polls.poll ? (
        <PollPanel
          view={data.polls}
          live={vote}
          now={now}
          canOpen={isLive}
          answer={result?.poll ?? null}
          values={result?.values ?? {}}
          ballotsPath={`/espaces/${data.space.id}/reunions/${data.meeting.id}/bulletins`}
        />
      ) : null}

      <div className="console-grid">
        <section aria-labelledby="console-speakers" className="console-speakers">
          <h2 id="console-speakers">{t("console.speakers")}</h2>
          <div className="speaker-now" data-testid="console-speaker">
            {state.speaker ? (
              <>
                <p className="label">{t("live.speaking")}</p>
                <p className="speaker-name">{state.speaker.name}</p>
                {state.speaker.organisation ? <p className="muted">{state.speaker.organisation}</p> : null}
                <Countdown speaker={state.speaker} now={now} className="big" />
                <Act intent="stop" className="primary">
                  {t("console.stop")}
                </Act>
              </>
            ) : (
              <p className="muted">{t("live.nobodySpeaking")}</p>
            )}
          </div>

          {view.suggestion ? (
            <div className="suggestion" role="note" data-testid="suggestion">
              <p>{t(view.suggestion.reason === "woman" ? "console.suggestWoman" : "console.suggestYoung", { name: view.suggestion.name })}</p>
              <div className="inline-forms">
                <Act intent="start" fields={{ turnId: view.suggestion.turnId }} className="primary">
                  {t("console.giveFloor", { name: view.suggestion.name })}
                </Act>
                <Act intent="move" fields={{ turnId: view.suggestion.turnId, direction: "top" }}>
                  {t("console.moveTop")}
                </Act>
              </div>
            </div>
          ) : null}

          <h3>{t("console.queue", { count: state.queue.length })}</h3>
          {state.queue.length === 0 ? <p className="muted">{t("console.queueEmpty")}</p> : null}
          <ol className="queue" data-testid="console-queue">
            {state.queue.map((p, index) => (
              <li key={p.turnId}>
                <span className="name">{p.name}</span> {p.organisation ? <span className="muted">· {p.organisation}</span> : null}
                {isLive ? (
                  <span className="row-actions">
                    <Act intent="start" fields={{ turnId: p.turnId }} className="small primary" label={t("console.giveFloor", { name: p.name })}>
                      ▶
                    </Act>
                    {index > 0 ? (
                      <Act intent="move" fields={{ turnId: p.turnId, direction: "up" }} className="small" label={t("agenda.moveUp", { title: p.name })}>
                        ↑
                      </Act>
                    ) : null}
                    {index < state.queue.length - 1 ? (
                      <Act intent="move" fields={{ turnId: p.turnId, direction: "down" }} className="small" label={t("agenda.moveDown", { title: p.name })}>
                        ↓
                      </Act>
                    ) : null}
                    <Act
                      intent="withdraw"
                      fields={{ turnId: p.turnId, from: "queued" }}
                      className="small"
                      label={t("console.removeFromQueue", { name: p.name })}
                      onDone={() => setDone({ type: "withdraw", turnId: p.turnId, name: p.name, to: "queued" })}
                    >
                      ✕
                    </Act>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>

          {isLive ? <AddSpeaker present={view.present} /> : null}
        </section>

        <section aria-labelledby="console-agenda">
          <h2 id="console-agenda">{t("agenda.title")}</h2>
          <ol className="console-agenda" data-testid="console-agenda">
            {view.agenda.map((item) => {
              const current = state.item?.id === item.id;
              const spent = current && state.item ? itemSpentMs(state.item, now) : item.spentMs;
              const over = item.plannedMinutes !== null && spent > item.plannedMinutes * 60_000;
              return (
                <li key={item.id} className={current ? "current" : undefined} aria-current={current ? "step" : undefined}>
                  <span className="agenda-title">{item.title}</span>
                  <span className={`muted ${over ? "over" : ""}`} data-testid={current ? "item-time" : undefined}>
                    {" "}
                    {formatDuration(spent)}
                    {item.plannedMinutes ? ` / ${formatDuration(item.plannedMinutes * 60_000)}` : ""}
                  </span>
                  {isLive && !current ? (
                    <Act intent="item" fields={{ itemId: item.id }} className="small">
                      {t("console.goToItem")}
                    </Act>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {view.agenda.length === 0 ? <p>{t("agenda.empty")}</p> : null}
        </section>
      </div>

      {view.screenPath ? (
        <section className="panel screen-controls" aria-labelledby="screen-title">
          <h2 id="screen-title">{t("console.screen")}</h2>
          <div className="screen-link-box">
            <div>
              <p>
                <a href={view.screenPath} target="_blank" rel="noreferrer" className="button" data-testid="screen-link">
                  {t("console.openScreen")}
                </a>{" "}
                <span className="muted">{t("console.screenHint")}</span>
              </p>
              {data.screenLink && data.screenLink.path === view.screenPath ? (
                <p className="screen-address">
                  <span className="muted">{t("console.screenLinkLabel")}</span>{" "}
                  <code data-testid="screen-address">
                    {data.screenLink.origin}/ecran/
                    {tokenGroups(data.screenLink.token).map((group, i) => (
                      <span key={i} className="token-group">
                        {group}
                      </span>
                    ))}
                  </code>
                </p>
              ) : null}
            </div>
            {data.screenLink && data.screenLink.path === view.screenPath ? (
              <figure className="screen-qr">
                <img src={data.screenLink.qr} alt={t("console.screenQr")} width={160} height={160} data-testid="screen-qr" />
                <figcaption className="muted">{t("console.screenQrHint")}</figcaption>
              </figure>
            ) : null}
          </div>
          <div className="inline-forms">
            <span>{t("console.screenLanguage")}</span>
            {LOCALES.map((l) => (
              <Act key={l} intent="screen-locale" fields={{ locale: l }} className={state.locale === l ? "primary" : undefined} label={t("console.screenIn", { language: LANGUAGE_NAMES[l] })}>
                {LANGUAGE_NAMES[l]}
              </Act>
            ))}
          </div>
          {isLive ? (
            <Form method="post" className="message-form" onSubmit={submitVia}>
              <input type="hidden" name="intent" value="message" />
              <label htmlFor="screen-message">{t("console.message")}</label>
              <textarea id="screen-message" name="text" maxLength={500} rows={2} defaultValue={state.message ?? ""} key={state.message ?? ""} />
              <div className="inline-forms">
                <button type="submit">{t("console.showMessage")}</button>
              </div>
            </Form>
          ) : null}
          {state.message ? (
            <p>
              <span className="muted">{t("console.messageShown")}</span> « {state.message} » <Act intent="message-clear">{t("console.clearMessage")}</Act>
            </p>
          ) : null}
        </section>
      ) : null}

      {isLive ? (
        <section className="panel" aria-labelledby="console-rules">
          <h2 id="console-rules">{t("console.rules")}</h2>
          <div className="columns">
            <Form method="post" onSubmit={submitVia}>
              <input type="hidden" name="intent" value="limit" />
              <label htmlFor="turn-limit">{t("console.turnLimit")}</label>
              <div className="inline">
                <select id="turn-limit" name="seconds" defaultValue={state.turnLimitSeconds} key={state.turnLimitSeconds}>
                  {TURN_LIMITS.map((s) => (
                    <option key={s} value={s}>
                      {formatDuration(s * 1000)}
                    </option>
                  ))}
                </select>
                <button type="submit">{t("common.save")}</button>
              </div>
            </Form>
            <Form method="post" onSubmit={submitVia}>
              <input type="hidden" name="intent" value="priority" />
              <label htmlFor="priority-rule">{t("console.priority")}</label>
              <div className="inline">
                <select id="priority-rule" name="rule" defaultValue={view.priorityRule} key={view.priorityRule}>
                  {PRIORITY_RULES.map((rule) => (
                    <option key={rule} value={rule}>
                      {t(`priority.${rule}`)}
                    </option>
                  ))}
                </select>
                <button type="submit">{t("common.save")}</button>
              </div>
            </Form>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="console-parity">
        <h2 id="console-parity">{t("parity.title")}</h2>
        <ParityBar totals={totalsNow(state, now)} figures={live.figures} t={t} locale={locale} />
        {live.figures ? (
          <p data-testid="console-present">{t("console.present", { count: live.figures.people.total, disability: live.figures.withDisability })}</p>
        ) : null}
      </section>
    </div>
    </SubmitVia.Provider>
  );
}

/**
 * Requests to speak from the phones, first on the console (above the fold of a 1366×768
 * laptop) with their count, so none waits unseen.
 */
function Requests({ requests, onDeclined }: { requests: { turnId: number; name: string; organisation: string | null }[]; onDeclined: (done: Done) => void }) {
  const t = useT();
  return (
    <section className={`console-requests ${requests.length > 0 ? "has-requests" : ""}`} aria-labelledby="console-requests-title" aria-live="polite">
      <h2 id="console-requests-title">
        {t("console.requests", { count: requests.length })}{" "}
        {requests.length > 0 ? (
          <span className="count-badge" data-testid="requests-count" aria-hidden="true">
            {requests.length}
          </span>
        ) : null}
      </h2>
      {requests.length === 0 ? (
        <p className="muted">{t("console.requestsNone")}</p>
      ) : (
        <ul className="queue" data-testid="console-requests">
          {requests.map((p) => (
            <li key={p.turnId}>
              <span className="name">{p.name}</span> {p.organisation ? <span className="muted">· {p.organisation}</span> : null}
              <span className="row-actions">
                <Act intent="accept" fields={{ turnId: p.turnId }} className="small primary" label={t("console.accept", { name: p.name })}>
                  {t("console.acceptShort")}
                </Act>
                <Act
                  intent="withdraw"
                  fields={{ turnId: p.turnId, from: "requested" }}
                  className="small"
                  label={t("console.decline", { name: p.name })}
                  onDone={() => onDeclined({ type: "withdraw", turnId: p.turnId, name: p.name, to: "requested" })}
                >
                  ✕
                </Act>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Adding a speaker: a search among the people present (accents, case and hyphens do not
 * matter). Before JavaScript it is a GET form (`?qui=`) that narrows the list; once scripts
 * run it narrows as one types, and Enter adds the one person left.
 */
function AddSpeaker({ present }: { present: { id: number; name: string; organisation: string | null }[] }) {
  const t = useT();
  const submitVia = useContext(SubmitVia);
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get("qui") ?? "");
  const key = searchKey(query);
  const matches = key ? present.filter((p) => searchKey(`${p.name} ${p.organisation ?? ""}`).includes(key)) : present;
  const [chosen, setChosen] = useState("");
  // What is chosen stays chosen while it still matches; else the first match is.
  const selected = matches.some((p) => String(p.id) === chosen) ? chosen : key && matches[0] ? String(matches[0].id) : "";
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (matches.length === 1) (document.getElementById("add-speaker-form") as HTMLFormElement | null)?.requestSubmit();
  };
  return (
    <div className="add-speaker">
      <Form method="get" className="speaker-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="speaker-search">{t("console.searchPresent")}</label>
        <div className="inline">
          <input id="speaker-search" type="search" name="qui" value={query} autoComplete="off" onChange={(event) => setQuery(event.currentTarget.value)} onKeyDown={onKeyDown} />
          <button type="submit">{t("console.search")}</button>
        </div>
      </Form>
      {key ? (
        <p className="hint" role="status" data-testid="speaker-search-count">
          {matches.length === 0 ? t("console.searchNone", { query }) : t("console.searchCount", { count: matches.length })}
        </p>
      ) : null}
      <Form method="post" className="inline" id="add-speaker-form" onSubmit={submitVia}>
        <input type="hidden" name="intent" value="add" />
        <label htmlFor="add-speaker" className="visually-hidden">
          {t("console.addSpeaker")}
        </label>
        <select id="add-speaker" name="attendanceId" required value={selected} onChange={(event) => setChosen(event.currentTarget.value)}>
          <option value="" disabled>
            {t("console.choosePerson")}
          </option>
          {matches.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.organisation ? ` · ${p.organisation}` : ""}
            </option>
          ))}
        </select>
        <button type="submit">{t("console.addSpeaker")}</button>
      </Form>
    </div>
  );
}
