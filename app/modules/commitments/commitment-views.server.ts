import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { authorities, commitmentEvidence, commitmentUpdates, commitments, meetings, motions, officials, organisations, people, sections, spaces } from "../../../db/schema/index";
import { can } from "../auth/permissions";
import type { Actor } from "../auth/roles";
import { localDate } from "../dates";
import { motionNumber } from "../motions/motion-state";
import type { MotionTheme } from "../motions/themes";
import type { AuthorityKind } from "../organisations/types";
import { AGE_KEYS, SEX_KEYS, type AgeKey, type SexKey } from "../people/disaggregation";
import { listAuthorities } from "../authorities/authorities.server";
import { boardFigures, type FigureRow } from "./board-figures";
import { commitmentFlags, commitmentMovesFrom, CONFIRMATIONS_NEEDED, type CommitmentActor, type CommitmentMove, type CommitmentState } from "./commitment-state";
import type { BoardFilter } from "./commitments.schemas";

type Row = typeof commitments.$inferSelect;

/**
 * Who may read a commitment: anyone when it is public; else the space's members
 * (facilitators, delegates, officials, observers) and the officials of its authority.
 */
export function seesCommitment(actor: Actor | null, c: { public: boolean; spaceId: number; authorityId: number }, today: string): boolean {
  return c.public || can(actor, "space.member", { spaceId: c.spaceId }) || can(actor, "authority.answerFor", { authorityId: c.authorityId, on: today });
}

/** The evidence of one update, as pages show it (stored names only: the files are served by /preuves/). */
export interface EvidenceView {
  kind: "photo" | "document";
  file: string;
  thumb: string | null;
  name: string;
  bytes: number;
}

/** One line of a board or a list: what, who answers for it, by when, how it stands. */
export interface CommitmentSummary {
  id: number;
  spaceId: number;
  spaceName: string;
  title: string;
  theme: MotionTheme;
  state: CommitmentState;
  public: boolean;
  authority: { id: number; name: string; kind: AuthorityKind };
  /** The official's title and name, or the office that answers for it. */
  responsible: string;
  pledgedOn: string;
  dueDate: string;
  originalDueDate: string;
  overdueDays: number | null;
  dueSoon: boolean;
  noNews: boolean;
  /** The last percentage given. */
  percent: number | null;
  lastUpdate: { day: string; move: CommitmentMove | "record"; note: string } | null;
  /** The day of the authority's (or a meeting's) last news, or of the pledge: "no news" counts from it. */
  lastNewsDay: string;
  /** The people's answers to the current claim. */
  confirmations: number;
  disputes: number;
  /** A few photos' thumbnails, the newest first. */
  thumbs: EvidenceView[];
  motion: { id: number; number: string; title: string } | null;
  sectionName: string | null;
  verifiedOn: string | null;
}

/** How a commitment stands, as every list of them says it: its dates, the last news, the people's answers. */
export type CommitmentStanding = Pick<CommitmentSummary, "id" | "title" | "state" | "responsible" | "dueDate" | "originalDueDate" | "overdueDays" | "dueSoon" | "noNews" | "percent" | "lastUpdate" | "confirmations" | "disputes">;

