import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { FilterSelect } from "../components/filter-select";
import { Form } from "../components/form";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { listAuthorities } from "../modules/authorities/authorities.server";
import type { Translate } from "../modules/i18n/translate";
import { MOTION_STATES } from "../modules/motions/motion-state";
import { MotionFilterSchema, PROPOSER_TYPES } from "../modules/motions/motions.schemas";
import { listMotions, motionYearFigures, motionYears, proposingOrganisations } from "../modules/motions/motions.server";
import { MOTION_THEMES } from "../modules/motions/themes";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "motions.pageTitle", { space: data?.space.name ?? "" });

/**
 * A space's motions, filtered from the address (a plain GET form), with each year's figures.
 * Anyone reads motions from submission on; a draft only its proposing organisation's delegates
 * and those of the organisations invited to co-sponsor it (`listMotions`).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const actor = context.current?.actor ?? null;
  const now = context.now();
  const url = new URL(request.url);
  const filters = MotionFilterSchema.parse(Object.fromEntries(url.searchParams));
  // The exports take the same filters, as the list shows them.
  const query = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const years = motionYears(context.db, space.id);
  return {
    space: { id: space.id, name: space.name },
    filters,
    filtered: query !== "",
    query,
    motions: listMotions(context.db, actor, space.id, filters, now),
    figures: years.map((year) => motionYearFigures(context.db, space.id, year)),
    years,
    authorities: listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })),
    canDraft: proposingOrganisations(context.db, actor, space.id, now).length > 0,
  };
}

/** A share in words, rounded to a whole percent (the figures themselves are counts). */
function share(part: { count: number; total: number }, t: Translate) {
  const percent = part.total === 0 ? 0 : Math.round((part.count * 100) / part.total);
  return t("motions.figures.share", { count: part.count, total: part.total, percent });
}

export default function Motions() {
  const { space, filters, filtered, query, motions, figures, years, authorities, canDraft } = useLoaderData<typeof loader>();
  const t = useT();
  const received = figures.some((f) => f.received > 0);
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("motions.title")}</h1>
      <p className="lead">{t("motions.spaceIntro")}</p>
      {canDraft ? (
        <p>
          <Link className="button primary" to={`/espaces/${space.id}/motions/nouvelle`}>
            {t("motions.new")}
          </Link>
        </p>
      ) : null}

      <Form method="get" className="filters" aria-label={t("filters.apply")}>
        <FilterSelect label={t("motions.filter.state")} name="state" value={filters.state} options={MOTION_STATES.map((s) => ({ value: s, label: t(`motions.state.${s}`) }))} />
        <FilterSelect label={t("motions.filter.theme")} name="theme" value={filters.theme} options={MOTION_THEMES.map((theme) => ({ value: theme, label: t(`motions.theme.${theme}`) }))} />
        <FilterSelect label={t("motions.filter.authority")} name="authorityId" value={filters.authorityId} options={authorities.map((a) => ({ value: a.id, label: a.name }))} />
        <FilterSelect label={t("motions.filter.proposerType")} name="proposerType" value={filters.proposerType} options={PROPOSER_TYPES.map((type) => ({ value: type, label: t(`motions.proposerType.${type}`) }))} />
        {years.length > 1 ? <FilterSelect label={t("motions.filter.year")} name="year" value={filters.year} options={years.map((year) => ({ value: year, label: String(year) }))} /> : null}
        <button type="submit">{t("filters.apply")}</button>
        {filtered ? <Link to=".">{t("filters.clear")}</Link> : null}
      </Form>

      <p className="muted" data-testid="motion-count">
        {t("motions.count", { count: motions.length })}
      </p>
      {motions.length === 0 ? (
        <p>{t("motions.none")}</p>
      ) : (
        <ul className="motion-list" data-testid="motions">
          {motions.map((m) => (
            <li key={m.id}>
              <p className="motion-head">
                <span className="motion-number">{m.number ?? t("motions.unnumbered")}</span>{" "}
                <Link to={`/espaces/${space.id}/motions/${m.id}`}>{m.title}</Link>
              </p>
              <p className="tags">
                <span className={`tag motion-${m.state}`}>{t(`motions.state.${m.state}`)}</span>
                <span className="tag">{t(`motions.theme.${m.theme}`)}</span>
              </p>
              <p className="hint">
                {t("motions.byOrganisation", { organisation: m.organisation.acronym ?? m.organisation.name })}
                {m.authority ? ` · ${t("motions.toAuthority", { authority: m.authority.name })}` : ""}
                {m.forwardedFrom ? ` · ${t("motions.fromSpace", { space: m.forwardedFrom.spaceName, number: m.forwardedFrom.number ?? "" })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <a href={`/espaces/${space.id}/motions.csv${query ? `?${query}` : ""}`}>{t("motions.export.motions")}</a>
        <a href={`/espaces/${space.id}/votes.csv`}>{t("motions.export.votes")}</a>
      </p>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t("motions.figures.title")}</h2>
        {figures.length === 0 ? (
          <p>{t("motions.figures.none")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="motion-figures">
              <thead>
                <tr>
                  <th scope="col">{t("motions.figures.year")}</th>
                  <th scope="col" className="num">{t("motions.figures.proposed")}</th>
                  <th scope="col" className="num">{t("motions.figures.adopted")}</th>
                  <th scope="col">{t("motions.figures.byWomen")}</th>
                  <th scope="col">{t("motions.figures.byYouth")}</th>
                  {received ? <th scope="col" className="num">{t("motions.figures.received")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.year}>
                    <th scope="row">{f.year}</th>
                    <td className="num">{f.proposed}</td>
                    <td className="num">{f.adopted}</td>
                    <td>{share(f.byWomen, t)}</td>
                    <td>{share(f.byYouth, t)}</td>
                    {received ? <td className="num">{f.received}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
