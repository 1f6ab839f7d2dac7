import { useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import type { ReviewLine } from "../modules/commitments/review.server";
import type { FieldErrors } from "../modules/forms";
import type { MessageKey } from "../modules/i18n/translate";
import type { RoomCommitment } from "../modules/live/projections";
import { FieldError, FormError } from "./field";
import { Form } from "./form";
import { ReviewItem } from "./commitment-review";
import { useT } from "./i18n";
import { IntentButton } from "./intent-button";

/** What the console's action answers to a decision form: its errors by field, or that it was recorded. */
export interface ReviewAnswer {
  commitmentId: number | null;
  errors: FieldErrors;
  done: MessageKey | null;
}

/**
 * The console's panel while the current item is a commitment review: the commitments to review,
 * one of them on the shared screen (a console action, on the socket once it is open), and for
 * each the one form that records what the meeting decided — a plain form posted to the
 * console's action, the meeting named by the server. A decision made on another console
 * reaches the screen through the live document, and this list is loaded again once.
 */
export function CommitmentReviewPanel({
  list,
  shown,
  spaceId,
  answer,
  values,
  act,
}: {
  list: ReviewLine[];
  /** The commitment on the screen, as the live document says it now. */
  shown: RoomCommitment | null;
  spaceId: number;
  answer: ReviewAnswer | null;
  values: Record<string, string>;
  /** How the show and hide buttons are sent (the console's socket, else the plain form). */
  act: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useT();
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const listed = shown ? list.find((c) => c.id === shown.id) : undefined;
  // The screen's commitment moved (decided elsewhere) or is not in this list: load it once per
  // change, never during a form's post (a reload started then would keep the previous answer).
  const shownKey = shown ? `${shown.id}:${shown.state}:${shown.dueDate}:${shown.confirmations}:${shown.disputes}` : null;
  const stale = shown !== null && (!listed || listed.state !== shown.state || listed.dueDate !== shown.dueDate || listed.confirmations !== shown.confirmations || listed.disputes !== shown.disputes);
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!stale || revalidator.state !== "idle" || navigation.state !== "idle" || askedFor.current === shownKey) return;
    askedFor.current = shownKey;
    revalidator.revalidate();
  }, [stale, shownKey, revalidator.state, navigation.state]);
  const refused = answer && !answer.done ? answer.errors.form : undefined;
  return (
    <section className="panel commitment-review-panel" aria-labelledby="review-panel-title" data-testid="review-panel">
      <h2 id="review-panel-title">{t("commitments.review.consoleTitle", { count: list.length })}</h2>
      <p className="muted">{t("commitments.review.consoleHint")}</p>
      {answer?.done ? (
        <p className="notice status-line" role="status" data-testid="review-done">
          {t(answer.done)}
        </p>
      ) : null}
      <FormError error={refused} />
      {list.length === 0 ? <p>{t("commitments.review.none")}</p> : null}
      <ul className="plain review-list">
        {list.map((c) => {
          const onScreen = shown?.id === c.id;
          const answered = answer?.commitmentId === c.id && !answer.done ? answer : null;
          return (
            <ReviewItem key={c.id} c={c} spaceId={spaceId} className={onScreen ? "on-screen" : undefined}>
              <div className="inline-forms">
                {onScreen ? (
                  <>
                    <strong className="tag on-screen-tag" data-testid="review-on-screen">
                      {t("commitments.review.onScreen")}
                    </strong>
                    <IntentButton intent="commitment-hide" className="small" formClassName="act" onSubmit={act}>
                      {t("commitments.review.hide")}
                    </IntentButton>
                  </>
                ) : c.public ? (
                  <IntentButton intent="commitment-show" fields={{ commitmentId: c.id }} className="small" formClassName="act" label={t("commitments.review.showNamed", { title: c.title })} onSubmit={act}>
                    {t("commitments.review.show")}
                  </IntentButton>
                ) : null}
              </div>
              {c.decisions.length === 0 ? (
                <p className="muted">{t("commitments.review.settled")}</p>
              ) : (
                <details className="review-decide" open={onScreen || answered !== null || undefined}>
                  <summary>{t("commitments.review.decide")}</summary>
                  {/* A new form once the decision has moved the commitment: what was typed for it does not linger. */}
                  <DecisionForm key={`${c.state}:${c.dueDate}`} c={c} errors={answered?.errors ?? {}} values={answered ? values : {}} />
                </details>
              )}
            </ReviewItem>
          );
        })}
      </ul>
    </section>
  );
}

/** What the meeting decided, in one form: the decision, a new due date when it sets one, and a note. */
function DecisionForm({ c, errors, values }: { c: ReviewLine; errors: FieldErrors; values: Record<string, string> }) {
  const t = useT();
  const id = (field: string) => `review-${c.id}-${field}`;
  return (
    <Form method="post" noValidate className="review-decision-form" data-testid="review-decision-form">
      <input type="hidden" name="intent" value="commitment-decide" />
      <input type="hidden" name="commitmentId" value={c.id} />
      <div className="field">
        <label htmlFor={id("decision")}>{t("commitments.review.decision")}</label>
        <select id={id("decision")} name="decision" defaultValue={values.decision ?? ""} aria-invalid={errors.decision ? true : undefined} aria-describedby={errors.decision ? `${id("decision")}-error` : undefined}>
          <option value="" disabled>
            {t("commitments.review.choose")}
          </option>
          {c.decisions.map((d) => (
            <option key={d} value={d}>
              {t(`commitments.review.decision.${d}`)}
            </option>
          ))}
        </select>
        <FieldError id={id("decision")} error={errors.decision} />
      </div>
      <div className="field">
        <label htmlFor={id("dueDate")}>{t("commitments.review.newDueDate")}</label>
        <input id={id("dueDate")} type="date" name="dueDate" defaultValue={values.dueDate ?? ""} aria-invalid={errors.dueDate ? true : undefined} aria-describedby={errors.dueDate ? `${id("dueDate")}-error` : undefined} />
        <FieldError id={id("dueDate")} error={errors.dueDate} />
      </div>
      <div className="field">
        <label htmlFor={id("note")}>{t("commitments.review.note")}</label>
        <textarea id={id("note")} name="note" rows={2} maxLength={2000} defaultValue={values.note ?? ""} aria-invalid={errors.note ? true : undefined} aria-describedby={errors.note ? `${id("note")}-error` : undefined} />
        <FieldError id={id("note")} error={errors.note} />
      </div>
      <button type="submit" className="primary">
        {t("commitments.review.record")}
      </button>
    </Form>
  );
}
