import type { Translate } from "../modules/i18n/translate";
import type { RoomPoll, VoteView } from "../modules/live/projections";
import { rulesWords } from "../modules/polls/words";
import { takesPhoneBallots } from "../modules/polls/methods";
import { isAmendmentHtml, motionLabel, VoteCountdown, VoteResult } from "./poll-parts";

/**
 * The poll on the shared screen. Open: the question, the motion, the rule in words, how many
 * of the eligible have voted (rising as phones vote) and the countdown — never the split, which
 * the live document does not carry while the poll is open. Closed: a bar per option with its
 * number, and the decision in words in big type.
 */
export function ScreenPoll({ poll, now, t }: { poll: RoomPoll; now: number; t: Translate }) {
  const open = poll.state === "open";
  // Hands and consensus are known at the close: while open, the screen counts phones only.
  return (
    <section className={`screen-poll ${open ? "open" : "closed"}`} data-testid="screen-poll">
      <p className="screen-label">
        <span>{t(open ? "live.vote.open" : "live.vote.closed")}</span>
        {poll.motion ? <span className="screen-poll-motion">{motionLabel(poll.motion)}</span> : null}
      </p>
      <p className="screen-poll-question" data-testid="screen-question">
        {poll.question}
      </p>
      {open ? (
        <>
          <p className="screen-poll-rule">{rulesWords(poll.rules, poll.method, t)}</p>
          {!poll.quorum.met ? <p className="screen-poll-warning">{t("live.vote.quorumMissed", { present: poll.quorum.organisationsPresent, of: poll.quorum.organisations })}</p> : null}
          <div className="screen-poll-figures">
            {takesPhoneBallots(poll.method) ? (
              <p className="screen-poll-count" data-testid="screen-voted">
                <span className="screen-poll-number">
                  {poll.votedByPhone} / {poll.eligible}
                </span>{" "}
                {t("live.vote.voted")}
              </p>
            ) : (
              <p className="screen-poll-count">{t(`polls.method.${poll.method}`)}</p>
            )}
            {poll.closesAt !== null ? <VoteCountdown openedAt={poll.openedAt} closesAt={poll.closesAt} now={now} t={t} className="screen-poll-countdown" /> : null}
          </div>
        </>
      ) : (
        <VoteResult poll={poll} t={t} />
      )}
    </section>
  );
}

/**
 * The motion or amendment the current item puts to the meeting: its number, title and text (an
 * amendment struck out and underlined). The number and title are left out when the item's title
 * already says them, as it does when the motion was admitted to the agenda.
 */
export function ScreenMotion({ motion, itemTitle, t }: { motion: NonNullable<VoteView["motion"]>; itemTitle: string | null; t: Translate }) {
  const amendment = isAmendmentHtml(motion.html);
  return (
    <section className="screen-motion" data-testid="screen-motion">
      <p className="screen-label">{t("live.motion.label")}</p>
      {itemTitle !== motionLabel(motion) ? <p className="screen-motion-title">{motionLabel(motion)}</p> : null}
      {amendment ? <p className="screen-motion-legend">{t("live.motion.amendmentLegend")}</p> : null}
      <div className="screen-motion-text" dangerouslySetInnerHTML={{ __html: motion.html }} />
    </section>
  );
}
