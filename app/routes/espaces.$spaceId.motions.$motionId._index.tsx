import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { ConfirmButton, StatusLine } from "../components/confirm-button";
import { Field, FormError, SelectField } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { decisionWords as pollDecisionWords } from "../modules/polls/words";
import { motionPolls } from "../modules/polls/polls.server";
import { localeFor } from "../modules/i18n/i18n.server";
import { MeetingPolls } from "../components/poll-meeting";
import { IntentButton } from "../components/intent-button";
import { TextArea } from "../components/motion-fields";
import { pageTitle } from "../components/page-title";
import { justDone } from "../modules/audit/just-done.server";
import { requireUser } from "../modules/auth/guards.server";
import { listAuthorities } from "../modules/authorities/authorities.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDateTime, formatDay } from "../modules/i18n/format";
import { commitmentsOfMotion, recordableAuthorities } from "../modules/commitments/commitment-views.server";
import { CONFIRMATIONS_NEEDED } from "../modules/commitments/commitment-state";
import type { MessageKey, Translate } from "../modules/i18n/translate";
import type { DiffPart } from "../modules/motions/amendments";
import { motionMessage, type MotionCode } from "../modules/motions/messages";
import type { MotionMove, MotionState } from "../modules/motions/motion-state";
import {
  AdmitSchema,
  AmendChoiceSchema,
  AnswerCosponsorSchema,
  DecisionSchema,
  ForwardSchema,
  InviteCosponsorSchema,
  ProposeAmendmentSchema,
  TargetSchema,
  WithdrawSchema,
} from "../modules/motions/motions.schemas";
import {
  admitToMeeting,
  answerCosponsor,
  closedPollsOf,
  forwardMotion,
  inviteCosponsor,
  listAdmissionMeetings,
  motionPage,
  proposeAmendment,
  proposingOrganisations,
  recordDecision,
  submitMotion,
  withdrawMotion,
  type MotionPage,
} from "../modules/motions/motions.server";
import { listMemberOptions } from "../modules/organisations/organisations.server";
import type { Result } from "../modules/result";
import { positiveIntParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "motions.motionPageTitle", { title: data?.motion.title ?? "" });

/** What the meeting records on a motion or an amendment (the facilitator's buttons), as against the proposer's own withdrawal. */
const DECISIONS = ["adopt", "reject", "refer", "withdraw"] as const satisfies readonly MotionMove[];
type Moves = MotionPage["actions"]["moves"];
const facilitatorMoves = (moves: Moves) => moves.filter((m) => m.as === "facilitator").map((m) => m.move);

function loadPage(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"], now: number) {
  const space = requireSpace(context.db, params);
  const page = motionPage(context.db, context.current?.actor ?? null, positiveIntParam(params.motionId), now);
  // Not found for whoever may not read it (a draft), or under another space's address.
  if (!page || page.space.id !== space.id) throw new Response("Not Found", { status: 404 });
  return { space, page };
}

