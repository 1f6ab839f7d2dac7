import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { AccountFields, PersonFields } from "../components/person-fields";
import { requirePermission } from "../modules/auth/guards.server";
import { localDate } from "../modules/dates";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { registerMessage } from "../modules/organisations/messages";
import { listMembers } from "../modules/organisations/organisations.server";
import { DelegateSchema } from "../modules/people/people.schemas";
import { registerDelegate } from "../modules/people/people.server";
import { spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "delegates.new");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.facilitate", { spaceId });
  const space = requireSpace(context.db, params);
  return {
    space: { id: space.id, name: space.name, titularSeats: space.titularSeats, substituteSeats: space.substituteSeats },
    organisations: listMembers(context.db, spaceId).map((m) => ({ id: m.id, name: m.name })),
    today: localDate(context.now()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const form = formValues(await request.formData());
  const { accountPassword: _password, ...values } = form;
  const parsed = DelegateSchema.safeParse(form);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const { organisationId, seat, fromDate, createAccount, accountEmail, accountPassword, ...person } = parsed.data;
  const result = await registerDelegate(context.db, current.actor, spaceId, person, { organisationId, seat, fromDate }, { createAccount, accountEmail, accountPassword }, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: registerMessage(result.code) } as FieldErrors }, { status: 400 });
  throw redirect(`/espaces/${spaceId}`);
}

export default function NewDelegate() {
  const { space, organisations, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("delegates.new")}</h1>
      {organisations.length === 0 ? (
        <p>{t("delegates.noOrganisation")}</p>
      ) : (
        <Form method="post" noValidate>
          <FormError error={result?.errors.form} />
          <PersonFields values={result?.values} errors={result?.errors} />
          <SelectField name="organisationId" label={t("delegates.organisation")} defaultValue={result?.values.organisationId} error={result?.errors.organisationId} required>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <SelectField name="seat" label={t("delegates.seat")} defaultValue={result?.values.seat ?? "titular"} error={result?.errors.seat}>
            <option value="titular">{t("seat.titular")}</option>
            <option value="substitute">{t("seat.substitute")}</option>
          </SelectField>
          <p className="hint">{t("spaces.seatsValue", { titular: space.titularSeats, substitute: space.substituteSeats })}</p>
          <Field name="fromDate" type="date" label={t("delegates.fromDate")} required defaultValue={result?.values.fromDate ?? today} error={result?.errors.fromDate} />
          <AccountFields values={result?.values} errors={result?.errors} />
          <button type="submit" className="primary">
            {t("delegates.register")}
          </button>
        </Form>
      )}
    </div>
  );
}
