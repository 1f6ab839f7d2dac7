import { SECTION_KEYS, type SectionKey } from "../reports/report-document";

/**
 * The browser-safe half of each realtime document kind's declaration: its name, how the name
 * parses, and whether it carries presence (awareness: only where people edit together, never
 * on live screens). The server half (access, storage, projection, commands) is in
 * `kinds.server.ts`, which must declare every kind listed here.
 */
export type DocumentRef =
  | { kind: "space-notes"; spaceId: number }
  | { kind: "meeting-minutes"; meetingId: number }
  | { kind: "meeting-live"; meetingId: number }
  | { kind: "meeting-console"; meetingId: number }
  | { kind: "report-section"; reportId: number; section: SectionKey };

export type DocumentKindName = DocumentRef["kind"];
export type RefOf<K extends DocumentKindName> = Extract<DocumentRef, { kind: K }>;

export const DOCUMENT_PRESENCE = {
  "space-notes": true,
  "meeting-minutes": true,
  "meeting-live": false,
  "meeting-console": false,
  "report-section": true,
} as const satisfies Record<DocumentKindName, boolean>;

const MAX_NAME_LENGTH = 200;
const ID = "([1-9]\\d{0,9})";
const MEETING_PARTS = { minutes: "meeting-minutes", live: "meeting-live", console: "meeting-console" } as const;

export function documentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case "space-notes":
      return `space:${ref.spaceId}:notes`;
    case "meeting-minutes":
      return `meeting:${ref.meetingId}:minutes`;
    case "meeting-live":
      return `meeting:${ref.meetingId}:live`;
    case "meeting-console":
      return `meeting:${ref.meetingId}:console`;
    case "report-section":
      return `report:${ref.reportId}:${ref.section}`;
  }
}

export function parseDocumentName(name: string): DocumentRef | null {
  if (name.length > MAX_NAME_LENGTH) return null;
  const notes = new RegExp(`^space:${ID}:notes$`).exec(name);
  if (notes) return { kind: "space-notes", spaceId: Number(notes[1]) };
  const meeting = new RegExp(`^meeting:${ID}:(minutes|live|console)$`).exec(name);
  if (meeting) return { kind: MEETING_PARTS[meeting[2] as keyof typeof MEETING_PARTS], meetingId: Number(meeting[1]) };
  const report = new RegExp(`^report:${ID}:([a-zA-Z]{1,40})$`).exec(name);
  if (report && (SECTION_KEYS as readonly string[]).includes(report[2]!)) return { kind: "report-section", reportId: Number(report[1]), section: report[2] as SectionKey };
  return null;
}

/** The meeting a document belongs to, if any: its documents follow the meeting's changes. */
export function meetingOf(ref: DocumentRef): number | null {
  return "meetingId" in ref ? ref.meetingId : null;
}

/** The report a document belongs to, if any: its sections follow the report's publication. */
export function reportOf(ref: DocumentRef): number | null {
  return "reportId" in ref ? ref.reportId : null;
}
