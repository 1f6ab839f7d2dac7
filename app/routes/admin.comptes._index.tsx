import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requirePermission } from "../modules/auth/guards.server";
import { formatDate } from "../modules/i18n/format";
import { listAccounts, listContactConflicts } from "../modules/users/users.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accounts.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = requirePermission(context, request, "accounts.manage");
  return { accounts: listAccounts(context.db), conflicts: listContactConflicts(context.db, current.actor, context.now()) };
}

export default function Accounts() {
  const { accounts, conflicts } = useLoaderData<typeof loader>();
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
      <div className="table-scroll">
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
      </div>
      {conflicts.length > 0 ? (
        <section aria-labelledby="conflicts-title" data-testid="contact-conflicts">
          <h2 id="conflicts-title">{t("accounts.conflicts.title")}</h2>
          <p className="muted">{t("accounts.conflicts.hint")}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.conflicts.person")}</th>
                  <th scope="col">{t("accounts.conflicts.space")}</th>
                  <th scope="col">{t("accounts.conflicts.contact")}</th>
                  <th scope="col">{t("accounts.conflicts.existing")}</th>
                  <th scope="col">{t("accounts.conflicts.askedBy")}</th>
                  <th scope="col">{t("accounts.conflicts.at")}</th>
                </tr>
              </thead>
              <tbody>
                {conflicts.map((c) => (
                  <tr key={c.id}>
                    <td>{c.name}</td>
                    <td>{c.spaceName ?? "—"}</td>
                    <td>{c.contact}</td>
                    <td>
                      <Link to={`/admin/comptes/${c.existing.id}`}>{c.existing.name}</Link>
                    </td>
                    <td>{c.askedBy ?? "—"}</td>
                    <td>{formatDate(c.at, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
