import { useEffect, useState } from "react";
import type { AttendanceFigures } from "../modules/meetings/attendance-figures";
import type { FiguresView as Figures } from "../modules/meetings/views";
import type { CountCell } from "../modules/people/privacy";
import { formatNumber } from "../modules/i18n/format";
import { useLocale, useT } from "./i18n";
import { formatCount, formatShare, SexAgeTable } from "./sex-age-table";
import { useSharedDocument } from "./shared-document";

/**
 * A meeting's figures: those the page was rendered with, then as the meeting's live document
 * says (the server rewrites it after every check-in); and the commands of that document's
 * socket (null while it is not open: the page posts its form then).
 */
export function useLiveFigures(meetingId: number, initial: AttendanceFigures, live: boolean, /** Told how many rows the list has, each time the live document says. */ onCount?: (count: number) => void) {
  const [figures, setFigures] = useState(initial);
  useEffect(() => setFigures(initial), [initial]);
  const { command } = useSharedDocument(live ? { kind: "meeting-live", meetingId } : null, {
    bind: (doc) => {
      const map = doc.getMap("attendance");
      const update = () => {
        const next = map.get("figures") as AttendanceFigures | undefined;
        if (next) setFigures(next);
        const count = map.get("count");
        if (typeof count === "number") onCount?.(count);
      };
      map.observe(update);
      return () => map.unobserve(update);
    },
  });
  return { figures, command };
}

/** The attendance panel: the figures the page was rendered with, then as they change. */
export function AttendancePanel({ meetingId, initial, live }: { meetingId: number; initial: AttendanceFigures; live: boolean }) {
  return <FiguresView figures={useLiveFigures(meetingId, initial, live).figures} />;
}

/** The figures as counted (members, the panel) or with small cells shown "< 5" (the public). */
export function FiguresView({ figures, title }: { figures: Figures; /** The heading; "live attendance" unless the page is a record. */ title?: string }) {
  const t = useT();
  const locale = useLocale();
  const n = (v: CountCell) => formatCount(v, locale);
  const pct = (v: number | null) => formatShare(v, locale);
  const { people, organisationsPresent, officialsPresent, quorum } = figures;
  return (
    <section className="attendance-panel" aria-labelledby="panel-title" aria-live="polite" data-testid="attendance-panel">
      <h2 id="panel-title">{title ?? t("attendance.panel")}</h2>
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
        <p className="highlight" data-testid="disability-present">
          <span className="big">{n(figures.withDisability ?? 0)}</span>
          <span>{t("attendance.withDisability")}</span>
        </p>
        <p className="highlight">
          <span className="big">{n(officialsPresent)}</span>
          <span>{t("attendance.officialsPresent")}</span>
        </p>
        <p className={`highlight ${quorum.met ? "ok" : "warn"}`} data-testid="quorum">
          <span className="big">{quorum.met ? t("attendance.quorumMet") : t("attendance.quorumNotMet")}</span>
          <span>{t("attendance.quorumDetail", { present: formatNumber(quorum.present, locale), required: formatNumber(quorum.required, locale) })}</span>
        </p>
      </div>
      <SexAgeTable tally={people} />
    </section>
  );
}
