import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { formatDate } from "../modules/i18n/format";
import { listAccounts } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accounts.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "accounts.manage");
  return { accounts: listAccounts(context.db) };
}

export default function Accounts() {
  const { accounts } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("accounts.title")}</h1>
      <p>
        <Link to="/admin/comptes/nouveau" className="button primary">
          {t("accounts.new")}
        </Link>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("accounts.name")}</th>
            <th scope="col">{t("accounts.contact")}</th>
            <th scope="col">{t("accounts.roles")}</th>
            <th scope="col">{t("accounts.created")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>
                <Link to={`/admin/comptes/${a.id}`}>{a.name}</Link>
              </td>
              <td>{[a.email, a.phone].filter(Boolean).join(" · ")}</td>
              <td>{a.grants.map((g) => `${t(`role.${g.role}`)}${g.spaceName ? ` · ${g.spaceName}` : ""}`).join(", ")}</td>
              <td>{formatDate(a.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
