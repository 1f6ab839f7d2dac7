import { Link, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { FieldErrors } from "../modules/forms";
import { formatDuration } from "../modules/i18n/format";
import type { MessageKey } from "../modules/i18n/translate";
import type { VoteView } from "../modules/live/projections";
import { AGE_KEYS, SEX_KEYS } from "../modules/people/disaggregation";
import { handLimit } from "../modules/polls/decision";
import { POLL_METHODS, takesHands, takesPhoneBallots, type PollMethod } from "../modules/polls/methods";
import type { PollConsoleView, RuleFields } from "../modules/polls/poll-console.server";
import { BreakdownInputs } from "./breakdown-inputs";
import { breakdownField, type PollIntent } from "../modules/polls/polls.schemas";
import { MAJORITY_CHOICES, majorityOf } from "../modules/polls/rules";
import { countsWords, rulesWords } from "../modules/polls/words";
import { Field, FormError } from "./field";
import { Form } from "./form";
import { useT } from "./i18n";
import { IntentButton } from "./intent-button";
import { PollResult } from "./poll-result";

/** What the console's action answers to a poll form: its errors by field, or what was done. */
export interface PollAnswer {
  intent: PollIntent;
  errors: FieldErrors;
  done: MessageKey | null;
}

type OpenPoll = NonNullable<PollConsoleView["poll"]>;

/**
 * The console's poll panel: open a poll; while it runs, follow the phones' count (from the
 * live document's `vote` part), enter the hands or the consensus, close it; then the result and
 * the one step that records the motion's decision with it. Every action is a plain form
 * posted to the console's action (the idempotency key rides with it), so it works before
 * JavaScript; with it, the count moves live and another facilitator's poll brings a fresh page.
 */
export function PollPanel({
  view,
  live,
  now,
  canOpen,
  answer,
  values,
  ballotsPath,
}: {
  view: PollConsoleView;
  /** The live document's vote part: the poll the room follows and the current item's motion. */
  live: VoteView;
  now: number;
  /** A poll opens in a live meeting only. */
  canOpen: boolean;
  answer: PollAnswer | null;
  values: Record<string, string>;
  ballotsPath: string;
}) {
  const t = useT();
  const poll = view.poll;
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // The document says a poll opened or closed that this page has not loaded (another console),
  // or the current item puts a motion this page does not know (admitted since): load them.
  const liveKey = live.poll ? `${live.poll.id}:${live.poll.state}` : null;
  const shownKey = poll ? `${poll.id}:${poll.state}` : null;
  const itemMotionId = live.motion?.id ?? null;
  const unknownMotion = itemMotionId !== null && !view.motions.some((m) => m.id === itemMotionId) && view.decide?.motionId !== itemMotionId;
  // Once per poll state and per motion put up (a decided motion stays unknown: no reload after
  // reload); a load under way when either came up (stale, perhaps) is followed by one more once idle.
  // Never during a form's post: a reload started then would keep the previous answer, not the post's.
  const askedFor = useRef<{ poll: string | null; motion: number | null }>({ poll: null, motion: null });
  useEffect(() => {
    if (revalidator.state !== "idle" || navigation.state !== "idle") return;
    const pollToLoad = liveKey !== null && liveKey !== shownKey && askedFor.current.poll !== liveKey;
    const motionToLoad = unknownMotion && askedFor.current.motion !== itemMotionId;
    if (!pollToLoad && !motionToLoad) return;
    askedFor.current = { poll: pollToLoad ? liveKey : askedFor.current.poll, motion: motionToLoad ? itemMotionId : askedFor.current.motion };
    revalidator.revalidate();
  }, [liveKey, shownKey, unknownMotion, itemMotionId, revalidator.state, navigation.state]);
  const running = poll?.state === "open" ? poll : null;
  const votedByPhone = running && live.poll?.id === running.id ? live.poll.votedByPhone : (running?.votedByPhone ?? 0);
  // The motion the current item puts to the meeting, as the room's document says it now.
  const currentMotionId = itemMotionId !== null && view.motions.some((m) => m.id === itemMotionId) ? itemMotionId : view.currentMotionId;
  const of = (intent: PollIntent) => (answer?.intent === intent ? answer : null);
  // A refusal is said once, at the top of the panel, whichever form it answers.
  const refused = answer && !answer.done ? answer.errors.form : undefined;
  return (
    <section className="panel poll-panel" aria-labelledby="poll-panel-title" data-testid="poll-panel">
      <h2 id="poll-panel-title">{t("polls.console.title")}</h2>
      {answer?.done ? (
        <p className="notice status-line" role="status" data-testid="poll-done">
          {t(answer.done)}
        </p>
      ) : null}
      <FormError error={refused} />
      {running ? (
        <RunningPoll poll={running} votedByPhone={votedByPhone} now={now} answer={answer} values={values} ballotsPath={ballotsPath} />
      ) : (
        <>
          {poll?.result ? (
            <div className="poll-last" data-testid="poll-last">
              <h3>
                {t("polls.console.last")} : {poll.motion ? `${poll.motion.number} · ` : ""}
                {poll.question}
              </h3>
              <PollResult method={poll.method} result={poll.result} />
              {view.decide ? <DecideButtons decide={view.decide} pollId={poll.id} outcome={poll.result.decision.outcome} authorities={view.authorities} /> : null}
            </div>
          ) : null}
          {canOpen ? <OpenPollForm key={currentMotionId ?? "none"} view={view} currentMotionId={currentMotionId} errors={of("poll-open")?.errors ?? {}} values={of("poll-open") ? values : {}} ballotsPath={ballotsPath} /> : null}
        </>
      )}
    </section>
  );
}

/** A new poll's form; it starts again from the current motion when the facilitator moves to another item. */
function OpenPollForm({ view, currentMotionId, errors, values, ballotsPath }: { view: PollConsoleView; currentMotionId: number | null; errors: FieldErrors; values: Record<string, string>; ballotsPath: string }) {
  const t = useT();
  const titleOf = (id: string) => view.motions.find((m) => String(m.id) === id)?.title ?? "";
  const firstMotion = values.motionId ?? (currentMotionId === null ? "" : String(currentMotionId));
  const [motionId, setMotionId] = useState(firstMotion);
  const [question, setQuestion] = useState(values.question ?? titleOf(firstMotion));
  const [method, setMethod] = useState<PollMethod>((POLL_METHODS as readonly string[]).includes(values.method ?? "") ? (values.method as PollMethod) : "named");
  const rules = ruleValues(view.defaults, values);
  const [majority, setMajority] = useState(rules.majority);
  const [abstentions, setAbstentions] = useState(rules.abstentionsCount);
  const [presence, setPresence] = useState(rules.presenceQuorumPercent);
  const [turnout, setTurnout] = useState(rules.turnoutQuorumPercent);
  const words = rulesWords(
    {
      majority: majorityOf(majority),
      abstentionsCount: abstentions,
      presenceQuorumPercent: /^\d+$/.test(presence) ? Number(presence) : null,
      turnoutQuorumPercent: /^\d+$/.test(turnout) ? Number(turnout) : null,
    },
    method,
    t,
  );
  // The question follows the motion chosen, unless the facilitator wrote another.
  const chooseMotion = (id: string) => {
    if (question.trim() === "" || question === titleOf(motionId)) setQuestion(titleOf(id));
    setMotionId(id);
  };
  return (
    <Form method="post" noValidate className="poll-open-form" data-testid="poll-open-form">
      <h3>{t("polls.console.open")}</h3>
      <input type="hidden" name="intent" value="poll-open" />
      <div className="field">
        <label htmlFor="poll-motion">{t("polls.console.motion")}</label>
        <select id="poll-motion" name="motionId" value={motionId} onChange={(event) => chooseMotion(event.currentTarget.value)}>
          <option value="">{t("polls.console.noMotion")}</option>
          {view.motions.map((m) => (
            <option key={m.id} value={m.id}>
              {`${m.number} · ${m.title}`}
            </option>
          ))}
        </select>
        {view.motions.some((m) => m.amendment) ? <p className="hint">{t("polls.console.amendmentsFirst")}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="poll-question">{t("polls.console.question")}</label>
        <textarea id="poll-question" name="question" rows={2} maxLength={500} required value={question} onChange={(event) => setQuestion(event.currentTarget.value)} aria-invalid={errors.question ? true : undefined} />
        <FormError error={errors.question} />
      </div>
      <div className="field">
        <label htmlFor="poll-method">{t("polls.console.method")}</label>
        <select id="poll-method" name="method" value={method} onChange={(event) => setMethod(event.currentTarget.value as PollMethod)}>
          {POLL_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`polls.method.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="poll-rule-words" data-testid="poll-rule-preview">
        {t("polls.console.rule", { rule: words })}
      </p>
      <details className="poll-rule" open={Object.keys(errors).some((k) => k.endsWith("Percent") || k === "majority") || undefined}>
        <summary>{t("polls.console.changeRule")}</summary>
        <div className="field">
          <label htmlFor="poll-majority">{t("polls.console.majority")}</label>
          <select id="poll-majority" name="majority" value={majority} onChange={(event) => setMajority(event.currentTarget.value as RuleFields["majority"])}>
            {MAJORITY_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`polls.rule.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="abstentionsCount" checked={abstentions} onChange={(event) => setAbstentions(event.currentTarget.checked)} /> {t("polls.console.abstentionsCount")}
        </label>
        <Field name="presenceQuorumPercent" id="poll-presence" inputMode="numeric" label={t("polls.console.presenceQuorum")} value={presence} onChange={(event) => setPresence(event.currentTarget.value)} error={errors.presenceQuorumPercent} />
        <Field name="turnoutQuorumPercent" id="poll-turnout" inputMode="numeric" label={t("polls.console.turnoutQuorum")} value={turnout} onChange={(event) => setTurnout(event.currentTarget.value)} error={errors.turnoutQuorumPercent} />
      </details>
      <Field name="countdownMinutes" id="poll-countdown" inputMode="numeric" label={t("polls.console.countdown")} defaultValue={values.countdownMinutes ?? ""} error={errors.countdownMinutes} />
      <div className="inline-forms">
        <button type="submit" className="primary">
          {t("polls.console.openButton")}
        </button>
        <Link to={ballotsPath} className="button">
          {t("polls.console.paperBallots")}
        </Link>
      </div>
    </Form>
  );
}

/** The rule's fields as the form shows them: what was posted (after a refusal), else the space's defaults. */
function ruleValues(defaults: RuleFields, values: Record<string, string>) {
  const posted = values.majority !== undefined;
  const majority = (MAJORITY_CHOICES as readonly string[]).includes(values.majority ?? "") ? (values.majority as RuleFields["majority"]) : defaults.majority;
  return {
    majority,
    abstentionsCount: posted ? values.abstentionsCount === "on" : defaults.abstentionsCount,
    presenceQuorumPercent: posted ? (values.presenceQuorumPercent ?? "") : (defaults.presenceQuorumPercent?.toString() ?? ""),
    turnoutQuorumPercent: posted ? (values.turnoutQuorumPercent ?? "") : (defaults.turnoutQuorumPercent?.toString() ?? ""),
  };
}

function RunningPoll({
  poll,
  votedByPhone,
  now,
  answer,
  values,
  ballotsPath,
}: {
  poll: OpenPoll;
  votedByPhone: number;
  now: number;
  answer: PollAnswer | null;
  values: Record<string, string>;
  ballotsPath: string;
}) {
  const t = useT();
  const console_ = poll.console;
  const limit = poll.method === "hybrid" ? handLimit(poll.eligible, votedByPhone) : poll.eligible;
  const handsAnswer = answer?.intent === "poll-hands" ? answer : null;
  return (
    <div className="poll-running" data-testid="poll-running">
      <p className="label">{t("polls.console.running")}</p>
      <h3 data-testid="poll-question">
        {poll.motion ? `${poll.motion.number} · ` : ""}
        {poll.question}
      </h3>
      <p className="tags">
        <span className="tag">{t(`polls.method.${poll.method}`)}</span>
      </p>
      <p className="poll-rule-words">{t("polls.console.rule", { rule: poll.rulesWords })}</p>
      <p className={poll.quorum.met ? "muted" : "notice"} data-testid="poll-quorum">
        {t(poll.quorum.met ? "polls.console.quorumMet" : "polls.console.quorumMissed", { present: poll.quorum.organisationsPresent, of: poll.quorum.organisations })}
      </p>
      <div className="poll-figures">
        {takesPhoneBallots(poll.method) ? (
          <p className="poll-voted" data-testid="poll-voted" aria-live="polite">
            {t("polls.console.votedByPhone", { count: votedByPhone, eligible: poll.eligible })}
          </p>
        ) : (
          <p data-testid="poll-eligible">{t("polls.console.eligible", { count: poll.eligible })}</p>
        )}
        {poll.closesAt !== null ? (
          <p>
            {t("polls.console.timeLeft")}{" "}
            <span className={`countdown big ${poll.closesAt - now < 0 ? "over" : poll.closesAt - now <= 30_000 ? "ending" : ""}`} role="timer" data-testid="poll-countdown">
              {/* Rounded up, and never above what was set: this device's idea of the server's time may lag a little. */}
              {formatDuration(Math.ceil(Math.max(0, Math.min(poll.closesAt - now, poll.closesAt - poll.openedAt)) / 1000) * 1000)}
            </span>
          </p>
        ) : null}
      </div>

      {takesHands(poll.method) ? (
        <Form method="post" noValidate className="poll-hands-form" data-testid="poll-hands-form">
          <h4>{t(poll.method === "paper" ? "polls.console.paperTitle" : "polls.console.handsTitle")}</h4>
          <input type="hidden" name="intent" value="poll-hands" />
          <input type="hidden" name="pollId" value={poll.id} />
          <p className="poll-limit" data-testid="poll-hands-limit">
            {t(poll.method === "hybrid" ? "polls.console.handsLimitHybrid" : poll.method === "paper" ? "polls.console.paperLimit" : "polls.console.handsLimit", { count: limit })}
          </p>
          {console_?.hands ? <p className="muted" data-testid="poll-hands-entered">{t("polls.console.handsEntered", { counts: countsWords(console_.hands, t) })}</p> : null}
          <div className="poll-counts">
            {(["yes", "no", "abstain"] as const).map((choice) => (
              <Field
                key={choice}
                name={choice}
                id={`poll-hands-${choice}`}
                inputMode="numeric"
                autoComplete="off"
                label={t(`polls.choice.${choice}`)}
                defaultValue={handsAnswer && !handsAnswer.done ? (values[choice] ?? "") : (console_?.hands?.[choice]?.toString() ?? "")}
                error={handsAnswer?.errors[choice]}
              />
            ))}
          </div>
          <details className="poll-breakdown-entry" open={(handsAnswer !== null && !handsAnswer.done && SEX_KEYS.some((sex) => AGE_KEYS.some((age) => values[breakdownField(sex, age)]))) || undefined}>
            <summary>{t("polls.console.breakdown")}</summary>
            <p className="hint">{t("polls.console.breakdownHint")}</p>
            <BreakdownInputs values={handsAnswer && !handsAnswer.done ? values : {}} field={breakdownField} cellLabel={(sex, age) => t("polls.console.breakdownCell", { sex, age })} className="poll-breakdown-grid" />
          </details>
          <button type="submit">{t("polls.console.saveHands")}</button>
        </Form>
      ) : null}

      {poll.method === "consensus" ? (
        <Form method="post" noValidate className="poll-consensus-form" data-testid="poll-consensus-form">
          <h4>{t("polls.console.consensusTitle")}</h4>
          <input type="hidden" name="intent" value="poll-consensus" />
          <input type="hidden" name="pollId" value={poll.id} />
          {console_?.consensus ? (
            <p className="muted">{t("polls.console.consensusEntered", { state: t(console_.consensus.reached ? "polls.console.consensusReached" : "polls.console.consensusNotReached") })}</p>
          ) : null}
          <fieldset className="checks">
            <legend className="visually-hidden">{t("polls.console.consensusTitle")}</legend>
            {(["yes", "no"] as const).map((reached) => (
              <label key={reached} className="check">
                <input type="radio" name="reached" value={reached} defaultChecked={console_?.consensus ? console_.consensus.reached === (reached === "yes") : undefined} />{" "}
                {t(reached === "yes" ? "polls.console.consensusReached" : "polls.console.consensusNotReached")}
              </label>
            ))}
          </fieldset>
          <FormError error={answer?.intent === "poll-consensus" ? answer.errors.reached : undefined} />
          <div className="field">
            <label htmlFor="poll-objections">{t("polls.console.objections")}</label>
            <textarea id="poll-objections" name="objections" rows={2} maxLength={2000} defaultValue={console_?.consensus?.objections ?? ""} />
          </div>
          <button type="submit">{t("polls.console.saveConsensus")}</button>
        </Form>
      ) : null}

      <div className="inline-forms poll-close">
        <IntentButton intent="poll-close" fields={{ pollId: poll.id }} className="primary">
          {t("polls.console.close")}
        </IntentButton>
        {takesHands(poll.method) ? (
          <Link to={ballotsPath} className="button">
            {t("polls.console.paperBallots")}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/**
 * After a poll on a motion or amendment: record it as the poll decided, in one step (the
 * command checks the poll's outcome), or withdrawn, or referred.
 */
function DecideButtons({ decide, pollId, outcome, authorities }: { decide: NonNullable<PollConsoleView["decide"]>; pollId: number; outcome: "adopted" | "rejected" | "no_decision"; authorities: PollConsoleView["authorities"] }) {
  const t = useT();
  return (
    <div className="poll-decide" data-testid="poll-decide">
      <h4>{t("polls.console.decideTitle", { number: decide.number })}</h4>
      {outcome === "no_decision" ? <p className="muted">{t("polls.console.noDecisionHint")}</p> : null}
      <div className="inline-forms">
        {outcome !== "no_decision" ? (
          <IntentButton intent="poll-decide" fields={{ motionId: decide.motionId, pollId, move: outcome === "adopted" ? "adopt" : "reject" }} className="primary">
            {t(outcome === "adopted" ? "polls.console.recordAdopted" : "polls.console.recordRejected", { number: decide.number })}
          </IntentButton>
        ) : null}
        <IntentButton intent="poll-decide" fields={{ motionId: decide.motionId, move: "withdraw" }}>
          {t("polls.console.withdraw")}
        </IntentButton>
      </div>
      <Form method="post" className="inline poll-refer">
        <input type="hidden" name="intent" value="poll-decide" />
        <input type="hidden" name="motionId" value={decide.motionId} />
        <input type="hidden" name="move" value="refer" />
        <label htmlFor="poll-refer-to">{t("polls.console.referTo")}</label>
        <select id="poll-refer-to" name="referredAuthorityId" defaultValue="">
          <option value="">{t("polls.console.laterMeeting")}</option>
          {authorities.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <button type="submit">{t("polls.console.refer")}</button>
      </Form>
    </div>
  );
}