/**
 * A motion's page for its reader (`motionPage` builds it for their audience), with what the
 * forms of the actions this reader may take need: the meetings to admit to, the authorities to
 * refer to and the closed polls to record a decision with (facilitators), the organisations to
 * invite (the proposer's side) or to amend for (a seated delegate).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const now = context.now();
  const { space, page } = loadPage(context, params, now);
  const actor = context.current?.actor ?? null;
  const all = [...page.actions.moves, ...page.amendments.flatMap((a) => a.moves)];
  const admits = all.some((m) => m.as === "facilitator" && m.move === "admit");
  const decides = all.some((m) => m.as === "facilitator" && m.move !== "admit");
  const { amender } = AmendChoiceSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const userId = context.current?.user.id ?? null;
  // Right after drafting or editing the draft, the page the delegate lands on says so.
  const drafted = justDone(context.db, userId, "motion.draft", { type: "motion", id: page.id }, now);
  const edited = justDone(context.db, userId, "motion.edit", { type: "motion", id: page.id }, now);
  const latest = [drafted && { at: drafted.at, key: "motions.done.drafted" as const }, edited && { at: edited.at, key: "motions.done.edited" as const }].filter((d) => !!d).sort((a, b) => b.at - a.at)[0];
  return {
    motion: page,
    justDone: latest?.key ?? null,
    /** The paragraph being amended (0-based), when this reader may amend and chose one. */
    amending: amender !== undefined && amender <= page.paragraphs.length && page.actions.amendFor.length > 0 ? amender - 1 : null,
    amendFor: page.actions.amendFor.length > 0 ? proposingOrganisations(context.db, actor, space.id, now).filter((o) => page.actions.amendFor.includes(o.id)) : [],
    inviteChoices: page.actions.invite
      ? listMemberOptions(context.db, space.id).filter((o) => o.id !== page.proposer.organisation.id && !page.cosponsors.some((c) => c.organisationId === o.id))
      : [],
    meetings: admits ? listAdmissionMeetings(context.db, space.id) : [],
    authorities: decides ? listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })) : [],
    polls: decides ? closedPollsOf(context.db, page.id).map((p) => ({ id: p.id, motionId: p.motionId, question: p.question, outcome: p.outcome })) : [],
    /** Every poll on the motion and its amendments, with its rule and result, as the reader may see it. */
    pollViews: motionPolls(context.db, actor, [page.id, ...page.amendments.map((a) => a.id)], localeFor(request, context.current ?? null)),
    /** The commitments that answer it, as the reader may see them, and whether this reader may record one. */
    commitments: commitmentsOfMotion(context.db, actor, page.id, now).map((c) => ({ id: c.id, title: c.title, authority: c.authority.name, state: c.state, dueDate: c.dueDate, overdueDays: c.overdueDays, confirmations: c.confirmations })),
    mayRecordCommitment: page.state !== "draft" && recordableAuthorities(context.db, actor, space, now).length > 0,
  };
}

