import { boardFigures, median, type FigureRow as CommitmentRow } from "../commitments/board-figures";
import { daysBetween } from "../commitments/commitment-state";
import { localDate } from "../dates";
import type { MessageKey, Params } from "../i18n/translate";
import { parityFigures, SPEAKING_GROUPS, speakingTotals, type SpeakingGroup, type SpeakingTotals, type SpokenTurn } from "../live/speaking-time";
import { attendanceFigures, countedRows, type AttendanceFigures, type AttendanceRow } from "../meetings/attendance-figures";
import { MEETING_KINDS, type MeetingKind } from "../meetings/kinds";
import type { MeetingStatus } from "../meetings/meeting-state";
import { figuresFor, speakingTotalsFor } from "../meetings/views";
import { MOTION_STATES, type MotionState } from "../motions/motion-state";
import type { ProposerType } from "../motions/motions.schemas";
import { MOTION_THEMES, type MotionTheme } from "../motions/themes";
import { ORGANISATION_TYPES, type OrganisationType } from "../organisations/types";
import { AGE_KEYS, SEX_KEYS, share, tallyBySexAndAge, type AgeKey, type SexKey } from "../people/disaggregation";
import { isShown, maskCount, sexAgeGroups, SMALL_CELL, suppressCells, type CountCell, type SexAgeView, type SumGroup } from "../people/privacy";
import { cast, type Tally } from "../polls/decision";
import type { PollState } from "../polls/methods";
import { FIGURE_IDS, type Cell, type ChartSpec, type FigureId, type FigureRow, type FigureTable, type Label, type ReportFigure, type ReportFigures, type ReportPeriod, type ReportScope } from "./figure-types";

/**
 * A report's figures, computed from the public record of its scope and period with the same
 * pure modules the meetings, polls and commitments use, so that a report says what their pages
 * say. Pure: the record comes in as plain rows (`report-dataset.server.ts` reads it), the instant
 * of the computation too.
 */

// ——— The record a report reads ———

export interface ReportMeeting {
  id: number;
  spaceId: number;
  /** Named beside a meeting's date when a report covers several spaces. */
  spaceName: string;
  kind: MeetingKind;
  /** Its day in Haiti (YYYY-MM-DD). */
  day: string;
  status: MeetingStatus;
  published: boolean;
}

export type ReportAttendance = AttendanceRow & { meetingId: number };
export type ReportTurn = SpokenTurn & { meetingId: number };

/** A member organisation of the scope's spaces during the period. */
export interface ReportOrganisation {
  id: number;
  type: OrganisationType;
  ledByWoman: boolean;
  ledByYouth: boolean;
}

export interface ReportMotion {
  id: number;
  state: MotionState;
  theme: MotionTheme;
  /** An amendment is decided with its motion, not counted as one. */
  amendment: boolean;
  /** Received from a section's space: counted where it was proposed, so once over a commune. */
  forwarded: boolean;
  /** Null while it is a draft. */
  submittedDay: string | null;
  proposer: { ledByWoman: boolean; ledByYouth: boolean };
}

/** A secret poll as its result says it: the counters and how many could vote, nothing about any voter. */
export interface ReportSecretPoll {
  id: number;
  meetingId: number;
  state: PollState;
  /** The motion's number (M-2026-014, M-2026-014 A2), when it is on one. */
  motion: string | null;
  tally: Tally;
  eligible: number;
}

/** A commitment as the accountability board counts it, whether the public sees it, and the day its motion was adopted. */
export type ReportCommitment = CommitmentRow & { public: boolean; motionDay: string | null };

export interface ReportDataset {
  meetings: readonly ReportMeeting[];
  attendance: readonly ReportAttendance[];
  organisations: readonly ReportOrganisation[];
  turns: readonly ReportTurn[];
  motions: readonly ReportMotion[];
  secretPolls: readonly ReportSecretPoll[];
  commitments: readonly ReportCommitment[];
}

// ——— What counts ———

export const inPeriod = (day: string, period: ReportPeriod): boolean => day >= period.from && day <= period.to;

