import type { ReactNode } from "react";
import type { ReviewLine } from "../modules/commitments/review.server";
import { formatDay } from "../modules/i18n/format";
import { answersWords } from "./commitment-screen";
import { useLocale, useT } from "./i18n";
import { IntentButton } from "./intent-button";

/** A commitment's page, where its whole story is. */
export const commitmentPath = (spaceId: number, id: number) => `/espaces/${spaceId}/engagements/${id}`;

/** What a review line says besides its title: state, due date (and the first one), flags, answers, whether the room may see it. */
export function ReviewFacts({ c }: { c: ReviewLine }) {
  const t = useT();
  const locale = useLocale();
  const answers = answersWords(c, t);
  return (
    <p className="tags review-facts">
      <span className="tag" data-testid="review-state">
        {t(`commitments.state.${c.state}`)}
      </span>
      <span className="tag" data-testid="review-due">
        {c.originalDueDate === c.dueDate
          ? t("commitments.review.due", { date: formatDay(c.dueDate, locale) })
          : t("commitments.review.dueChanged", { date: formatDay(c.dueDate, locale), original: formatDay(c.originalDueDate, locale) })}
      </span>
      {c.overdueDays !== null ? <span className="tag warn">{t("commitments.flag.overdue", { days: c.overdueDays })}</span> : null}
      {c.dueSoon ? <span className="tag">{t("commitments.flag.dueSoon")}</span> : null}
      {c.noNews ? <span className="tag warn">{t("commitments.flag.noNews")}</span> : null}
      {c.percent !== null ? <span className="tag">{t("commitments.review.percent", { percent: c.percent })}</span> : null}
      {answers.map((words) => (
        <span key={words} className="tag">
          {words}
        </span>
      ))}
      {c.public ? null : <span className="tag warn">{t("commitments.review.notPublic")}</span>}
    </p>
  );
}

/** One commitment of a review: its title (a link to its page), who answers for it, its facts and last news; `children` adds what the console does with it. */
export function ReviewItem({ c, spaceId, children, className }: { c: ReviewLine; spaceId: number; children?: ReactNode; className?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={className} data-testid="review-line" data-commitment={c.id}>
      <a href={commitmentPath(spaceId, c.id)} className="review-title">
        {c.title}
      </a>{" "}
      <span className="muted">
        · {c.authority}
        {c.responsible ? ` · ${c.responsible}` : ""}
      </span>
      <ReviewFacts c={c} />
      {c.lastUpdate ? (
        <p className="muted review-update">
          {t(c.lastUpdate.note ? "commitments.review.lastUpdateNote" : "commitments.review.lastUpdate", {
            move: t(`commitments.move.${c.lastUpdate.move}`),
            date: formatDay(c.lastUpdate.day, locale),
            note: c.lastUpdate.note,
          })}
        </p>
      ) : null}
      {children}
    </li>
  );
}

/**
 * The meeting page's review: what a "commitment review" item will go through, as it stands
 * today, or (to its facilitators) the offer to add such an item in one click when the agenda
 * has none and there is something to review. The item's title goes in the planner's language.
 */
export function PlanningReview({ list, spaceId, hasItem, canAdd }: { list: ReviewLine[]; spaceId: number; hasItem: boolean; canAdd: boolean }) {
  const t = useT();
  if (!hasItem && (list.length === 0 || !canAdd)) return null;
  return (
    <div className="panel commitment-review" data-testid="planning-review">
      <h3>{t("commitments.review.itemTitle")}</h3>
      <p className="muted">{t("commitments.review.hint")}</p>
      {list.length === 0 ? (
        <p>{t("commitments.review.none")}</p>
      ) : (
        <>
          <p>{t("commitments.review.count", { count: list.length })}</p>
          <ul className="plain review-list">
            {list.map((c) => (
              <ReviewItem key={c.id} c={c} spaceId={spaceId} />
            ))}
          </ul>
        </>
      )}
      {hasItem ? null : (
        // Five minutes a commitment, an hour at most.
        <IntentButton intent="agenda-add" fields={{ kind: "commitment_review", title: t("commitments.review.itemTitle"), plannedMinutes: Math.min(60, 5 * list.length) }} className="primary">
          {t("commitments.review.add", { count: list.length })}
        </IntentButton>
      )}
    </div>
  );
}
