import type { Actor } from "../auth/roles";
import type { Deps } from "../deps.server";
import type { MessageKey } from "../i18n/translate";
import { ConsoleActionSchema, DelegateActionSchema } from "./live.schemas";
import { presenceOf, runConsoleAction, runDelegateAction } from "./live.server";
import { delegateMessage, liveMessage } from "./messages";

/** A reply on the socket: the refusal's message, or null and what the command returns. */
export interface SocketReply {
  error: MessageKey | null;
  value?: unknown;
}

export type MeetingSocketCommand = (deps: Deps, actor: Actor | null, meetingId: number, input: unknown, now: number) => SocketReply;

/** The console's actions: the same schema and command as the console's form. */
export const consoleCommand: MeetingSocketCommand = (deps, actor, meetingId, input, now) => {
  const parsed = ConsoleActionSchema.safeParse(input);
  if (!parsed.success) return { error: "error.invalid" };
  const result = runConsoleAction(deps, actor, meetingId, parsed.data, now);
  return { error: result.ok ? null : liveMessage(result.code) };
};

/** A delegate's request to speak or its withdrawal: the same as the phone's form. */
export const delegateCommand: MeetingSocketCommand = (deps, actor, meetingId, input, now) => {
  const parsed = DelegateActionSchema.safeParse(input);
  if (!parsed.success) return { error: "error.invalid" };
  const result = runDelegateAction(deps, actor, meetingId, parsed.data, now);
  return { error: result.ok ? null : delegateMessage(result.code) };
};

/** Which attendance row is the phone's owner, once checked in (the live document is the same for every phone). */
export const whoAmICommand: MeetingSocketCommand = (deps, actor, meetingId) => ({ error: null, value: { attendanceId: presenceOf(deps.db, actor, meetingId) } });
