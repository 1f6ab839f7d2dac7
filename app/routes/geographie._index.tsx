import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { departmentLabel, sectionLabel } from "../modules/geography/labels";
import { pageTitle } from "../components/page-title";
import { GeographySearchSchema } from "../modules/geography/geography.schemas";
import { listDepartments, searchGeography } from "../modules/geography/geography.server";
import { formatNumber } from "../modules/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "geo.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const parsed = GeographySearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const q = parsed.success ? parsed.data.q : "";
  return { q, departments: listDepartments(context.db), results: q ? searchGeography(context.db, q) : null };
}

export default function Geography() {
  const { q, departments, results } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("geo.title")}</h1>
      <Form method="get" role="search" className="search">
        <label htmlFor="geo-q">{t("geo.search.label")}</label>
        <div className="inline">
          <input id="geo-q" name="q" type="search" defaultValue={q} placeholder={t("geo.search.placeholder")} />
          <button type="submit">{t("geo.search.submit")}</button>
        </div>
      </Form>
      {results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t("geo.search.results", { q })}</h2>
          {results.communes.length === 0 && results.sections.length === 0 ? <p>{t("geo.search.none")}</p> : null}
          {results.communes.length > 0 ? (
            <>
              <h3>{t("geo.communes")}</h3>
              <ul className="results">
                {results.communes.map((c) => (
                  <li key={c.code}>
                    <Link to={`/geographie/${c.departmentCode}/${c.code}`}>{c.name}</Link> <span className="muted">· {departmentLabel(c.departmentName, locale)} · {c.code}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {results.sections.length > 0 ? (
            <>
              <h3>{t("geo.sections")}</h3>
              <ul className="results">
                {results.sections.map((s) => (
                  <li key={s.code}>
                    <Link to={`/geographie/${s.departmentCode}/${s.communeCode}#${s.code}`}>{sectionLabel(s.label, locale)}</Link>{" "}
                    <span className="muted">
                      · {s.communeName} · {s.code}
                      {s.aliases.length > 0 ? ` · ${t("geo.aliases")}: ${s.aliases.join(", ")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>{t("geo.departments")}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("geo.department")}</th>
              <th scope="col">{t("geo.code")}</th>
              <th scope="col" className="num">{t("geo.communes")}</th>
              <th scope="col" className="num">{t("geo.sections")}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.code}>
                <td>
                  <Link to={`/geographie/${d.code}`}>{departmentLabel(d.name, locale)}</Link>
                </td>
                <td>{d.code}</td>
                <td className="num">{formatNumber(d.communeCount, locale)}</td>
                <td className="num">{formatNumber(d.sectionCount, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("geo.total")}</th>
              <td />
              <td className="num">{formatNumber(departments.reduce((n, d) => n + d.communeCount, 0), locale)}</td>
              <td className="num">{formatNumber(departments.reduce((n, d) => n + d.sectionCount, 0), locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
