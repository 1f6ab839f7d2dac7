import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { formValues } from "../modules/forms";
import { linkMessage } from "../modules/people/messages";
import { getPersonAccount, linkAccount, unlinkAccount } from "../modules/people/people.server";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "people.account.pageTitle");

function load(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const space = requireSpace(context.db, params);
  const person = getPersonAccount(context.db, space, positiveIntParam(params.personId));
  if (!person) throw new Response("Not Found", { status: 404 });
  return { space, person };
}

/** A person of the register and the account that acts as them: a facilitator links one to the other. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "space.facilitate", { spaceId: spaceIdParam(params) });
  const { space, person } = load(context, params);
  return {
    space: { id: space.id, name: space.name },
    person: { id: person.id, name: person.name, account: person.account ? { name: person.account.name, identifier: person.account.email ?? person.account.phone ?? "" } : null },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const { person } = load(context, params);
  const values = formValues(await request.formData());
  const result =
    values.intent === "unlink"
      ? unlinkAccount(context, current.actor, spaceId, person.id, context.now())
      : linkAccount(context, current.actor, spaceId, person.id, { identifier: String(values.identifier ?? "") }, context.now());
  if (!result.ok) return data({ error: linkMessage(result.code), values: { identifier: String(values.identifier ?? "") } }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/espaces/${spaceId}/personnes/${person.id}/compte?${values.intent === "unlink" ? "delie" : "lie"}`);
}

export default function PersonAccount() {
  const { space, person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("people.account.title", { name: person.name })}</h1>
      <FormError error={result?.error} />
      {person.account ? (
        <>
          <p role="status" data-testid="linked-account">
            {t("people.account.linked", { name: person.account.name, identifier: person.account.identifier })}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="unlink" />
            <button type="submit">{t("people.account.unlink")}</button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("people.account.none")}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="link" />
            <Field name="identifier" label={t("people.account.identifier")} required defaultValue={result?.values.identifier} autoComplete="off" />
            <button type="submit" className="primary">
              {t("people.account.link")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