/** A meeting held in the period that the public may read: published, and closed or under way. */
export const heldInPeriod = (m: Pick<ReportMeeting, "day" | "status" | "published">, period: ReportPeriod): boolean =>
  m.published && (m.status === "closed" || m.status === "live") && inPeriod(m.day, period);

/** A motion (not an amendment, not a copy received from a section) submitted in the period. */
export const countedMotion = (m: Pick<ReportMotion, "state" | "amendment" | "forwarded" | "submittedDay">, period: ReportPeriod): boolean =>
  !m.amendment && !m.forwarded && m.state !== "draft" && m.submittedDay !== null && inPeriod(m.submittedDay, period);

/** A public commitment made in the period. */
export const countedCommitment = (c: Pick<ReportCommitment, "public" | "pledgedOn">, period: ReportPeriod): boolean => c.public && inPeriod(c.pledgedOn, period);

interface HeldMeeting {
  meeting: ReportMeeting;
  /** Its attendance, each known person once. */
  rows: ReportAttendance[];
  turns: ReportTurn[];
  figures: AttendanceFigures;
  speaking: SpeakingTotals;
}

/** The meetings that count, in date order, each with the figures its own page computes. */
function heldMeetings(dataset: ReportDataset, period: ReportPeriod, computedAt: number): HeldMeeting[] {
  const members = dataset.organisations.map((o) => o.id);
  const attendance = byMeeting(dataset.attendance);
  const turns = byMeeting(dataset.turns);
  return dataset.meetings
    .filter((m) => heldInPeriod(m, period))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id)
    .map((meeting) => {
      const rows = countedRows(attendance.get(meeting.id) ?? []);
      return {
        meeting,
        rows,
        turns: turns.get(meeting.id) ?? [],
        // The quorum is no report figure: only the people and the disability count are read.
        figures: attendanceFigures({ rows, memberOrganisationIds: members, quorumPercent: 0 }),
        speaking: speakingTotals(turns.get(meeting.id) ?? [], computedAt),
      };
    });
}

function byMeeting<T extends { meetingId: number }>(list: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of list) {
    const group = map.get(item.meetingId);
    if (group) group.push(item);
    else map.set(item.meetingId, [item]);
  }
  return map;
}

// ——— Cells, labels, tables ———

const key = (k: MessageKey, params?: Params): Label => (params ? { key: k, params } : { key: k });
const count = (n: number): Cell => ({ count: n });
/** A share of a whole; "—" of nothing. */
const shareCell = (part: number, whole: number): Cell => (whole === 0 ? null : { share: share(part, whole).share, of: whole });
const row = (label: Label, cells: Cell[]): FigureRow => ({ label, cells });
const table = (columns: Label[], rows: FigureRow[], people: boolean): FigureTable => ({ columns, rows, people });
const figure = (id: FigureId, t: FigureTable, chart: ChartSpec | null): ReportFigure => ({
  id,
  title: `reports.figure.${id}.title`,
  definition: `reports.figure.${id}.definition`,
  table: t,
  chart,
});
const col = (name: ColumnName): Label => ({ key: `reports.figure.col.${name}` });
const TOTAL = key("reports.figure.row.total");

/** A column's name: its message is `reports.figure.col.<name>`. */
type After<K, Prefix extends string> = K extends `${Prefix}${infer Name}` ? Name : never;
type ColumnName = After<MessageKey, "reports.figure.col.">;

/** A meeting as a row names it: its day, and its space when the report covers several. */
const meetingName = (m: ReportMeeting, scope: ReportScope): string => (scope.kind === "space" ? m.day : `${m.day} · ${m.spaceName}`);

// ——— The attendance table's layout (shared with its masking) ———

const TOTAL_COLUMN = AGE_KEYS.length;
const SHARE_COLUMN = AGE_KEYS.length + 1;
const ALL_ROW = SEX_KEYS.length;
const YOUTH_ROW = SEX_KEYS.length + 1;

