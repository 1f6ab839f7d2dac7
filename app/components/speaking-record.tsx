import type { FiguresView, TurnView } from "../modules/meetings/views";
import { formatDuration, formatTime } from "../modules/i18n/format";
import type { SpeakingTotals } from "../modules/live/speaking-time";
import { ParityBar } from "./live-meeting";
import { useLocale, useT } from "./i18n";

/** Who spoke, when, how long, on which item, and the parity of speaking time: the meeting's record. */
export function SpeakingRecord({
  turns,
  totals,
  figures,
}: {
  turns: TurnView[];
  totals: SpeakingTotals;
  figures: FiguresView;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="speaking-record" data-testid="speaking-record">
      <h2 id="speaking-record">{t("parity.record", { count: turns.length })}</h2>
      {turns.length === 0 ? (
        <p className="muted">{t("parity.noTurns")}</p>
      ) : (
        <>
          <ParityBar totals={totals} figures={figures} t={t} locale={locale} />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("attendance.arrivedAt")}</th>
                  <th scope="col">{t("people.name")}</th>
                  <th scope="col">{t("agenda.itemTitle")}</th>
                  <th scope="col" className="num">
                    {t("parity.duration")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {turns.map((turn) => (
                  <tr key={turn.id}>
                    <td>{formatTime(turn.startedAt, locale)}</td>
                    <td>
                      {turn.name ?? <span className="muted">{t("parity.unnamed")}</span>}
                      {turn.organisation ? <span className="muted"> · {turn.organisation}</span> : null}
                    </td>
                    <td>{turn.item ?? "—"}</td>
                    <td className="num">{formatDuration(turn.ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
