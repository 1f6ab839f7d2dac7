import type { Locale } from "../modules/i18n/locales";
import type { MessageKey, Messages } from "../modules/i18n/translate";
import type { LiveState } from "../modules/live/live-state";
import type { RoomCommitment, VoteView } from "../modules/live/projections";
import type { BallotAnswer, BallotStatusView } from "../components/poll-phone";

/**
 * Everything the delegate's phone page is drawn from, the same on the server (React) and on
 * the phone (Preact): what the route's loader returns, its last form's answer, the page's seed
 * for form keys, and the phone's own messages in the reader's language. It travels in the page
 * as JSON (PHONE_DATA_ID), not as Remix's context: the page does not hydrate with Remix.
 */
export interface PhoneData {
  meeting: { id: number; title: string; spaceId: number };
  /** This account's attendance at the meeting (null: not checked in). */
  me: number | null;
  /** Whose outbox this phone keeps (their own account's id, to this account only). */
  userId: string;
  state: LiveState;
  vote: VoteView | null;
  commitment: RoomCommitment | null;
  ballot: BallotStatusView | null;
  serverNow: number;
  /** What the form posted to this page answered, when the page is that answer. */
  result: { error: MessageKey | null; ballot: BallotAnswer | null } | null;
  formSeed: string;
  locale: Locale;
  messages: Messages;
}

export const PHONE_ROOT_ID = "phone-root";
export const PHONE_DATA_ID = "phone-data";

/**
 * The messages the phone can show, out of its domains' (common, live, polls): its own words,
 * the refusals its commands and forms can answer, and the votes' rules and results in words.
 * What the console and the screens say of a poll stays out.
 */
export function phoneMessages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => /^(live|polls|form|error)\./.test(key) && !/^(polls\.(console|csv|done|meeting)|error\.page|live\.(screen|now))/.test(key)));
}

/** The page's data as JSON inside a script element: no "<" can close the element early. */
export function serializePhoneData(data: PhoneData): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** The page's data as the server wrote it in this document (null: the document is another page). */
export function readPhoneData(doc: Document): PhoneData | null {
  const text = doc.getElementById(PHONE_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as PhoneData) : null;
}
