import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { formatDate } from "../modules/i18n/format";
import { getAccount } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  const account = getAccount(context.db, current.user.id);
  if (!account) throw new Response("Not Found", { status: 404 });
  return { account, locale: current.user.locale };
}

export default function Account() {
  const { account, locale: setting } = useLoaderData<typeof loader>();
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
    </div>
  );
}
