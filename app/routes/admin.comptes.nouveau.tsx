import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field, FormError, SelectField } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { RoleAndSpaceFields } from "../components/role-options";
import { requirePermission } from "../modules/auth/guards.server";
import { fieldErrors, formValues } from "../modules/forms";
import { listSpaceOptions } from "../modules/spaces/spaces.server";
import { accountMessage } from "../modules/users/messages";
import { MIN_PASSWORD_LENGTH } from "../modules/users/password-rules";
import { CreateAccountSchema } from "../modules/users/users.schemas";
import { createAccount } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accounts.new");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "accounts.manage");
  return { spaces: listSpaceOptions(context.db) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "accounts.manage");
  const values = formValues(await request.formData());
  const parsed = CreateAccountSchema.safeParse(values);
  // The password is never sent back to the page.
  const { password: _password, ...safeValues } = values;
  if (!parsed.success) return data({ values: safeValues, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await createAccount(context.db, current.actor, parsed.data, context.now());
  if (!result.ok) return data({ values: safeValues, errors: { [result.field ?? "form"]: accountMessage(result.code) } }, { status: result.code === "forbidden" ? 403 : 400 });
  throw redirect(`/admin/comptes/${result.value.id}`);
}

export default function NewAccount() {
  const { spaces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: "/admin/comptes", label: t("accounts.title") }]} />
      <h1>{t("accounts.new")}</h1>
      <Form method="post" noValidate>
        <FormError error={result?.errors.form} />
        <Field name="name" label={t("accounts.name")} required autoComplete="off" defaultValue={result?.values.name} error={result?.errors.name} />
        <Field name="email" label={t("accounts.email")} type="email" autoComplete="off" defaultValue={result?.values.email} error={result?.errors.email} />
        <Field name="phone" label={t("accounts.phone")} type="tel" hint={t("accounts.phoneHint")} autoComplete="off" defaultValue={result?.values.phone} error={result?.errors.phone} />
        <Field
          name="password"
          label={t("accounts.password")}
          type="password"
          autoComplete="new-password"
          hint={t("accounts.passwordHint", { min: MIN_PASSWORD_LENGTH })}
          required
          error={result?.errors.password}
        />
        <RoleAndSpaceFields spaces={spaces} values={result?.values} errors={result?.errors} />
        <SelectField name="locale" label={t("accounts.locale")} defaultValue={result?.values.locale ?? ""} error={result?.errors.locale}>
          <option value="">{t("account.languageBrowser")}</option>
          <option value="fr">{t("language.fr")}</option>
          <option value="ht">{t("language.ht")}</option>
        </SelectField>
        <button type="submit" className="primary">
          {t("accounts.create")}
        </button>
      </Form>
    </div>
  );
}
