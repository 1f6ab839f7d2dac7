import type * as Y from "yjs";
import type { Db } from "../../../db/client";
import { meetingFigures } from "../meetings/attendance.server";
import { writeFields } from "./live-doc";
import { liveStateOf, loadTurns, readLiveMeeting } from "./live.server";
import type { ConsoleProjection } from "./projections";
import { suggestNext } from "./priority";

/**
 * Both projections are often rebuilt after the same commit, one right after the other: they
 * then share one read of the database, through the `shared` map the caller passes to both.
 */
function sharedRead(db: Db, meetingId: number, shared: Map<string, unknown>): ConsoleProjection | null {
  const key = `meeting:${meetingId}`;
  if (!shared.has(key)) shared.set(key, meetingProjections(db, meetingId));
  return shared.get(key) as ConsoleProjection | null;
}

/** Both projections from one read of the database; null when the meeting does not exist. */
export function meetingProjections(db: Db, meetingId: number): ConsoleProjection | null {
  const read = readLiveMeeting(db, meetingId);
  if (!read) return null;
  const { meeting, agenda } = read;
  const turns = loadTurns(db, meetingId);
  const { rows, figures } = meetingFigures(db, meeting);
  const waiting = new Set(turns.filter((t) => t.state === "requested" || t.state === "queued" || t.state === "speaking").map((t) => t.attendanceId));
  const lastSpeakers = turns.filter((t) => t.startedAt !== null && (t.state === "done" || t.state === "speaking")).sort((a, b) => b.startedAt! - a.startedAt!);
  const queue = turns.filter((t) => t.state === "queued").sort((a, b) => a.position - b.position || a.id - b.id);
  const suggestion = suggestNext(meeting.priorityRule, lastSpeakers, queue);
  return {
    live: liveStateOf(meeting, agenda, turns),
    attendance: { figures, count: rows.length },
    console: {
      status: meeting.status,
      priorityRule: meeting.priorityRule,
      agenda: agenda.map((i) => ({ id: i.id, title: i.title, plannedMinutes: i.plannedMinutes, spentMs: i.spentMs })),
      present: rows.filter((r) => !waiting.has(r.id)).map((r) => ({ id: r.id, name: r.name, organisation: r.organisationAcronym ?? r.organisationName })),
      suggestion: suggestion ? { turnId: suggestion.entry.id, name: suggestion.entry.name, reason: suggestion.reason } : null,
      screenPath: meeting.screenToken ? `/ecran/${meeting.screenToken}` : null,
    },
  };
}

/** Writes a projection into its document, one map per part, only the fields that changed. */
export function writeProjection(doc: Y.Doc, projection: Partial<ConsoleProjection>): void {
  for (const [part, fields] of Object.entries(projection)) writeFields(doc.getMap(part), fields as Record<string, unknown>);
}

/** The live document's projection (phones and the screen never receive the console's part). */
export function projectLive(db: Db, meetingId: number, doc: Y.Doc, shared: Map<string, unknown>): void {
  const projection = sharedRead(db, meetingId, shared);
  if (projection) writeProjection(doc, { live: projection.live, attendance: projection.attendance });
}

export function projectConsole(db: Db, meetingId: number, doc: Y.Doc, shared: Map<string, unknown>): void {
  const projection = sharedRead(db, meetingId, shared);
  if (projection) writeProjection(doc, projection);
}
