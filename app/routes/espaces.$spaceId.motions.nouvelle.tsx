import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { FormError, SelectField } from "../components/field";
import { Form } from "../components/form";
import { useT } from "../components/i18n";
import { MotionFields } from "../components/motion-fields";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { listAuthorities } from "../modules/authorities/authorities.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { motionMessage } from "../modules/motions/messages";
import { CreateMotionSchema } from "../modules/motions/motions.schemas";
import { draftMotion, proposingOrganisations } from "../modules/motions/motions.server";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "motions.new");

/** A delegate drafts a motion in the name of an organisation she is seated for today; nobody else has this page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const organisations = proposingOrganisations(context.db, current.actor, space.id, context.now());
  if (organisations.length === 0) throw new Response("Forbidden", { status: 403 });
  return {
    space: { id: space.id, name: space.name },
    organisations,
    authorities: listAuthorities(context.db, space).map((a) => ({ id: a.id, name: a.name })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const space = requireSpace(context.db, params);
  const values = formValues(await request.formData());
  const parsed = CreateMotionSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = draftMotion(context, current.actor, space.id, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: motionMessage(result.code) } as FieldErrors }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/espaces/${space.id}/motions/${result.value.id}`);
}

export default function NewMotion() {
  const { space, organisations, authorities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb
        trail={[
          { to: `/espaces/${space.id}`, label: space.name },
          { to: `/espaces/${space.id}/motions`, label: t("motions.title") },
        ]}
      />
      <h1>{t("motions.new")}</h1>
      <p className="hint">{t("motions.draft.hint")}</p>
      <Form method="post" noValidate>
        <FormError error={result?.errors.form} />
        <SelectField name="organisationId" label={t("motions.field.organisation")} required defaultValue={result?.values.organisationId} error={result?.errors.organisationId}>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
              {o.acronym ? ` (${o.acronym})` : ""}
            </option>
          ))}
        </SelectField>
        <MotionFields authorities={authorities} values={result?.values} errors={result?.errors} />
        <button type="submit" className="primary">
          {t("motions.draft.save")}
        </button>
      </Form>
    </div>
  );
}