function summaries(db: Db, rows: readonly Row[], today: string): CommitmentSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const authorityRows = db.select({ id: authorities.id, name: authorities.name, kind: authorities.kind }).from(authorities).where(inArray(authorities.id, [...new Set(rows.map((r) => r.authorityId))])).all();
  const officialIds = [...new Set(rows.flatMap((r) => (r.officialId === null ? [] : [r.officialId])))];
  const officialRows = officialIds.length ? db.select({ id: officials.id, title: officials.title, name: people.name }).from(officials).innerJoin(people, eq(people.id, officials.personId)).where(inArray(officials.id, officialIds)).all() : [];
  const spaceRows = db.select({ id: spaces.id, name: spaces.name }).from(spaces).where(inArray(spaces.id, [...new Set(rows.map((r) => r.spaceId))])).all();
  const motionIds = [...new Set(rows.flatMap((r) => (r.motionId === null ? [] : [r.motionId])))];
  const motionRows = motionIds.length ? db.select({ id: motions.id, year: motions.year, sequence: motions.sequence, title: motions.title }).from(motions).where(inArray(motions.id, motionIds)).all() : [];
  const sectionCodes = [...new Set(rows.flatMap((r) => (r.sectionCode === null ? [] : [r.sectionCode])))];
  const sectionRows = sectionCodes.length ? db.select({ code: sections.code, name: sections.name }).from(sections).where(inArray(sections.code, sectionCodes)).all() : [];
  const updates = db
    .select({
      commitmentId: commitmentUpdates.commitmentId,
      move: commitmentUpdates.move,
      actorKind: commitmentUpdates.actorKind,
      note: commitmentUpdates.note,
      percent: commitmentUpdates.percent,
      claimRound: commitmentUpdates.claimRound,
      toState: commitmentUpdates.toState,
      at: commitmentUpdates.at,
    })
    .from(commitmentUpdates)
    .where(inArray(commitmentUpdates.commitmentId, ids))
    .orderBy(asc(commitmentUpdates.at), asc(commitmentUpdates.id))
    .all();
  const photos = db
    .select({ commitmentId: commitmentEvidence.commitmentId, kind: commitmentEvidence.kind, file: commitmentEvidence.file, thumb: commitmentEvidence.thumb, name: commitmentEvidence.originalName, bytes: commitmentEvidence.bytes })
    .from(commitmentEvidence)
    .where(and(inArray(commitmentEvidence.commitmentId, ids), eq(commitmentEvidence.kind, "photo")))
    .orderBy(desc(commitmentEvidence.id))
    .all();
  return rows.map((r) => {
    const own = updates.filter((u) => u.commitmentId === r.id);
    const last = own.at(-1) ?? null;
    // News is what the authority (or a meeting) says of the work; the people's answers do not restart its 60 days.
    const lastNews = own.filter((u) => u.actorKind !== "delegate").at(-1);
    const lastNewsDay = lastNews ? localDate(lastNews.at) : r.pledgedOn;
    const flags = commitmentFlags({ state: r.state, dueDate: r.dueDate, lastNewsDay }, today);
    const answers = own.filter((u) => u.claimRound === r.claimRound && (u.move === "confirm" || u.move === "dispute"));
    const verified = r.state === "verified" ? own.filter((u) => u.toState === "verified").at(-1) : undefined;
    const official = officialRows.find((o) => o.id === r.officialId);
    const motion = motionRows.find((m) => m.id === r.motionId);
    const authority = authorityRows.find((a) => a.id === r.authorityId)!;
    return {
      id: r.id,
      spaceId: r.spaceId,
      spaceName: spaceRows.find((s) => s.id === r.spaceId)?.name ?? "",
      title: r.title,
      theme: r.theme,
      state: r.state,
      public: r.public,
      authority,
      responsible: official ? `${official.title} ${official.name}` : r.office,
      pledgedOn: r.pledgedOn,
      dueDate: r.dueDate,
      originalDueDate: r.originalDueDate,
      ...flags,
      percent: own.filter((u) => u.percent !== null).at(-1)?.percent ?? null,
      lastUpdate: last ? { day: localDate(last.at), move: last.move, note: last.note } : null,
      lastNewsDay,
      confirmations: answers.filter((a) => a.move === "confirm").length,
      disputes: answers.filter((a) => a.move === "dispute").length,
      // A photo's file name says nothing to a reader and may say something about its sender.
      thumbs: photos.filter((p) => p.commitmentId === r.id).slice(0, 3).map((p) => ({ ...p, name: "" })),
      motion: motion && motion.sequence > 0 ? { id: motion.id, number: motionNumber(motion.year, motion.sequence), title: motion.title } : null,
      sectionName: sectionRows.find((s) => s.code === r.sectionCode)?.name ?? null,
      verifiedOn: verified ? localDate(verified.at) : null,
    };
  });
}

