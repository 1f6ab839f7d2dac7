import type { LiveState } from "../modules/live/live-state";
import type { RoomCommitment, VoteView } from "../modules/live/projections";
import type { CommandReply } from "../components/realtime.client";

export type Command = (name: string, input: Record<string, string>) => Promise<CommandReply> | null;

/** What the meeting's live document says, part by part: a part left out is not known yet (a null commitment is "none on the screen"). */
export interface LiveParts {
  state?: LiveState;
  vote?: VoteView;
  commitment?: RoomCommitment | null;
  /** How many people are checked in: when it moves, this phone may have been among them. */
  checkedIn?: number;
}

/**
 * How the phone follows its meeting: the browser's entry gives one that opens the live
 * document's socket; the server renders the page without one.
 */
export interface LiveLink {
  open(meetingId: number, on: { change: (parts: LiveParts) => void; connected: (connected: boolean) => void }): { command: Command; close: () => void };
}
