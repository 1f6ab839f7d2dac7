/**
 * Names of realtime documents, typed and parsed in one place. Each kind says whether it
 * carries presence (awareness): only where people edit together, never on live screens.
 */
export type DocumentRef = { kind: "space-notes"; spaceId: number };

export const DOCUMENT_KINDS = {
  "space-notes": { presence: true },
} as const satisfies Record<DocumentRef["kind"], { presence: boolean }>;

const MAX_NAME_LENGTH = 200;

export function documentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case "space-notes":
      return `space:${ref.spaceId}:notes`;
  }
}

export function parseDocumentName(name: string): DocumentRef | null {
  if (name.length > MAX_NAME_LENGTH) return null;
  const notes = /^space:([1-9]\d{0,9}):notes$/.exec(name);
  if (notes) return { kind: "space-notes", spaceId: Number(notes[1]) };
  return null;
}