/** The most overdue first, then by due date: what a meeting or a reader should look at first. */
const mostPressingFirst = (a: CommitmentSummary, b: CommitmentSummary) => (b.overdueDays ?? -1) - (a.overdueDays ?? -1) || a.dueDate.localeCompare(b.dueDate) || a.id - b.id;

const filtered = (list: CommitmentSummary[], f: BoardFilter) =>
  list.filter(
    (c) =>
      (f.authority === undefined || c.authority.id === f.authority) &&
      (f.state === undefined || (f.state === "overdue" ? c.overdueDays !== null : c.state === f.state)) &&
      (f.theme === undefined || c.theme === f.theme) &&
      (f.year === undefined || Number(c.pledgedOn.slice(0, 4)) === f.year),
  );

/** A commitment as the board's figures (and reports') count it. */
export const toFigureRow = (c: CommitmentSummary): FigureRow => ({
  state: c.state,
  dueDate: c.dueDate,
  pledgedOn: c.pledgedOn,
  lastNewsDay: c.lastNewsDay,
  verifiedOn: c.verifiedOn,
  authorityId: c.authority.id,
  authorityName: c.authority.name,
  theme: c.theme,
});

/**
 * A board: the commitments of some spaces that this reader may see (the public ones for
 * anyone), filtered, the most pressing first, with the figures of what is listed and the
 * choices its filters offer.
 */
export function commitmentBoard(db: Db, actor: Actor | null, spaceIds: readonly number[], filters: BoardFilter, now: number) {
  const today = localDate(now);
  const rows = spaceIds.length ? db.select().from(commitments).where(inArray(commitments.spaceId, [...spaceIds])).orderBy(asc(commitments.dueDate), asc(commitments.id)).all() : [];
  const all = summaries(db, rows.filter((r) => seesCommitment(actor, r, today)), today);
  const list = filtered(all, filters).sort(mostPressingFirst);
  return {
    list,
    figures: boardFigures(list.map(toFigureRow), today),
    choices: {
      authorities: [...new Map(all.map((c) => [c.authority.id, { id: c.authority.id, name: c.authority.name }])).values()].sort((a, b) => a.name.localeCompare(b.name)),
      themes: [...new Set(all.map((c) => c.theme))].sort(),
      years: [...new Set(all.map((c) => Number(c.pledgedOn.slice(0, 4))))].sort((a, b) => b - a),
    },
  };
}

/** The spaces of a commune (its communal sections' included), for the commune's board. */
export function communeSpaces(db: Db, communeCode: string) {
  return db.select({ id: spaces.id, name: spaces.name }).from(spaces).where(eq(spaces.communeCode, communeCode)).orderBy(asc(spaces.name)).all();
}

/** The commitments that answer a motion, as its reader may see them. */
export function commitmentsOfMotion(db: Db, actor: Actor | null, motionId: number, now: number): CommitmentSummary[] {
  const today = localDate(now);
  const rows = db.select().from(commitments).where(eq(commitments.motionId, motionId)).orderBy(asc(commitments.id)).all();
  return summaries(db, rows.filter((r) => seesCommitment(actor, r, today)), today);
}

/**
 * What a meeting reviews: the space's commitments that are overdue, due within the fortnight,
 * disputed, or claimed done and waiting for the people, the most pressing first. Facilitators
 * read it (non-public ones included) when planning and running the meeting.
 */
export function commitmentsToReview(db: Db, spaceId: number, now: number): CommitmentSummary[] {
  const today = localDate(now);
  const rows = db.select().from(commitments).where(and(eq(commitments.spaceId, spaceId), inArray(commitments.state, ["pledged", "in_progress", "claimed_done", "disputed"]))).all();
  return summaries(db, rows, today)
    .filter((c) => c.overdueDays !== null || c.dueSoon || c.state === "disputed" || c.state === "claimed_done")
    .sort(mostPressingFirst);
}

/**
 * An official's commitments: those of every authority they hold a mandate with today, across
 * the spaces of its territory, the most pressing first.
 */
