import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { formatDate } from "../modules/i18n/format";
import { creatableScopes, listReports, type ReportLine } from "../modules/reports/report-views.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.title");

/** The programme's reports: every published one by commune and year, for anyone; the drafts of their authors. */
export async function loader({ context }: LoaderFunctionArgs) {
  const actor = context.current?.actor ?? null;
  const { published, mine } = listReports(context.db, actor);
  const scopes = creatableScopes(context.db, actor);
  return { published, mine, canCreate: scopes.spaces.length > 0 || scopes.programme };
}

/** Published reports grouped by commune (the programme's own last), then by year, the latest first. */
function byCommuneAndYear(lines: readonly ReportLine[]) {
  const communes = new Map<string, Map<number, ReportLine[]>>();
  for (const line of lines) {
    const commune = line.communeName ?? "";
    const years = communes.get(commune) ?? new Map<number, ReportLine[]>();
    years.set(line.year, [...(years.get(line.year) ?? []), line]);
    communes.set(commune, years);
  }
  return [...communes.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([commune, years]) => ({ commune, years: [...years.entries()].sort(([a], [b]) => b - a) }));
}

export default function Reports() {
  const { published, mine, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const line = (r: ReportLine) => (
    <li key={r.id} data-report={r.id}>
      <Link to={`/rapports/${r.id}`}>{r.title}</Link>{" "}
      <span className="muted">
        {t(`reports.template.${r.template}`)} · {r.scopeLabel} · {r.locale === "ht" ? "Kreyòl" : "Français"}
        {r.publishedAt !== null ? ` · ${t("reports.version", { version: r.version, date: formatDate(r.publishedAt, locale) })}` : ""}
      </span>
    </li>
  );
  return (
    <div>
      <h1>{t("reports.title")}</h1>
      <p className="hint">{t("reports.intro")}</p>
      {canCreate ? (
        <p>
          <Link className="button primary" to="/rapports/nouveau">
            {t("reports.new")}
          </Link>
        </p>
      ) : null}
      {mine.length > 0 ? (
        <section aria-labelledby="mine-title" data-testid="reports-mine">
          <h2 id="mine-title">{t("reports.mine")}</h2>
          <ul>
            {mine.map((r) => (
              <li key={r.id} data-report={r.id}>
                <Link to={`/rapports/${r.id}`}>{r.title}</Link> <span className="tag">{t(`reports.status.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="published-title" data-testid="reports-published">
        <h2 id="published-title">{t("reports.published")}</h2>
        {published.length === 0 ? <p>{t("reports.none")}</p> : null}
        {byCommuneAndYear(published).map(({ commune, years }) => (
          <section key={commune} className="report-group">
            <h3>{commune || t("reports.programmeWide")}</h3>
            {years.map(([year, lines]) => (
              <div key={year}>
                <h4>{year}</h4>
                <ul>{lines.map(line)}</ul>
              </div>
            ))}
          </section>
        ))}
      </section>
    </div>
  );
}