/** The speaking groups' rows, then all turns. */
const SPEAKING_ROWS: readonly (SpeakingGroup | "all")[] = [...SPEAKING_GROUPS, "all"];
const SPEAKING_LABELS: Record<SpeakingGroup, MessageKey> = {
  women: "reports.figure.group.women",
  men: "reports.figure.group.men",
  sexUnstated: "reports.figure.group.sexUnstated",
  young: "reports.figure.group.young",
  notYoung: "reports.figure.group.notYoung",
  ageUnknown: "age.unknown",
};

const PROPOSER_TYPES: readonly ProposerType[] = ["women", "youth", "mixed"];
/** The proposer types a motion counts in, as the motions' filter reads them: led by a woman, by a young person (both, for some), or neither. */
function proposerTypes(p: ReportMotion["proposer"]): ProposerType[] {
  const types: ProposerType[] = [];
  if (p.ledByWoman) types.push("women");
  if (p.ledByYouth) types.push("youth");
  return types.length > 0 ? types : ["mixed"];
}

// ——— The figures ———

export function computeReportFigures(dataset: ReportDataset, scope: ReportScope, period: ReportPeriod, computedAt: number): ReportFigures {
  const held = heldMeetings(dataset, period, computedAt);
  const attendees = held.flatMap((h) => h.rows);
  const people = tallyBySexAndAge(attendees);
  const motions = dataset.motions.filter((m) => countedMotion(m, period));
  const commitments = dataset.commitments.filter((c) => countedCommitment(c, period));
  // Overdue is said of the day the figures are computed: a commitment's state is the one it has then.
  const today = localDate(computedAt);
  const figures: Record<FigureId, ReportFigure> = {
    "meetings.byKind": figure(
      "meetings.byKind",
      table(
        [col("meetings")],
        [...MEETING_KINDS.map((kind) => row(key(`meetingKind.${kind}`), [count(held.filter((h) => h.meeting.kind === kind).length)])), row(TOTAL, [count(held.length)])],
        false,
      ),
      { type: "bars", column: 0 },
    ),

    "attendance.bySexAge": figure(
      "attendance.bySexAge",
      table(
        [...AGE_KEYS.map((age) => key(`age.${age}`)), col("total"), col("shareOfAttendance")],
        [
          ...SEX_KEYS.map((sex) => row(key(`sex.${sex}`), [...AGE_KEYS.map((age) => count(people.bySexAndAge[sex][age])), count(people.bySex[sex]), shareCell(people.bySex[sex], people.total)])),
          row(TOTAL, [...AGE_KEYS.map((age) => count(people.byAge[age])), count(people.total), null]),
          row(key("reports.figure.row.youth"), [...AGE_KEYS.map(() => null), count(people.youth.count), shareCell(people.youth.count, people.total)]),
        ],
        true,
      ),
      { type: "bars", column: SHARE_COLUMN },
    ),

    "attendance.sharesTrend": figure(
      "attendance.sharesTrend",
      table(
        [col("present"), col("women"), col("womenShare"), col("young"), col("youthShare")],
        held.map(({ meeting, figures: { people: p } }) =>
          row({ text: meetingName(meeting, scope) }, [count(p.total), count(p.bySex.female), shareCell(p.bySex.female, p.total), count(p.youth.count), shareCell(p.youth.count, p.total)]),
        ),
        true,
      ),
      { type: "line", column: 2 },
    ),

    "attendance.disability": (() => {
      const withDisability = held.reduce((sum, h) => sum + h.figures.withDisability, 0);
      return figure("attendance.disability", table([col("people"), col("shareOfAttendance")], [row(key("reports.figure.row.withDisability"), [count(withDisability), shareCell(withDisability, people.total)])], true), null);
    })(),

    "organisations.activeByType": (() => {
      const present = new Set(attendees.map((r) => r.organisationId));
      const line = (label: Label, orgs: readonly ReportOrganisation[]) => {
        const active = orgs.filter((o) => present.has(o.id)).length;
        return row(label, [count(orgs.length), count(active), shareCell(active, orgs.length)]);
      };
      const orgs = dataset.organisations;
      return figure(
        "organisations.activeByType",
        table(
          [col("members"), col("active"), col("activeShare")],
          [
            ...ORGANISATION_TYPES.filter((type) => orgs.some((o) => o.type === type)).map((type) => line(key(`orgType.${type}`), orgs.filter((o) => o.type === type))),
            line(TOTAL, orgs),
            line(key("reports.figure.row.ledByWoman"), orgs.filter((o) => o.ledByWoman)),
            line(key("reports.figure.row.ledByYouth"), orgs.filter((o) => o.ledByYouth)),
          ],
          false,
        ),
        { type: "bars", column: 2 },
      );
    })(),

    "speaking.bySexAge": (() => {
      const totals = speakingTotals(
        held.flatMap((h) => h.turns),
        computedAt,
      );
      const parity = parityFigures(totals);
      const present: Record<SpeakingGroup, number> = {
        women: people.bySex.female,
        men: people.bySex.male,
        sexUnstated: people.bySex.unstated,
        young: people.youth.count,
        notYoung: people.total - people.youth.count - people.byAge.unknown,
        ageUnknown: people.byAge.unknown,
      };
      const minutes = (ms: number): Cell => ({ minutes: ms / 60_000 });
      return figure(
        "speaking.bySexAge",
        table(
          [col("turns"), col("turnsShare"), col("speakingTime"), col("timeShare"), col("shareOfAttendance")],
          SPEAKING_ROWS.map((group) =>
            group === "all"
              ? row(TOTAL, [count(totals.all.turns), null, minutes(totals.all.ms), null, null])
              : row(key(SPEAKING_LABELS[group]), [
                  count(totals[group].turns),
                  totals.all.turns === 0 ? null : { share: parity.turns[group].share, of: totals.all.turns },
                  minutes(totals[group].ms),
                  // Of the time of all the turns: `of` says how many turns it is measured over.
                  totals.all.ms === 0 ? null : { share: parity.time[group].share, of: totals.all.turns },
                  shareCell(present[group], people.total),
                ]),
          ),
          true,
        ),
        { type: "bars", column: 3 },
      );
    })(),

    "motions.byState": figure(
      "motions.byState",
      table(
        [col("motions"), col("share")],
        [
          ...MOTION_STATES.filter((state) => state !== "draft").map((state) => {
            const n = motions.filter((m) => m.state === state).length;
            return row(key(`motions.state.${state}`), [count(n), shareCell(n, motions.length)]);
          }),
          row(key("reports.figure.row.proposed"), [count(motions.length), null]),
        ],
        false,
      ),
      { type: "bars", column: 1 },
    ),

    "motions.byTheme": (() => {
      const line = (label: Label, list: readonly ReportMotion[], shareOf: number | null) =>
        row(label, [
          count(list.length),
          shareOf === null ? null : shareCell(list.length, shareOf),
          count(list.filter((m) => m.state === "adopted").length),
          count(list.filter((m) => m.state === "rejected").length),
        ]);
      return figure(
        "motions.byTheme",
        table(
          [col("proposed"), col("shareOfMotions"), col("adopted"), col("rejected")],
          [
            ...MOTION_THEMES.filter((theme) => motions.some((m) => m.theme === theme)).map((theme) => line(key(`motions.theme.${theme}`), motions.filter((m) => m.theme === theme), motions.length)),
            line(TOTAL, motions, null),
          ],
          false,
        ),
        { type: "bars", column: 1 },
      );
    })(),

    "motions.byProposerType": (() => {
      const line = (label: Label, list: readonly ReportMotion[], shareOf: number | null) => {
        const adopted = list.filter((m) => m.state === "adopted").length;
        return row(label, [count(list.length), shareOf === null ? null : shareCell(list.length, shareOf), count(adopted), count(list.filter((m) => m.state === "rejected").length), shareCell(adopted, list.length)]);
      };
      return figure(
        "motions.byProposerType",
        table(
          [col("proposed"), col("shareOfMotions"), col("adopted"), col("rejected"), col("adoptedShare")],
          [...PROPOSER_TYPES.map((type) => line(key(`motions.proposerType.${type}`), motions.filter((m) => proposerTypes(m.proposer).includes(type)), motions.length)), line(TOTAL, motions, null)],
          false,
        ),
        { type: "bars", column: 1 },
      );
    })(),

    "polls.secret": (() => {
      const order = new Map(held.map((h, i) => [h.meeting.id, i]));
      const polls = dataset.secretPolls.filter((p) => p.state === "closed" && order.has(p.meetingId)).sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)! || a.id - b.id);
      const line = (label: Label, tally: Tally, eligible: number) => row(label, [count(tally.yes), count(tally.no), count(tally.abstain), count(cast(tally)), count(eligible), shareCell(cast(tally), eligible)]);
      const sum = polls.reduce((s, p) => ({ yes: s.yes + p.tally.yes, no: s.no + p.tally.no, abstain: s.abstain + p.tally.abstain, eligible: s.eligible + p.eligible }), { yes: 0, no: 0, abstain: 0, eligible: 0 });
      return figure(
        "polls.secret",
        table(
          [key("polls.choice.yes"), key("polls.choice.no"), key("polls.choice.abstain"), col("votes"), col("eligible"), col("turnout")],
          [
            ...polls.map((p) => {
              const name = meetingName(held[order.get(p.meetingId)!]!.meeting, scope);
              return line({ text: p.motion === null ? name : `${name} · ${p.motion}` }, p.tally, p.eligible);
            }),
            line(key("reports.figure.row.allPolls", { count: polls.length }), sum, sum.eligible),
          ],
          false,
        ),
        { type: "bars", column: 5 },
      );
    })(),

    "commitments.byAuthority": (() => {
      const board = boardFigures(commitments, today);
      const line = (label: Label, c: { made: number; claimedDone: number; confirmed: number; overdue: number }) =>
        row(label, [count(c.made), count(c.claimedDone), count(c.confirmed), count(c.overdue), shareCell(c.confirmed, c.made)]);
      return figure(
        "commitments.byAuthority",
        table([col("made"), col("claimedDone"), col("confirmed"), col("overdue"), col("confirmedShare")], [...board.byAuthority.map((a) => line({ text: a.name }, a)), line(TOTAL, board)], false),
        { type: "bars", column: 4 },
      );
    })(),

    "commitments.delays": (() => {
      const confirmed = commitments.filter((c) => c.state === "verified" && c.verifiedOn !== null);
      const delay = (label: MessageKey, days: number | null, measured: number) => row(key(label), [days === null ? null : { days }, count(measured)]);
      const medianOf = (label: MessageKey, days: number[]) => delay(label, median(days), days.length);
      return figure(
        "commitments.delays",
        table(
          [col("medianDays"), col("measured")],
          [
            medianOf(
              "reports.figure.row.motionToCommitment",
              commitments.flatMap((c) => (c.motionDay === null ? [] : [daysBetween(c.motionDay, c.pledgedOn)])),
            ),
            delay("reports.figure.row.commitmentToConfirmed", boardFigures(commitments, today).medianDaysToConfirmed, confirmed.length),
            medianOf(
              "reports.figure.row.motionToConfirmed",
              confirmed.flatMap((c) => (c.motionDay === null ? [] : [daysBetween(c.motionDay, c.verifiedOn!)])),
            ),
          ],
          false,
        ),
        null,
      );
    })(),
  };
  return { scope, period, computedAt, figures: FIGURE_IDS.map((id) => figures[id]) };
}

