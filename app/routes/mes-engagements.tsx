import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { requireUser } from "../modules/auth/guards.server";
import { myCommitments } from "../modules/commitments/commitment-views.server";
import { formatDay } from "../modules/i18n/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "commitments.mine.title");

/** An official's commitments: their authorities', across the spaces of the territory, the most pressing first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const current = requireUser(context, request);
  return {
    list: myCommitments(context.db, current.actor, context.now()).map((c) => ({
      id: c.id,
      spaceId: c.spaceId,
      spaceName: c.spaceName,
      title: c.title,
      authority: c.authority.name,
      state: c.state,
      dueDate: c.dueDate,
      overdueDays: c.overdueDays,
      dueSoon: c.dueSoon,
      noNews: c.noNews,
      percent: c.percent,
      confirmations: c.confirmations,
      disputes: c.disputes,
    })),
  };
}

export default function MyCommitments() {
  const { list } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("commitments.mine.title")}</h1>
      <p className="hint">{t("commitments.mine.hint")}</p>
      {list.length === 0 ? <p>{t("commitments.mine.none")}</p> : null}
      <ul className="commitment-list" data-testid="my-commitments">
        {list.map((c) => (
          <li key={c.id}>
            <p>
              <Link to={`/espaces/${c.spaceId}/engagements/${c.id}`}>
                <strong>{c.title}</strong>
              </Link>
            </p>
            <p className="tags">
              <span className={`tag commitment-${c.state}`}>{t(`commitments.state.${c.state}`)}</span>
              {c.overdueDays !== null ? <span className="tag warn">{t("commitments.flag.overdue", { days: c.overdueDays })}</span> : null}
              {c.dueSoon ? <span className="tag">{t("commitments.flag.dueSoon")}</span> : null}
              {c.noNews ? <span className="tag">{t("commitments.flag.noNews")}</span> : null}
            </p>
            <p className="hint">
              {c.authority} · {c.spaceName} · {t("commitments.mine.due", { day: formatDay(c.dueDate, locale) })}
              {c.percent !== null ? ` · ${t("commitments.percentDone", { percent: c.percent })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
