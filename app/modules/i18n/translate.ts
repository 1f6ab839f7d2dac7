import type { commonMessages } from "./common.messages";
import type { geographyMessages } from "../geography/geography.messages";
import type { spacesMessages } from "../spaces/spaces.messages";
import type { organisationsMessages } from "../organisations/organisations.messages";
import type { peopleMessages } from "../people/people.messages";
import type { usersMessages } from "../users/users.messages";
import type { meetingsMessages } from "../meetings/meetings.messages";
import type { liveMessages } from "../live/live.messages";
import type { consoleMessages } from "../live/console.messages";
import type { motionsMessages } from "../motions/motions.messages";
import type { pollsMessages } from "../polls/polls.messages";
import type { commitmentsMessages } from "../commitments/commitments.messages";
import type { evidenceMessages } from "../evidence/evidence.messages";
import type { reportsMessages } from "../reports/reports.messages";

/**
 * Every message key, from the domains' catalogs (types only: no dictionary reaches the
 * browser's scripts; a page receives its own messages, in its language, with its data).
 */
export type MessageKey =
  | keyof typeof commonMessages
  | keyof typeof geographyMessages
  | keyof typeof spacesMessages
  | keyof typeof organisationsMessages
  | keyof typeof peopleMessages
  | keyof typeof usersMessages
  | keyof typeof meetingsMessages
  | keyof typeof liveMessages
  | keyof typeof consoleMessages
  | keyof typeof motionsMessages
  | keyof typeof pollsMessages
  | keyof typeof commitmentsMessages
  | keyof typeof evidenceMessages
  | keyof typeof reportsMessages;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** The messages a page has, in one language. */
export type Messages = Partial<Record<MessageKey, string>>;

/** A message key written in code, checked to exist (where a plain string would widen). */
export const messageKey = <K extends MessageKey>(key: K): K => key;

export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Translates from the messages a page was given; a key it was not given shows as ⟦key⟧. */
export function translatorOf(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key];
    return text === undefined ? `⟦${key}⟧` : fill(text, params);
  };
}
