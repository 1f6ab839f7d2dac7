import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { fieldErrors, formValues } from "../modules/forms";
import { AddSectionSchema } from "../modules/geography/geography.schemas";
import { addSection, getCommune } from "../modules/geography/geography.server";
import { geographyMessage } from "../modules/geography/messages";
import { communeHasSpaces } from "../modules/commitments/board.server";
import { translate } from "../modules/i18n/catalog.server";
import { localeFor } from "../modules/i18n/i18n.server";
import type { loader as rootLoader } from "../root";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "geo.communeTitle", { name: data?.commune.name ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const commune = getCommune(context.db, params.communeCode ?? "");
  if (!commune || commune.department.code !== params.departmentCode) throw new Response("Not Found", { status: 404 });
  // The commune's accountability board, when it has a space; its one label comes from here, so
  // that geography pages need not ship the commitments' messages.
  const board = communeHasSpaces(context.db, commune.code)
    ? { to: `/redevabilite/${commune.code}`, label: translate(localeFor(request, context.current), "commitments.board.communeLink", { commune: commune.name }) }
    : null;
  return { commune, board };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "geography.edit");
  const values = formValues(await request.formData());
  const parsed = AddSectionSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = addSection(context.db, current.actor, params.communeCode ?? "", parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: geographyMessage(result.code) } }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/geographie/${params.departmentCode}/${params.communeCode}#${result.value.code}`);
}

export default function Commune() {
  const { commune, board } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const t = useT();
  return (
    <>
      <Breadcrumb trail={[{ to: "/geographie", label: t("geo.title") }, { to: `/geographie/${commune.department.code}`, label: commune.department.name }]} />
      <h1>{t("geo.communeTitle", { name: commune.name })}</h1>
      <p className="muted">
        {commune.code} · {t("geo.arrondissement", { name: commune.arrondissement.name })}
        {commune.source === "local" ? ` · ${t("geo.addedLocally")}` : ""}
      </p>
      {board ? (
        <p>
          <Link to={board.to}>{board.label}</Link>
        </p>
      ) : null}
      <h2>{t("geo.sections")}</h2>
      {commune.sections.length === 0 ? (
        <p>{t("geo.noSections")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">{t("geo.number")}</th>
                <th scope="col">{t("geo.section")}</th>
                <th scope="col">{t("geo.code")}</th>
                <th scope="col">{t("geo.aliases")}</th>
              </tr>
            </thead>
            <tbody>
              {commune.sections.map((s) => (
                <tr key={s.code} id={s.code}>
                  <td className="num">{s.number}</td>
                  <td>
                    {s.name}
                    {s.source === "local" ? <span className="tag">{t("geo.addedLocally")}</span> : null}
                  </td>
                  <td>{s.code}</td>
                  <td>{s.aliases.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {root?.user?.admin ? (
        <section className="panel" aria-labelledby="add-section">
          <h2 id="add-section">{t("geo.addSection.title")}</h2>
          <Form method="post" noValidate>
            <FormError error={result?.errors.form} />
            <Field name="name" label={t("geo.addSection.name")} required defaultValue={result?.values.name} error={result?.errors.name} />
            <Field name="number" label={t("geo.addSection.number")} hint={t("geo.addSection.numberHint")} inputMode="numeric" defaultValue={result?.values.number} error={result?.errors.number} />
            <Field name="aliases" label={t("geo.addSection.aliases")} hint={t("geo.addSection.aliasesHint")} defaultValue={result?.values.aliases} error={result?.errors.aliases} />
            <button type="submit" className="primary">
              {t("geo.addSection.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
