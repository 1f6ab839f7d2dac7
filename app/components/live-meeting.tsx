import { useEffect, useState } from "react";
import type { AttendanceFigures } from "../modules/meetings/attendance-figures";
import { formatDuration, formatNumber } from "../modules/i18n/format";
import type { Locale } from "../modules/i18n/locales";
import type { Translate } from "../modules/i18n/translate";
import { readLiveState } from "../modules/live/live-doc";
import type { LiveState } from "../modules/live/live-state";
import type { ConsoleView, RoomCommitment, VoteView } from "../modules/live/projections";
import { useSharedDocument } from "./shared-document";
import { secondsLeft } from "../modules/live/speaking-time";
import { parityShares, type SpeakingTotalsView } from "../modules/meetings/views";
import type { CountCell } from "../modules/people/privacy";

export interface LiveSnapshot {
  state: LiveState | null;
  figures: AttendanceFigures | null;
  /** The console's part, on the console's document only. */
  console?: ConsoleView | null;
  /** What the room votes on: the poll it follows and the current item's motion (null until known). */
  vote?: VoteView | null;
  /** The commitment a review has on the shared screen (null: none; undefined: not known yet). */
  commitment?: RoomCommitment | null;
}

/**
 * Follows a meeting's live document (or the console's, which holds the same and more), which
 * only the server writes. Starts from what the page was rendered with; reconnects by itself
 * after a drop and then shows the state as it is, rebuilt by the server from the database.
 */
export function useLiveMeeting(ref: { kind: "meeting-live" | "meeting-console"; meetingId: number }, initial: LiveSnapshot, options: { screenToken?: string } = {}) {
  const [snapshot, setSnapshot] = useState(initial);
  // Fresh loader data (a form posted while the socket was down) replaces what the document said.
  useEffect(
    () => setSnapshot({ state: initial.state, figures: initial.figures, console: initial.console, vote: initial.vote, commitment: initial.commitment }),
    [initial.state, initial.figures, initial.console, initial.vote, initial.commitment],
  );
  const shared = useSharedDocument(ref, {
    screenToken: options.screenToken,
    bind: (doc) => {
      const live = doc.getMap("live");
      const attendance = doc.getMap("attendance");
      const console_ = doc.getMap("console");
      const voteMap = doc.getMap("vote");
      const commitmentMap = doc.getMap("commitment");
      const read = () => {
        const state = readLiveState(live);
        const figures = attendance.get("figures") as AttendanceFigures | undefined;
        const view = console_.has("status") ? (console_.toJSON() as ConsoleView) : null;
        const vote = voteMap.has("poll") ? (voteMap.toJSON() as VoteView) : null;
        const commitment = commitmentMap.has("shown") ? (commitmentMap.get("shown") as RoomCommitment | null) : undefined;
        setSnapshot((previous) => ({
          state: state ?? previous.state,
          figures: figures ?? previous.figures,
          console: view ?? previous.console,
          vote: vote ?? previous.vote,
          commitment: commitment === undefined ? previous.commitment : commitment,
        }));
      };
      // One read per server change, however many parts it touched.
      doc.on("afterTransaction", read);
      return () => doc.off("afterTransaction", read);
    },
  });
  return { ...snapshot, vote: snapshot.vote ?? null, commitment: snapshot.commitment ?? null, connected: shared.connected, command: shared.command };
}

/**
 * The server's clock, ticking locally every second (a timer, not a request): countdowns
 * and times count from the server's instants, whatever this device's clock says.
 */
export function useServerNow(serverNow: number): number {
  const [offset] = useState(() => serverNow - Date.now());
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(Date.now() + offset);
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  return now;
}

export function Countdown({ speaker, now, className }: { speaker: { startedAt: number; limitSeconds: number }; now: number; className?: string }) {
  const left = secondsLeft(speaker, now);
  return (
    <span className={`countdown ${left < 0 ? "over" : left <= 30 ? "ending" : ""} ${className ?? ""}`} data-testid="countdown" role="timer">
      {formatDuration(left * 1000)}
    </span>
  );
}

/**
 * Speaking time and turns of women and men, young and not young, beside their share of the
 * people present: the parity bar of the shared screen, the console and the record. On a
 * public page the totals come masked (`speakingTotalsFor`): a masked group's turns read
 * "< 5" (or "—"), its time and its shares "—", and its meter stays empty.
 */
/** Presence shares come from the attendance figures (null when masked on a public page). */
type PresenceShares = { people: { women: { share: number | null }; youth: { share: number | null } } };

export function ParityBar({ totals, figures, t, locale }: { totals: SpeakingTotalsView; figures: PresenceShares | null; t: Translate; locale: Locale }) {
  const shares = parityShares(totals);
  const pct = (v: number | null) => (v === null ? "—" : formatNumber(v, locale, { style: "percent", maximumFractionDigits: 0 }));
  const count = (v: CountCell) => (v === "<5" ? "< 5" : v === "hidden" ? "—" : String(v));
  const rows = [
    { id: "sex", a: "women", b: "men", aLabel: t("parity.women"), bLabel: t("parity.men"), present: figures?.people.women.share ?? null },
    { id: "age", a: "young", b: "notYoung", aLabel: t("parity.young"), bLabel: t("parity.notYoung"), present: figures?.people.youth.share ?? null },
  ] as const;
  return (
    <div className="parity" data-testid="parity">
      {rows.map((row) => {
        const ms = totals[row.a].ms;
        return (
          <div key={row.id} className="parity-group" data-testid={`parity-${row.id}`}>
            <p className="parity-legend">
              <span className="swatch swatch-a" aria-hidden="true" /> {row.aLabel} <span className="swatch swatch-b" aria-hidden="true" /> {row.bLabel}
            </p>
            <Meter label={t("parity.time")} share={shares.time[row.a]} other={shares.time[row.b]} a={row.aLabel} b={row.bLabel} value={ms === null ? "—" : `${pct(shares.time[row.a])} · ${formatDuration(ms)}`} testid={`${row.id}-time`} />
            <Meter label={t("parity.turns")} share={shares.turns[row.a]} other={shares.turns[row.b]} a={row.aLabel} b={row.bLabel} value={`${count(totals[row.a].turns)} / ${count(totals.all.turns)}`} testid={`${row.id}-turns`} />
            {row.present !== null ? <Meter label={t("parity.present")} share={row.present} other={1 - row.present} a={row.aLabel} b={row.bLabel} value={pct(row.present)} testid={`${row.id}-present`} /> : null}
          </div>
        );
      })}
    </div>
  );
}

/** One measure as a two-colour meter: the first group's share, then the other's (what is left is unstated); empty when either is masked. */
function Meter({ label, share, other, a, b, value, testid }: { label: string; share: number | null; other: number | null; a: string; b: string; value: string; testid: string }) {
  const known = share !== null && other !== null;
  return (
    <div className="meter-row">
      <span className="meter-label">{label}</span>
      <span className="meter" role="img" aria-label={known ? `${label} : ${a} ${Math.round(share * 100)} %, ${b} ${Math.round(other * 100)} %` : `${label} : —`}>
        {known ? (
          <>
            <span className="meter-a" style={{ width: `${share * 100}%` }} />
            <span className="meter-b" style={{ width: `${other * 100}%` }} />
          </>
        ) : null}
      </span>
      <span className="meter-value" data-testid={testid}>
        {value}
      </span>
    </div>
  );
}
