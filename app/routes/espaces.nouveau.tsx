import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { useLocale, useT } from "../components/i18n";
import { departmentLabel } from "../modules/geography/labels";
import { pageTitle } from "../components/page-title";
import { SpaceForm } from "../components/space-form";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { getCommune } from "../modules/geography/geography.server";
import { registerMessage } from "../modules/organisations/messages";
import { SpaceSchema } from "../modules/spaces/spaces.schemas";
import { createSpace, listCommuneOptions } from "../modules/spaces/spaces.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "spaces.new");

/** Two steps that work without JavaScript: pick the commune, then fill the space's form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "space.manage");
  const code = new URL(request.url).searchParams.get("commune") ?? "";
  const commune = code ? getCommune(context.db, code) : null;
  return {
    communes: commune ? [] : listCommuneOptions(context.db),
    commune: commune ? { code: commune.code, name: commune.name, sections: commune.sections.map((s) => ({ code: s.code, label: s.label })) } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "space.manage");
  const values = formValues(await request.formData());
  const parsed = SpaceSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = createSpace(context.db, current.actor, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: registerMessage(result.code) } as FieldErrors }, { status: 400 });
  throw redirect(`/espaces/${result.value.id}`);
}

export default function NewSpace() {
  const { communes, commune } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="narrow">
      <h1>{t("spaces.new")}</h1>
      {commune ? (
        <SpaceForm commune={commune} sections={commune.sections} values={result?.values} errors={result?.errors} submitLabel={t("spaces.create")} />
      ) : (
        <Form method="get">
          <div className="field">
            <label htmlFor="commune">{t("spaces.commune")}</label>
            <select id="commune" name="commune" required>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({departmentLabel(c.departmentName, locale)})
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("common.next")}</button>
        </Form>
      )}
    </div>
  );
}