export function myCommitments(db: Db, actor: Actor | null, now: number): CommitmentSummary[] {
  const today = localDate(now);
  const ids = [...new Set((actor?.mandates ?? []).map((m) => m.authorityId))].filter((authorityId) => can(actor, "authority.answerFor", { authorityId, on: today }));
  if (ids.length === 0) return [];
  const rows = db.select().from(commitments).where(inArray(commitments.authorityId, ids)).all();
  return summaries(db, rows, today).sort(mostPressingFirst);
}

/** One step of a commitment's timeline, as anyone who may read the commitment may see it. */
export interface TimelineStep {
  id: number;
  move: CommitmentMove | "record";
  actorKind: CommitmentActor;
  toState: CommitmentState;
  /** Who: the official's title and name, the answering organisation, or nobody named (the meeting). */
  who: string | null;
  note: string;
  percent: number | null;
  link: string | null;
  dueDate: string | null;
  previousDueDate: string | null;
  meeting: { id: number; title: string } | null;
  at: number;
  evidence: EvidenceView[];
}

/** A commitment's page for its reader: the commitment, its timeline, and what this reader may do. */
export function commitmentPage(db: Db, actor: Actor | null, id: number, now: number) {
  const today = localDate(now);
  const row = db.select().from(commitments).where(eq(commitments.id, id)).get();
  if (!row || !seesCommitment(actor, row, today)) return null;
  const summary = summaries(db, [row], today)[0]!;
  const steps = db
    .select({
      id: commitmentUpdates.id,
      move: commitmentUpdates.move,
      actorKind: commitmentUpdates.actorKind,
      toState: commitmentUpdates.toState,
      note: commitmentUpdates.note,
      percent: commitmentUpdates.percent,
      link: commitmentUpdates.link,
      dueDate: commitmentUpdates.dueDate,
      previousDueDate: commitmentUpdates.previousDueDate,
      organisation: organisations.name,
      meetingId: commitmentUpdates.meetingId,
      actorPersonId: commitmentUpdates.actorPersonId,
      at: commitmentUpdates.at,
    })
    .from(commitmentUpdates)
    .leftJoin(organisations, eq(organisations.id, commitmentUpdates.organisationId))
    .where(eq(commitmentUpdates.commitmentId, id))
    .orderBy(asc(commitmentUpdates.at), asc(commitmentUpdates.id))
    .all();
  // Officials are public people; anyone else acting is named by their organisation, or not at all.
  const officialNames = db
    .select({ personId: officials.personId, title: officials.title, name: people.name })
    .from(officials)
    .innerJoin(people, eq(people.id, officials.personId))
    .where(eq(officials.authorityId, row.authorityId))
    .all();
  const meetingIds = [...new Set(steps.flatMap((s) => (s.meetingId === null ? [] : [s.meetingId])).concat(row.meetingId === null ? [] : [row.meetingId]))];
  const meetingRows = meetingIds.length ? db.select({ id: meetings.id, title: meetings.title, published: meetings.published, spaceId: meetings.spaceId, startsAt: meetings.startsAt }).from(meetings).where(inArray(meetings.id, meetingIds)).all() : [];
  const seenMeeting = (meetingId: number | null) => {
    const m = meetingRows.find((x) => x.id === meetingId);
    return m && can(actor, "meeting.see", { spaceId: m.spaceId, published: m.published }) ? { id: m.id, title: m.title } : null;
  };
  const files = db
    .select({ updateId: commitmentEvidence.updateId, kind: commitmentEvidence.kind, file: commitmentEvidence.file, thumb: commitmentEvidence.thumb, name: commitmentEvidence.originalName, bytes: commitmentEvidence.bytes })
    .from(commitmentEvidence)
    .where(eq(commitmentEvidence.commitmentId, id))
    .orderBy(asc(commitmentEvidence.id))
    .all();
  const timeline: TimelineStep[] = steps.map((s) => {
    const official = s.actorKind === "authority" ? officialNames.find((o) => o.personId === s.actorPersonId) : undefined;
    return {
      id: s.id,
      move: s.move,
      actorKind: s.actorKind,
      toState: s.toState,
      who: s.organisation ?? (official ? `${official.title} ${official.name}` : null),
      note: s.note,
      percent: s.percent,
      link: s.link,
      dueDate: s.dueDate,
      previousDueDate: s.previousDueDate,
      meeting: seenMeeting(s.meetingId),
      at: s.at,
      evidence: files.filter((f) => f.updateId === s.id).map(({ updateId: _u, ...f }) => ({ ...f, name: f.kind === "photo" ? "" : f.name })),
    };
  });
  const answeredThisRound = new Set(
    db
      .select({ organisationId: commitmentUpdates.organisationId, claimRound: commitmentUpdates.claimRound })
      .from(commitmentUpdates)
      .where(eq(commitmentUpdates.commitmentId, id))
      .all()
      .filter((a) => a.organisationId !== null && a.claimRound === row.claimRound)
      .map((a) => a.organisationId!),
  );
  const authoritySide = can(actor, "authority.answerFor", { authorityId: row.authorityId, on: today });
  const meetingSide = can(actor, "space.facilitate", { spaceId: row.spaceId });
  // The organisations this reader speaks for in the space today that have not answered the current claim.
  const seatedFor = [...new Set((actor?.seats ?? []).filter((s) => s.spaceId === row.spaceId).map((s) => s.organisationId))].filter((organisationId) =>
    can(actor, "organisation.speakFor", { spaceId: row.spaceId, organisationId, on: today }),
  );
  const answering = row.state === "claimed_done" || row.state === "disputed";
  const answerFor = answering ? seatedFor.filter((o) => !answeredThisRound.has(o)) : [];
  const answerNames = answerFor.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, answerFor)).all() : [];
  // The meetings that may have decided (under way, or held), the latest first: the facilitator says which one did.
  const decidingMeetings = meetingSide
    ? db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status })
        .from(meetings)
        .where(and(eq(meetings.spaceId, row.spaceId), inArray(meetings.status, ["live", "closed"])))
        .orderBy(desc(meetings.startsAt))
        .limit(20)
        .all()
        .map((m) => ({ id: m.id, title: m.title, day: localDate(m.startsAt), live: m.status === "live" }))
    : [];
  return {
    ...summary,
    text: row.text,
    budgetHtg: row.budgetHtg,
    beneficiaries: row.beneficiaries,
    beneficiariesNote: row.beneficiariesNote,
    beneficiariesBy: row.beneficiariesBreakdown ? beneficiaryTotals(row.beneficiariesBreakdown) : null,
    meeting: seenMeeting(row.meetingId),
    confirmationsNeeded: CONFIRMATIONS_NEEDED,
    timeline,
    actions: {
      /** Moves as the authority (an official with a mandate today). */
      asAuthority: authoritySide ? commitmentMovesFrom(row.state, "authority") : [],
      /** Moves as the meeting (facilitators, administrators). */
      asMeeting: meetingSide ? commitmentMovesFrom(row.state, "meeting") : [],
      /** The meetings a decision may be recorded for. */
      decidingMeetings,
      /** Organisations this reader may confirm or dispute the current claim for. */
      answerFor: answerNames,
      /** Already answered for every organisation they speak for. */
      answered: answering && seatedFor.length > 0 && answerFor.length === 0,
    },
  };
}
/** Who is to benefit, by sex and by age group as recorded: the groups named, with their totals. */
function beneficiaryTotals(breakdown: Record<SexKey, Record<AgeKey, number>>) {
  const bySex = SEX_KEYS.map((sex) => ({ key: sex, count: AGE_KEYS.reduce((sum, age) => sum + (breakdown[sex]?.[age] ?? 0), 0) })).filter((g) => g.count > 0);
  const byAge = AGE_KEYS.map((age) => ({ key: age, count: SEX_KEYS.reduce((sum, sex) => sum + (breakdown[sex]?.[age] ?? 0), 0) })).filter((g) => g.count > 0);
  return { bySex, byAge };
}

