import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { seedDemoYear } from "../../db/seed/demo-year";
import { attendance, commitments, meetings, motions, polls, spaces } from "../../db/schema/index";
import { commitmentBoard } from "../../app/modules/commitments/commitment-views.server";
import { localDate } from "../../app/modules/dates";
import { listTurns, speakingRecord } from "../../app/modules/live/live.server";
import { meetingFigures } from "../../app/modules/meetings/attendance.server";
import { figuresFor } from "../../app/modules/meetings/views";
import { listMotions } from "../../app/modules/motions/motions.server";
import { pollTally } from "../../app/modules/polls/polls.server";
import type { Cell, FigureId, ReportFigure, ReportFigures, ReportScope } from "../../app/modules/reports/figure-types";
import { loadReportDataset } from "../../app/modules/reports/report-dataset.server";
import { computeReportFigures, maskReportFigures } from "../../app/modules/reports/report-figures";
import { tempDir } from "../setup/temp-dir";

/** The demo year (`db/seed/demo-year.ts`), seeded as `npm start` seeds it early in January 2027: its meetings are 2026's. */
const NOW = Date.UTC(2027, 0, 6, 14);
const YEAR = { from: "2026-01-01", to: "2026-12-31" };
const LIMONADE: ReportScope = { kind: "space", spaceId: 1 };
const COMMUNE: ReportScope = { kind: "commune", communeCode: "HT0313" };

let dir: ReturnType<typeof tempDir>;
let db: Db;
let hiddenMeetingId: number;

