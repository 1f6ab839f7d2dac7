import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { CommitmentBoard } from "../components/commitment-board";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { communeBoardView, readBoardFilters } from "../modules/commitments/board.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "commitments.board.communeTitle", { commune: data?.commune.name ?? "" });

/**
 * A commune's accountability board, for anyone: the commitments of every Makòn of the commune
 * and of its sections, each line naming its space. 404 for a code that is not a commune's.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const filters = readBoardFilters(request);
  const view = communeBoardView(context.db, context.current?.actor ?? null, params.communeCode ?? "", filters, context.now());
  if (!view) throw new Response("Not Found", { status: 404 });
  return view;
}

export default function CommuneCommitments() {
  const { commune, spaces, board } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <Breadcrumb
        trail={[
          { to: "/geographie", label: t("nav.geography") },
          { to: `/geographie/${commune.department.code}`, label: commune.department.name },
          { to: `/geographie/${commune.department.code}/${commune.code}`, label: commune.name },
        ]}
      />
      <h1>{t("commitments.board.communeTitle", { commune: commune.name })}</h1>
      <p className="lead">{t("commitments.board.communeIntro")}</p>
      <CommitmentBoard board={board} csvHref={`/redevabilite/${commune.code}.csv`} showSpace />
      <section aria-labelledby="commune-spaces-title">
        <h2 id="commune-spaces-title">{t("commitments.board.spaces")}</h2>
        {spaces.length === 0 ? (
          <p>{t("commitments.board.noSpace")}</p>
        ) : (
          <ul data-testid="commune-spaces">
            {spaces.map((s) => (
              <li key={s.id}>
                <Link to={`/espaces/${s.id}/engagements`}>{t("commitments.board.spaceBoard", { space: s.name })}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
