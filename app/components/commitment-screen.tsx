import { commitmentFlags } from "../modules/commitments/commitment-state";
import { localDate } from "../modules/dates";
import { formatDay } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import type { Translate } from "../modules/i18n/translate";
import type { RoomCommitment } from "../modules/live/projections";

/** "Confirmed by N organisations" and "disputed by N", as the review and the screen say them. */
export function answersWords(c: { confirmations: number; disputes: number }, t: Translate): string[] {
  const words: string[] = [];
  if (c.confirmations > 0) words.push(c.confirmations === 1 ? t("commitments.review.confirmedOne") : t("commitments.review.confirmedMany", { count: c.confirmations }));
  if (c.disputes > 0) words.push(c.disputes === 1 ? t("commitments.review.disputedOne") : t("commitments.review.disputedMany", { count: c.disputes }));
  return words;
}

/**
 * The commitment under review on the shared screen, read from five metres in the screen's
 * language: what was promised and by whom, its state in words, its due date (and the first one
 * when a meeting moved it), how late it is on this screen's clock, its progress, the last news
 * and what the organisations answered.
 */
export function ScreenCommitment({ commitment: c, now, t, locale }: { commitment: RoomCommitment; now: number; t: Translate; locale: Locale }) {
  const flags = commitmentFlags({ state: c.state, dueDate: c.dueDate, lastNewsDay: c.lastNewsDay }, localDate(now));
  const answers = answersWords(c, t);
  return (
    <section className="screen-commitment" data-testid="screen-commitment">
      <p className="screen-label">
        <span>{t("commitments.screen.label")}</span>
        {c.motion ? <span className="screen-commitment-motion">{t("commitments.screen.motion", { number: c.motion.number })}</span> : null}
      </p>
      <p className="screen-commitment-title" data-testid="screen-commitment-title">
        {c.title}
      </p>
      <p className="screen-commitment-who">
        {c.authority}
        {c.responsible ? ` · ${c.responsible}` : ""}
      </p>
      <div className="screen-commitment-facts">
        <p className={`screen-commitment-state state-${c.state}`} data-testid="screen-commitment-state">
          {t(`commitments.state.${c.state}`)}
        </p>
        <p className="screen-commitment-due" data-testid="screen-commitment-due">
          <span className="screen-commitment-key">{t("commitments.screen.due")}</span> <strong>{formatDay(c.dueDate, locale)}</strong>
          {c.originalDueDate !== c.dueDate ? <span className="screen-commitment-original"> ({t("commitments.screen.originalDue", { date: formatDay(c.originalDueDate, locale) })})</span> : null}
        </p>
        {flags.overdueDays !== null ? (
          <p className="screen-commitment-flag overdue" data-testid="screen-commitment-overdue">
            {flags.overdueDays === 1 ? t("commitments.screen.overdueOne") : t("commitments.screen.overdue", { days: flags.overdueDays })}
          </p>
        ) : null}
        {flags.dueSoon ? <p className="screen-commitment-flag">{t("commitments.flag.dueSoon")}</p> : null}
        {flags.noNews ? <p className="screen-commitment-flag">{t("commitments.flag.noNews")}</p> : null}
        {answers.length > 0 ? (
          <p className="screen-commitment-answers" data-testid="screen-commitment-answers">
            {answers.join(" · ")}
          </p>
        ) : null}
      </div>
      {c.percent !== null ? (
        <div className="screen-commitment-progress" data-testid="screen-commitment-percent">
          <span className="screen-commitment-key">{t("commitments.screen.progress")}</span>
          <span className="screen-commitment-bar" role="img" aria-label={`${c.percent} %`}>
            <span style={{ width: `${Math.max(0, Math.min(100, c.percent))}%` }} />
          </span>
          <strong>{c.percent} %</strong>
        </div>
      ) : null}
      <div className="screen-commitment-update" data-testid="screen-commitment-update">
        {c.lastUpdate ? (
          <>
            <p className="screen-commitment-key">
              {t("commitments.screen.lastUpdate", { date: formatDay(c.lastUpdate.day, locale) })}
              {/* Plain news needs no name; a claim, an answer or a decision does. */}
              {c.lastUpdate.move === "update" ? null : ` · ${t(`commitments.move.${c.lastUpdate.move}`)}`}
            </p>
            {c.lastUpdate.note ? <p className="screen-commitment-note">{c.lastUpdate.note}</p> : null}
          </>
        ) : (
          <p className="screen-commitment-key">{t("commitments.review.noUpdate")}</p>
        )}
      </div>
    </section>
  );
}

/** The same commitment on a delegate's phone, small: what, who, its state and due date, how late. */
export function PhoneCommitment({ commitment: c, now, t, locale }: { commitment: RoomCommitment; now: number; t: Translate; locale: Locale }) {
  const { overdueDays } = commitmentFlags({ state: c.state, dueDate: c.dueDate, lastNewsDay: c.lastNewsDay }, localDate(now));
  return (
    <section aria-labelledby="phone-commitment" className="phone-block" data-testid="phone-commitment">
      <h2 id="phone-commitment" className="phone-label">
        {t("live.commitment.label")}
      </h2>
      <p className="phone-big">{c.title}</p>
      <p className="muted">{c.authority}</p>
      <p className="tags">
        <span className="tag">{t(`live.commitment.state.${c.state}`)}</span>
        <span className="tag">{t("live.commitment.due", { date: formatDay(c.dueDate, locale) })}</span>
        {overdueDays !== null ? <span className="tag warn">{t("live.commitment.overdue", { days: overdueDays })}</span> : null}
      </p>
    </section>
  );
}
