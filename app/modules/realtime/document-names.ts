/**
 * Names of realtime documents, typed and parsed in one place. Each kind says whether it
 * carries presence (awareness): only where people edit together, never on live screens.
 */
export type DocumentRef =
  | { kind: "space-notes"; spaceId: number }
  | { kind: "meeting-minutes"; meetingId: number }
  | { kind: "meeting-live"; meetingId: number };

export const DOCUMENT_KINDS = {
  "space-notes": { presence: true },
  "meeting-minutes": { presence: true },
  "meeting-live": { presence: false },
} as const satisfies Record<DocumentRef["kind"], { presence: boolean }>;

const MAX_NAME_LENGTH = 200;
const ID = "([1-9]\\d{0,9})";

export function documentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case "space-notes":
      return `space:${ref.spaceId}:notes`;
    case "meeting-minutes":
      return `meeting:${ref.meetingId}:minutes`;
    case "meeting-live":
      return `meeting:${ref.meetingId}:live`;
  }
}

export function parseDocumentName(name: string): DocumentRef | null {
  if (name.length > MAX_NAME_LENGTH) return null;
  const notes = new RegExp(`^space:${ID}:notes$`).exec(name);
  if (notes) return { kind: "space-notes", spaceId: Number(notes[1]) };
  const meeting = new RegExp(`^meeting:${ID}:(minutes|live)$`).exec(name);
  if (meeting) return { kind: meeting[2] === "minutes" ? "meeting-minutes" : "meeting-live", meetingId: Number(meeting[1]) };
  return null;
}
