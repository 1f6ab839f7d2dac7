import { formatNumber } from "../modules/i18n/format";
import { BALLOT_CHOICES } from "../modules/polls/methods";
import type { PollView } from "../modules/polls/polls.server";
import { countsWords } from "../modules/polls/words";
import { useLocale, useT } from "./i18n";
import { SexAgeTable } from "./sex-age-table";

type Result = NonNullable<PollView["result"]>;

/**
 * A closed poll's result, as its audience may see it (`pollView` decided what it holds): the
 * decision in words, a bar per option with its number, phones and hands apart when both
 * counted, the votes for by sex and age group, the objections, and who voted what in a named
 * poll for the space's members.
 */
export function PollResult({ method, result }: { method: PollView["method"]; result: Result }) {
  const t = useT();
  const locale = useLocale();
  const { tally } = result;
  const total = tally.yes + tally.no + tally.abstain;
  return (
    <div className="poll-result">
      <p className={`poll-decision outcome-${result.decision.outcome}`} data-testid="poll-decision">
        {result.words}
      </p>
      {method === "consensus" ? (
        result.consensus?.objections ? <p>{t("polls.result.objections", { text: result.consensus.objections })}</p> : null
      ) : (
        <>
          <ul className="poll-bars" aria-label={t("polls.result.bars", { counts: countsWords(tally, t) })} data-testid="poll-bars">
            {BALLOT_CHOICES.map((choice) => (
              <li key={choice} className={`poll-bar-row choice-${choice}`}>
                <span className="poll-bar-label">{t(`polls.choice.${choice}`)}</span>
                <span className="poll-bar" aria-hidden="true">
                  <span style={{ width: `${total === 0 ? 0 : (tally[choice] / total) * 100}%` }} />
                </span>
                <span className="poll-bar-count" data-testid={`poll-count-${choice}`}>
                  {formatNumber(tally[choice], locale)}
                </span>
              </li>
            ))}
          </ul>
          {result.phones && result.hands ? (
            <p className="muted">
              {`${t("polls.result.phones", { counts: countsWords(result.phones, t) })} · ${t("polls.result.hands", { counts: countsWords(result.hands, t) })}`}
            </p>
          ) : null}
        </>
      )}
      {result.breakdown ? (
        <details className="poll-breakdown">
          <summary>{t(result.breakdown.of === "hands" ? "polls.result.breakdownHands" : "polls.result.breakdownAll")}</summary>
          <SexAgeTable tally={result.breakdown.for} testId="poll-breakdown" sexLabel={t("polls.sex")} />
        </details>
      ) : null}
      {result.votes ? (
        <details className="poll-votes">
          <summary>{t("polls.result.votes")}</summary>
          <div className="table-scroll">
            <table data-testid="poll-votes">
              <thead>
                <tr>
                  <th scope="col">{t("polls.result.voter")}</th>
                  <th scope="col">{t("polls.result.choice")}</th>
                </tr>
              </thead>
              <tbody>
                {result.votes.map((v) => (
                  <tr key={v.personId}>
                    <td>
                      {v.name}
                      {v.organisation ? <span className="muted"> · {v.organisation}</span> : null}
                    </td>
                    <td>{v.choice ? t(`polls.choice.${v.choice}`) : <span className="muted">{t("polls.result.didNotVote")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}

