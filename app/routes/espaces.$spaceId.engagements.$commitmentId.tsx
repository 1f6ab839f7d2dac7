import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { StatusLine } from "../components/confirm-button";
import { Field, FormError, SelectField } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { TextArea } from "../components/motion-fields";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { commitmentPage, type CommitmentPage } from "../modules/commitments/commitment-views.server";
import { AnswerClaimSchema, MeetingDecisionSchema, ProgressSchema } from "../modules/commitments/commitments.schemas";
import { answerClaim, decideInMeeting, postProgress } from "../modules/commitments/commitments.server";
import { commitmentMessage, type CommitmentCode } from "../modules/commitments/messages";
import type { CommitmentState } from "../modules/commitments/commitment-state";
import { discardEvidence, namesOf, storeEvidenceFiles } from "../modules/evidence/evidence-files.server";
import { EVIDENCE_ACCEPT, MAX_EVIDENCE_FILES } from "../modules/evidence/limits";
import { evidenceMessage, evidenceMessageParams } from "../modules/evidence/messages";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { formatDateTime, formatDay, formatNumber } from "../modules/i18n/format";
import type { MessageKey, Params } from "../modules/i18n/translate";
import { renderMarkdown } from "../modules/meetings/markdown";
import type { Result } from "../modules/result";
import { positiveIntParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "commitments.pageTitle", { title: data?.commitment.title ?? "" });

function loadPage(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"], now: number) {
  const space = requireSpace(context.db, params);
  const page = commitmentPage(context.db, context.current?.actor ?? null, positiveIntParam(params.commitmentId), now);
  // Not found for whoever may not read it (a non-public one), or under another space's address.
  if (!page || page.spaceId !== space.id) throw new Response("Not Found", { status: 404 });
  return { space, page };
}