type Done = { key: MessageKey; number?: string; state?: MotionState };
type Answer = { intent: string; targetId: number | null; values: Record<string, string>; errors: FieldErrors; done: Done | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const now = context.now();
  const { page } = loadPage(context, params, now);
  const actor = current.actor;
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  const invalid = (errors: FieldErrors, targetId: number | null = null) => data<Answer>({ intent, targetId, values, errors, done: null }, { status: 400 });
  /** One command's answer: its success line, or its refusal in the reader's words (nothing was written). */
  function answer<T>(result: Result<T, MotionCode>, done: (value: T) => Done, targetId: number | null = null) {
    if (result.ok) return data<Answer>({ intent, targetId, values: {}, errors: {}, done: done(result.value) });
    return data<Answer>({ intent, targetId, values, errors: { [result.field ?? "form"]: motionMessage(result.code) }, done: null }, { status: result.code === "forbidden" ? 403 : 400 });
  }
  // Forms about one item name it: the motion or one of its amendments, nothing else.
  const target = TargetSchema.safeParse(values);
  const targetId = target.success && (target.data.targetId === page.id || page.amendments.some((a) => a.id === target.data.targetId)) ? target.data.targetId : null;

  switch (intent) {
    case "invite": {
      const parsed = InviteCosponsorSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(inviteCosponsor(context, actor, page.id, parsed.data.organisationId, now), () => ({ key: "motions.done.invited" }));
    }
    case "answer": {
      const parsed = AnswerCosponsorSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      const accept = parsed.data.answer === "accept";
      return answer(answerCosponsor(context, actor, page.id, parsed.data.organisationId, accept, now), () => ({ key: accept ? "motions.done.accepted" : "motions.done.declined" }));
    }
    case "submit":
      return answer(submitMotion(context, actor, page.id, now), ({ number }) => ({ key: "motions.done.submitted", number }));
    case "amend": {
      const parsed = ProposeAmendmentSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(proposeAmendment(context, actor, page.id, parsed.data, now), ({ number }) => ({ key: "motions.done.amended", number }));
    }
    case "withdraw": {
      if (targetId === null) return invalid({ form: "error.invalid" });
      // Two steps (`ConfirmButton`): a withdrawal is final.
      if (!isConfirmed(values)) return askToConfirm("withdraw", { targetId });
      const parsed = WithdrawSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed), targetId);
      return answer(withdrawMotion(context, actor, targetId, parsed.data, now), () => ({ key: "motions.done.withdrawn" }), targetId);
    }
    case "admit": {
      const parsed = AdmitSchema.safeParse(values);
      if (targetId === null || !parsed.success) return invalid(errorsOf(parsed), targetId);
      return answer(admitToMeeting(context, actor, targetId, parsed.data.meetingId, now), () => ({ key: "motions.done.admitted" }), targetId);
    }
    case "decide": {
      const parsed = DecisionSchema.safeParse(values);
      if (targetId === null || !parsed.success) return invalid(errorsOf(parsed), targetId);
      const { move, pollId, referredAuthorityId, note } = parsed.data;
      // The authority matters only to a referral; without one, it is to a later meeting.
      const options = { pollId, note, referredAuthorityId: move === "refer" ? referredAuthorityId : undefined };
      return answer(recordDecision(context, actor, targetId, move, options, now), ({ state }) => ({ key: "motions.done.decided", state }), targetId);
    }
    case "forward": {
      const parsed = ForwardSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(forwardMotion(context, actor, page.id, parsed.data.toSpaceId, now), ({ number }) => ({ key: "motions.done.forwarded", number }));
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Motion = Loaded["motion"];

/** A decision in words: the state, and the stored result of the poll that decided it. */
function decisionWords(decision: Motion["decision"], state: MotionState, t: Translate, of: "motion" | "amendment" = "motion"): string | null {
  if (!decision) return null;
  const poll = decision.poll;
  if (!poll || !poll.result) return t("motions.decision.noPoll", { state: t(of === "amendment" ? `motions.amendmentState.${state}` : `motions.state.${state}`) });
  // The same words as the screen and the exports: "Adoptée à la majorité des deux tiers : 31 pour, …".
  return `${pollDecisionWords(poll.result, poll.rules, poll.tally, t)} (${t(`polls.method.${poll.method}`)})`;
}

/** One step of the history in words: what happened, by whom (for members), in which meeting, with the note. */
function historyLine(e: Motion["history"][number], t: Translate): string {
  const carriesNote = e.move === "amend" || e.move === "forward";
  return [
    carriesNote ? t(`motions.event.${e.move}`, { note: e.note }) : t(`motions.event.${e.move}`),
    e.by ? ` ${t("motions.history.by", { name: e.by })}` : "",
    e.meeting ? ` · ${e.meeting.title}` : "",
    e.note && !carriesNote ? ` — ${e.note}` : "",
  ].join("");
}

/** An amendment's change, word by word: removed struck through, added underlined, each also said in words to a screen reader. */
function Diff({ parts }: { parts: readonly DiffPart[] }) {
  const t = useT();
  return (
    <p className="diff" data-testid="diff">
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{`[${t("motions.diff.removed")} `}</span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i}>
            <span className="visually-hidden">{`[${t("motions.diff.added")} `}</span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** The facilitator's forms for one item (the motion or an amendment): admit it to a meeting, record what the meeting decided. */
function FacilitatorForms({ targetId, moves, motion, amendment, result }: { targetId: number; moves: MotionMove[]; motion: Motion; amendment: boolean; result: Answer | undefined }) {
  const { meetings, authorities, polls } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const mine = result?.targetId === targetId ? result : undefined;
  const decisions = DECISIONS.filter((move) => moves.includes(move));
  const ownPolls = polls.filter((p) => p.motionId === targetId);
  const field = (name: string) => `${name}-${targetId}`;
  // Before the meeting takes it up, the room can only record its proposer's withdrawal.
  const decideTitle = decisions.length === 1 && decisions[0] === "withdraw" ? "motions.decide.withdrawTitle" : "motions.decide.title";
  return (
    <>
      {moves.includes("admit") ? (
        amendment && motion.meeting ? (
          // An amendment goes on its motion's meeting, just before it.
          <Form method="post" className="inline-forms">
            <input type="hidden" name="intent" value="admit" />
            <input type="hidden" name="targetId" value={targetId} />
            <input type="hidden" name="meetingId" value={motion.meeting.id} />
            <FormError error={mine?.intent === "admit" ? (mine.errors.form ?? mine.errors.meetingId) : undefined} />
            <span className="hint">{t("motions.admit.sameMeeting", { meeting: motion.meeting.title })}</span>
            <button type="submit">{t("motions.admit.submit")}</button>
          </Form>
        ) : meetings.length === 0 ? (
          <p className="hint">{t("motions.admit.none")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="admit" />
            <input type="hidden" name="targetId" value={targetId} />
            <FormError error={mine?.intent === "admit" ? mine.errors.form : undefined} />
            <SelectField id={field("meetingId")} name="meetingId" label={t("motions.admit.meeting")} required error={mine?.intent === "admit" ? mine.errors.meetingId : undefined}>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} · {formatDateTime(m.startsAt, locale)} · {t(`meetingStatus.${m.status}`)}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t("motions.admit.submit")}</button>
          </Form>
        )
      ) : null}
      {decisions.length > 0 ? (
        <Form method="post" className="decision-form" aria-label={t(decideTitle)}>
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="targetId" value={targetId} />
          <p className="label">{t(decideTitle)}</p>
          <FormError error={mine?.intent === "decide" ? (mine.errors.form ?? mine.errors.move) : undefined} />
          {ownPolls.length > 0 ? (
            <SelectField id={field("pollId")} name="pollId" label={t("motions.decide.poll")} error={mine?.intent === "decide" ? mine.errors.pollId : undefined}>
              <option value="">{t("motions.decide.noPoll")}</option>
              {ownPolls.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.question}
                  {p.outcome ? ` — ${t(`polls.outcome.${p.outcome}`)}` : ""}
                </option>
              ))}
            </SelectField>
          ) : null}
          {decisions.includes("refer") ? (
            <SelectField id={field("referredAuthorityId")} name="referredAuthorityId" label={t("motions.decide.authority")} error={mine?.intent === "decide" ? mine.errors.referredAuthorityId : undefined}>
              <option value="">{t("motions.decide.laterMeeting")}</option>
              {authorities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Field id={field("note")} name="note" label={t("motions.decide.note")} maxLength={1000} error={mine?.intent === "decide" ? mine.errors.note : undefined} />
          <div className="actions">
            {decisions.map((move) => (
              <button key={move} type="submit" name="move" value={move}>
                {t(`motions.action.${move}`)}
              </button>
            ))}
          </div>
        </Form>
      ) : null}
    </>
  );
}

/** The proposer's own withdrawal of the motion or an amendment, in two steps. */
function WithdrawButton({ targetId, amendment, result }: { targetId: number; amendment: boolean; result: Answer | undefined }) {
  const t = useT();
  return (
    <>
      <ConfirmButton
        intent="withdraw"
        fields={{ targetId }}
        testId={`withdraw-${targetId}`}
        title={t("motions.withdraw.confirmTitle")}
        confirmLabel={t("motions.withdraw.confirm")}
        details={<p>{t("motions.withdraw.confirmText")}</p>}
        panelFields={<Field id={`withdraw-note-${targetId}`} name="note" label={t("motions.withdraw.note")} maxLength={1000} />}
      >
        {t(amendment ? "motions.withdrawAmendment" : "motions.withdraw")}
      </ConfirmButton>
      {result?.intent === "withdraw" && result.targetId === targetId ? <FormError error={result.errors.form ?? result.errors.note} /> : null}
    </>
  );
}

function Amendment({ amendment: a, motion, result }: { amendment: Motion["amendments"][number]; motion: Motion; result: Answer | undefined }) {
  const t = useT();
  const locale = useLocale();
  const decision = decisionWords(a.decision, a.state, t, "amendment");
  const proposerMoves = a.moves.filter((m) => m.as === "proposer").map((m) => m.move);
  return (
    <li className="amendment" data-testid={`amendment-${a.id}`}>
      <h3>
        {a.number} <span className="muted">· {t("motions.amendment.paragraph", { n: a.paragraph + 1 })}</span>
      </h3>
      <p className="tags">
        <span className={`tag motion-${a.state}`}>{t(`motions.amendmentState.${a.state}`)}</span>
      </p>
      <p className="hint">
        {t("motions.amendment.by", { organisation: a.organisation.acronym ?? a.organisation.name })}
        {a.submittedAt ? ` · ${formatDateTime(a.submittedAt, locale)}` : ""}
        {a.meeting ? ` · ${a.meeting.title}` : ""}
      </p>
      {!a.stillApplies ? <p className="warning">{t("motions.amendment.stale")}</p> : null}
      <Diff parts={a.diff} />
      <details>
        <summary>{t("motions.diff.beforeAfter")}</summary>
        <dl className="before-after">
          <dt>{t("motions.diff.before")}</dt>
          <dd className="plain-text">{a.originalText}</dd>
          <dt>{t("motions.diff.after")}</dt>
          <dd className="plain-text">{a.replacementText || t("motions.diff.deleted")}</dd>
        </dl>
      </details>
      {a.rationale ? <p className="plain-text">{a.rationale}</p> : null}
      {decision ? <p data-testid="amendment-decision">{decision}</p> : null}
      {proposerMoves.includes("withdraw") ? <WithdrawButton targetId={a.id} amendment result={result} /> : null}
      <FacilitatorForms targetId={a.id} moves={facilitatorMoves(a.moves)} motion={motion} amendment result={result} />
    </li>
  );
}

/** Propose an amendment: choose a paragraph (a link, so it works without JavaScript), then its replacement, prefilled with it. */
function ProposeAmendment({ motion, amending, organisations, result }: { motion: Motion; amending: number | null; organisations: Loaded["amendFor"]; result: Answer | undefined }) {
  const t = useT();
  const mine = result?.intent === "amend" ? result : undefined;
  // Once filed, the page shows it among the amendments rather than the form again.
  const paragraph = mine?.done ? null : mine ? Number(mine.values.paragraph) : amending;
  const original = paragraph === null ? undefined : motion.paragraphs[paragraph];
  return (
    <section className="panel" aria-labelledby="amend-title" id="amender">
      <h2 id="amend-title">{t("motions.amend.title")}</h2>
      {paragraph === null || original === undefined ? (
        <>
          <p>{t("motions.amend.choose")}</p>
          <ol className="paragraphs">
            {motion.paragraphs.map((p, i) => (
              <li key={i}>
                <p className="plain-text">{p}</p>
                <Link to={`?amender=${i + 1}#amender`} preventScrollReset>
                  {t("motions.amend.thisParagraph", { n: i + 1 })}
                </Link>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="amend" />
          <input type="hidden" name="paragraph" value={paragraph} />
          <FormError error={mine?.errors.form ?? mine?.errors.paragraph} />
          {organisations.length === 1 ? (
            <input type="hidden" name="organisationId" value={organisations[0]!.id} />
          ) : (
            <SelectField id="amend-organisation" name="organisationId" label={t("motions.field.organisation")} required defaultValue={mine?.values.organisationId} error={mine?.errors.organisationId}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          )}
          <p className="label">{t("motions.amend.current", { n: paragraph + 1 })}</p>
          <blockquote className="plain-text">{original}</blockquote>
          <TextArea
            id="amend-replacement"
            name="replacement"
            label={t("motions.amend.replacement", { n: paragraph + 1 })}
            hint={t("motions.amend.replacementHint")}
            rows={6}
            defaultValue={mine ? mine.values.replacement : original}
            error={mine?.errors.replacement}
          />
          <TextArea id="amend-rationale" name="rationale" label={t("motions.amend.rationale")} rows={3} defaultValue={mine?.values.rationale} error={mine?.errors.rationale} />
          <div className="actions">
            <button type="submit" className="primary">
              {t("motions.amend.submit")}
            </button>
            <Link to="." preventScrollReset>
              {t("motions.amend.other")}
            </Link>
          </div>
        </Form>
      )}
    </section>
  );
}

export default function MotionPageView() {
  const { motion, justDone: landed, amending, amendFor, inviteChoices, pollViews, commitments, mayRecordCommitment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Answer | undefined;
  const t = useT();
  const locale = useLocale();
  const space = motion.space;
  const done = result?.done
    ? t(result.done.key, {
        number: result.done.number ?? "",
        // A decision on one of its amendments is said of an amendment (masculine in French).
        state: result.done.state ? t(result.targetId !== null && result.targetId !== motion.id ? `motions.amendmentState.${result.done.state}` : `motions.state.${result.done.state}`) : "",
      })
    : landed
      ? t(landed)
      : null;
  const of = (intent: string) => (result?.intent === intent && result.targetId === null ? result : undefined);
  const proposerMoves = motion.actions.moves.filter((m) => m.as === "proposer").map((m) => m.move);
  const facilitates = facilitatorMoves(motion.actions.moves);
  const decision = decisionWords(motion.decision, motion.state, t);
  const linked = (m: NonNullable<Motion["forwardedFrom"]>) => ({ space: m.spaceName, number: m.number ?? "", state: t(`motions.state.${m.state}`) });
  const answering = motion.cosponsors.filter((c) => motion.actions.answerFor.includes(c.organisationId));
  return (
    <>
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.id}`, label: space.name },
          { to: `/espaces/${space.id}/motions`, label: t("motions.title") },
        ]}
      />
      <h1>
        <span className="motion-number">{motion.number ?? t("motions.unnumbered")}</span> {motion.title}
      </h1>
      <StatusLine message={done} />
      <p className="tags">
        <span className={`tag motion-${motion.state}`} data-testid="motion-state">
          {t(`motions.state.${motion.state}`)}
        </span>
        <span className="tag">{t(`motions.theme.${motion.theme}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t("motions.proposer")}</dt>
        <dd>
          {motion.proposer.organisation.name}
          {motion.proposer.personName ? ` — ${motion.proposer.personName}` : ""}
        </dd>
        <dt>{t("motions.addressee")}</dt>
        <dd>{motion.authority?.name ?? "—"}</dd>
        {motion.referredAuthority ? (
          <>
            <dt>{t("motions.referredTo")}</dt>
            <dd>{motion.referredAuthority.name}</dd>
          </>
        ) : null}
        {motion.meeting ? (
          <>
            <dt>{t("motions.meeting")}</dt>
            <dd>
              <Link to={`/espaces/${space.id}/reunions/${motion.meeting.id}`}>{motion.meeting.title}</Link>
              <span className="muted"> · {formatDateTime(motion.meeting.startsAt, locale)}</span>
            </dd>
          </>
        ) : null}
        {motion.submittedAt ? (
          <>
            <dt>{t("motions.submittedAt")}</dt>
            <dd>{formatDateTime(motion.submittedAt, locale)}</dd>
          </>
        ) : null}
        {motion.decidedAt ? (
          <>
            <dt>{t("motions.decidedAt")}</dt>
            <dd>{formatDateTime(motion.decidedAt, locale)}</dd>
          </>
        ) : null}
        {decision ? (
          <>
            <dt>{t("motions.decision")}</dt>
            <dd data-testid="motion-decision">{decision}</dd>
          </>
        ) : null}
      </dl>
      {motion.forwardedFrom ? (
        <p className="notice">
          <Link to={`/espaces/${motion.forwardedFrom.spaceId}/motions/${motion.forwardedFrom.id}`}>{t("motions.forwardedFrom", linked(motion.forwardedFrom))}</Link>
        </p>
      ) : null}
      {motion.forwardedTo ? (
        <p className="notice">
          <Link to={`/espaces/${motion.forwardedTo.spaceId}/motions/${motion.forwardedTo.id}`}>{t("motions.forwardedTo", linked(motion.forwardedTo))}</Link>
        </p>
      ) : null}

      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("motions.text")}</h2>
        <div className="motion-text" data-testid="motion-text" dangerouslySetInnerHTML={{ __html: motion.html }} />
        {motion.rationale ? (
          <>
            <h3>{t("motions.field.rationale")}</h3>
            <p className="plain-text">{motion.rationale}</p>
          </>
        ) : null}
      </section>

      {motion.actions.edit || proposerMoves.length > 0 ? (
        <section className="panel" aria-labelledby="proposer-title">
          <h2 id="proposer-title">{t("motions.proposerActions")}</h2>
          {proposerMoves.includes("submit") ? <p className="hint">{t("motions.submit.hint")}</p> : null}
          <FormError error={of("submit")?.errors.form} />
          <div className="actions">
            {motion.actions.edit ? (
              <Link className="button" to="modifier">
                {t("motions.edit")}
              </Link>
            ) : null}
            {proposerMoves.includes("submit") ? (
              <IntentButton intent="submit" className="primary">
                {t("motions.submit")}
              </IntentButton>
            ) : null}
            {proposerMoves.includes("withdraw") ? <WithdrawButton targetId={motion.id} amendment={false} result={result} /> : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="cosponsors-title">
        <h2 id="cosponsors-title">{t("motions.cosponsors")}</h2>
        {motion.cosponsors.length === 0 ? (
          <p className="muted">{t("motions.cosponsors.none")}</p>
        ) : (
          <ul data-testid="cosponsors">
            {motion.cosponsors.map((c) => (
              <li key={c.organisationId}>
                {c.name}
                {c.acronym ? ` (${c.acronym})` : ""} <span className={`tag cosponsor-${c.status}`}>{t(`motions.cosponsor.${c.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
        {answering.map((c) => (
          <Form method="post" key={c.organisationId} className="panel" aria-label={t("motions.answer.title", { organisation: c.acronym ?? c.name })}>
            <input type="hidden" name="intent" value="answer" />
            <input type="hidden" name="organisationId" value={c.organisationId} />
            <p className="label">{t("motions.answer.title", { organisation: c.acronym ?? c.name })}</p>
            <FormError error={of("answer")?.values.organisationId === String(c.organisationId) ? of("answer")?.errors.form : undefined} />
            <div className="actions">
              <button type="submit" name="answer" value="accept" className="primary">
                {t("motions.answer.accept")}
              </button>
              <button type="submit" name="answer" value="decline">
                {t("motions.answer.decline")}
              </button>
            </div>
          </Form>
        ))}
        {inviteChoices.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <FormError error={of("invite")?.errors.form} />
            <SelectField id="invite-organisation" name="organisationId" label={t("motions.invite")} required error={of("invite")?.errors.organisationId}>
              {inviteChoices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t("motions.invite.submit")}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="amendments-title">
        <h2 id="amendments-title">{t("motions.amendments")}</h2>
        {motion.amendments.length > 0 ? <p className="hint">{t("motions.diff.legend")}</p> : <p className="muted">{t("motions.amendments.none")}</p>}
        <ol className="amendments">
          {motion.amendments.map((a) => (
            <Amendment key={a.id} amendment={a} motion={motion} result={result} />
          ))}
        </ol>
      </section>

      {motion.actions.amendFor.length > 0 ? <ProposeAmendment motion={motion} amending={amending} organisations={amendFor} result={result} /> : null}

      {facilitates.length > 0 || motion.actions.forwardTo.length > 0 ? (
        <section className="panel" aria-labelledby="facilitation-title">
          <h2 id="facilitation-title">{t("motions.facilitation")}</h2>
          <FacilitatorForms targetId={motion.id} moves={facilitates} motion={motion} amendment={false} result={result} />
          {motion.actions.forwardTo.length > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="forward" />
              <h3>{t("motions.forward.title")}</h3>
              <p className="hint">{t("motions.forward.hint")}</p>
              <FormError error={of("forward")?.errors.form} />
              <SelectField id="forward-space" name="toSpaceId" label={t("motions.forward.space")} required error={of("forward")?.errors.toSpaceId}>
                {motion.actions.forwardTo.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <button type="submit">{t("motions.forward.submit")}</button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {motion.versions.length > 0 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">{t("motions.versions")}</h2>
          {motion.versions.map((v) => (
            <details key={v.version}>
              <summary>
                {v.amendmentNumber
                  ? t("motions.version.amended", { version: v.version, number: v.amendmentNumber, date: formatDateTime(v.createdAt, locale) })
                  : t("motions.version.submitted", { version: v.version, date: formatDateTime(v.createdAt, locale) })}
              </summary>
              <p className="plain-text">{v.text}</p>
            </details>
          ))}
        </section>
      ) : null}

      {pollViews.length > 0 ? <MeetingPolls polls={pollViews} ballotsPath={null} /> : null}
      {commitments.length > 0 || mayRecordCommitment ? (
        <section aria-labelledby="motion-commitments" data-testid="motion-commitments">
          <h2 id="motion-commitments">{t("commitments.onMotion.title")}</h2>
          <ul className="commitment-list">
            {commitments.map((c) => (
              <li key={c.id}>
                <Link to={`/espaces/${space.id}/engagements/${c.id}`}>{c.title}</Link> — {c.authority} ·{" "}
                <span className={`tag commitment-${c.state}`}>{c.state === "verified" && c.confirmations >= CONFIRMATIONS_NEEDED ? t("commitments.confirmedBy", { count: c.confirmations }) : t(`commitments.state.${c.state}`)}</span>
                {c.overdueDays !== null ? <span className="tag warn">{t("commitments.flag.overdue", { days: c.overdueDays })}</span> : null} · {formatDay(c.dueDate, locale)}
              </li>
            ))}
          </ul>
          {mayRecordCommitment ? <Link to={`/espaces/${space.id}/engagements/nouveau?motion=${motion.id}`}>{t("commitments.onMotion.record")}</Link> : null}
        </section>
      ) : null}

      {motion.history.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t("motions.history")}</h2>
          <ol className="history" data-testid="history">
            {motion.history.map((e, i) => (
              <li key={i}>
                <span className="muted">{formatDateTime(e.at, locale)}</span> — {historyLine(e, t)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
