import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Form } from "../components/form";
import { Field } from "../components/field";
import { useLocale, useT } from "../components/i18n";
import { formatWait } from "../modules/i18n/format-words";
import { safeRedirect } from "../modules/auth/guards.server";
import { sessionCookieWouldBeDropped, startSession } from "../modules/auth/session.server";
import { signIn } from "../modules/auth/sign-in.server";
import { fieldErrors, formValues, type FieldErrors } from "../modules/forms";
import { SignInSchema } from "../modules/users/users.schemas";
import type { MessageKey } from "../modules/i18n/translate";
import { translate } from "../modules/i18n/catalog.server";
import { localeFor } from "../modules/i18n/i18n.server";
import { pageTitle } from "../components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.title");

/**
 * When the session cookie must be Secure but this request came over plain HTTP to another
 * machine (a venue laptop's 192.168.x.x), the browser would drop the cookie and the user
 * would land signed out with no word: the page says why instead, in the user's language.
 */
function insecureAddress(request: Request, context: LoaderFunctionArgs["context"]): string | null {
  if (!sessionCookieWouldBeDropped(request, context)) return null;
  const https = new URL(request.url);
  https.protocol = "https:";
  https.port = "";
  return translate(localeFor(request, null), "session.insecureAddress", { url: `${https.origin}/connexion` });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (context.current) throw redirect(redirectTo);
  return { redirectTo, insecure: insecureAddress(request, context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const redirectTo = safeRedirect(values.redirectTo);
  const identifier = values.identifier ?? "";
  // Not even the password is checked: signing in here would only pretend to work.
  const insecure = insecureAddress(request, context);
  if (insecure) return data({ identifier, errors: {} as FieldErrors, formError: undefined, insecure, waitSeconds: 0 }, { status: 400 });
  const parsed = SignInSchema.safeParse(values);
  if (!parsed.success) return data({ identifier, errors: fieldErrors(parsed.error), formError: undefined, insecure: null, waitSeconds: 0 }, { status: 400 });
  const result = await signIn(context.db, { ...parsed.data, address: context.clientAddress, now: context.now() });
  if (!result.ok) {
    const formError: MessageKey =
      result.code === "throttled" ? "signIn.throttled" : result.code === "invalid_identifier" ? "signIn.invalidIdentifier" : "signIn.wrongCredentials";
    return data({ identifier, errors: {} as FieldErrors, formError, insecure: null, waitSeconds: result.waitSeconds ?? 0 }, { status: result.code === "throttled" ? 429 : 400 });
  }
  const cookie = await startSession(context.auth, result.value.userId, context.secureCookie);
  throw redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { redirectTo, insecure: insecureOnLoad } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {(result?.insecure ?? insecureOnLoad) ? (
          <p className="form-error" role="alert" data-testid="insecure-address">
            {result?.insecure ?? insecureOnLoad}
          </p>
        ) : null}
        {result?.formError ? (
          <p className="form-error" role="alert">
            {t(result.formError, { wait: formatWait(result.waitSeconds, locale) })}
          </p>
        ) : null}
        <Field
          name="identifier"
          label={t("signIn.identifier")}
          hint={t("signIn.identifierHint")}
          autoComplete="username"
          required
          defaultValue={result?.identifier}
          error={result?.errors.identifier}
        />
        <Field name="password" label={t("signIn.password")} type="password" autoComplete="current-password" required error={result?.errors.password} />
        <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
          {t("signIn.submit")}
        </button>
      </Form>
    </div>
  );
}
