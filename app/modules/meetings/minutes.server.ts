import type { RealtimeHub } from "../../../server/realtime/hub";
import { DOCUMENT_KINDS, documentName } from "../realtime/document-names";

const name = (meetingId: number) => documentName({ kind: "meeting-minutes", meetingId });
const presence = DOCUMENT_KINDS["meeting-minutes"].presence;

/** The minutes as they stand in the shared document. */
export function readMinutes(hub: RealtimeHub, meetingId: number): string {
  return hub.read(name(meetingId), presence, (doc) => doc.getText("body").toString());
}

/** Puts the template in an empty minutes document; the server does it, so two first editors cannot both. */
export function seedMinutes(hub: RealtimeHub, meetingId: number, template: () => string): string {
  let text = "";
  hub.change(name(meetingId), presence, (doc) => {
    const body = doc.getText("body");
    if (body.length === 0) body.insert(0, template());
    text = body.toString();
  });
  return text;
}
