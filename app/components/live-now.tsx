import { Link } from "@remix-run/react";
import { useT } from "./i18n";

export interface LiveNow {
  id: number;
  spaceId: number;
  title: string;
  spaceName: string;
  /** A facilitator goes to the console; anyone else follows on their phone. */
  runs: boolean;
}

/**
 * "A meeting is live now", first on a member's home and space pages: one tap to follow it
 * and ask to speak (or, for its facilitators, to its console).
 */
export function LiveNowBanner({ meetings, showSpace }: { meetings: readonly LiveNow[]; showSpace: boolean }) {
  const t = useT();
  if (meetings.length === 0) return null;
  return (
    <section className="live-now" aria-labelledby="live-now-title" data-testid="live-now">
      <h2 id="live-now-title">
        <span className="live-dot" aria-hidden="true" /> {t("live.nowTitle")}
      </h2>
      <ul>
        {meetings.map((m) => {
          const base = `/espaces/${m.spaceId}/reunions/${m.id}`;
          return (
            <li key={m.id}>
              <p className="live-now-meeting">{showSpace ? t("live.nowIn", { title: m.title, space: m.spaceName }) : m.title}</p>
              <Link to={m.runs ? `${base}/console` : `${base}/direct`} reloadDocument={!m.runs} className="button primary">
                {t(m.runs ? "live.nowRun" : "live.nowFollow")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
