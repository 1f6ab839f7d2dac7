import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { authorities, people } from "./people";
import { organisations } from "./organisations";
import { spaces } from "./spaces";
import { users } from "./users";
import type { Locale } from "../../app/modules/i18n/locales";
import type { PriorityRule } from "../../app/modules/live/priority";
import type { TurnState } from "../../app/modules/live/queue";
import { DEFAULT_TURN_LIMIT_SECONDS } from "../../app/modules/live/turn-limits";
import type { AgendaItemKind, AttendanceRole, MeetingKind } from "../../app/modules/meetings/kinds";
import type { MeetingStatus } from "../../app/modules/meetings/meeting-state";
import type { AgeGroupId } from "../../app/modules/people/age-groups";
import type { Sex } from "../../app/modules/people/sex";

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    spaceId: integer("space_id")
      .notNull()
      .references(() => spaces.id),
    kind: text("kind").$type<MeetingKind>().notNull(),
    title: text("title").notNull(),
    /** Planned start and end, in ms. */
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at"),
    place: text("place").notNull().default(""),
    status: text("status").$type<MeetingStatus>().notNull().default("planned"),
    cancelReason: text("cancel_reason"),
    /** Whether the public may read the meeting and its minutes once closed. */
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    startedAt: integer("started_at"),
    closedAt: integer("closed_at"),
    /** Minutes frozen when the meeting closes: the Markdown and its sanitised HTML. */
    minutesMarkdown: text("minutes_markdown"),
    minutesHtml: text("minutes_html"),
    /**
     * Minutes stay editable by the facilitators after the meeting until they are approved,
     * usually at the next meeting (the meeting where it happened is kept).
     */
    minutesApprovedAt: integer("minutes_approved_at"),
    minutesApprovedInMeetingId: integer("minutes_approved_in_meeting_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("meetings_space_idx").on(t.spaceId, t.startsAt)],
);

export const meetingFacilitators = sqliteTable(
  "meeting_facilitators",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("meeting_facilitators_idx").on(t.meetingId, t.userId)],
);

export const meetingAuthorities = sqliteTable(
  "meeting_authorities",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    authorityId: integer("authority_id")
      .notNull()
      .references(() => authorities.id),
  },
  (t) => [uniqueIndex("meeting_authorities_idx").on(t.meetingId, t.authorityId)],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").$type<AgendaItemKind>().notNull(),
    title: text("title").notNull(),
    plannedMinutes: integer("planned_minutes"),
    /** Time spent on the item in earlier stretches; the current stretch runs from the session's currentItemSince. */
    spentMs: integer("spent_ms").notNull().default(0),
    /** Once a meeting is live its items are withdrawn, never deleted: their time and turns keep their item. */
    withdrawnAt: integer("withdrawn_at"),
    /** A `motion` item: the motion (or amendment) it puts to the meeting (`motions.id`; declared there, which imports this file). */
    motionId: integer("motion_id"),
    /** A `minutes_approval` item: the meeting whose minutes it approves. */
    approvesMeetingId: integer("approves_meeting_id").references((): AnySQLiteColumn => meetings.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("agenda_items_meeting_idx").on(t.meetingId, t.position)],
);

/**
 * The live session of a meeting, from the moment it opens: what the console sets and every
 * screen follows. Kept apart from `meetings` so that the meeting's own record stays what it
 * is (its plan, its status, its minutes) as polls and motions add their live settings here.
 */
export const meetingSessions = sqliteTable(
  "meeting_sessions",
  {
    meetingId: integer("meeting_id")
      .primaryKey()
      .references(() => meetings.id),
    /** The agenda item under discussion and since when. */
    currentItemId: integer("current_item_id").references(() => agendaItems.id),
    currentItemSince: integer("current_item_since"),
    /** Speaking time per turn, in seconds. */
    turnLimitSeconds: integer("turn_limit_seconds").notNull().default(DEFAULT_TURN_LIMIT_SECONDS),
    priorityRule: text("priority_rule").$type<PriorityRule>().notNull().default("none"),
    /** A short text the console puts on the shared screen; null shows the meeting. */
    screenMessage: text("screen_message"),
    screenLocale: text("screen_locale").$type<Locale>().notNull().default("fr"),
    /**
     * The commitment a commitment review puts on the shared screen (`commitments.id`; declared
     * there, which imports this file); cleared when the console moves to another item.
     */
    screenCommitmentId: integer("screen_commitment_id"),
    /** The secret part of the shared screen's link (no sign-in on a projector). */
    screenToken: text("screen_token").notNull(),
  },
  (t) => [uniqueIndex("meeting_sessions_screen_token_idx").on(t.screenToken)],
);

/**
 * One person present at a meeting: a known person of the register, or a walk-in described
 * on the spot. The row keeps what was recorded at the door.
 */
export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    personId: integer("person_id").references(() => people.id),
    name: text("name").notNull(),
    sex: text("sex").$type<Sex>(),
    ageGroup: text("age_group").$type<AgeGroupId>(),
    disability: integer("disability", { mode: "boolean" }).notNull().default(false),
    organisationId: integer("organisation_id").references(() => organisations.id),
    role: text("role").$type<AttendanceRole>().notNull(),
    arrivedAt: integer("arrived_at").notNull(),
    recordedBy: text("recorded_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    /**
     * The key the door's page drew for a walk-in, sent with it on its socket and, when that
     * answer is lost, with its form's post: the second is answered with the row the first wrote.
     */
    entryKey: text("entry_key"),
  },
  (t) => [
    index("attendance_meeting_idx").on(t.meetingId),
    uniqueIndex("attendance_person_idx").on(t.meetingId, t.personId),
    uniqueIndex("attendance_entry_idx").on(t.meetingId, t.entryKey),
  ],
);

/**
 * The speakers' list: a delegate's request (until a facilitator accepts it), a place in the
 * queue, the turn itself (started, ended), or withdrawn. Kept after the meeting: who spoke,
 * when, how long, on which item.
 */
export const speakingTurns = sqliteTable(
  "speaking_turns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    attendanceId: integer("attendance_id")
      .notNull()
      .references(() => attendance.id),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    state: text("state").$type<TurnState>().notNull(),
    /** Order in the queue; smaller speaks first. */
    position: integer("position").notNull(),
    requestedBy: text("requested_by").$type<"delegate" | "facilitator">().notNull(),
    requestedAt: integer("requested_at").notNull(),
    startedAt: integer("started_at"),
    endedAt: integer("ended_at"),
    limitSeconds: integer("limit_seconds"),
  },
  (t) => [index("speaking_turns_meeting_idx").on(t.meetingId, t.state, t.position)],
);
