import type { AttendanceFigures } from "../meetings/attendance-figures";
import type { LiveState } from "./live-state";
import type { PriorityRule } from "./priority";

/** What the phones and the shared screen follow: the live state and the attendance figures. */
export interface LiveProjection {
  live: LiveState;
  attendance: { figures: AttendanceFigures; count: number };
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
