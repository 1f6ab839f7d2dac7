import type { DocumentRef } from "../realtime/document-names";

/** The meeting's minutes are the Y.Text of this root in their shared document. */
export const MINUTES_ROOT = "body";

export const minutesRef = (meetingId: number): DocumentRef => ({ kind: "meeting-minutes", meetingId });