// ——— For the public ———

/**
 * What the public already reads beside a report: each held meeting's page, its attendance and
 * speaking figures masked as the page masks them (`figuresFor`, `speakingTotalsFor`), and from
 * them the report's own counts of people as the public may have them.
 *
 * A report's count is the sum of the meetings' counts: the sum minus the parts the pages show
 * gives away what the pages hide, together. Where that remainder is 1 to 4 people (one page's
 * hidden part, or several that add up to fewer than five), the report hides the sum too; where
 * no page hides a part, the sum is public already (it is never hidden to protect another cell:
 * hiding it would protect nothing). Two reports over overlapping periods or scopes can still be
 * subtracted from each other: that is not guarded here. Within each table the
 * secondary suppression of `suppressCells` then runs as for a page. The attendance table is
 * the one every other figure about attendance is read against: the speaking figures' shares
 * of attendance and the disability share are shown only where it shows their counts.
 */
export interface MaskContext {
  /** One a held meeting, in date order (the trend's rows): what its page shows. */
  pages: { people: SexAgeView; withDisability: CountCell }[];
  /** The attendance table's counts for the public, by the keys of `sexAgeGroups`. */
  attendance: Record<string, CountCell>;
  withDisability: CountCell;
  /** Speaking turns for the public, by group. */
  turns: Record<SpeakingGroup | "all", CountCell>;
}

