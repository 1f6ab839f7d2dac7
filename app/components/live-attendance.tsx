import { useEffect, useState } from "react";
import type { AttendanceFigures } from "../modules/meetings/attendance-figures";
import { formatNumber } from "../modules/i18n/format";
import { useLocale, useT } from "./i18n";
import { SexAgeTable } from "./sex-age-table";
import { useSharedDocument } from "./shared-document";

/**
 * The attendance panel. It shows the figures the page was rendered with, then follows the
 * meeting's live document, which the server rewrites after every check-in.
 */
export function AttendancePanel({ meetingId, initial, live }: { meetingId: number; initial: AttendanceFigures; live: boolean }) {
  const [figures, setFigures] = useState(initial);
  useEffect(() => setFigures(initial), [initial]);
  useSharedDocument(live ? { kind: "meeting-live", meetingId } : null, {
    bind: (doc) => {
      const map = doc.getMap("attendance");
      const update = () => {
        const next = map.get("figures") as AttendanceFigures | undefined;
        if (next) setFigures(next);
      };
      map.observe(update);
      return () => map.unobserve(update);
    },
  });
  return <FiguresView figures={figures} />;
}

export function FiguresView({ figures }: { figures: AttendanceFigures }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const pct = (v: number) => formatNumber(v, locale, { style: "percent", maximumFractionDigits: 0 });
  const { people, organisationsPresent, officialsPresent, quorum } = figures;
  return (
    <section className="attendance-panel" aria-labelledby="panel-title" aria-live="polite" data-testid="attendance-panel">
      <h2 id="panel-title">{t("attendance.panel")}</h2>
      <div className="highlights">
        <p className="highlight">
          <span className="big" data-testid="present-count">{n(people.total)}</span>
          <span>{t("attendance.present")}</span>
        </p>
        <p className="highlight">
          <span className="big" data-testid="women-present">{pct(people.women.share)}</span>
          <span>{t("attendance.women", { count: n(people.women.count) })}</span>
        </p>
        <p className="highlight">
          <span className="big" data-testid="youth-present">{pct(people.youth.share)}</span>
          <span>{t("attendance.youth", { count: n(people.youth.count) })}</span>
        </p>
        <p className="highlight">
          <span className="big" data-testid="organisations-present">
            {n(organisationsPresent.count)}/{n(organisationsPresent.of)}
          </span>
          <span>{t("attendance.organisationsPresent")}</span>
        </p>
        <p className="highlight">
          <span className="big">{n(officialsPresent)}</span>
          <span>{t("attendance.officialsPresent")}</span>
        </p>
        <p className={`highlight ${quorum.met ? "ok" : "warn"}`} data-testid="quorum">
          <span className="big">{quorum.met ? t("attendance.quorumMet") : t("attendance.quorumNotMet")}</span>
          <span>{t("attendance.quorumDetail", { present: n(quorum.present), required: n(quorum.required) })}</span>
        </p>
      </div>
      <SexAgeTable tally={people} />
    </section>
  );
}
