import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias, type Db } from "../../../db/client";
import { agendaItems, meetingSessions, meetings, motions, polls, spaces } from "../../../db/schema/index";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { listAuthorities } from "../authorities/authorities.server";
import type { Locale } from "../i18n/locales";
import { amendmentNumber, motionNumber, type MotionState } from "../motions/motion-state";
import type { DecisionRules } from "./decision";
import { motionLabels, pollView, type PollView } from "./polls.server";
import { defaultRules, majorityChoice, type MajorityChoice } from "./rules";

/** A motion or amendment a poll may decide, as the console's select and the paper ballot name it. */
export interface PollableMotion {
  id: number;
  number: string;
  title: string;
  amendment: boolean;
}

const parents = alias(motions, "poll_parent_motions");

/**
 * The motions and amendments admitted to this meeting and not decided yet, in agenda order (an
 * amendment's item comes before its motion's, as they are voted).
 */
function pollableMotions(db: Db, meetingId: number): PollableMotion[] {
  return db
    .select({ id: motions.id, title: motions.title, year: motions.year, sequence: motions.sequence, parentYear: parents.year, parentSequence: parents.sequence })
    .from(agendaItems)
    .innerJoin(motions, eq(motions.id, agendaItems.motionId))
    .leftJoin(parents, eq(parents.id, motions.parentId))
    .where(and(eq(agendaItems.meetingId, meetingId), isNull(agendaItems.withdrawnAt), eq(motions.meetingId, meetingId), eq(motions.state, "admitted")))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all()
    .map((m) => ({
      id: m.id,
      title: m.title,
      amendment: m.parentSequence !== null,
      number: m.parentSequence === null ? motionNumber(m.year, m.sequence) : amendmentNumber(m.parentYear!, m.parentSequence, m.sequence),
    }));
}

/** The rule a new poll opens with, as the console's "change the rule" fields hold it. */
export interface RuleFields {
  majority: MajorityChoice;
  abstentionsCount: boolean;
  presenceQuorumPercent: number | null;
  turnoutQuorumPercent: number | null;
}

const ruleFields = (rules: DecisionRules): RuleFields => ({
  majority: majorityChoice(rules.majority),
  abstentionsCount: rules.abstentionsCount,
  presenceQuorumPercent: rules.presenceQuorumPercent,
  turnoutQuorumPercent: rules.turnoutQuorumPercent,
});

export interface PollConsoleView {
  /** The open poll, or else the last one of the meeting (its result, and what to record with it). */
  poll: PollView | null;
  /** When that poll was on a motion still undecided: the facilitator records the decision with it. */
  decide: { motionId: number; number: string; state: MotionState } | null;
  /** What a new poll may decide, and the one the current agenda item puts to the meeting. */
  motions: PollableMotion[];
  currentMotionId: number | null;
  defaults: RuleFields;
  /** Where a motion may be referred, besides a later meeting. */
  authorities: { id: number; name: string }[];
}

/**
 * The console's poll panel, for a facilitator of the meeting's space (null for anyone else):
 * the poll running or just closed, the motions a new one may decide, the space's rule.
 */
export function pollConsole(db: Db, actor: Actor | null, meetingId: number, locale: Locale): PollConsoleView | null {
  const meeting = db.select({ id: meetings.id, spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || !can(actor, "meeting.run", { spaceId: meeting.spaceId })) return null;
  const space = db.select().from(spaces).where(eq(spaces.id, meeting.spaceId)).get()!;
  const latest = db.select({ id: polls.id }).from(polls).where(eq(polls.meetingId, meetingId)).orderBy(desc(polls.id)).limit(1).get();
  const poll = latest ? pollView(db, actor, latest.id, locale) : null;
  const pollMotion = poll?.motion ? db.select({ state: motions.state }).from(motions).where(eq(motions.id, poll.motion.id)).get() : undefined;
  const motionList = pollableMotions(db, meetingId);
  const current = db
    .select({ motionId: agendaItems.motionId })
    .from(meetingSessions)
    .innerJoin(agendaItems, eq(agendaItems.id, meetingSessions.currentItemId))
    .where(eq(meetingSessions.meetingId, meetingId))
    .get();
  return {
    poll,
    decide: poll?.state === "closed" && poll.motion && pollMotion?.state === "admitted" ? { motionId: poll.motion.id, number: poll.motion.number, state: pollMotion.state } : null,
    motions: motionList,
    currentMotionId: motionList.some((m) => m.id === current?.motionId) ? current!.motionId : null,
    defaults: ruleFields(defaultRules(space)),
    authorities: listAuthorities(db, space).map((a) => ({ id: a.id, name: a.name })),
  };
}

/** A paper ballot's poll or motion: the open poll, else a motion of the meeting, else a blank question. */
export interface BallotSubject {
  question: string;
  number: string | null;
  /** The poll the ballots are for (and its eligible voters, for the tally sheet), or the motion. */
  pollId: number | null;
  eligible: number | null;
  motionId: number | null;
}

/**
 * What the paper ballots of a meeting ask, for its facilitators: the poll asked for (or the
 * open one), else the motion asked for (or the first one waiting), else a blank line for a
 * question written by hand. The language the room's screen is in comes with it.
 */
export function ballotSubject(db: Db, meetingId: number, asked: { pollId: number | null; motion: number | "blank" | null }): { subject: BallotSubject | null; motions: PollableMotion[]; roomLocale: Locale | null } {
  const motionList = pollableMotions(db, meetingId);
  const roomLocale = db.select({ locale: meetingSessions.screenLocale }).from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()?.locale ?? null;
  const pollRow =
    asked.motion === null
      ? db
          .select({ id: polls.id, question: polls.question, motionId: polls.motionId, eligible: polls.eligible })
          .from(polls)
          .where(and(eq(polls.meetingId, meetingId), asked.pollId === null ? eq(polls.state, "open") : eq(polls.id, asked.pollId)))
          .get()
      : undefined;
  if (pollRow) {
    const number = pollRow.motionId === null ? null : (motionLabels(db, [pollRow.motionId]).get(pollRow.motionId)?.number ?? null);
    return { subject: { question: pollRow.question, number, pollId: pollRow.id, eligible: pollRow.eligible, motionId: null }, motions: motionList, roomLocale };
  }
  const motion = asked.motion === "blank" ? undefined : asked.motion === null ? motionList[0] : motionList.find((m) => m.id === asked.motion);
  return { subject: motion ? { question: motion.title, number: motion.number, pollId: null, eligible: null, motionId: motion.id } : null, motions: motionList, roomLocale };
}

/**
 * Whether the poll and the motion a console form names are this meeting's: a form of one
 * meeting's console never acts on another meeting's poll or motion, whatever ids it carries.
 */
export function ofThisMeeting(db: Db, meetingId: number, named: { pollId?: number; motionId?: number }): boolean {
  if (named.pollId !== undefined && db.select({ meetingId: polls.meetingId }).from(polls).where(eq(polls.id, named.pollId)).get()?.meetingId !== meetingId) return false;
  if (named.motionId !== undefined && db.select({ meetingId: motions.meetingId }).from(motions).where(eq(motions.id, named.motionId)).get()?.meetingId !== meetingId) return false;
  return true;
}
