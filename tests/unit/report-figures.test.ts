import { describe, expect, it } from "vitest";
import { speakingTotals } from "../../app/modules/live/speaking-time";
import { speakingTotalsFor } from "../../app/modules/meetings/views";
import type { AgeGroupId } from "../../app/modules/people/age-groups";
import type { Sex } from "../../app/modules/people/sex";
import { FIGURE_IDS, type Cell, type FigureId, type ReportFigures, type ReportScope } from "../../app/modules/reports/figure-types";
import {
  computeReportFigures,
  maskContext,
  maskFigure,
  maskReportFigures,
  type ReportAttendance,
  type ReportCommitment,
  type ReportDataset,
  type ReportMeeting,
  type ReportMotion,
  type ReportTurn,
} from "../../app/modules/reports/report-figures";

/**
 * A commune's first quarter, built by hand, with every expected number counted by hand below
 * (not by the code under test): two spaces, three meetings held and four that do not count,
 * attendance with a person recorded twice and a walk-in, turns (one still running), motions in
 * every state and the ones that never count, secret polls, commitments.
 */
const PERIOD = { from: "2026-01-01", to: "2026-03-31" };
const COMMUNE: ReportScope = { kind: "commune", communeCode: "HT0313" };
/** Noon in Haiti (UTC−4 in April) on 10 April 2026: "today" for the commitments. */
const NOW = Date.UTC(2026, 3, 10, 16);

let nextId = 1;
function present(meetingId: number, sex: Sex | null, ageGroup: AgeGroupId | null, n: number, extra: Partial<ReportAttendance> = {}): ReportAttendance[] {
  return Array.from({ length: n }, () => {
    const id = nextId++;
    return { id, meetingId, personId: 1000 + id, name: `P${id}`, sex, ageGroup, disability: false, organisationId: null, role: "delegate", ...extra };
  });
}
const turn = (meetingId: number, sex: Sex | null, ageGroup: AgeGroupId | null, seconds: number): ReportTurn => ({ meetingId, sex, ageGroup, startedAt: 1_000_000, endedAt: 1_000_000 + seconds * 1000 });
const meeting = (id: number, spaceId: number, kind: ReportMeeting["kind"], day: string, status: ReportMeeting["status"], published = true): ReportMeeting => ({
  id,
  spaceId,
  spaceName: spaceId === 1 ? "Makòn A" : "Makòn B",
  kind,
  day,
  status,
  published,
});
const W = { ledByWoman: true, ledByYouth: false };
const Y = { ledByWoman: false, ledByYouth: true };
const WY = { ledByWoman: true, ledByYouth: true };
const MIXED = { ledByWoman: false, ledByYouth: false };
const motion = (id: number, state: ReportMotion["state"], theme: ReportMotion["theme"], submittedDay: string | null, proposer: ReportMotion["proposer"], extra: Partial<ReportMotion> = {}): ReportMotion => ({
  id,
  state,
  theme,
  amendment: false,
  forwarded: false,
  submittedDay,
  proposer,
  ...extra,
});
const commitment = (c: Partial<ReportCommitment> & Pick<ReportCommitment, "state" | "pledgedOn" | "dueDate" | "authorityId">): ReportCommitment => ({
  lastNewsDay: c.pledgedOn,
  verifiedOn: null,
  authorityName: c.authorityId === 50 ? "Mairie de A" : "CASEC de la 1re section",
  theme: "water",
  public: true,
  motionDay: null,
  ...c,
});