/** A commitment's page, readable by anyone when it is public: what was promised, its timeline, and the forms this reader may use. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const now = context.now();
  const { page } = loadPage(context, params, now);
  return { commitment: { ...page, text: renderMarkdown(page.text) } };
}

type Done = { key: MessageKey; state: CommitmentState };
type Answer = { intent: string; values: Record<string, string>; errors: FieldErrors; problem: { key: MessageKey; params: Params } | null; done: Done | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const now = context.now();
  const { page } = loadPage(context, params, now);
  // Files come only with news, which only the authority and the meeting post: nobody else's upload is read at all.
  const posts = page.actions.asAuthority.length > 0 || page.actions.asMeeting.length > 0;
  if (!posts && request.headers.get("content-type")?.startsWith("multipart/form-data")) throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const values = formValues(form);
  const intent = values.intent ?? "";
  const invalid = (errors: FieldErrors) => data<Answer>({ intent, values, errors, problem: null, done: null }, { status: 400 });
  const answer = (result: Result<{ state: CommitmentState }, CommitmentCode>, key: MessageKey) =>
    result.ok
      ? data<Answer>({ intent, values: {}, errors: {}, problem: null, done: { key, state: result.value.state } })
      : data<Answer>({ intent, values, errors: { [result.field ?? "form"]: commitmentMessage(result.code) }, problem: null, done: null }, { status: result.code === "forbidden" ? 403 : 400 });

  switch (intent) {
    case "progress": {
      const parsed = ProgressSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      // Refused before any photo is decoded; the command checks again, with the state as it is then.
      if (!page.actions.asAuthority.includes(parsed.data.move) && !page.actions.asMeeting.includes(parsed.data.move)) {
        return answer(page.actions.asAuthority.length > 0 || page.actions.asMeeting.length > 0 ? { ok: false, code: "wrong_state" } : { ok: false, code: "forbidden" }, "commitments.done.update");
      }
      // Files are checked and stored first (they are not read in a transaction); a refusal of the command removes them again.
      const stored = await storeEvidenceFiles(form.getAll("preuves"), context.dataDir);
      if (!stored.ok) return data<Answer>({ intent, values, errors: {}, problem: { key: evidenceMessage(stored.code), params: evidenceMessageParams(stored.code, stored.name) }, done: null }, { status: 400 });
      let result: Result<{ state: CommitmentState }, CommitmentCode>;
      try {
        result = postProgress(context, current.actor, page.id, parsed.data, stored.value, now);
      } catch (error) {
        await discardEvidence(context.dataDir, namesOf(stored.value));
        throw error;
      }
      if (!result.ok) await discardEvidence(context.dataDir, namesOf(stored.value));
      return answer(result, `commitments.done.${parsed.data.move}`);
    }
    case "answer": {
      const parsed = AnswerClaimSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(answerClaim(context, current.actor, page.id, parsed.data, now), `commitments.done.${parsed.data.answer}`);
    }
    case "decide": {
      const parsed = MeetingDecisionSchema.safeParse(values);
      if (!parsed.success) return invalid(errorsOf(parsed));
      return answer(decideInMeeting(context, current.actor, page.id, parsed.data, now), "commitments.done.decided");
    }
    default:
      return invalid({ form: "error.invalid" });
  }
}

const PROGRESS_MOVES = ["update", "claim", "abandon"] as const;
const DECISIONS = ["verify", "dispute", "partly", "not_done", "abandon", "reschedule"] as const;

export default function CommitmentPageView() {
  const { commitment: c } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Answer | undefined;
  const t = useT();
  const locale = useLocale();
  const of = (intent: string) => (result?.intent === intent ? result : undefined);
  const progressMoves = PROGRESS_MOVES.filter((m) => c.actions.asAuthority.includes(m) || c.actions.asMeeting.includes(m));
  const decisions = DECISIONS.filter((d) => c.actions.asMeeting.includes(d));
  const done = result?.done ? t(result.done.key, { state: t(`commitments.state.${result.done.state}`) }) : null;
  return (
    <>
      <Breadcrumb
        trail={[
          { to: `/espaces/${c.spaceId}`, label: c.spaceName },
          { to: `/espaces/${c.spaceId}/engagements`, label: t("commitments.title") },
        ]}
      />
      <h1>{c.title}</h1>
      <StatusLine message={done} />
      <p className="tags">
        <span className={`tag commitment-${c.state}`} data-testid="commitment-state">
          {t(`commitments.state.${c.state}`)}
        </span>
        {c.overdueDays !== null ? <span className="tag warn">{t("commitments.flag.overdue", { days: c.overdueDays })}</span> : null}
        {c.dueSoon ? <span className="tag">{t("commitments.flag.dueSoon")}</span> : null}
        {c.noNews ? <span className="tag">{t("commitments.flag.noNews")}</span> : null}
        {c.public ? null : <span className="tag">{t("commitments.notPublic")}</span>}
      </p>
      <PeopleVerdict c={c} />
      <dl className="facts">
        <dt>{t("commitments.field.authority")}</dt>
        <dd>{c.authority.name}</dd>
        <dt>{t("commitments.responsible")}</dt>
        <dd>{c.responsible || "—"}</dd>
        <dt>{t("commitments.pledgedOn")}</dt>
        <dd>
          {formatDay(c.pledgedOn, locale)}
          {c.meeting ? (
            <>
              {" · "}
              <Link to={`/espaces/${c.spaceId}/reunions/${c.meeting.id}`}>{c.meeting.title}</Link>
            </>
          ) : null}
        </dd>
        <dt>{t("commitments.field.dueDate")}</dt>
        <dd data-testid="commitment-due">
          {formatDay(c.dueDate, locale)}
          {c.originalDueDate !== c.dueDate ? ` (${t("commitments.originalDue", { day: formatDay(c.originalDueDate, locale) })})` : ""}
        </dd>
        {c.motion ? (
          <>
            <dt>{t("commitments.field.motion")}</dt>
            <dd>
              <Link to={`/espaces/${c.spaceId}/motions/${c.motion.id}`}>
                {c.motion.number} — {c.motion.title}
              </Link>
            </dd>
          </>
        ) : null}
        {c.sectionName ? (
          <>
            <dt>{t("commitments.field.section")}</dt>
            <dd>{c.sectionName}</dd>
          </>
        ) : null}
        {c.budgetHtg !== null ? (
          <>
            <dt>{t("commitments.field.budget")}</dt>
            <dd>{t("commitments.htg", { amount: formatNumber(c.budgetHtg, locale) })}</dd>
          </>
        ) : null}
        {c.beneficiaries !== null || c.beneficiariesNote ? (
          <>
            <dt>{t("commitments.field.beneficiaries")}</dt>
            <dd>{[c.beneficiaries !== null ? formatNumber(c.beneficiaries, locale) : null, c.beneficiariesNote || null].filter(Boolean).join(" — ")}</dd>
          </>
        ) : null}
        {c.beneficiariesBy ? (
          <>
            <dt>{t("commitments.field.beneficiariesBy")}</dt>
            <dd data-testid="commitment-beneficiaries-by">
              {c.beneficiariesBy.bySex.map((g) => `${t(`sex.${g.key}`)} ${formatNumber(g.count, locale)}`).join(" · ")}
              <br />
              {c.beneficiariesBy.byAge.map((g) => `${t(`age.${g.key}`)} ${formatNumber(g.count, locale)}`).join(" · ")}
            </dd>
          </>
        ) : null}
        {c.percent !== null ? (
          <>
            <dt>{t("commitments.progress")}</dt>
            <dd>
              <progress max={100} value={c.percent} aria-label={t("commitments.progress")} /> {c.percent} %
            </dd>
          </>
        ) : null}
      </dl>
      <div className="motion-text" dangerouslySetInnerHTML={{ __html: c.text }} />

      {/* Keyed by the timeline's length: once a step is recorded the form starts empty, its files gone, so nothing is sent twice. */}
      {progressMoves.length > 0 ? <ProgressForm key={c.timeline.length} moves={progressMoves} result={of("progress")} /> : null}
      {c.actions.answerFor.length > 0 ? <AnswerForm c={c} result={of("answer")} /> : null}
      {c.actions.answered ? <p className="hint">{t("commitments.answer.already")}</p> : null}
      {decisions.length > 0 ? <DecisionForm key={c.timeline.length} decisions={decisions} meetings={c.actions.decidingMeetings} result={of("decide")} /> : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("commitments.timeline")}</h2>
        <ol className="commitment-timeline" data-testid="commitment-timeline">
          {c.timeline.map((s) => (
            <li key={s.id} data-move={s.move}>
              <p>
                <strong>{t(`commitments.move.${s.move}`)}</strong> · {formatDateTime(s.at, locale)}
                {s.who ? ` · ${s.who}` : s.actorKind === "meeting" ? ` · ${t("commitments.byMeeting")}` : ""}
                {s.meeting ? ` · ${s.meeting.title}` : ""}
              </p>
              {s.move === "reschedule" && s.dueDate ? <p>{t("commitments.rescheduled", { from: formatDay(s.previousDueDate ?? s.dueDate, locale), to: formatDay(s.dueDate, locale) })}</p> : null}
              {s.percent !== null ? <p>{t("commitments.percentDone", { percent: s.percent })}</p> : null}
              {s.note ? <p className="plain-text">{s.note}</p> : null}
              {s.link ? (
                <p>
                  <a href={s.link} rel="noopener noreferrer nofollow" target="_blank">
                    {s.link}
                  </a>
                </p>
              ) : null}
              {s.evidence.length > 0 ? (
                <ul className="evidence">
                  {s.evidence.map((e) => (
                    <li key={e.file}>
                      {e.kind === "photo" && e.thumb ? (
                        <a href={`/preuves/${e.file}`}>
                          <img src={`/preuves/${e.thumb}`} alt={e.name || t("commitments.photo")} loading="lazy" width={240} height={180} />
                        </a>
                      ) : (
                        <a href={`/preuves/${e.file}`}>{t("commitments.document", { name: e.name || e.file, size: formatNumber(Math.max(1, Math.round(e.bytes / 1024)), locale) })}</a>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** "Done — confirmed by 3 organisations", "disputed", or how many confirmations a claim still waits for. */
function PeopleVerdict({ c }: { c: CommitmentPage }) {
  const t = useT();
  if (c.state === "verified" && c.confirmations >= c.confirmationsNeeded) return <p className="verdict" data-testid="commitment-verdict">{t("commitments.confirmedBy", { count: c.confirmations })}</p>;
  if (c.state === "disputed") return <p className="verdict warning" data-testid="commitment-verdict">{t("commitments.verdict.disputed")}</p>;
  if (c.state === "claimed_done") return <p className="verdict" data-testid="commitment-verdict">{t("commitments.verdict.waiting", { count: c.confirmations, needed: c.confirmationsNeeded })}</p>;
  return null;
}

function Problem({ answer }: { answer: Answer | undefined }) {
  const t = useT();
  if (!answer?.problem) return <FormError error={answer?.errors.form} />;
  return (
    <p className="form-error" role="alert">
      {t(answer.problem.key, answer.problem.params)}
    </p>
  );
}

/** The authority's news (or the facilitator's): a note, a percentage, photos or a PDF, a link; or "done", or giving it up. */
function ProgressForm({ moves, result }: { moves: readonly (typeof PROGRESS_MOVES)[number][]; result: Answer | undefined }) {
  const t = useT();
  const values = result?.done ? {} : (result?.values ?? {});
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("commitments.progressForm.title")}</h2>
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="progress" />
        <Problem answer={result} />
        <fieldset className="choices">
          <legend>{t("commitments.progressForm.what")}</legend>
          {moves.map((m, i) => (
            <label key={m}>
              <input type="radio" name="move" value={m} defaultChecked={values.move ? values.move === m : i === 0} /> {t(`commitments.progressForm.${m}`)}
            </label>
          ))}
        </fieldset>
        <TextArea id="progress-note" name="note" label={t("commitments.progressForm.note")} hint={t("commitments.progressForm.noteHint")} rows={4} defaultValue={values.note} error={result?.errors.note} />
        <Field id="progress-percent" name="percent" inputMode="numeric" label={t("commitments.progressForm.percent")} defaultValue={values.percent} error={result?.errors.percent} />
        <Field id="progress-link" name="link" type="url" label={t("commitments.progressForm.link")} defaultValue={values.link} error={result?.errors.link} />
        <div className="field">
          <label htmlFor="progress-files">{t("commitments.progressForm.files", { max: MAX_EVIDENCE_FILES })}</label>
          <p className="hint" id="progress-files-hint">
            {t("commitments.progressForm.filesHint")}
          </p>
          <input id="progress-files" type="file" name="preuves" accept={EVIDENCE_ACCEPT} multiple aria-describedby="progress-files-hint" />
        </div>
        <button type="submit" className="primary">
          {t("commitments.progressForm.send")}
        </button>
      </Form>
    </section>
  );
}

/** A seated delegate confirms or disputes the claim for their organisation, once. */
function AnswerForm({ c, result }: { c: CommitmentPage; result: Answer | undefined }) {
  const t = useT();
  const values = result?.done ? {} : (result?.values ?? {});
  return (
    <section className="panel" aria-labelledby="answer-title">
      <h2 id="answer-title">{t("commitments.answer.title")}</h2>
      <p className="hint">{t("commitments.answer.hint", { needed: c.confirmationsNeeded })}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="answer" />
        <FormError error={result?.errors.form ?? result?.errors.answer} />
        {c.actions.answerFor.length === 1 ? (
          <>
            <input type="hidden" name="organisationId" value={c.actions.answerFor[0]!.id} />
            <p>{t("commitments.answer.for", { organisation: c.actions.answerFor[0]!.name })}</p>
          </>
        ) : (
          <SelectField id="answer-organisation" name="organisationId" label={t("commitments.answer.organisation")} defaultValue={values.organisationId} error={result?.errors.organisationId}>
            {c.actions.answerFor.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        )}
        <TextArea id="answer-comment" name="comment" label={t("commitments.answer.comment")} hint={t("commitments.answer.commentHint")} rows={3} defaultValue={values.comment} error={result?.errors.comment} />
        <div className="actions">
          <button type="submit" name="answer" value="confirm" className="primary">
            {t("commitments.answer.confirm")}
          </button>
          <button type="submit" name="answer" value="dispute">
            {t("commitments.answer.dispute")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** What the meeting decided, in one step (a facilitator records it, naming the meeting). */
function DecisionForm({ decisions, meetings, result }: { decisions: readonly (typeof DECISIONS)[number][]; meetings: CommitmentPage["actions"]["decidingMeetings"]; result: Answer | undefined }) {
  const t = useT();
  const locale = useLocale();
  const values = result?.done ? {} : (result?.values ?? {});
  return (
    <section className="panel" aria-labelledby="decide-title">
      <h2 id="decide-title">{t("commitments.decide.title")}</h2>
      {meetings.length === 0 ? (
        <p className="hint" data-testid="decide-no-meeting">
          {t("commitments.decide.noMeeting")}
        </p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="decide" />
          <FormError error={result?.errors.form} />
          <SelectField id="decide-meeting" name="meetingId" label={t("commitments.decide.meeting")} defaultValue={values.meetingId} error={result?.errors.meetingId}>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {`${formatDay(m.day, locale)} — ${m.title}${m.live ? ` (${t("commitments.decide.live")})` : ""}`}
              </option>
            ))}
          </SelectField>
          <SelectField id="decide-decision" name="decision" label={t("commitments.decide.decision")} defaultValue={values.decision} error={result?.errors.decision}>
            {decisions.map((d) => (
              <option key={d} value={d}>
                {t(`commitments.decide.${d}`)}
              </option>
            ))}
          </SelectField>
          <Field id="decide-due" name="dueDate" type="date" label={t("commitments.decide.dueDate")} hint={t("commitments.decide.dueDateHint")} defaultValue={values.dueDate} error={result?.errors.dueDate} />
          <TextArea id="decide-note" name="note" label={t("commitments.decide.note")} rows={3} defaultValue={values.note} error={result?.errors.note} />
          <button type="submit" className="primary">
            {t("commitments.decide.save")}
          </button>
        </Form>
      )}
    </section>
  );
}