export type CommitmentPage = NonNullable<ReturnType<typeof commitmentPage>>;

/**
 * A stored evidence file, when this reader may see it: its commitment's readers (a non-public
 * one's files never reach the public). Null otherwise, and for a name never stored.
 */
export function evidenceFor(db: Db, actor: Actor | null, name: string, now: number) {
  const row = db
    .select({ file: commitmentEvidence.file, thumb: commitmentEvidence.thumb, mime: commitmentEvidence.mime, kind: commitmentEvidence.kind, originalName: commitmentEvidence.originalName, public: commitments.public, spaceId: commitments.spaceId, authorityId: commitments.authorityId })
    .from(commitmentEvidence)
    .innerJoin(commitments, eq(commitments.id, commitmentEvidence.commitmentId))
    .where(or(eq(commitmentEvidence.file, name), eq(commitmentEvidence.thumb, name)))
    .get();
  if (!row || !seesCommitment(actor, row, localDate(now))) return null;
  const thumb = row.thumb === name;
  return { file: name, mime: thumb ? "image/jpeg" : row.mime, download: row.kind === "document" && !thumb ? row.originalName || name : undefined };
}

/** Every stored evidence file name the database holds (photos, their thumbnails, documents). */
export function recordedEvidenceNames(db: Db): Set<string> {
  const rows = db.select({ file: commitmentEvidence.file, thumb: commitmentEvidence.thumb }).from(commitmentEvidence).all();
  return new Set(rows.flatMap((r) => (r.thumb ? [r.file, r.thumb] : [r.file])));
}

