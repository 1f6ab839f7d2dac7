import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { useT } from "../components/i18n";
import { OrganisationFields } from "../components/organisation-fields";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { localDate } from "../modules/dates";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { registerMessage } from "../modules/organisations/messages";
import { AdmitSchema, JoinSchema, OrganisationSchema } from "../modules/organisations/organisations.schemas";
import { admitOrganisation, listAdmissible, registerOrganisation } from "../modules/organisations/organisations.server";
import { requireSpace } from "../modules/spaces/space-params.server";
import { spaceIdParam } from "../modules/spaces/params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "organisations.new");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  return {
    space: { id: space.id, name: space.name, territorySections: space.territorySections.map((s) => ({ code: s.code, label: s.label })) },
    admissible: listAdmissible(context.db, spaceId, space.communeCode),
    today: localDate(context.now()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const values = formValues(await request.formData());
  if (values.intent === "admit") {
    // This space's own contact comes with the admission; the other spaces' stay theirs.
    const parsed = AdmitSchema.safeParse(values);
    if (!parsed.success) return data({ intent: "admit", values, errors: errorsOf(parsed) }, { status: 400 });
    const { organisationId, joinedOn, ...contact } = parsed.data;
    const result = admitOrganisation(context.db, current.actor, spaceId, organisationId, joinedOn, context.now(), contact);
    if (!result.ok) return data({ intent: "admit", values, errors: { form: registerMessage(result.code) } as FieldErrors }, { status: 400 });
    throw redirect(`/espaces/${spaceId}`);
  }
  const parsed = OrganisationSchema.safeParse(values);
  const joined = JoinSchema.safeParse(values);
  if (!parsed.success || !joined.success) {
    return data({ intent: "register", values, errors: errorsOf(parsed, joined) }, { status: 400 });
  }
  const result = registerOrganisation(context.db, current.actor, spaceId, parsed.data, joined.data.joinedOn, context.now());
  if (!result.ok) return data({ intent: "register", values, errors: { [result.field ?? "form"]: registerMessage(result.code) } as FieldErrors }, { status: 400 });
  throw redirect(`/espaces/${spaceId}/organisations/${result.value.id}`);
}

export default function NewOrganisation() {
  const { space, admissible, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const register = result?.intent === "register" ? result : undefined;
  const admit = result?.intent === "admit" ? result : undefined;
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("organisations.new")}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="register" />
        <FormError error={register?.errors.form} />
        <OrganisationFields sections={space.territorySections} values={register?.values} errors={register?.errors} />
        <Field name="joinedOn" type="date" label={t("organisations.joinedOn")} required defaultValue={register?.values.joinedOn ?? today} error={register?.errors.joinedOn} />
        <button type="submit" className="primary">
          {t("organisations.register")}
        </button>
      </Form>
      {admissible.length > 0 ? (
        <section className="panel" aria-labelledby="admit-title">
          <h2 id="admit-title">{t("organisations.admitTitle")}</h2>
          <p className="hint">{t("organisations.admitHint")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="admit" />
            <FormError error={admit?.errors.form} />
            <SelectField name="organisationId" label={t("organisations.name")} defaultValue={admit?.values.organisationId} error={admit?.errors.organisationId} required>
              {admissible.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                  {o.acronym ? ` (${o.acronym})` : ""}
                </option>
              ))}
            </SelectField>
            <Field name="joinedOn" type="date" label={t("organisations.joinedOn")} required defaultValue={admit?.values.joinedOn ?? today} error={admit?.errors.joinedOn} />
            <p className="hint">{t("organisations.admitContactHint")}</p>
            <Field name="contactName" label={t("organisations.contactName")} defaultValue={admit?.values.contactName} error={admit?.errors.contactName} />
            <Field name="phone" type="tel" label={t("account.phone")} defaultValue={admit?.values.phone} error={admit?.errors.phone} />
            <Field name="email" type="email" label={t("account.email")} defaultValue={admit?.values.email} error={admit?.errors.email} />
            <button type="submit">{t("organisations.admit")}</button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
