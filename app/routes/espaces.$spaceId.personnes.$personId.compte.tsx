import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { formValues } from "../modules/forms";
import { consentMessage, linkMessage } from "../modules/people/messages";
import { getPersonAccount, linkAccount, setNamedPublicly, unlinkAccount } from "../modules/people/people.server";
import { ConsentSchema } from "../modules/people/people.schemas";
import { positiveIntParam, spaceIdParam } from "../modules/spaces/params";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "people.account.pageTitle");

function load(context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const space = requireSpace(context.db, params);
  const person = getPersonAccount(context.db, space, positiveIntParam(params.personId));
  if (!person) throw new Response("Not Found", { status: 404 });
  return { space, person };
}

/**
 * A person of the register, their consent to be named publicly, and the account that acts
 * as them: a facilitator records the one and links the other.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "space.facilitate", { spaceId: spaceIdParam(params) });
  const { space, person } = load(context, params);
  return {
    space: { id: space.id, name: space.name },
    person: { id: person.id, name: person.name, namedPublicly: person.namedPublicly, account: person.account ? { name: person.account.name, identifier: person.account.email ?? person.account.phone ?? "" } : null },
    consentSaved: new URL(request.url).searchParams.has("accord"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.facilitate", { spaceId });
  const { person } = load(context, params);
  const values = formValues(await request.formData());
  if (values.intent === "consent") {
    const parsed = ConsentSchema.parse(values);
    const consent = setNamedPublicly(context.db, current.actor, spaceId, person.id, parsed.namedPublicly, context.now());
    if (!consent.ok) return data({ intent: "consent", error: consentMessage(consent.code), values: { identifier: "" } }, { status: consent.code === "forbidden" ? 403 : 400 });
    throw redirect(`/espaces/${spaceId}/personnes/${person.id}/compte?accord`);
  }
  const result =
    values.intent === "unlink"
      ? unlinkAccount(context, current.actor, spaceId, person.id, context.now())
      : linkAccount(context, current.actor, spaceId, person.id, { identifier: String(values.identifier ?? "") }, context.now());
  if (!result.ok) return data({ intent: "account", error: linkMessage(result.code), values: { identifier: String(values.identifier ?? "") } }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/espaces/${spaceId}/personnes/${person.id}/compte?${values.intent === "unlink" ? "delie" : "lie"}`);
}

export default function PersonAccount() {
  const { space, person, consentSaved } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("people.account.title", { name: person.name })}</h1>
      <section className="panel" aria-labelledby="consent-title" data-testid="consent">
        <h2 id="consent-title">{t("people.consent.title")}</h2>
        <p className="hint" id="consent-meaning">
          {t("people.consent.meaning")}
        </p>
        <p role="status" data-testid="consent-state">
          {consentSaved ? `${t("people.consent.saved")} ` : ""}
          {t(person.namedPublicly ? "people.consent.yes" : "people.consent.no")}
        </p>
        <FormError error={result?.intent === "consent" ? result.error : undefined} />
        <Form method="post">
          <input type="hidden" name="intent" value="consent" />
          <label className="check">
            <input type="checkbox" name="namedPublicly" defaultChecked={person.namedPublicly} key={String(person.namedPublicly)} aria-describedby="consent-meaning" /> {t("people.namedPublicly")}
          </label>
          <button type="submit">{t("people.consent.save")}</button>
        </Form>
      </section>
      <h2>{t("people.account")}</h2>
      <FormError error={result?.intent === "account" ? result.error : undefined} />
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
