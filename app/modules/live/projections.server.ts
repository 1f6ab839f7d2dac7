import type * as Y from "yjs";
import type { Db } from "../../../db/client";
import { attendanceFigures } from "../meetings/attendance-figures";
import { meetingFiguresInput } from "../meetings/attendance.server";
import { attendanceCounted } from "../meetings/meetings.server";
import { writeFields } from "./live-doc";
import { liveStateOf, loadTurns, presentPeople, readLiveMeeting } from "./live.server";
import type { ConsoleProjection } from "./projections";
import { suggestNext } from "./priority";
import { roomVote } from "../polls/polls.server";
import { roomCommitment } from "../commitments/review.server";

/**
 * What changed, so what a rebuild must read again: "live" (the speakers' list, the current
 * item, the screen's settings, a poll, a motion of the agenda or a commitment of the space)
 * leaves the attendance figures as they are; "screen" (another item, the screen's message or
 * language, a commitment shown) leaves the speakers' list and who is present as well; "vote"
 * (a ballot counted) reads the vote alone; "all" (opening a document, a check-in, the
 * meeting's plan or status) reads everything.
 */
export type ProjectionScope = "all" | "live" | "screen" | "vote";

/** The console's list of the people present: written where it changed, not whole at each check-in. */
const LISTS: Record<string, ReadonlySet<string>> = { console: new Set(["present"]) };

/** Some fields of some parts: what a "screen" rebuild writes, leaving the others as they are. */
type ProjectionParts = { [Part in keyof ConsoleProjection]?: Partial<ConsoleProjection[Part]> };

/**
 * Both projections are often rebuilt after the same commit, one right after the other: they
 * then share one read of the database, through the `shared` map the caller passes to both.
 */
function sharedRead(db: Db, meetingId: number, shared: Map<string, unknown>, scope: ProjectionScope) {
  const key = `meeting:${meetingId}:${scope}`;
  if (!shared.has(key)) shared.set(key, meetingProjections(db, meetingId, scope));
  return shared.get(key) as ProjectionParts | null;
}

/**
 * Both projections from one read of the database; null when the meeting does not exist.
 * With scope "live" the attendance part is left out (it did not change); with "screen", the
 * fields that follow from the speakers' list and attendance too; with "vote", all but the vote.
 */
export function meetingProjections(db: Db, meetingId: number, scope?: "all"): ConsoleProjection | null;
export function meetingProjections(db: Db, meetingId: number, scope: Exclude<ProjectionScope, "screen">): Partial<ConsoleProjection> | null;
export function meetingProjections(db: Db, meetingId: number, scope: ProjectionScope): ProjectionParts | null;
export function meetingProjections(db: Db, meetingId: number, scope: ProjectionScope = "all"): ProjectionParts | null {
  const read = readLiveMeeting(db, meetingId);
  if (!read) return null;
  const { meeting, agenda } = read;
  const currentItem = meeting.currentItemId === null ? null : { id: meeting.currentItemId, since: meeting.currentItemSince };
  // A ballot burst rewrites the count only: no queue, agenda or attendance read per ballot.
  if (scope === "vote") return { vote: roomVote(db, meetingId, currentItem) };
  const agendaView = agenda.map((i) => ({ id: i.id, title: i.title, kind: i.kind, plannedMinutes: i.plannedMinutes, spentMs: i.spentMs }));
  // The link works while the meeting runs; afterwards it opens nothing, so it is not shown.
  const screenPath = meeting.screenToken && (meeting.status === "planned" || meeting.status === "live") ? `/ecran/${meeting.screenToken}` : null;
  if (scope === "screen") {
    // The console moved to another item (or changed what the screen says): the speakers'
    // list and the 200 people present are neither read nor compared again.
    const { speaker: _speaker, queue: _queue, requests: _requests, spoken: _spoken, ...screen } = liveStateOf(meeting, agenda, []);
    return {
      live: screen,
      vote: roomVote(db, meetingId, currentItem),
      commitment: { shown: roomCommitment(db, meeting) },
      console: { status: meeting.status, priorityRule: meeting.priorityRule, agenda: agendaView, screenPath },
    };
  }
  const turns = loadTurns(db, meetingId);
  const rows = presentPeople(db, meetingId);
  // Only what the figures count is read: each check-in of a rush rebuilds them.
  const attendance = scope === "all" ? (() => {
    const all = attendanceCounted(db, meetingId);
    return { figures: attendanceFigures({ rows: all, ...meetingFiguresInput(db, meeting) }), count: all.length };
  })() : undefined;
  const waiting = new Set(turns.filter((t) => t.state === "requested" || t.state === "queued" || t.state === "speaking").map((t) => t.attendanceId));
  const lastSpeakers = turns.filter((t) => t.startedAt !== null && (t.state === "done" || t.state === "speaking")).sort((a, b) => b.startedAt! - a.startedAt!);
  const queue = turns.filter((t) => t.state === "queued").sort((a, b) => a.position - b.position || a.id - b.id);
  const suggestion = suggestNext(meeting.priorityRule, lastSpeakers, queue);
  return {
    live: liveStateOf(meeting, agenda, turns),
    ...(attendance ? { attendance } : {}),
    vote: roomVote(db, meetingId, currentItem),
    commitment: { shown: roomCommitment(db, meeting) },
    console: {
      status: meeting.status,
      priorityRule: meeting.priorityRule,
      agenda: agendaView,
      present: rows.filter((r) => !waiting.has(r.id)),
      suggestion: suggestion ? { turnId: suggestion.entry.id, name: suggestion.entry.name, reason: suggestion.reason } : null,
      screenPath,
    },
  };
}

/**
 * Writes a projection into its document, one map per part, only the fields that changed; a
 * part written whole loses the fields it no longer has, one written in part (`some`) keeps them.
 */
export function writeProjection(doc: Y.Doc, projection: ProjectionParts, some = false): void {
  for (const [part, fields] of Object.entries(projection)) {
    if (fields === undefined) continue;
    const map = doc.getMap(part);
    if (!some) writeFields(map, fields as Record<string, unknown>, LISTS[part]);
    else for (const [key, value] of Object.entries(fields)) if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
}

/** The live document's projection (phones and the screen never receive the console's part). */
export function projectLive(db: Db, meetingId: number, doc: Y.Doc, shared: Map<string, unknown>, scope: ProjectionScope): void {
  const projection = sharedRead(db, meetingId, shared, scope);
  if (projection) writeProjection(doc, { live: projection.live, attendance: projection.attendance, vote: projection.vote, commitment: projection.commitment }, scope === "screen");
}

export function projectConsole(db: Db, meetingId: number, doc: Y.Doc, shared: Map<string, unknown>, scope: ProjectionScope): void {
  const projection = sharedRead(db, meetingId, shared, scope);
  if (projection) writeProjection(doc, projection, scope === "screen");
}
