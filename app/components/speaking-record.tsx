import type { FiguresView, SpeakingTotalsView, TurnView } from "../modules/meetings/views";
import { formatDuration, formatTime } from "../modules/i18n/format";
import { ParityBar } from "./live-meeting";
import { HiddenCellsNote } from "./sex-age-table";
import { useLocale, useT } from "./i18n";

/**
 * Who spoke, when, how long, on which item, and the parity of speaking time: the meeting's
 * record. On a public page a speaker who may not be named is a place in the list and an
 * item, nothing more; the parity figures come masked.
 */
export function SpeakingRecord({
  turns,
  totals,
  figures,
}: {
  turns: TurnView[];
  totals: SpeakingTotalsView;
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
          {Object.values(totals).some((group) => group.turns === "hidden") ? <HiddenCellsNote /> : null}
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
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
                    <td className="num">{turn.position}</td>
                    <td>{turn.startedAt === null ? "—" : formatTime(turn.startedAt, locale)}</td>
                    <td>
                      {turn.name ?? <span className="muted">{t("parity.unnamed")}</span>}
                      {turn.organisation ? <span className="muted"> · {turn.organisation}</span> : null}
                    </td>
                    <td>{turn.item ?? "—"}</td>
                    <td className="num">{turn.ms === null ? "—" : formatDuration(turn.ms)}</td>
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