const m1 = [
  ...present(1, "female", "18_24", 2, { organisationId: 10 }),
  ...present(1, "female", "25_35", 2, { organisationId: 11 }),
  ...present(1, "female", "36_59", 1, { organisationId: 12, disability: true }),
  ...present(1, "female", "36_59", 1, { organisationId: 12 }),
  ...present(1, "male", "18_24", 1, { organisationId: 13 }),
  ...present(1, "male", "25_35", 1, { organisationId: 13 }),
  ...present(1, "male", "36_59", 1, { role: "official" }),
  ...present(1, "male", "60p", 1, { organisationId: 12 }),
  ...present(1, null, null, 1, { personId: null, role: "observer" }),
];
const DATASET: ReportDataset = {
  // Out of date order: the trend puts them in order.
  meetings: [
    meeting(3, 1, "feedback_session", "2026-03-20", "live"),
    meeting(1, 1, "ordinary", "2026-01-10", "closed"),
    meeting(2, 2, "thematic_forum", "2026-02-05", "closed"),
    meeting(4, 1, "ordinary", "2026-02-15", "closed", false),
    meeting(5, 1, "ordinary", "2026-01-20", "cancelled"),
    meeting(6, 1, "ordinary", "2026-04-02", "closed"),
    meeting(7, 2, "ordinary", "2026-03-25", "planned"),
  ],
  attendance: [
    ...m1,
    // The first person recorded a second time: counted once.
    { ...m1[0]!, id: nextId++ },
    ...present(2, "female", "u18", 1, { organisationId: 14 }),
    ...present(2, "female", "18_24", 3, { organisationId: 14 }),
    ...present(2, "female", "25_35", 1, { organisationId: 15 }),
    ...present(2, "male", "18_24", 2, { organisationId: 14 }),
    ...present(2, "male", "36_59", 2, { organisationId: 15 }),
    ...present(2, "male", "36_59", 1, { organisationId: 15, disability: true }),
    ...present(2, "male", "60p", 1, { organisationId: 15, disability: true }),
    ...present(3, "female", "25_35", 2, { organisationId: 10 }),
    ...present(3, "male", "36_59", 1, { organisationId: 11 }),
    // From an organisation that is not a member: no organisation becomes active through it.
    ...present(3, "male", "36_59", 1, { organisationId: 99 }),
    // The unpublished meeting's people count nowhere (their organisation stays inactive).
    ...present(4, "female", "18_24", 5, { organisationId: 16 }),
  ],
  organisations: [
    { id: 10, type: "women", ...W },
    { id: 11, type: "base", ...MIXED },
    { id: 12, type: "muso", ...W },
    { id: 13, type: "youth", ...Y },
    { id: 14, type: "youth", ...WY },
    { id: 15, type: "peasant", ...MIXED },
    { id: 16, type: "cooperative", ...MIXED },
  ],
  turns: [
    turn(1, "female", "18_24", 60),
    turn(1, "female", "36_59", 120),
    turn(1, "male", "60p", 90),
    turn(1, "male", "25_35", 30),
    turn(1, null, null, 60),
    turn(2, "female", "u18", 30),
    turn(2, "male", "36_59", 120),
    turn(2, "male", "36_59", 60),
    // Still speaking: 45 seconds so far.
    { meetingId: 3, sex: "female", ageGroup: "25_35", startedAt: NOW - 45_000, endedAt: null },
    turn(4, "female", "18_24", 600),
  ],
  motions: [
    motion(1, "adopted", "water", "2026-01-05", W),
    motion(2, "rejected", "roads", "2026-01-08", Y),
    motion(3, "submitted", "water", "2026-02-01", MIXED),
    motion(4, "admitted", "health", "2026-02-02", WY),
    motion(5, "withdrawn", "water", "2026-02-03", W),
    motion(6, "referred", "education", "2026-03-01", MIXED),
    motion(7, "adopted", "health", "2026-03-02", MIXED),
    motion(8, "adopted", "water", "2026-01-15", WY),
    // Never counted: a draft, a draft withdrawn, an amendment, a copy received from a section, last year's.
    motion(9, "draft", "water", null, W),
    motion(10, "withdrawn", "roads", null, W),
    motion(11, "adopted", "water", "2026-01-09", W, { amendment: true }),
    motion(12, "adopted", "water", "2026-01-20", WY, { forwarded: true }),
    motion(13, "adopted", "water", "2025-12-20", W),
  ],
  secretPolls: [
    { id: 1, meetingId: 1, state: "closed", motion: "M-2026-001", tally: { yes: 7, no: 2, abstain: 1 }, eligible: 12 },
    { id: 5, meetingId: 2, state: "closed", motion: null, tally: { yes: 4, no: 4, abstain: 2 }, eligible: 10 },
    { id: 2, meetingId: 2, state: "closed", motion: "M-2026-002", tally: { yes: 3, no: 5, abstain: 0 }, eligible: 9 },
    // The unpublished meeting's, and one still open.
    { id: 3, meetingId: 4, state: "closed", motion: "M-2026-003", tally: { yes: 10, no: 0, abstain: 0 }, eligible: 10 },
    { id: 4, meetingId: 3, state: "open", motion: "M-2026-004", tally: { yes: 1, no: 0, abstain: 0 }, eligible: 5 },
  ],
  commitments: [
    commitment({ authorityId: 50, state: "verified", pledgedOn: "2026-01-20", dueDate: "2026-03-01", lastNewsDay: "2026-02-20", verifiedOn: "2026-03-02", motionDay: "2026-01-10" }),
    commitment({ authorityId: 50, state: "in_progress", pledgedOn: "2026-02-01", dueDate: "2026-03-31", lastNewsDay: "2026-03-01", motionDay: "2026-01-10" }),
    commitment({ authorityId: 51, state: "claimed_done", pledgedOn: "2026-02-10", dueDate: "2026-05-01", lastNewsDay: "2026-03-15" }),
    commitment({ authorityId: 51, state: "verified", pledgedOn: "2026-03-01", dueDate: "2026-03-20", verifiedOn: "2026-03-25", motionDay: "2026-02-20" }),
    commitment({ authorityId: 51, state: "pledged", pledgedOn: "2026-03-10", dueDate: "2026-04-05" }),
    // Kept for members, and last year's.
    commitment({ authorityId: 51, state: "pledged", pledgedOn: "2026-03-05", dueDate: "2026-04-01", public: false }),
    commitment({ authorityId: 50, state: "pledged", pledgedOn: "2025-12-01", dueDate: "2026-01-15" }),
  ],
};

