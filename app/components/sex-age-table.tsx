import { formatNumber } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import { AGE_KEYS, SEX_KEYS } from "../modules/people/disaggregation";
import type { CountCell, SexAgeView } from "../modules/people/privacy";
import { useLocale, useT } from "./i18n";

/** A count as a page shows it: "< 5" for a small cell, "—" for one hidden so that a small cell cannot be worked out (public pages). */
export const formatCount = (value: CountCell, locale: Locale): string => (value === "<5" ? "< 5" : value === "hidden" ? "—" : formatNumber(value, locale));

/** Whether any count of a tally is hidden (not only "< 5"): the table then says why. */
export const hasHiddenCells = (tally: SexAgeView): boolean =>
  [tally.total, ...Object.values(tally.bySex), ...Object.values(tally.byAge), ...Object.values(tally.bySexAndAge).flatMap((row) => Object.values(row)), tally.youth.count].includes("hidden");

/** The line under a table with hidden cells: what "—" means. */
export function HiddenCellsNote() {
  const t = useT();
  return (
    <p className="muted" data-testid="hidden-cells-note">
      {t("people.hiddenCells")}
    </p>
  );
}

/** A share as a percentage, or "—" when its count is masked. */
export const formatShare = (share: number | null, locale: Locale): string => (share === null ? "—" : formatNumber(share, locale, { style: "percent", maximumFractionDigits: 0 }));

/**
 * People by sex and age group, with totals: delegates of a space, attendees of a meeting, the
 * votes for in a poll. Women's row first to the eye. A page that does not ship the register's
 * words (the console) names the first column itself.
 */
export function SexAgeTable({ tally, testId, sexLabel }: { tally: SexAgeView; testId?: string; sexLabel?: string }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: CountCell) => formatCount(v, locale);
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{sexLabel ?? t("composition.sex")}</th>
            {AGE_KEYS.map((age) => (
              <th key={age} scope="col" className="num">
                {t(`age.${age}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("geo.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {SEX_KEYS.map((sex) => (
            <tr key={sex} className={sex === "female" ? "emphasis" : undefined}>
              <th scope="row">{t(`sex.${sex}`)}</th>
              {AGE_KEYS.map((age) => (
                <td key={age} className="num">
                  {n(tally.bySexAndAge[sex][age])}
                </td>
              ))}
              <td className="num">{n(tally.bySex[sex])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("geo.total")}</th>
            {AGE_KEYS.map((age) => (
              <td key={age} className="num">
                {n(tally.byAge[age])}
              </td>
            ))}
            <td className="num">{n(tally.total)}</td>
          </tr>
        </tfoot>
      </table>
      {hasHiddenCells(tally) ? <HiddenCellsNote /> : null}
    </div>
  );
}