/** A sex × age tally (or its masked view) by the keys of `sexAgeGroups`: `cell:female:18_24`, `sex:female`, `age:18_24`, `total`, `youth`. */
function sexAgeKeys<T>(t: { total: T; bySexAndAge: Record<SexKey, Record<AgeKey, T>>; bySex: Record<SexKey, T>; byAge: Record<AgeKey, T>; youth: { count: T } }): Record<string, T> {
  const keys: Record<string, T> = { total: t.total, youth: t.youth.count };
  for (const sex of SEX_KEYS) {
    keys[`sex:${sex}`] = t.bySex[sex];
    for (const age of AGE_KEYS) keys[`cell:${sex}:${age}`] = t.bySexAndAge[sex][age];
  }
  for (const age of AGE_KEYS) keys[`age:${age}`] = t.byAge[age];
  return keys;
}

/**
 * `suppressCells` over sums of the pages' counts: a sum no page hides a part of is public
 * (fixed); a sum whose hidden parts add up to 1–4 people is hidden from the start — given to
 * `suppressCells` as 1, a count it hides, and shown "< 5" or hidden by its own count.
 */
function suppressAgainstPages(values: Record<string, number>, groups: readonly SumGroup[], pages: readonly Record<string, CountCell>[]): Record<string, CountCell> {
  const hiddenOn = (k: string) => pages.filter((page) => !isShown(page[k]!)).length;
  // What the pages hide of a sum, together: the sum minus the parts they show.
  const remainder = (k: string) => values[k]! - pages.reduce((sum, page) => sum + (isShown(page[k]!) ? (page[k] as number) : 0), 0);
  const keys = Object.keys(values);
  const hidden = new Set(keys.filter((k) => hiddenOn(k) > 0 && maskCount(remainder(k)) === "<5"));
  const cells = suppressCells({ ...values, ...Object.fromEntries([...hidden].map((k) => [k, 1])) }, groups, { fixed: keys.filter((k) => hiddenOn(k) === 0) });
  return Object.fromEntries(keys.map((k) => [k, hidden.has(k) ? (maskCount(values[k]!) === "<5" ? "<5" : "hidden") : cells[k]!]));
}

