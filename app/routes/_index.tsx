import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "../components/i18n";
import { departmentLabel } from "../modules/geography/labels";
import { SpaceTags } from "../components/space-tags";
import { LiveNowBanner } from "../components/live-now";
import { liveMeetingsFor } from "../modules/live/live.server";
import { can } from "../modules/auth/permissions";
import { listSpacesByCommune } from "../modules/spaces/spaces.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const actor = context.current?.actor ?? null;
  // A meeting live now in the reader's own spaces comes first.
  return { liveNow: liveMeetingsFor(context.db, actor), groups: listSpacesByCommune(context.db), canCreate: can(actor, "space.manage") };
}

export default function Home() {
  const { liveNow, groups, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <LiveNowBanner meetings={liveNow} showSpace />
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {canCreate ? (
        <p>
          <Link to="/espaces/nouveau" className="button primary">
            {t("spaces.new")}
          </Link>
        </p>
      ) : null}
      {groups.length === 0 ? <p>{t("home.empty")}</p> : null}
      {groups.map((group) => (
        <section key={group.communeCode} className="commune-group" aria-labelledby={`commune-${group.communeCode}`}>
          <h2 id={`commune-${group.communeCode}`}>
            {group.communeName} <span className="muted">· {departmentLabel(group.departmentName, locale)}</span>
          </h2>
          <ul className="cards">
            {group.spaces.map((space) => (
              <li key={space.id} className="card">
                <h3>
                  <Link to={`/espaces/${space.id}`}>{space.name}</Link>
                </h3>
                <SpaceTags space={space} />
                {space.description ? <p>{space.description}</p> : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/geographie/${group.communeCode.slice(0, 4)}/${group.communeCode}`}>{t("home.seeCommune", { name: group.communeName })}</Link>
          </p>
        </section>
      ))}
    </>
  );
}
