import { parseDocumentName, type DocumentRef } from "../../app/modules/realtime/document-names";

/** Where the realtime server's sockets are opened: `/realtime/<document name>`. */
export const REALTIME_PATH = "/realtime/";

/**
 * Which process owns what a request names, when several serve one database
 * (docs/scaling.md): a meeting's sockets, pages and commands belong to one process, chosen
 * from the meeting's id, and likewise a report's and a space's shared documents. A request
 * that names none of them may go to any process.
 */

/** What owns a document: its meeting, its report or its space. */
export function ownerKeyOf(ref: DocumentRef): string {
  if ("meetingId" in ref) return `meeting:${ref.meetingId}`;
  if ("reportId" in ref) return `report:${ref.reportId}`;
  return `space:${ref.spaceId}`;
}

const MEETING_PAGE = /^\/(?:espaces\/\d{1,9}\/reunions|arrivee)\/(\d{1,9})(?:[/.]|$)/;
const REPORT_PAGE = /^\/rapports\/(\d{1,9})(?:[/.]|$)/;

/**
 * The owner key a request names, if any (`path` as on the request line, query included),
 * read as the server reads it: `/realtime/./meeting:5:live` names meeting 5 there too.
 */
export function ownerKeyOfPath(path: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(path, "http://localhost").pathname;
  } catch {
    return null;
  }
  if (pathname.startsWith(REALTIME_PATH)) {
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(REALTIME_PATH.length));
    } catch {
      return null;
    }
    const ref = parseDocumentName(name);
    return ref ? ownerKeyOf(ref) : null;
  }
  const meeting = MEETING_PAGE.exec(pathname);
  if (meeting) return `meeting:${Number(meeting[1])}`;
  const report = REPORT_PAGE.exec(pathname);
  return report ? `report:${Number(report[1])}` : null;
}

/** The process among `count` that owns `key`: a fixed spread (FNV-1a), the same in every process. */
export function ownerIndex(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** `/healthz?process=N` reaches process N, for a monitor that reads each one's figures. */
export function processNamedIn(path: string, count: number): number | null {
  const named = /^\/healthz\?process=(\d{1,3})$/.exec(path);
  if (!named) return null;
  const index = Number(named[1]);
  return index < count ? index : null;
}
