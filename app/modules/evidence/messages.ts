import type { MessageKey, Params } from "../i18n/translate";
import { MAX_DOCUMENT_BYTES, MAX_EVIDENCE_FILES, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, inMegabytes, inMegapixels } from "./limits";

export const EVIDENCE_CODES = [
  "too_many_files",
  "wrong_type",
  "photo_too_large",
  "document_too_large",
  "empty_file",
  "content_mismatch",
  "unreadable_image",
  "too_many_pixels",
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

/** Why an uploaded file was refused and what to do, for the official on their phone. */
const MESSAGES: Record<EvidenceCode, { key: MessageKey; limit: number | null }> = {
  too_many_files: { key: "evidence.error.tooManyFiles", limit: MAX_EVIDENCE_FILES },
  wrong_type: { key: "evidence.error.wrongType", limit: null },
  photo_too_large: { key: "evidence.error.photoTooLarge", limit: inMegabytes(MAX_PHOTO_BYTES) },
  document_too_large: { key: "evidence.error.documentTooLarge", limit: inMegabytes(MAX_DOCUMENT_BYTES) },
  empty_file: { key: "evidence.error.emptyFile", limit: null },
  content_mismatch: { key: "evidence.error.contentMismatch", limit: null },
  unreadable_image: { key: "evidence.error.unreadableImage", limit: null },
  too_many_pixels: { key: "evidence.error.tooManyPixels", limit: inMegapixels(MAX_PHOTO_PIXELS) },
};

export const evidenceMessage = (code: EvidenceCode): MessageKey => MESSAGES[code].key;

/** The message's placeholders: the refused file's name and the limit it went past. */
export function evidenceMessageParams(code: EvidenceCode, name: string | null): Params {
  const { limit } = MESSAGES[code];
  return { name: name ?? "", ...(limit === null ? {} : { limit }) };
}
