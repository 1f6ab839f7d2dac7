import type { AttendanceFigures } from "../meetings/attendance-figures";
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

/** What the phones and the shared screen follow: the live state, the attendance figures, and the vote. */
export interface LiveProjection {
  live: LiveState;
  attendance: { figures: AttendanceFigures; count: number };
  vote: VoteView;
}

/** What the console follows besides: the agenda's times, who may be added to the list, and the suggestion. */
export interface ConsoleView {
  status: LiveState["status"];
  priorityRule: PriorityRule;
  agenda: { id: number; title: string; plannedMinutes: number | null; spentMs: number }[];
  present: { id: number; name: string; organisation: string | null }[];
  suggestion: { turnId: number; name: string; reason: "woman" | "young" } | null;
  screenPath: string | null;
}

export type ConsoleProjection = LiveProjection & { console: ConsoleView };
