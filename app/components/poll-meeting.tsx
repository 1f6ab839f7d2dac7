import { Link } from "@remix-run/react";
import type { PollView } from "../modules/polls/polls.server";
import { takesHands, takesPhoneBallots } from "../modules/polls/methods";
import { useT } from "./i18n";
import { PollResult } from "./poll-result";

/**
 * A meeting's polls on its page, first opened first: the question and the motion it decides,
 * the method, the rule in words, the count while open (never the split) and the result once
 * closed. `ballotsPath` (facilitators, meeting open) links the printable paper ballots.
 */
export function MeetingPolls({ polls, ballotsPath }: { polls: PollView[]; ballotsPath: string | null }) {
  const t = useT();
  return (
    <section aria-labelledby="polls-title" data-testid="meeting-polls">
      <h2 id="polls-title">{t("polls.title")}</h2>
      {polls.length === 0 ? <p className="muted">{t("polls.meeting.none")}</p> : null}
      <ol className="plain meeting-polls">
        {polls.map((poll) => (
          <li key={poll.id} className="meeting-poll" data-testid={`poll-${poll.id}`}>
            <h3>
              {poll.motion ? <span className="poll-motion-number">{poll.motion.number} · </span> : null}
              {poll.question}
            </h3>
            <p className="tags">
              <span className={`tag poll-state-${poll.state}`}>{t(`polls.state.${poll.state}`)}</span>
              <span className="tag">{t(`polls.method.${poll.method}`)}</span>
            </p>
            <p className="muted">{t("polls.meeting.ruleWords", { rule: poll.rulesWords })}</p>
            {poll.state === "open" ? (
              <p>
                {takesPhoneBallots(poll.method) ? t("polls.console.votedByPhone", { count: poll.votedByPhone, eligible: poll.eligible }) : t("polls.console.eligible", { count: poll.eligible })}
                {ballotsPath && takesHands(poll.method) ? (
                  <>
                    {" · "}
                    <Link to={`${ballotsPath}?vote=${poll.id}`}>{t("polls.console.paperBallots")}</Link>
                  </>
                ) : null}
              </p>
            ) : null}
            {poll.result ? <PollResult method={poll.method} result={poll.result} /> : null}
          </li>
        ))}
      </ol>
      {ballotsPath ? (
        <p>
          <Link to={ballotsPath} className="button" data-testid="paper-ballots-link">
            {t("polls.console.paperBallots")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