/** What the recording form offers: the space's authorities with their officials, its sections, adopted motions and meetings. */
export function recordChoices(db: Db, actor: Actor | null, space: { id: number; communeCode: string; sectionCode: string | null }) {
  const motionRows = db
    .select({ id: motions.id, year: motions.year, sequence: motions.sequence, title: motions.title, state: motions.state })
    .from(motions)
    .where(and(eq(motions.spaceId, space.id), inArray(motions.state, ["adopted", "referred", "admitted", "submitted"])))
    .orderBy(desc(motions.year), desc(motions.sequence))
    .all()
    .filter((m) => m.sequence > 0);
  const meetingRows = db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, published: meetings.published })
    .from(meetings)
    .where(and(eq(meetings.spaceId, space.id), inArray(meetings.status, ["planned", "live", "closed"])))
    .orderBy(desc(meetings.startsAt))
    .limit(30)
    .all()
    .filter((m) => can(actor, "meeting.see", { spaceId: space.id, published: m.published }));
  const sectionRows = db.select({ code: sections.code, name: sections.name }).from(sections).where(eq(sections.communeCode, space.communeCode)).orderBy(asc(sections.code)).all();
  return {
    motions: motionRows.map((m) => ({ id: m.id, label: `${motionNumber(m.year, m.sequence)} — ${m.title}`, adopted: m.state === "adopted" })),
    meetings: meetingRows.map((m) => ({ id: m.id, title: m.title, day: localDate(m.startsAt) })),
    sections: space.sectionCode ? sectionRows.filter((s) => s.code === space.sectionCode) : sectionRows,
  };
}

/**
 * The authorities this reader may record a commitment for in a space, with their officials:
 * every one of the space's territory for its facilitators (and administrators), an official's
 * own for them (a mandate held today). Empty: the reader may not record any.
 */
export function recordableAuthorities(db: Db, actor: Actor | null, space: { id: number; communeCode: string; sectionCode: string | null }, now: number) {
  const today = localDate(now);
  const all = listAuthorities(db, space);
  const mine = can(actor, "space.facilitate", { spaceId: space.id }) ? all : all.filter((a) => can(actor, "authority.answerFor", { authorityId: a.id, on: today }));
  return mine.map((a) => ({ id: a.id, name: a.name, officials: a.officials.map((o) => ({ id: o.id, label: `${o.title} ${o.name}` })) }));
}
