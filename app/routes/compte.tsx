import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "../components/form";
import { Field } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { blankSessionCookie } from "../modules/auth/session.server";
import { fieldErrors, formValues, type FieldErrors } from "../modules/forms";
import { formatDate } from "../modules/i18n/format";
import { formatWait } from "../modules/i18n/format-words";
import { accountMessage } from "../modules/users/messages";
import { MIN_PASSWORD_LENGTH } from "../modules/users/password-rules";
import { ChangePasswordSchema } from "../modules/users/users.schemas";
import { changePassword, getAccount, signOutEverywhere } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const account = getAccount(context.db, current.user.id);
  if (!account) throw new Response("Not Found", { status: 404 });
  return { account, locale: current.user.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = requireUser(context, request);
  const values = formValues(await request.formData());
  const own = { userId: current.user.id, sessionId: current.session.id };
  if (values.intent === "sign-out-everywhere") {
    const result = signOutEverywhere(context, own, context.now());
    if (!result.ok) return data({ errors: { form: accountMessage(result.code) } as FieldErrors, waitSeconds: 0, changed: false }, { status: 400 });
    throw redirect("/", { headers: { "Set-Cookie": blankSessionCookie(context.auth, context.secureCookie) } });
  }
  // Passwords are never sent back to the page.
  const parsed = ChangePasswordSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), waitSeconds: 0, changed: false }, { status: 400 });
  const result = await changePassword(context, own, parsed.data, { address: context.clientAddress, now: context.now() });
  if (!result.ok) {
    return data(
      { errors: { [result.field ?? "form"]: accountMessage(result.code) } as FieldErrors, waitSeconds: result.waitSeconds ?? 0, changed: false },
      { status: result.code === "throttled" ? 429 : 400 },
    );
  }
  return { errors: {} as FieldErrors, waitSeconds: 0, changed: true };
}

export default function Account() {
  const { account, locale: setting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const t = useT();
  const locale = useLocale();
  return (
    <div className="narrow">
      <h1>{account.name}</h1>
      <dl className="facts">
        <dt>{t("account.email")}</dt>
        <dd>{account.email ?? "—"}</dd>
        <dt>{t("account.phone")}</dt>
        <dd>{account.phone ?? "—"}</dd>
        <dt>{t("account.language")}</dt>
        <dd>{setting ? t(setting === "fr" ? "language.fr" : "language.ht") : t("account.languageBrowser")}</dd>
        <dt>{t("account.since")}</dt>
        <dd>{formatDate(account.createdAt, locale)}</dd>
      </dl>
      <h2>{t("account.roles")}</h2>
      <ul>
        {account.grants.map((g) => (
          <li key={g.id}>
            {t(`role.${g.role}`)}
            {g.spaceName ? ` · ${g.spaceName}` : ""}
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t("account.password.title")}</h2>
        {result?.changed ? (
          <p role="status" data-testid="password-changed">
            {t("account.password.changed")}
          </p>
        ) : null}
        {errors.form ? (
          <p className="form-error" role="alert">
            {t(errors.form, { wait: formatWait(result?.waitSeconds ?? 0, locale) })}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field name="currentPassword" type="password" label={t("account.password.current")} autoComplete="current-password" required error={errors.currentPassword} />
          <Field
            name="newPassword"
            type="password"
            label={t("account.password.new")}
            hint={t("account.password.hint", { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
            error={errors.newPassword}
          />
          <Field name="confirmPassword" type="password" label={t("account.password.confirm")} autoComplete="new-password" required error={errors.confirmPassword} />
          <button type="submit" className="primary">
            {t("account.password.submit")}
          </button>
        </Form>
      </section>
      <section className="panel" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t("account.everywhere.title")}</h2>
        <p>{t("account.everywhere.hint")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit">{t("account.everywhere.submit")}</button>
        </Form>
      </section>
    </div>
  );
}
