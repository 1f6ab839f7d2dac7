import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../components/i18n";
import type { MessageKey } from "../modules/i18n/translate";
import { listSpacesByCommune } from "../modules/spaces/spaces.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return { groups: listSpacesByCommune(context.db) };
}

export default function Home() {
  const { groups } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {groups.length === 0 ? <p>{t("home.empty")}</p> : null}
      {groups.map((group) => (
        <section key={group.communeCode} className="commune-group" aria-labelledby={`commune-${group.communeCode}`}>
          <h2 id={`commune-${group.communeCode}`}>
            {group.communeName} <span className="muted">· {group.departmentName}</span>
          </h2>
          <ul className="cards">
            {group.spaces.map((space) => (
              <li key={space.id} className="card">
                <h3>{space.name}</h3>
                <p className="tags">
                  <span className="tag">{t(`space.level.${space.level}` as MessageKey)}</span>
                  {space.sectionLabel ? <span className="tag">{space.sectionLabel}</span> : null}
                  <span className="tag">{t(`space.setting.${space.setting}` as MessageKey)}</span>
                  {space.status === "dormant" ? <span className="tag warn">{t("space.status.dormant")}</span> : null}
                </p>
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
