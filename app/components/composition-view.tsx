import type { CompositionFigures } from "../modules/spaces/composition";
import type { CountCell } from "../modules/people/privacy";
import type { OrganisationType } from "../modules/organisations/types";
import { useLocale, useT } from "./i18n";
import { formatCount, formatShare, SexAgeTable } from "./sex-age-table";

function Percent({ share }: { share: number | null }) {
  const locale = useLocale();
  return <>{formatShare(share, locale)}</>;
}

/** A space's composition: organisations by type; delegates by sex and age, women and youth first. */
export function CompositionView({ composition, sectionNames }: { composition: CompositionFigures; sectionNames: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const { organisations, delegates } = composition;
  const n = (value: CountCell) => formatCount(value, locale);
  return (
    <section aria-labelledby="composition-title" className="composition">
      <h2 id="composition-title">{t("composition.title")}</h2>
      <div className="highlights">
        <p className="highlight" data-testid="women-share">
          <span className="big">
            <Percent share={delegates.women.share} />
          </span>
          <span>{t("composition.womenDelegates", { count: n(delegates.women.count), total: n(delegates.total) })}</span>
        </p>
        <p className="highlight" data-testid="youth-share">
          <span className="big">
            <Percent share={delegates.youth.share} />
          </span>
          <span>{t("composition.youthDelegates", { count: n(delegates.youth.count), total: n(delegates.total) })}</span>
        </p>
        <p className="highlight" data-testid="organisation-count">
          <span className="big">{n(organisations.total)}</span>
          <span>{t("composition.memberOrganisations")}</span>
        </p>
      </div>
      <h3>{t("composition.byType")}</h3>
      {organisations.total === 0 ? (
        <p>{t("composition.noOrganisations")}</p>
      ) : (
        <table data-testid="organisations-by-type">
          <tbody>
            {(Object.entries(organisations.byType) as [OrganisationType, number][])
              .sort((a, b) => b[1] - a[1])
              .map(([type, count]) => (
                <tr key={type}>
                  <th scope="row">{t(`orgType.${type}`)}</th>
                  <td className="num">{n(count)}</td>
                  <td className="num">
                    <Percent share={count / organisations.total} />
                  </td>
                </tr>
              ))}
            <tr>
              <th scope="row">{t("composition.ledByWoman")}</th>
              <td className="num">{n(organisations.ledByWoman.count)}</td>
              <td className="num">
                <Percent share={organisations.ledByWoman.share} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t("composition.ledByYouth")}</th>
              <td className="num">{n(organisations.ledByYouth.count)}</td>
              <td className="num">
                <Percent share={organisations.ledByYouth.share} />
              </td>
            </tr>
          </tbody>
        </table>
      )}
      <h3>{t("composition.delegatesBySexAndAge")}</h3>
      <SexAgeTable tally={delegates} testId="delegates-by-sex-age" />
      <h3>{t("composition.sectionsWithout")}</h3>
      {composition.sectionsWithoutMember.length === 0 ? (
        <p>{t("composition.allSectionsCovered")}</p>
      ) : (
        <ul data-testid="sections-without-member">
          {composition.sectionsWithoutMember.map((code) => (
            <li key={code}>
              {sectionNames[code] ?? code} <span className="muted">· {code}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