const figureOf = (figures: ReportFigures, id: FigureId): ReportFigure => figures.figures.find((f) => f.id === id)!;
const countOf = (cell: Cell | undefined): number => {
  if (!cell || !("count" in cell)) throw new Error(`not a count: ${JSON.stringify(cell)}`);
  return cell.count;
};
/** The count in the last row (the total) of a figure's first column. */
const totalOf = (figures: ReportFigures, id: FigureId, column = 0) => countOf(figureOf(figures, id).table.rows.at(-1)!.cells[column]);
const publishedHeld = (spaceIds: number[]) =>
  db
    .select()
    .from(meetings)
    .where(and(inArray(meetings.spaceId, spaceIds), eq(meetings.published, true)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .filter((m) => (m.status === "closed" || m.status === "live") && localDate(m.startsAt) >= YEAR.from && localDate(m.startsAt) <= YEAR.to);

beforeAll(async () => {
  dir = tempDir();
  db = openDatabase(join(dir.path, "makon.db"));
  loadGeography(db, NOW);
  await seedDemo(db, NOW);
  expect(await seedDemoYear(db, NOW, { dataDir: dir.path })).toBe(true);
  // A meeting held in the year but never published, with people at it: the public never read it.
  const at = Date.UTC(2026, 5, 10, 15);
  hiddenMeetingId = db.insert(meetings).values({ spaceId: 1, kind: "ordinary", title: "Réunion interne", startsAt: at, status: "closed", published: false, startedAt: at, closedAt: at + 3_600_000, createdAt: at }).returning({ id: meetings.id }).get().id;
  for (let k = 0; k < 6; k++) db.insert(attendance).values({ meetingId: hiddenMeetingId, name: `Personne ${k}`, sex: "female", ageGroup: "18_24", role: "observer", arrivedAt: at, createdAt: at }).run();
});
afterAll(() => {
  db.$client.close();
  dir.remove();
});

describe("a report's dataset over Makòn Limonade's year", () => {
  it("reads the published meetings held in the year, and figures that agree with each meeting's page", () => {
    const dataset = loadReportDataset(db, LIMONADE, YEAR);
    const held = publishedHeld([1]);
    expect(held).toHaveLength(6);
    expect(dataset.meetings.map((m) => m.id).sort((a, b) => a - b)).toEqual(held.map((m) => m.id).sort((a, b) => a - b));
    expect(dataset.meetings.map((m) => m.id)).not.toContain(hiddenMeetingId);
    expect(dataset.attendance.some((r) => r.meetingId === hiddenMeetingId)).toBe(false);

    const figures = computeReportFigures(dataset, LIMONADE, YEAR, NOW);
    expect(totalOf(figures, "meetings.byKind")).toBe(6);

    // The trend: one row a meeting, in date order, each as its page counts it.
    const trend = figureOf(figures, "attendance.sharesTrend").table.rows;
    expect(trend.map((r) => r.label)).toEqual(held.map((m) => ({ text: localDate(m.startsAt) })));
    let total = 0;
    let women = 0;
    let disability = 0;
    for (const [k, m] of held.entries()) {
      const page = meetingFigures(db, m).figures;
      expect(trend[k]!.cells.slice(0, 4).map((c, j) => (j === 2 ? c : countOf(c)))).toEqual([page.people.total, page.people.bySex.female, { share: page.people.women.share, of: page.people.total }, page.people.youth.count]);
      total += page.people.total;
      women += page.people.bySex.female;
      disability += page.withDisability;
    }
    const bySexAge = figureOf(figures, "attendance.bySexAge").table;
    expect(countOf(bySexAge.rows[3]!.cells[6])).toBe(total);
    expect(countOf(bySexAge.rows[0]!.cells[6])).toBe(women);
    expect(countOf(figureOf(figures, "attendance.disability").table.rows[0]!.cells[0])).toBe(disability);

    // Speaking: every turn each meeting's record keeps, for as long as it lasted.
    const records = held.map((m) => speakingRecord(db, m, NOW).totals);
    const speaking = figureOf(figures, "speaking.bySexAge").table.rows;
    expect(countOf(speaking.at(-1)!.cells[0])).toBe(records.reduce((n, r) => n + r.all.turns, 0));
    expect(speaking.at(-1)!.cells[2]).toEqual({ minutes: records.reduce((n, r) => n + r.all.ms, 0) / 60_000 });
    expect(countOf(speaking[0]!.cells[0])).toBe(records.reduce((n, r) => n + r.women.turns, 0));
    expect(dataset.turns).toHaveLength(held.reduce((n, m) => n + listTurns(db, m.id).length, 0));
  });

  it("counts submitted motions, never a draft nor an amendment, and the secret polls' counters only", () => {
    const dataset = loadReportDataset(db, LIMONADE, YEAR);
    const all = db.select().from(motions).where(eq(motions.spaceId, 1)).all();
    const drafts = all.filter((m) => m.state === "draft");
    expect(drafts.length).toBeGreaterThan(0);
    const ids = dataset.motions.map((m) => m.id);
    for (const d of drafts) expect(ids).not.toContain(d.id);
    const figures = computeReportFigures(dataset, LIMONADE, YEAR, NOW);
    // As the space's public list shows them, submitted in the year, without a copy received from a section.
    const listed = listMotions(db, null, 1, {}, NOW).filter((m) => m.submittedAt !== null && localDate(m.submittedAt) <= YEAR.to && localDate(m.submittedAt) >= YEAR.from && !m.forwardedFrom);
    expect(listed.length).toBeGreaterThan(0);
    expect(totalOf(figures, "motions.byState")).toBe(listed.length);
    expect(figureOf(figures, "motions.byState").table.rows.find((r) => "key" in r.label && r.label.key === "motions.state.adopted")!.cells[0]).toEqual({
      count: listed.filter((m) => m.state === "adopted").length,
    });

    const secret = db
      .select()
      .from(polls)
      .where(and(inArray(polls.meetingId, publishedHeld([1]).map((m) => m.id)), eq(polls.method, "secret"), eq(polls.state, "closed")))
      .all();
    expect(secret.length).toBeGreaterThan(0);
    const rows = figureOf(figures, "polls.secret").table.rows;
    expect(rows).toHaveLength(secret.length + 1);
    const yes = secret.reduce((n, p) => n + pollTally(p).yes, 0);
    expect(rows.at(-1)!.cells[0]).toEqual({ count: yes });
    expect(rows.at(-1)!.cells[4]).toEqual({ count: secret.reduce((n, p) => n + p.eligible, 0) });
    expect(Object.keys(dataset.secretPolls[0]!).sort()).toEqual(["eligible", "id", "meetingId", "motion", "state", "tally"]);
  });

  it("counts the public commitments as the public board does, never one kept for members", () => {
    const dataset = loadReportDataset(db, LIMONADE, YEAR);
    const internal = db.select().from(commitments).where(and(eq(commitments.spaceId, 1), eq(commitments.public, false))).all();
    expect(internal.length).toBeGreaterThan(0);
    expect(dataset.commitments.every((c) => c.public)).toBe(true);
    expect(dataset.commitments).toHaveLength(db.select().from(commitments).where(and(eq(commitments.spaceId, 1), eq(commitments.public, true))).all().filter((c) => c.pledgedOn >= YEAR.from && c.pledgedOn <= YEAR.to).length);
    const board = commitmentBoard(db, null, [1], { year: 2026 }, NOW).figures;
    const total = figureOf(computeReportFigures(dataset, LIMONADE, YEAR, NOW), "commitments.byAuthority").table.rows.at(-1)!.cells;
    expect(total.slice(0, 4)).toEqual([{ count: board.made }, { count: board.claimedDone }, { count: board.confirmed }, { count: board.overdue }]);
    const delays = figureOf(computeReportFigures(dataset, LIMONADE, YEAR, NOW), "commitments.delays").table.rows;
    expect(delays[1]!.cells[0]).toEqual(board.medianDaysToConfirmed === null ? null : { days: board.medianDaysToConfirmed });
  });

  it("covers the commune's spaces, Makòn Limonade and Makòn Roucou, counting the forwarded motion once", () => {
    const communeSpaces = db.select({ id: spaces.id, name: spaces.name }).from(spaces).where(eq(spaces.communeCode, "HT0313")).orderBy(asc(spaces.id)).all();
    expect(communeSpaces.map((s) => s.name)).toEqual(["Makòn Limonade", "Makòn Roucou"]);
    const roucou = communeSpaces[1]!.id;
    const commune = loadReportDataset(db, COMMUNE, YEAR);
    const limonade = loadReportDataset(db, LIMONADE, YEAR);
    const section = loadReportDataset(db, { kind: "space", spaceId: roucou }, YEAR);
    expect(commune.meetings.map((m) => m.id).sort((a, b) => a - b)).toEqual(publishedHeld([1, roucou]).map((m) => m.id).sort((a, b) => a - b));
    expect(section.meetings.length).toBeGreaterThan(0);
    // The programme: every space (the demo's others have held no meeting).
    expect(loadReportDataset(db, { kind: "programme" }, YEAR).meetings.map((m) => m.id).sort((a, b) => a - b)).toEqual(commune.meetings.map((m) => m.id).sort((a, b) => a - b));

    const forwarded = db.select().from(motions).where(and(eq(motions.spaceId, 1), isNotNull(motions.forwardedFromId))).all();
    expect(forwarded).toHaveLength(1);
    const original = forwarded[0]!.forwardedFromId!;
    expect(commune.motions.map((m) => m.id)).toContain(original);
    expect(commune.motions.map((m) => m.id)).not.toContain(forwarded[0]!.id);
    expect(limonade.motions.map((m) => m.id)).not.toContain(forwarded[0]!.id);

    const total = (scope: ReportScope, dataset: typeof commune) => totalOf(computeReportFigures(dataset, scope, YEAR, NOW), "motions.byState");
    expect(total(COMMUNE, commune)).toBe(total(LIMONADE, limonade) + total({ kind: "space", spaceId: roucou }, section));
    const meetingsOf = (scope: ReportScope, dataset: typeof commune) => totalOf(computeReportFigures(dataset, scope, YEAR, NOW), "meetings.byKind");
    expect(meetingsOf(COMMUNE, commune)).toBe(meetingsOf(LIMONADE, limonade) + meetingsOf({ kind: "space", spaceId: roucou }, section));
    // Over several spaces a meeting is named with its space.
    expect(figureOf(computeReportFigures(commune, COMMUNE, YEAR, NOW), "attendance.sharesTrend").table.rows.map((r) => r.label)).toContainEqual({ text: `${section.meetings[0]!.day} · Makòn Roucou` });
  });

  it("masks for the public what each meeting's page masks, and shows no count of 1 to 4 people", () => {
    const dataset = loadReportDataset(db, LIMONADE, YEAR);

    const masked = maskReportFigures(computeReportFigures(dataset, LIMONADE, YEAR, NOW), dataset);
    const held = publishedHeld([1]);
    const trend = figureOf(masked, "attendance.sharesTrend").table.rows;
    for (const [k, m] of held.entries()) {
      const page = figuresFor("public", meetingFigures(db, m).figures).people;
      const shown = (c: Cell) => (c === null ? "hidden" : "fewerThan" in c ? "<5" : "count" in c ? c.count : c);
      expect([shown(trend[k]!.cells[0]!), shown(trend[k]!.cells[1]!), shown(trend[k]!.cells[3]!)]).toEqual([page.total, page.bySex.female, page.youth.count]);
    }
    for (const f of masked.figures.filter((f) => f.table.people)) {
      for (const r of f.table.rows) for (const c of r.cells) if (c !== null && "count" in c) expect(c.count === 0 || c.count >= 5, `${f.id}`).toBe(true);
    }
  });
});
