import type { Db } from "../../../db/client";
import type { RealtimeHub } from "../../../server/realtime/hub";
import { loadGrants } from "../auth/session.server";
import type { MessageKey } from "../i18n/translate";
import { parseDocumentName } from "../realtime/document-names";
import { ConsoleActionSchema } from "./live.schemas";
import { publishLive, runConsoleAction } from "./live.server";
import { liveMessage } from "./messages";

/**
 * A console action sent on the meeting's live socket: the same validation, permission check
 * and command as the console's form, without an HTTP request for each action. The socket
 * already carries who sent it; a shared screen's socket has no grants, so it is refused.
 */
export function handleConsoleCommand(db: Db, hub: RealtimeHub, command: { doc: string; userId: string; payload: unknown }, now: number): { error: MessageKey | null } {
  const ref = parseDocumentName(command.doc);
  if (ref?.kind !== "meeting-live") return { error: "error.invalid" };
  const parsed = ConsoleActionSchema.safeParse(command.payload);
  if (!parsed.success) return { error: "error.invalid" };
  const actor = { userId: command.userId, grants: loadGrants(db, command.userId) };
  const result = runConsoleAction(db, actor, ref.meetingId, parsed.data, now);
  if (!result.ok) return { error: liveMessage(result.code) };
  publishLive(hub, db, ref.meetingId);
  return { error: null };
}
