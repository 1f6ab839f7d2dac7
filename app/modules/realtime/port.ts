import type { DocumentRef } from "./document-names";

/**
 * What a command says happened, once its transaction has committed. Screens follow from
 * these (the realtime server rebuilds projections and re-decides who may read or write);
 * the domain never names the realtime server.
 */
export type DomainEvent =
  | { type: "meeting.opened"; meetingId: number }
  | { type: "meeting.closed"; meetingId: number }
  | { type: "meeting.cancelled"; meetingId: number }
  | { type: "meeting.planChanged"; meetingId: number }
  /** `speakers: false`: the speakers' list did not move (another item, the screen's message or language, a commitment shown). */
  | { type: "live.changed"; meetingId: number; speakers?: boolean }
  /** A poll of the meeting opened, had its hands or consensus entered, or closed. */
  | { type: "poll.changed"; meetingId: number }
  /** A ballot was counted: only the count moves (ballots come in bursts); `allVoted` when it was the last one the poll awaited. */
  | { type: "poll.counted"; meetingId: number; allVoted: boolean }
  /** A motion or amendment on the meeting's agenda was decided, withdrawn or amended. */
  | { type: "motion.changed"; meetingId: number }
  /** A commitment of the meeting's space moved (the console's review may have it on screen). */
  | { type: "commitment.changed"; meetingId: number }
  | { type: "attendance.changed"; meetingId: number }
  /** A report was published or taken up again: its sections' writers and readers are decided anew. */
  | { type: "report.changed"; reportId: number }
  | { type: "access.changed"; userId: string }
  | { type: "session.ended"; sessionId: string };

/**
 * One rebuild of projections: the reads they share, and what changed ("live": the
 * speakers' list, the current item, the screen's settings; "screen": the current item or the
 * screen's settings only; "vote": a ballot's count; "all": anything else).
 */
export interface Rebuild {
  shared: Map<string, unknown>;
  scope: "all" | "live" | "screen" | "vote";
}

/** The realtime side as the domain sees it. */
export interface RealtimePort {
  /** After commit: every screen concerned follows. */
  publish(events: readonly DomainEvent[]): void;
  /** A stored document's text as it stands now (the minutes when a meeting closes). */
  readText(ref: DocumentRef, root: string): string;
  /** Puts a text into a stored document if that text is still empty. */
  seedText(ref: DocumentRef, root: string, text: () => string): void;
}
