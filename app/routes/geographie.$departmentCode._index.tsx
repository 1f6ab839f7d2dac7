import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { departmentLabel } from "../modules/geography/labels";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { fieldErrors, formValues } from "../modules/forms";
import { geographyMessage } from "../modules/geography/messages";
import { AddCommuneSchema } from "../modules/geography/geography.schemas";
import { addCommune, getDepartment } from "../modules/geography/geography.server";
import type { loader as rootLoader } from "../root";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "geo.departmentTitle", { name: data?.department.name ?? "" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const department = getDepartment(context.db, params.departmentCode ?? "");
  if (!department) throw new Response("Not Found", { status: 404 });
  return { department };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "geography.edit");
  const values = formValues(await request.formData());
  const parsed = AddCommuneSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const departmentCode = params.departmentCode ?? "";
  const result = addCommune(context.db, current.actor, departmentCode, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: geographyMessage(result.code) } }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/geographie/${departmentCode}/${result.value.code}`);
}

export default function Department() {
  const { department } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Breadcrumb trail={[{ to: "/geographie", label: t("geo.title") }]} />
      <h1>{t("geo.departmentTitle", { name: departmentLabel(department.name, locale) })}</h1>
      <p className="muted">{department.code}</p>
      {department.arrondissements.map((a) => (
        <section key={a.code}>
          <h2>
            {t("geo.arrondissement", { name: a.name })} <span className="muted">· {a.code}</span>
          </h2>
          <ul className="results">
            {a.communes.map((c) => (
              <li key={c.code}>
                <Link to={`/geographie/${department.code}/${c.code}`}>{c.name}</Link>{" "}
                <span className="muted">
                  · {c.code} · {t("geo.sectionCount", { count: c.sectionCount })}
                  {c.source === "local" ? ` · ${t("geo.addedLocally")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {root?.user?.admin ? (
        <section className="panel" aria-labelledby="add-commune">
          <h2 id="add-commune">{t("geo.addCommune.title")}</h2>
          <p className="hint">{t("geo.addCommune.hint")}</p>
          <Form method="post" noValidate>
            <FormError error={result?.errors.form} />
            <SelectField name="arrondissementCode" label={t("geo.addCommune.arrondissement")} defaultValue={result?.values.arrondissementCode} error={result?.errors.arrondissementCode} required>
              {department.arrondissements.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name} ({a.code})
                </option>
              ))}
            </SelectField>
            <Field name="name" label={t("geo.addCommune.name")} required defaultValue={result?.values.name} error={result?.errors.name} />
            <Field name="code" label={t("geo.addCommune.code")} hint={t("geo.addCommune.codeHint")} defaultValue={result?.values.code} error={result?.errors.code} />
            <button type="submit" className="primary">
              {t("geo.addCommune.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
