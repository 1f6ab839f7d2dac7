import type { CommitmentMove, CommitmentState } from "../commitments/commitment-state";
import type { AttendanceFigures } from "../meetings/attendance-figures";
import type { AgendaItemKind } from "../meetings/kinds";
import type { Decision, DecisionRules, Tally } from "../polls/decision";
import type { PollMethod, PollState } from "../polls/methods";
import type { LiveState } from "./live-state";
import type { PriorityRule } from "./priority";

/**
 * The poll the room follows: the open one, or the last one closed during the current agenda
 * item (its result stays up until the facilitator moves on). While open it carries how many
 * have voted by phone, never the split; each screen words the rule and the decision in its own
 * language from `rules` and `result` (`polls/words.ts`).
 */
export interface RoomPoll {
  id: number;
  motion: { id: number; number: string; title: string } | null;
  question: string;
  method: PollMethod;
  state: PollState;
  rules: DecisionRules;
  eligible: number;
  votedByPhone: number;
  /** Phones may still vote (a hybrid poll's phones close when its hands are counted). */
  phonesOpen: boolean;
  closesAt: number | null;
  openedAt: number;
  quorum: { organisationsPresent: number; organisations: number; met: boolean };
  /** Once closed: the stored decision and what it was made on (totals only, no names, no breakdown). */
  result: { decision: Decision; tally: Tally; phones: Tally | null; hands: Tally | null; consensus: { reached: boolean; objections: string } | null } | null;
}

/** What the room votes on: the poll it follows, and the motion of the current agenda item with its text now. */
export interface VoteView {
  poll: RoomPoll | null;
  motion: { id: number; number: string; title: string; html: string } | null;
}

/**
 * The commitment a commitment review puts on the shared screen, as the public board shows it
 * (a commitment that is not public never gets here): facts only, each screen words them in its
 * own language and counts overdue, due soon and "no news" days on its own clock.
 */
export interface RoomCommitment {
  id: number;
  title: string;
  authority: string;
  /** The official's title and name, or the office that answers for it. */
  responsible: string;
  state: CommitmentState;
  dueDate: string;
  /** The first due date agreed: shown beside the one in force when a meeting changed it. */
  originalDueDate: string;
  /** The day of the last news (or of the pledge), from which "no news" is counted. */
  lastNewsDay: string;
  lastUpdate: { day: string; move: CommitmentMove | "record"; note: string } | null;
  percent: number | null;
  /** The organisations' answers to the current claim. */
  confirmations: number;
  disputes: number;
  motion: { number: string; title: string } | null;
}

/** What the phones and the shared screen follow: the live state, the attendance figures, the vote, and the commitment under review. */
export interface LiveProjection {
  live: LiveState;
  attendance: { figures: AttendanceFigures; count: number };
  vote: VoteView;
  commitment: { shown: RoomCommitment | null };
}

/** What the console follows besides: the agenda's times, who may be added to the list, and the suggestion. */
export interface ConsoleView {
  status: LiveState["status"];
  priorityRule: PriorityRule;
  /** Its kind tells the console which panel an item calls for (a commitment review's). */
  agenda: { id: number; title: string; kind: AgendaItemKind; plannedMinutes: number | null; spentMs: number }[];
  present: { id: number; name: string; organisation: string | null }[];
  suggestion: { turnId: number; name: string; reason: "woman" | "young" } | null;
  screenPath: string | null;
}

export type ConsoleProjection = LiveProjection & { console: ConsoleView };
