import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../components/i18n";
import { SpaceTags } from "../components/space-tags";
import { can } from "../modules/auth/permissions";
import { listSpacesByCommune } from "../modules/spaces/spaces.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return { groups: listSpacesByCommune(context.db), canCreate: can(context.current?.actor ?? null, "space.manage") };
}

export default function Home() {
  const { groups, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
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
            {group.communeName} <span className="muted">· {group.departmentName}</span>
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