const c = (count: number): Cell => ({ count });
const sh = (part: number, of: number): Cell => ({ share: part / of, of });
const small: Cell = { fewerThan: 5 };
const min = (minutes: number): Cell => ({ minutes });

const tableOf = (figures: ReportFigures, id: FigureId) => figures.figures.find((f) => f.id === id)!.table;
const rowsOf = (figures: ReportFigures, id: FigureId) => tableOf(figures, id).rows.map((r) => r.cells);
const labelsOf = (figures: ReportFigures, id: FigureId) => tableOf(figures, id).rows.map((r) => ("key" in r.label ? r.label.key : r.label.text));

describe("a report's figures, over a commune's quarter built by hand", () => {
  const figures = computeReportFigures(DATASET, COMMUNE, PERIOD, NOW);

  it("gives every figure once, in order, with its title and its definition", () => {
    expect(figures.figures.map((f) => f.id)).toEqual([...FIGURE_IDS]);
    expect(figures).toMatchObject({ scope: COMMUNE, period: PERIOD, computedAt: NOW });
    for (const f of figures.figures) expect([f.title, f.definition]).toEqual([`reports.figure.${f.id}.title`, `reports.figure.${f.id}.definition`]);
    expect(figures.figures.filter((f) => f.table.people).map((f) => f.id)).toEqual(["attendance.bySexAge", "attendance.sharesTrend", "attendance.disability", "speaking.bySexAge"]);
  });

  it("counts the meetings held and published in the period, by kind", () => {
    // Not the unpublished one, the cancelled one, April's, nor the one still planned.
    expect(labelsOf(figures, "meetings.byKind")).toEqual(["meetingKind.ordinary", "meetingKind.extraordinary", "meetingKind.thematic_forum", "meetingKind.feedback_session", "meetingKind.training", "reports.figure.row.total"]);
    expect(rowsOf(figures, "meetings.byKind")).toEqual([[c(1)], [c(0)], [c(1)], [c(1)], [c(0)], [c(3)]]);
    expect(figures.figures[0]!.chart).toEqual({ type: "bars", column: 0 });
  });

  it("counts attendance by sex and age, each person once a meeting", () => {
    const table = tableOf(figures, "attendance.bySexAge");
    expect(table.columns).toEqual([
      { key: "age.u18" },
      { key: "age.18_24" },
      { key: "age.25_35" },
      { key: "age.36_59" },
      { key: "age.60p" },
      { key: "age.unknown" },
      { key: "reports.figure.col.total" },
      { key: "reports.figure.col.shareOfAttendance" },
    ]);
    expect(labelsOf(figures, "attendance.bySexAge")).toEqual(["sex.female", "sex.male", "sex.unstated", "reports.figure.row.total", "reports.figure.row.youth"]);
    // Women 6 + 5 + 2, men 4 + 6 + 2, the walk-in of unstated sex and age: 26 presences.
    expect(rowsOf(figures, "attendance.bySexAge")).toEqual([
      [c(1), c(5), c(5), c(2), c(0), c(0), c(13), sh(13, 26)],
      [c(0), c(3), c(1), c(6), c(2), c(0), c(12), sh(12, 26)],
      [c(0), c(0), c(0), c(0), c(0), c(1), c(1), sh(1, 26)],
      [c(1), c(8), c(6), c(8), c(2), c(1), c(26), null],
      [null, null, null, null, null, null, c(14), sh(14, 26)],
    ]);
    expect(figures.figures[1]!.chart).toEqual({ type: "bars", column: 7 });
  });

  it("follows women's and young people's shares meeting by meeting, in date order", () => {
    expect(labelsOf(figures, "attendance.sharesTrend")).toEqual(["2026-01-10 · Makòn A", "2026-02-05 · Makòn B", "2026-03-20 · Makòn A"]);
    expect(rowsOf(figures, "attendance.sharesTrend")).toEqual([
      [c(11), c(6), sh(6, 11), c(6), sh(6, 11)],
      [c(11), c(5), sh(5, 11), c(6), sh(6, 11)],
      [c(4), c(2), sh(2, 4), c(2), sh(2, 4)],
    ]);
    expect(figures.figures[2]!.chart).toEqual({ type: "line", column: 2 });
    // One space: the day alone.
    const one = computeReportFigures({ ...DATASET, meetings: DATASET.meetings.filter((m) => m.spaceId === 1) }, { kind: "space", spaceId: 1 }, PERIOD, NOW);
    expect(labelsOf(one, "attendance.sharesTrend")).toEqual(["2026-01-10", "2026-03-20"]);
  });

  it("counts people with a disability", () => {
    expect(rowsOf(figures, "attendance.disability")).toEqual([[c(3), sh(3, 26)]]);
    expect(labelsOf(figures, "attendance.disability")).toEqual(["reports.figure.row.withDisability"]);
  });

  it("counts member organisations, active when one of their people came at least once", () => {
    expect(labelsOf(figures, "organisations.activeByType")).toEqual(["orgType.base", "orgType.women", "orgType.youth", "orgType.muso", "orgType.cooperative", "orgType.peasant", "reports.figure.row.total", "reports.figure.row.ledByWoman", "reports.figure.row.ledByYouth"]);
    expect(rowsOf(figures, "organisations.activeByType")).toEqual([
      [c(1), c(1), sh(1, 1)],
      [c(1), c(1), sh(1, 1)],
      [c(2), c(2), sh(2, 2)],
      [c(1), c(1), sh(1, 1)],
      [c(1), c(0), sh(0, 1)],
      [c(1), c(1), sh(1, 1)],
      [c(7), c(6), sh(6, 7)],
      [c(3), c(3), sh(3, 3)],
      [c(2), c(2), sh(2, 2)],
    ]);
  });

  it("counts speaking turns and time by group, against the group's share of attendance", () => {
    expect(labelsOf(figures, "speaking.bySexAge")).toEqual([
      "reports.figure.group.women",
      "reports.figure.group.men",
      "reports.figure.group.sexUnstated",
      "reports.figure.group.young",
      "reports.figure.group.notYoung",
      "age.unknown",
      "reports.figure.row.total",
    ]);
    // Women: 60 + 120 + 30 + 45 (running) s; men: 90 + 30 + 120 + 60 s; young: 60 + 30 + 45 s (under 18 is not young); 615 s in all.
    expect(rowsOf(figures, "speaking.bySexAge")).toEqual([
      [c(4), sh(4, 9), min(4.25), { share: 255 / 615, of: 9 }, sh(13, 26)],
      [c(4), sh(4, 9), min(5), { share: 300 / 615, of: 9 }, sh(12, 26)],
      [c(1), sh(1, 9), min(1), { share: 60 / 615, of: 9 }, sh(1, 26)],
      [c(3), sh(3, 9), min(2.25), { share: 135 / 615, of: 9 }, sh(14, 26)],
      [c(5), sh(5, 9), min(7), { share: 420 / 615, of: 9 }, sh(11, 26)],
      [c(1), sh(1, 9), min(1), { share: 60 / 615, of: 9 }, sh(1, 26)],
      [c(9), null, min(10.25), null, null],
    ]);
  });

  it("counts the motions submitted in the period, by state, theme and proposer", () => {
    expect(labelsOf(figures, "motions.byState")).toEqual([
      "motions.state.submitted",
      "motions.state.admitted",
      "motions.state.adopted",
      "motions.state.rejected",
      "motions.state.withdrawn",
      "motions.state.referred",
      "reports.figure.row.proposed",
    ]);
    expect(rowsOf(figures, "motions.byState")).toEqual([[c(1), sh(1, 8)], [c(1), sh(1, 8)], [c(3), sh(3, 8)], [c(1), sh(1, 8)], [c(1), sh(1, 8)], [c(1), sh(1, 8)], [c(8), null]]);

    expect(labelsOf(figures, "motions.byTheme")).toEqual(["motions.theme.water", "motions.theme.roads", "motions.theme.health", "motions.theme.education", "reports.figure.row.total"]);
    expect(rowsOf(figures, "motions.byTheme")).toEqual([
      [c(4), sh(4, 8), c(2), c(0)],
      [c(1), sh(1, 8), c(0), c(1)],
      [c(2), sh(2, 8), c(1), c(0)],
      [c(1), sh(1, 8), c(0), c(0)],
      [c(8), null, c(3), c(1)],
    ]);

    // An organisation led by a young woman counts as a women's and as a youth organisation.
    expect(labelsOf(figures, "motions.byProposerType")).toEqual(["motions.proposerType.women", "motions.proposerType.youth", "motions.proposerType.mixed", "reports.figure.row.total"]);
    expect(rowsOf(figures, "motions.byProposerType")).toEqual([
      [c(4), sh(4, 8), c(2), c(0), sh(2, 4)],
      [c(3), sh(3, 8), c(1), c(1), sh(1, 3)],
      [c(3), sh(3, 8), c(1), c(0), sh(1, 3)],
      [c(8), null, c(3), c(1), sh(3, 8)],
    ]);
  });

  it("gives the secret polls' totals and turnout only, for the closed ones of the meetings held", () => {
    const table = tableOf(figures, "polls.secret");
    expect(table.people).toBe(false);
    expect(table.columns).toEqual([
      { key: "polls.choice.yes" },
      { key: "polls.choice.no" },
      { key: "polls.choice.abstain" },
      { key: "reports.figure.col.votes" },
      { key: "reports.figure.col.eligible" },
      { key: "reports.figure.col.turnout" },
    ]);
    expect(table.rows.map((r) => r.label)).toEqual([
      { text: "2026-01-10 · Makòn A · M-2026-001" },
      { text: "2026-02-05 · Makòn B · M-2026-002" },
      { text: "2026-02-05 · Makòn B" },
      { key: "reports.figure.row.allPolls", params: { count: 3 } },
    ]);
    expect(rowsOf(figures, "polls.secret")).toEqual([
      [c(7), c(2), c(1), c(10), c(12), sh(10, 12)],
      [c(3), c(5), c(0), c(8), c(9), sh(8, 9)],
      [c(4), c(4), c(2), c(10), c(10), sh(10, 10)],
      [c(14), c(11), c(3), c(28), c(31), sh(28, 31)],
    ]);
  });

  it("counts the public commitments made in the period, by authority, and the delays", () => {
    expect(labelsOf(figures, "commitments.byAuthority")).toEqual(["CASEC de la 1re section", "Mairie de A", "reports.figure.row.total"]);
    // Overdue on 10 April: the in-progress one due 31 March, the pledge due 5 April (a claim waits for the people, not for the authority).
    expect(rowsOf(figures, "commitments.byAuthority")).toEqual([
      [c(3), c(2), c(1), c(1), sh(1, 3)],
      [c(2), c(1), c(1), c(1), sh(1, 2)],
      [c(5), c(3), c(2), c(2), sh(2, 5)],
    ]);
    expect(labelsOf(figures, "commitments.delays")).toEqual(["reports.figure.row.motionToCommitment", "reports.figure.row.commitmentToConfirmed", "reports.figure.row.motionToConfirmed"]);
    // Motion to commitment: 10, 22 and 9 days; to confirmation: 41 and 24; motion to confirmation: 51 and 33.
    expect(rowsOf(figures, "commitments.delays")).toEqual([
      [{ days: 10 }, c(3)],
      [{ days: 32.5 }, c(2)],
      [{ days: 42 }, c(2)],
    ]);
  });

  it("gives a period with nothing in it as zeros and dashes", () => {
    const empty = computeReportFigures(DATASET, COMMUNE, { from: "2025-06-01", to: "2025-06-30" }, NOW);
    expect(rowsOf(empty, "attendance.disability")).toEqual([[c(0), null]]);
    expect(rowsOf(empty, "attendance.sharesTrend")).toEqual([]);
    expect(rowsOf(empty, "commitments.delays")).toEqual([
      [null, c(0)],
      [null, c(0)],
      [null, c(0)],
    ]);
    expect(rowsOf(empty, "polls.secret")).toEqual([[c(0), c(0), c(0), c(0), c(0), null]]);
  });
});

