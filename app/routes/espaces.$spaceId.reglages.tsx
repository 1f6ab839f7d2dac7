import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StatusLine } from "../components/confirm-button";
import { Form } from "../components/form";
import { z } from "zod";
import { FormError, SelectField } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { RevokeGrant } from "../components/revoke-grant";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { SpaceForm } from "../components/space-form";
import { requirePermission } from "../modules/auth/guards.server";
import { errorsOf, formValues, type FieldErrors } from "../modules/forms";
import { getCommune } from "../modules/geography/geography.server";
import { registerMessage } from "../modules/organisations/messages";
import { spaceIdParam } from "../modules/spaces/params";
import { SpaceSchema } from "../modules/spaces/spaces.schemas";
import { listFacilitators, updateSpace } from "../modules/spaces/spaces.server";
import { requireSpace } from "../modules/spaces/space-params.server";
import { accountMessage } from "../modules/users/messages";
import { grantRole, listAccounts, revokeRole } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "spaces.settings");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const spaceId = spaceIdParam(params);
  requirePermission(context, request, "space.manage");
  const space = requireSpace(context.db, params);
  const facilitators = listFacilitators(context.db, spaceId);
  const accounts = listAccounts(context.db)
    .filter((a) => !facilitators.some((f) => f.userId === a.id))
    .map((a) => ({ id: a.id, name: a.name }));
  const commune = getCommune(context.db, space.communeCode)!;
  return { space, facilitators, accounts, communeSections: commune.sections.map((s) => ({ code: s.code, label: s.label })) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const spaceId = spaceIdParam(params);
  const current = requirePermission(context, request, "space.manage");
  const values = formValues(await request.formData());
  const now = context.now();
  if (values.intent === "facilitator") {
    const parsed = z.object({ userId: z.string().min(1) }).safeParse(values);
    if (!parsed.success) return data({ values, errors: { facilitator: "error.required" } as FieldErrors }, { status: 400 });
    const result = grantRole(context, current.actor, { userId: parsed.data.userId, role: "facilitator", spaceId }, now);
    if (!result.ok) return data({ values, errors: { facilitator: accountMessage(result.code) } as FieldErrors }, { status: 400 });
    return { values: {} as Record<string, string>, errors: {} as FieldErrors, done: "accounts.granted" as const };
  }
  if (values.intent === "revoke") {
    // Two steps (`RevokeGrant`): the first post only asks.
    if (!isConfirmed(values)) return askToConfirm("revoke", { grantId: String(values.grantId ?? "") });
    const result = revokeRole(context, current.actor, Number(values.grantId), now);
    if (!result.ok) return data({ values, errors: { facilitator: accountMessage(result.code) } as FieldErrors }, { status: 400 });
    return { values: {} as Record<string, string>, errors: {} as FieldErrors, done: "accounts.revoked" as const };
  }
  const parsed = SpaceSchema.safeParse(values);
  if (!parsed.success) return data({ values, errors: errorsOf(parsed) }, { status: 400 });
  const result = updateSpace(context.db, current.actor, spaceId, parsed.data, now);
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: registerMessage(result.code) } as FieldErrors }, { status: 400 });
  throw redirect(`/espaces/${spaceId}`);
}

export default function SpaceSettings() {
  const { space, facilitators, accounts, communeSections } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // A confirmation request is the RevokeGrant's to show.
  const result = answer && "values" in answer ? answer : undefined;
  const t = useT();
  const spaceValues = result?.values.intent === "space" ? result.values : space;
  const done = answer && "done" in answer ? (answer.done as "accounts.granted" | "accounts.revoked") : null;
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("spaces.settings")}</h1>
      <SpaceForm
        commune={{ code: space.communeCode, name: space.communeName }}
        sections={communeSections}
        values={spaceValues}
        errors={result?.values.intent === "space" ? result.errors : undefined}
        submitLabel={t("common.save")}
      />
      <section className="panel" aria-labelledby="facilitators-title">
        <h2 id="facilitators-title">{t("spaces.facilitators")}</h2>
        <FormError error={result?.errors.facilitator} />
        <StatusLine message={done ? t(done) : null} />
        <ul className="grants">
          {facilitators.map((f) => (
            <li key={f.grantId}>
              <span>{f.name}</span>
              <RevokeGrant grantId={f.grantId} />
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="facilitator" />
          <SelectField name="userId" label={t("spaces.addFacilitator")}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t("spaces.assign")}</button>
        </Form>
      </section>
    </div>
  );
}
