import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Breadcrumb } from "../components/breadcrumb";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "../components/field";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { RevokeGrant } from "../components/revoke-grant";
import { RoleAndSpaceFields } from "../components/role-options";
import { requirePermission } from "../modules/auth/guards.server";
import { fieldErrors, formValues } from "../modules/forms";
import type { MessageKey } from "../modules/i18n/translate";
import { listSpaceOptions } from "../modules/spaces/spaces.server";
import { accountMessage } from "../modules/users/messages";
import { GrantRoleSchema, RevokeRoleSchema } from "../modules/users/users.schemas";
import { getAccount, grantRole, revokeRole } from "../modules/users/users.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "accounts.accountTitle", { name: data?.account.name ?? "" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "accounts.manage");
  const account = getAccount(context.db, params.userId ?? "");
  if (!account) throw new Response("Not Found", { status: 404 });
  return { account, spaces: listSpaceOptions(context.db) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const current = requirePermission(context, request, "accounts.manage");
  const values = formValues(await request.formData());
  if (values.intent === "revoke") {
    const parsed = RevokeRoleSchema.safeParse(values);
    if (!parsed.success) return data({ values, errors: { form: "error.invalid" as MessageKey } }, { status: 400 });
    const result = revokeRole(context, current.actor, parsed.data.grantId, context.now());
    if (!result.ok) return data({ values, errors: { form: accountMessage(result.code) } }, { status: 400 });
    return { values: {}, errors: {} };
  }
  const parsed = GrantRoleSchema.safeParse({ ...values, userId: params.userId });
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  const result = grantRole(context, current.actor, parsed.data, context.now());
  if (!result.ok) return data({ values, errors: { [result.field ?? "form"]: accountMessage(result.code) } }, { status: 400 });
  return { values: {}, errors: {} };
}

export default function AccountAdmin() {
  const { account, spaces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Partial<Record<string, MessageKey>> = result?.errors ?? {};
  const t = useT();
  return (
    <div className="narrow">
      <Breadcrumb trail={[{ to: "/admin/comptes", label: t("accounts.title") }]} />
      <h1>{account.name}</h1>
      <p className="muted">{[account.email, account.phone].filter(Boolean).join(" · ")}</p>
      <h2>{t("accounts.roles")}</h2>
      <FormError error={errors.form} />
      <ul className="grants">
        {account.grants.map((g) => (
          <li key={g.id}>
            <span>
              {t(`role.${g.role}`)}
              {g.spaceName ? ` · ${g.spaceName}` : ""}
            </span>
            <RevokeGrant grantId={g.id} />
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="grant-title">
        <h2 id="grant-title">{t("accounts.grant")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <RoleAndSpaceFields spaces={spaces} values={result?.values} errors={errors} />
          <button type="submit" className="primary">
            {t("accounts.grantSubmit")}
          </button>
        </Form>
      </section>
    </div>
  );
}