describe("a report's figures for the public", () => {
  it("masks what each meeting's page masks, and any sum that would give a page's hidden count away", () => {
    const masked = maskReportFigures(computeReportFigures(DATASET, COMMUNE, PERIOD, NOW), DATASET);
    // The meeting of 20 March had 4 people: its page hides its total (2 women, 2 young), so the
    // quarter's total (26 = 11 + 11 + 4), its women (13) and its young (14) are hidden, and with
    // them every share; the cells each shown by one page but hidden by another are hidden too,
    // and a cell more in each column and in the youth group so none is one unknown short.
    expect(rowsOf(masked, "attendance.bySexAge")).toEqual([
      [small, null, null, small, c(0), c(0), null, null],
      [c(0), small, small, null, small, c(0), c(12), null],
      [c(0), c(0), c(0), c(0), c(0), small, small, null],
      [small, c(8), null, c(8), small, small, null, null],
      [null, null, null, null, null, null, null, null],
    ]);
    expect(rowsOf(masked, "attendance.sharesTrend")).toEqual([
      [c(11), c(6), sh(6, 11), c(6), sh(6, 11)],
      [c(11), c(5), sh(5, 11), c(6), sh(6, 11)],
      [small, small, null, small, null],
    ]);
    // 1 + 2: two pages hide theirs, the sum is shown as small; its share of a hidden total is not.
    expect(rowsOf(masked, "attendance.disability")).toEqual([[small, null]]);
    // Turns: every group is small but the other ages' 5 turns (2 + 3, hidden on two pages); all 9 turns are on the record.
    expect(rowsOf(masked, "speaking.bySexAge")).toEqual([
      [small, null, null, null, null],
      [small, null, null, null, null],
      [small, null, null, null, null],
      [small, null, null, null, null],
      [c(5), sh(5, 9), min(7), { share: 420 / 615, of: 9 }, null],
      [small, null, null, null, null],
      [c(9), null, min(10.25), null, null],
    ]);
  });

  it("leaves the figures that do not count people as they are", () => {
    const figures = computeReportFigures(DATASET, COMMUNE, PERIOD, NOW);
    const masked = maskReportFigures(figures, DATASET);
    for (const [k, f] of figures.figures.entries()) if (!f.table.people) expect(masked.figures[k]).toBe(f);
  });

  const oneMeeting = (attendance: ReportAttendance[], turns: ReportTurn[] = []): ReportDataset => ({
    meetings: [meeting(1, 1, "ordinary", "2026-02-01", "closed")],
    attendance,
    organisations: [],
    turns,
    motions: [],
    secretPolls: [],
    commitments: [],
  });

  it("shows 0 and counts of 5 or more, 1 to 4 as « < 5 », and hides what a total would give away", () => {
    const dataset = oneMeeting([...present(1, "female", "25_35", 6), ...present(1, "female", "36_59", 3), ...present(1, "male", "25_35", 7), ...present(1, "male", "36_59", 5)]);
    const masked = maskReportFigures(computeReportFigures(dataset, COMMUNE, PERIOD, NOW), dataset);
    // 3 women of 36 to 59: with the women's 9 shown, the 6 of 25 to 35 are hidden; then the men
    // beside them in each column (7 and 5), since the columns' totals (13 and 8) are shown.
    expect(rowsOf(masked, "attendance.bySexAge")).toEqual([
      [c(0), c(0), null, small, c(0), c(0), c(9), sh(9, 21)],
      [c(0), c(0), null, null, c(0), c(0), c(12), sh(12, 21)],
      [c(0), c(0), c(0), c(0), c(0), c(0), c(0), sh(0, 21)],
      [c(0), c(0), c(13), c(8), c(0), c(0), c(21), null],
      [null, null, null, null, null, null, c(13), sh(13, 21)],
    ]);
    expect(rowsOf(masked, "attendance.sharesTrend")).toEqual([[c(21), c(9), sh(9, 21), c(13), sh(13, 21)]]);
    expect(rowsOf(masked, "attendance.disability")).toEqual([[c(0), sh(0, 21)]]);
  });

  it("hides a sum when one meeting's page hides its part and the others show theirs (8 − 5 would give away 3)", () => {
    const both = (meetingId: number, oldMen: number, disabled: number) => [
      ...present(meetingId, "female", "25_35", 5),
      ...present(meetingId, "female", "60p", 5),
      ...present(meetingId, "male", "25_35", 5),
      ...present(meetingId, "male", "60p", oldMen - disabled),
      ...present(meetingId, "male", "60p", disabled, { disability: true }),
    ];
    const dataset = (disabledOnSecond: number): ReportDataset => ({
      ...oneMeeting([...both(1, 3, 3), ...both(2, 5, disabledOnSecond)]),
      meetings: [meeting(1, 1, "ordinary", "2026-02-01", "closed"), meeting(2, 1, "ordinary", "2026-03-01", "closed")],
    });
    const twoSmall = dataset(2);
    const masked = maskReportFigures(computeReportFigures(twoSmall, COMMUNE, PERIOD, NOW), twoSmall);
    // The first page hides its four cells (3 men of 60 and more, and the three that would give them
    // away); the second shows its own. Every sum of the two is hidden: the 8 men of 60 and more
    // would give away the first meeting's 3. The totals, which both pages show, stay.
    expect(rowsOf(masked, "attendance.bySexAge")).toEqual([
      [c(0), c(0), null, c(0), null, c(0), c(20), sh(20, 38)],
      [c(0), c(0), null, c(0), null, c(0), c(18), sh(18, 38)],
      [c(0), c(0), c(0), c(0), c(0), c(0), c(0), sh(0, 38)],
      [c(0), c(0), c(20), c(0), c(18), c(0), c(38), null],
      [null, null, null, null, null, null, c(20), sh(20, 38)],
    ]);
    // 3 and 2 people with a disability, both "< 5" on their pages: their sum, 5, says neither.
    expect(rowsOf(masked, "attendance.disability")).toEqual([[c(5), sh(5, 38)]]);
    // 3 and 5: the second page shows its 5, so the sum, 8, would give away the first's 3.
    const oneSmall = dataset(5);
    expect(rowsOf(maskReportFigures(computeReportFigures(oneSmall, COMMUNE, PERIOD, NOW), oneSmall), "attendance.disability")).toEqual([[null, null]]);
    // 2 and 2 hidden beside a page that shows 6: the sum, 10, would give away the 4 the two pages hide together.
    const pair: ReportDataset = {
      ...oneMeeting([...both(1, 3, 2), ...both(2, 3, 2), ...both(3, 6, 6)]),
      meetings: [meeting(1, 1, "ordinary", "2026-02-01", "closed"), meeting(2, 1, "ordinary", "2026-02-15", "closed"), meeting(3, 1, "ordinary", "2026-03-01", "closed")],
    };
    expect(rowsOf(maskReportFigures(computeReportFigures(pair, COMMUNE, PERIOD, NOW), pair), "attendance.disability")).toEqual([[null, null]]);
  });

  it("masks speaking turns as the meeting's page does, and compares with attendance where it is shown", () => {
    const dataset = oneMeeting(
      [...present(1, "female", "25_35", 10), ...present(1, "male", "36_59", 10)],
      [turn(1, "female", "25_35", 60), turn(1, "female", "25_35", 60), turn(1, "male", "25_35", 60), ...[1, 2, 3, 4, 5].map(() => turn(1, "male", "36_59", 60))],
    );
    const figures = computeReportFigures(dataset, COMMUNE, PERIOD, NOW);
    // 2 women's turns are small; the men's 6 would give them away from all 8: hidden. The same for
    // the 3 young people's turns and the 5 of the other ages.
    const masked = maskReportFigures(figures, dataset);
    expect(rowsOf(masked, "speaking.bySexAge")).toEqual([
      [small, null, null, null, sh(10, 20)],
      [null, null, null, null, sh(10, 20)],
      [c(0), sh(0, 8), min(0), { share: 0, of: 8 }, sh(0, 20)],
      [small, null, null, null, sh(10, 20)],
      [null, null, null, null, sh(10, 20)],
      [c(0), sh(0, 8), min(0), { share: 0, of: 8 }, sh(0, 20)],
      [c(8), null, min(8), null, null],
    ]);
    // One figure alone, in its report's context, masks the same.
    expect(maskFigure(figures.figures[5]!, maskContext(dataset, PERIOD, NOW))).toEqual(masked.figures[5]);
    // As the meeting's own page shows them.
    const page = speakingTotalsFor("public", speakingTotals(dataset.turns, NOW));
    expect([page.women.turns, page.men.turns, page.young.turns, page.notYoung.turns, page.all.turns]).toEqual(["<5", "hidden", "<5", "hidden", 8]);
  });
});
