import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "../components/breadcrumb";
import { CommitmentBoard } from "../components/commitment-board";
import { useT } from "../components/i18n";
import { pageTitle } from "../components/page-title";
import { boardView, canRecordIn, readBoardFilters } from "../modules/commitments/board.server";
import { requireSpace } from "../modules/spaces/space-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "commitments.board.pageTitle", { space: data?.space.name ?? "" });

/**
 * A space's accountability board, for anyone: the public commitments (and, for its members,
 * the others: `commitmentBoard` decides), filtered from the address by a plain GET form.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const space = requireSpace(context.db, params);
  const actor = context.current?.actor ?? null;
  const now = context.now();
  const filters = readBoardFilters(request);
  return {
    space: { id: space.id, name: space.name, communeCode: space.communeCode, communeName: space.communeName },
    board: boardView(context.db, actor, [space.id], filters, now),
    canRecord: canRecordIn(context.db, actor, space, now),
  };
}

export default function SpaceCommitments() {
  const { space, board, canRecord } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <Breadcrumb trail={[{ to: `/espaces/${space.id}`, label: space.name }]} />
      <h1>{t("commitments.title")}</h1>
      <p className="lead">{t("commitments.board.intro")}</p>
      {canRecord ? (
        <p>
          <Link className="button primary" to={`/espaces/${space.id}/engagements/nouveau`}>
            {t("commitments.board.record")}
          </Link>
        </p>
      ) : null}
      <CommitmentBoard board={board} csvHref={`/espaces/${space.id}/engagements.csv`} showSpace={false} />
      <p>
        <Link to={`/redevabilite/${space.communeCode}`}>{t("commitments.board.communeLink", { commune: space.communeName })}</Link>
      </p>
    </>
  );
}
