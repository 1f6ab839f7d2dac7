import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { StatusLine } from "../components/confirm-button";
import { justDone } from "../modules/audit/just-done.server";
import { askToConfirm, isConfirmed } from "../modules/confirm";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { RevokeGrant } from "../components/revoke-grant";
import { RoleAndSpaceFields } from "../components/role-options";
import { requirePermission } from "../modules/auth/guards.server";
import { fieldErrors, formValues } from "../modules/forms";
import { messageKey, type MessageKey } from "../modules/i18n/translate";
import { listSpaceOptions } from "../modules/spaces/spaces.server";
import { accountMessage } from "../modules/users/messages";
import { GrantRoleSchema, ResetPasswordSchema, RevokeRoleSchema } from "../modules/users/users.schemas";
import { getAccount, grantRole, resetPassword, revokeRole } from "../modules/users/users.server";
import { MIN_PASSWORD_LENGTH } from "../modules/users/password-rules";
import { Field } from "../components/field";
import { localDate } from "../modules/dates";
import { linkMessage } from "../modules/people/messages";
import { accountPerson, linkAccount } from "../modules/people/people.server";
import { SelectField } from "../components/field";
import { z } from "zod";

/** "space:person", as the select of people to link sends it. */
const LinkPersonSchema = z.object({ person: z.string().regex(/^\d{1,10}:\d{1,10}$/) }).transform((v) => {
  const [spaceId, personId] = v.person.split(":").map(Number) as [number, number];
  return { spaceId, personId };
});

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "accounts.accountTitle", { name: data?.account.name ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "accounts.manage");
  const account = getAccount(context.db, params.userId ?? "");
  if (!account) throw new Response("Not Found", { status: 404 });
  const spaceIds = account.grants.flatMap((g) => (g.spaceId === null ? [] : [g.spaceId]));
  // Right after creating it, the page the administrator lands on says so.
  const created = justDone(context.db, context.current?.user.id ?? null, "account.create", { type: "user", id: account.id }, context.now()) !== null;
  return { account, created, spaces: listSpaceOptions(context.db), person: accountPerson(context.db, account.id, spaceIds, localDate(context.now())) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "accounts.manage");
  const form = formValues(await request.formData());
  // The new password is never sent back to the page.
  const { newPassword: _new, confirmPassword: _confirm, ...values } = form;
  if (values.intent === "reset-password") {
    const parsed = ResetPasswordSchema.safeParse(form);
    if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
    const result = await resetPassword(context, current.actor, params.userId ?? "", parsed.data, context.now());
    // Shown in the reset form, whatever the field.
    if (!result.ok) return data({ values, errors: { [result.field ?? "newPassword"]: accountMessage(result.code) } }, { status: result.code === "forbidden" ? 403 : 400 });
    return { values: {}, errors: {}, reset: true };
  }
  if (values.intent === "link-person") {
    const parsed = LinkPersonSchema.safeParse(values);
    if (!parsed.success) return data({ values, errors: { person: messageKey("error.required") } }, { status: 400 });
    const result = linkAccount(context, current.actor, parsed.data.spaceId, parsed.data.personId, { userId: params.userId ?? "" }, context.now());
    if (!result.ok) return data({ values, errors: { person: linkMessage(result.code) } }, { status: 400 });
    return { values: {}, errors: {}, done: "accounts.linked" as const };
  }
  if (values.intent === "revoke") {
    const parsed = RevokeRoleSchema.safeParse(values);
    if (!parsed.success) return data({ values, errors: { form: messageKey("error.invalid") } }, { status: 400 });
    // Two steps (`RevokeGrant`): the first post only asks.
    if (!isConfirmed(values)) return askToConfirm("revoke", { grantId: parsed.data.grantId });
    const result = revokeRole(context, current.actor, parsed.data.grantId, context.now());
    if (!result.ok) return data({ values, errors: { form: accountMessage(result.code) } }, { status: 400 });
    return { values: {}, errors: {}, done: "accounts.revoked" as const };
  }
  const parsed = GrantRoleSchema.safeParse({ ...values, userId: params.userId });
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = grantRole(context, current.actor, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: accountMessage(result.code) } }, { status: 400 });
  return { values: {}, errors: {}, done: "accounts.granted" as const };
}

export default function AccountAdmin() {
  const { account, created, spaces, person } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Partial<Record<string, MessageKey>> = result && "errors" in result ? result.errors : {};
  const t = useT();
  const done = result && "done" in result && result.done ? t(result.done) : created ? t("done.accountCreated") : null;
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: "/admin/comptes", label: t("accounts.title") }]} />
      <h1>{account.name}</h1>
      <p className="muted">{[account.email, account.phone].filter(Boolean).join(" · ")}</p>
      <StatusLine message={done} />
      <h2>{t("accounts.roles")}</h2>
      <FormError error={errors.form} />
      <ul className="grants">
        {account.grants.map((g) => (
          <li key={g.id}>
            <span>
              {t(`role.${g.role}`)}
              {g.spaceName ? ` · ${g.spaceName}` : ""}
            </span>
            <RevokeGrant grantId={g.id} role={`${t(`role.${g.role}`)}${g.spaceName ? ` · ${g.spaceName}` : ""}`} />
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="reset-title">
        <h2 id="reset-title">{t("accounts.reset.title")}</h2>
        {result && "reset" in result && result.reset ? (
          <p role="status" data-testid="password-reset">
            {t("accounts.reset.done")}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="reset-password" />
          <Field
            name="newPassword"
            type="password"
            label={t("accounts.reset.password")}
            hint={t("accounts.reset.hint", { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
            error={errors.newPassword}
          />
          <Field name="confirmPassword" type="password" label={t("accounts.reset.confirm")} autoComplete="new-password" required error={errors.confirmPassword} />
          <button type="submit">{t("accounts.reset.submit")}</button>
        </Form>
      </section>
      <section aria-labelledby="person-title">
        <h2 id="person-title">{t("people.account.person")}</h2>
        {person.linked ? (
          <p data-testid="account-person">{t("people.account.actsAs", { name: person.linked.name })}</p>
        ) : person.candidates.length === 0 ? (
          <p className="muted">{t("people.account.noCandidate")}</p>
        ) : (
          <Form method="post" noValidate className="inline">
            <input type="hidden" name="intent" value="link-person" />
            <SelectField name="person" label={t("people.account.choosePerson")} defaultValue="" error={errors.person} required>
              <option value="" disabled>
                —
              </option>
              {person.candidates.map((c) => (
                <option key={`${c.spaceId}:${c.personId}`} value={`${c.spaceId}:${c.personId}`}>
                  {c.name} · {c.what} · {c.spaceName}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t("people.account.link")}</button>
          </Form>
        )}
      </section>
      <section className="panel" aria-labelledby="grant-title">
        <h2 id="grant-title">{t("accounts.grant")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <RoleAndSpaceFields spaces={spaces} values={result && "values" in result ? result.values : undefined} errors={errors} />
          <button type="submit" className="primary">
            {t("accounts.grantSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
