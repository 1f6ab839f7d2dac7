import { commonMessages } from "./common.messages";
import { geographyMessages } from "../geography/geography.messages";
import { spacesMessages } from "../spaces/spaces.messages";
import { organisationsMessages } from "../organisations/organisations.messages";
import { peopleMessages } from "../people/people.messages";
import { usersMessages } from "../users/users.messages";
import { meetingsMessages } from "../meetings/meetings.messages";
import { liveMessages } from "../live/live.messages";
import { consoleMessages } from "../live/console.messages";
import { motionsMessages } from "../motions/motions.messages";
import { pollsMessages } from "../polls/polls.messages";
import { commitmentsMessages } from "../commitments/commitments.messages";
import { evidenceMessages } from "../evidence/evidence.messages";
import { reportsMessages } from "../reports/reports.messages";
import type { Catalog } from "./catalog";
import type { Locale } from "./locales";
import type { MessageDomain } from "./page-domains";
import { fill, type MessageKey, type Messages, type Params, type Translate } from "./translate";

/** Every domain's catalog: the server translates anything, and hands each page its part. */
export const CATALOGS = {
  common: commonMessages,
  geography: geographyMessages,
  spaces: spacesMessages,
  organisations: organisationsMessages,
  people: peopleMessages,
  users: usersMessages,
  meetings: meetingsMessages,
  live: liveMessages,
  console: consoleMessages,
  motions: motionsMessages,
  polls: pollsMessages,
  commitments: commitmentsMessages,
  evidence: evidenceMessages,
  reports: reportsMessages,
} as const satisfies Record<MessageDomain, Catalog>;

const ALL: Record<MessageKey, Record<Locale, string>> = Object.assign({}, ...Object.values(CATALOGS));

/** The messages of these domains in one language, as a page receives them. */
export function messagesFor(locale: Locale, domains: readonly MessageDomain[]): Messages {
  const messages: Record<string, string> = {};
  for (const domain of domains) for (const [key, text] of Object.entries(CATALOGS[domain] as Catalog)) messages[key] = text[locale];
  return messages as Messages;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return fill(ALL[key][locale], params);
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in ALL;
}