const SPEAKING_SEXES: readonly SpeakingGroup[] = ["women", "men", "sexUnstated"];
const SPEAKING_AGES: readonly SpeakingGroup[] = ["young", "notYoung", "ageUnknown"];

export function maskContext(dataset: ReportDataset, period: ReportPeriod, computedAt: number): MaskContext {
  const held = heldMeetings(dataset, period, computedAt);
  const pages = held.map((h) => ({ ...figuresFor("public", h.figures), speaking: speakingTotalsFor("public", h.speaking) }));
  const people = tallyBySexAndAge(held.flatMap((h) => h.rows));
  const totals = speakingTotals(
    held.flatMap((h) => h.turns),
    computedAt,
  );
  const turnsOf = (t: Record<SpeakingGroup | "all", { turns: number | CountCell }>) => Object.fromEntries(SPEAKING_ROWS.map((g) => [g, t[g].turns]));
  return {
    pages: pages.map((p) => ({ people: p.people, withDisability: p.withDisability })),
    attendance: suppressAgainstPages(
      sexAgeKeys(people),
      sexAgeGroups(),
      pages.map((p) => sexAgeKeys(p.people)),
    ),
    withDisability: suppressAgainstPages(
      { n: held.reduce((sum, h) => sum + h.figures.withDisability, 0) },
      [],
      pages.map((p) => ({ n: p.withDisability })),
    ).n!,
    turns: suppressAgainstPages(
      turnsOf(totals) as Record<string, number>,
      [
        { total: "all", parts: SPEAKING_SEXES },
        { total: "all", parts: SPEAKING_AGES },
      ],
      pages.map((p) => turnsOf(p.speaking)),
    ) as Record<SpeakingGroup | "all", CountCell>,
  };
}

