import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { attendance, meetings, motions, organisations, polls, spaceMemberships, spaces } from "../../../db/schema/index";
import { commitmentBoard, toFigureRow } from "../commitments/commitment-views.server";
import { localDate } from "../dates";
import { listTurns } from "../live/live.server";
import { attendanceCountedColumns } from "../meetings/meetings.server";
import { motionLabels, pollTally } from "../polls/polls.server";
import type { ReportPeriod, ReportScope } from "./figure-types";
import { countedCommitment, countedMotion, heldInPeriod, type ReportDataset } from "./report-figures";

/**
 * The public record a report's figures are computed from (`computeReportFigures`): the scope's
 * meetings that were held in the period and published, their attendance and speaking turns, the
 * member organisations, the motions submitted, the secret polls' counters (never a voter) and
 * the public commitments. What counts is decided by the pure predicates of `report-figures.ts`.
 */
export function loadReportDataset(db: Db, scope: ReportScope, period: ReportPeriod): ReportDataset {
  const scopeSpaces = db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .where(scope.kind === "space" ? eq(spaces.id, scope.spaceId) : scope.kind === "commune" ? eq(spaces.communeCode, scope.communeCode) : undefined)
    .all();
  const spaceIds = scopeSpaces.map((s) => s.id);
  if (spaceIds.length === 0) return { meetings: [], attendance: [], organisations: [], turns: [], motions: [], secretPolls: [], commitments: [] };
  const spaceName = new Map(scopeSpaces.map((s) => [s.id, s.name]));

  const held = db
    .select({ id: meetings.id, spaceId: meetings.spaceId, kind: meetings.kind, startsAt: meetings.startsAt, status: meetings.status, published: meetings.published })
    .from(meetings)
    .where(and(inArray(meetings.spaceId, spaceIds), eq(meetings.published, true), inArray(meetings.status, ["closed", "live"])))
    .all()
    .map(({ startsAt, ...m }) => ({ ...m, spaceName: spaceName.get(m.spaceId)!, day: localDate(startsAt) }))
    .filter((m) => heldInPeriod(m, period));
  const meetingIds = held.map((m) => m.id);

  const rows = meetingIds.length
    ? db
        .select({ ...attendanceCountedColumns, meetingId: attendance.meetingId })
        .from(attendance)
        .where(inArray(attendance.meetingId, meetingIds))
        .orderBy(asc(attendance.arrivedAt), asc(attendance.id))
        .all()
    : [];

  // Turns as a meeting's record keeps them (`listTurns`): started, done or speaking.
  const turns = meetingIds.flatMap((meetingId) => listTurns(db, meetingId).map((t) => ({ meetingId, sex: t.sex, ageGroup: t.ageGroup, startedAt: t.startedAt!, endedAt: t.endedAt })));

  const members = db
    .selectDistinct({ id: organisations.id, type: organisations.type, ledByWoman: organisations.ledByWoman, ledByYouth: organisations.ledByYouth })
    .from(spaceMemberships)
    .innerJoin(organisations, eq(organisations.id, spaceMemberships.organisationId))
    .where(and(inArray(spaceMemberships.spaceId, spaceIds), lte(spaceMemberships.joinedOn, period.to), or(isNull(spaceMemberships.leftOn), gte(spaceMemberships.leftOn, period.from))))
    .orderBy(asc(organisations.id))
    .all();

  const motionRows = db
    .select({
      id: motions.id,
      state: motions.state,
      theme: motions.theme,
      parentId: motions.parentId,
      forwardedFromId: motions.forwardedFromId,
      submittedAt: motions.submittedAt,
      ledByWoman: organisations.ledByWoman,
      ledByYouth: organisations.ledByYouth,
    })
    .from(motions)
    .innerJoin(organisations, eq(organisations.id, motions.proposerOrganisationId))
    .where(and(inArray(motions.spaceId, spaceIds), isNotNull(motions.submittedAt)))
    .orderBy(asc(motions.id))
    .all()
    .map((m) => ({
      id: m.id,
      state: m.state,
      theme: m.theme,
      amendment: m.parentId !== null,
      forwarded: m.forwardedFromId !== null,
      submittedDay: localDate(m.submittedAt!),
      proposer: { ledByWoman: m.ledByWoman, ledByYouth: m.ledByYouth },
    }))
    .filter((m) => countedMotion(m, period));

  const pollRows = meetingIds.length
    ? db
        .select()
        .from(polls)
        .where(and(inArray(polls.meetingId, meetingIds), eq(polls.method, "secret"), eq(polls.state, "closed")))
        .orderBy(asc(polls.id))
        .all()
    : [];
  const numbers = motionLabels(
    db,
    pollRows.flatMap((p) => (p.motionId === null ? [] : [p.motionId])),
  );
  const secretPolls = pollRows.map((p) => ({
    id: p.id,
    meetingId: p.meetingId,
    state: p.state,
    motion: p.motionId === null ? null : (numbers.get(p.motionId)?.number ?? null),
    tally: pollTally(p),
    eligible: p.eligible,
  }));

  // The board an anonymous reader sees: public commitments only. Its `now` sets the lines' own
  // flags, which the figures do not read (they say overdue as of the day they are computed).
  const board = commitmentBoard(db, null, spaceIds, {}, Date.parse(`${period.to}T12:00:00Z`)).list.filter((c) => countedCommitment(c, period));
  const motionIds = [...new Set(board.flatMap((c) => (c.motion ? [c.motion.id] : [])))];
  const adoptedOn = new Map(
    (motionIds.length ? db.select({ id: motions.id, state: motions.state, decidedAt: motions.decidedAt }).from(motions).where(inArray(motions.id, motionIds)).all() : []).flatMap((m) =>
      m.state === "adopted" && m.decidedAt !== null ? [[m.id, localDate(m.decidedAt)] as const] : [],
    ),
  );
  const commitments = board.map((c) => ({
    ...toFigureRow(c),
    public: c.public,
    motionDay: c.motion ? (adoptedOn.get(c.motion.id) ?? null) : null,
  }));

  return { meetings: held, attendance: rows, organisations: members, turns, motions: motionRows, secretPolls, commitments };
}
