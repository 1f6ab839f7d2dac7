import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { Field, FormError, SelectField } from "../components/field";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { localDate } from "../modules/dates";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { reportMessage } from "../modules/reports/messages";
import { REPORT_TEMPLATES } from "../modules/reports/report-document";
import { creatableScopes } from "../modules/reports/report-views.server";
import { CreateReportSchema } from "../modules/reports/reports.schemas";
import { createReport } from "../modules/reports/reports.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.new");

/** A new report: its scope among those this reader writes for, its period, template and language. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const scopes = creatableScopes(context.db, current.actor);
  if (scopes.spaces.length === 0 && !scopes.programme) throw new Response("Forbidden", { status: 403 });
  return { scopes, year: Number(localDate(context.now()).slice(0, 4)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const values = formValues(await request.formData());
  const parsed = CreateReportSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = createReport(context, current.actor, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: reportMessage(result.code) } as FieldErrors }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/rapports/${result.value.id}`);
}

export default function NewReport() {
  const { scopes, year } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const values: Record<string, string> = result?.values ?? { scopeKind: "space", periodKind: "year", year: String(year), template: "periodic", locale };
  const errors = result?.errors ?? {};
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: "/rapports", label: t("reports.title") }]} />
      <h1>{t("reports.new")}</h1>
      <Form method="post" noValidate>
        <FormError error={errors.form} />
        <fieldset className="choices">
          <legend>{t("reports.field.scope")}</legend>
          <label>
            <input type="radio" name="scopeKind" value="space" defaultChecked={values.scopeKind === "space"} /> {t("reports.scopeKind.space")}
          </label>
          <label>
            <input type="radio" name="scopeKind" value="commune" defaultChecked={values.scopeKind === "commune"} /> {t("reports.scopeKind.commune")}
          </label>
          {scopes.programme ? (
            <label>
              <input type="radio" name="scopeKind" value="programme" defaultChecked={values.scopeKind === "programme"} /> {t("reports.scopeKind.programme")}
            </label>
          ) : null}
        </fieldset>
        <SelectField name="spaceId" label={t("reports.field.space")} defaultValue={values.spaceId} error={errors.spaceId}>
          {scopes.spaces.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField name="communeCode" label={t("reports.field.commune")} defaultValue={values.communeCode} error={errors.communeCode}>
          {scopes.communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="choices">
          <legend>{t("reports.field.period")}</legend>
          {(["year", "quarter", "dates"] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="periodKind" value={k} defaultChecked={values.periodKind === k} /> {t(`reports.periodKind.${k}`)}
            </label>
          ))}
        </fieldset>
        <Field name="year" inputMode="numeric" label={t("reports.field.year")} defaultValue={values.year} error={errors.year} />
        <SelectField name="quarter" label={t("reports.field.quarter")} defaultValue={values.quarter} error={errors.quarter}>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t(`reports.quarter${q as 1 | 2 | 3 | 4}`)}
            </option>
          ))}
        </SelectField>
        <Field name="from" type="date" label={t("reports.field.from")} defaultValue={values.from} error={errors.from} />
        <Field name="to" type="date" label={t("reports.field.to")} defaultValue={values.to} error={errors.to} />
        <fieldset className="choices">
          <legend>{t("reports.field.template")}</legend>
          {REPORT_TEMPLATES.map((k) => (
            <label key={k}>
              <input type="radio" name="template" value={k} defaultChecked={values.template === k} /> {t(`reports.template.${k}`)}
            </label>
          ))}
        </fieldset>
        <SelectField name="locale" label={t("reports.field.locale")} defaultValue={values.locale} error={errors.locale}>
          <option value="fr">Français</option>
          <option value="ht">Kreyòl ayisyen</option>
        </SelectField>
        <Field name="title" label={t("reports.field.titleOptional")} hint={t("reports.field.titleHint")} defaultValue={values.title} error={errors.title} />
        <button type="submit" className="primary">
          {t("reports.create")}
        </button>
      </Form>
    </div>
  );
}
