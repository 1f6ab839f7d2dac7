import { formatDuration } from "../modules/i18n/format";
import type { Translate } from "../modules/i18n/translate";
import type { RoomPoll } from "../modules/live/projections";
import type { Tally } from "../modules/polls/decision";
import { BALLOT_CHOICES } from "../modules/polls/methods";
import { countsWords, decisionWords } from "../modules/polls/words";

/**
 * What the phones and the shared screen both show of a poll the room follows, from the live
 * document's `vote` map: its countdown, and once closed its bars and its decision in words.
 * While open, nothing here can show a split: the map has none.
 */

/**
 * Time left before the countdown's end; at the end the facilitator still closes the poll. Never
 * more than the countdown was set to: this device's idea of the server's time may lag a little.
 */
export function VoteCountdown({ openedAt, closesAt, now, t, className }: { openedAt: number; closesAt: number; now: number; t: Translate; className?: string }) {
  const left = Math.min(closesAt - now, closesAt - openedAt);
  return (
    <p className={`vote-countdown ${left <= 30_000 ? "ending" : ""} ${className ?? ""}`} data-testid="vote-countdown">
      {left > 0 ? (
        <>
          <span className="vote-countdown-label">{t("live.vote.timeLeft")}</span>{" "}
          <span role="timer" className="vote-countdown-time">
            {/* Rounded up: "0:00" only once the time is over. */}
            {formatDuration(Math.ceil(left / 1000) * 1000)}
          </span>
        </>
      ) : (
        t("live.vote.timeUp")
      )}
    </p>
  );
}

/**
 * One bar per option with its number, each bar the option's share of the votes cast. Told
 * apart by their labels and numbers, and by a pattern (solid, hatched, dotted) rather than a
 * colour, so that they read on a black-and-white projector or a printout.
 */
export function VoteBars({ tally, t }: { tally: Tally; t: Translate }) {
  const cast = tally.yes + tally.no + tally.abstain;
  return (
    <ul className="vote-bars" aria-label={countsWords(tally, t)} data-testid="vote-bars">
      {BALLOT_CHOICES.map((choice) => (
        <li key={choice} className={`vote-bar-row vote-${choice}`} data-testid={`vote-bar-${choice}`}>
          <span className="vote-bar-label">{t(`polls.choice.${choice}`)}</span>
          <span className="vote-bar" aria-hidden="true">
            <span className="vote-bar-fill" style={{ width: `${cast === 0 ? 0 : (tally[choice] / cast) * 100}%` }} />
          </span>
          <span className="vote-bar-number" data-testid={`vote-count-${choice}`}>
            {tally[choice]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A closed poll: its bars (a vote), the phones and hands it added (hybrid), the decision in words, the objections (consensus). */
export function VoteResult({ poll, t }: { poll: RoomPoll; t: Translate }) {
  const result = poll.result;
  if (!result) return null;
  return (
    <div className="vote-result" data-testid="vote-result">
      {poll.method !== "consensus" ? <VoteBars tally={result.tally} t={t} /> : null}
      {poll.method === "hybrid" && result.phones && result.hands ? (
        <p className="vote-sources">
          {t("live.vote.phones", { counts: countsWords(result.phones, t) })} · {t("live.vote.hands", { counts: countsWords(result.hands, t) })}
        </p>
      ) : null}
      <p className={`vote-decision vote-${result.decision.outcome}`} data-testid="vote-decision">
        {decisionWords(result.decision, poll.rules, result.tally, t)}
      </p>
      {result.consensus && result.consensus.objections ? <p className="vote-objections">{t("live.vote.objections", { text: result.consensus.objections })}</p> : null}
    </div>
  );
}

/** The motion or amendment's label: "M-2026-014 · Dlo potab" (an amendment's number reads "M-2026-014 A2"). */
export const motionLabel = (motion: { number: string; title: string }) => `${motion.number} · ${motion.title}`;

/** An amendment's text is its paragraph struck out and its replacement (`<del>`/`<ins>`, written by the server). */
export const isAmendmentHtml = (html: string) => html.startsWith("<del>");