type Status = "shown" | "small" | "hidden";
const statusOf = (cell: CountCell): Status => (isShown(cell) ? "shown" : cell === "<5" ? "small" : "hidden");
/** A share, a duration: shown only with every count it is computed from. */
const withAll = (...cells: CountCell[]): Status => (cells.every(isShown) ? "shown" : "hidden");

/** The counts of attendance each speaking group's share of attendance is computed from (not young: all but the young and the unknown ages). */
const ATTENDANCE_OF: Record<SpeakingGroup, readonly string[]> = {
  women: ["sex:female", "total"],
  men: ["sex:male", "total"],
  sexUnstated: ["sex:unstated", "total"],
  young: ["youth", "total"],
  notYoung: ["youth", "age:unknown", "total"],
  ageUnknown: ["age:unknown", "total"],
};

/** How each cell of a figure about people shows to the public, by its place in the table. */
const LAYOUTS: Partial<Record<FigureId, (ctx: MaskContext, i: number, j: number) => Status>> = {
  "attendance.bySexAge": ({ attendance: a }, i, j) => {
    const margin = i < ALL_ROW ? `sex:${SEX_KEYS[i]}` : i === ALL_ROW ? "total" : "youth";
    if (j === SHARE_COLUMN) return withAll(a[margin]!, a.total!);
    if (j === TOTAL_COLUMN) return statusOf(a[margin]!);
    if (i === YOUTH_ROW) return "shown";
    return statusOf(a[i === ALL_ROW ? `age:${AGE_KEYS[j]}` : `cell:${SEX_KEYS[i]}:${AGE_KEYS[j]}`]!);
  },
  "attendance.sharesTrend": ({ pages }, i, j) => {
    const { people: p } = pages[i]!;
    return [statusOf(p.total), statusOf(p.bySex.female), withAll(p.bySex.female, p.total), statusOf(p.youth.count), withAll(p.youth.count, p.total)][j]!;
  },
  "attendance.disability": (ctx, _i, j) => (j === 0 ? statusOf(ctx.withDisability) : withAll(ctx.withDisability, ctx.attendance.total!)),
  "speaking.bySexAge": (ctx, i, j) => {
    const group = SPEAKING_ROWS[i]!;
    if (j === 0) return statusOf(ctx.turns[group]);
    if (j < 4 || group === "all") return withAll(ctx.turns[group]);
    return withAll(...ATTENDANCE_OF[group].map((k) => ctx.attendance[k]!));
  },
};

/**
 * A figure for the public, in the context of its report (`maskContext`): in a table about
 * people, a count of 1 to 4 shows "< 5"; a count that would give one away, and a share or a
 * time computed from a count that is not shown, show "—" (null). Other figures are as counted.
 */
export function maskFigure(figure: ReportFigure, context: MaskContext): ReportFigure {
  const layout = LAYOUTS[figure.id];
  if (!figure.table.people || !layout) return figure;
  const masked = (cell: Cell, status: Status): Cell => (cell === null || status === "shown" ? cell : status === "small" ? { fewerThan: SMALL_CELL } : null);
  return {
    ...figure,
    table: { ...figure.table, rows: figure.table.rows.map((r, i) => ({ ...r, cells: r.cells.map((cell, j) => masked(cell, layout(context, i, j))) })) },
  };
}

/** A report's figures for the public: each masked in the context of the record they were computed from. */
export function maskReportFigures(figures: ReportFigures, dataset: ReportDataset): ReportFigures {
  const context = maskContext(dataset, figures.period, figures.computedAt);
  return { ...figures, figures: figures.figures.map((f) => maskFigure(f, context)) };
}
