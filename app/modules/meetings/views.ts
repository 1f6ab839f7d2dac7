import { localDate } from "../dates";
import type { AgeGroupId } from "../people/age-groups";
import { tallyBySexAndAge } from "../people/disaggregation";
import { isMinor, isShown, maskCount, maskTally, nameablePublicly, suppressCells, unnamedCount, type CountCell, type SexAgeView } from "../people/privacy";
import type { Sex } from "../people/sex";
import { SPEAKING_GROUPS, type SpeakingGroup, type SpeakingTotals } from "../live/speaking-time";
import type { Audience } from "../spaces/audience";
import { countedRows, type AttendanceFigures } from "./attendance-figures";
import type { AttendanceRole } from "./kinds";

/**
 * What a meeting's pages show of its attendees, their figures and their speaking turns, for
 * each audience (`spaces/audience.ts`): built here from the records, so that a loader returns
 * a view model and never a row.
 */

/** An attendee as recorded at the door (`listAttendance`). */
export interface AttendeeRecord {
  id: number;
  personId: number | null;
  name: string;
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
  disability: boolean;
  organisationId: number | null;
  role: AttendanceRole;
  arrivedAt: number;
  organisationName: string | null;
  organisationAcronym: string | null;
  /** The known person's consent, birth year, recorded age group and mandate. */
  namedPublicly: boolean;
  birthYear: number | null;
  personAgeGroup: string | null;
  official: boolean;
}

export interface AttendeeView {
  id: number;
  name: string;
  organisation: string | null;
  role: AttendanceRole;
  arrivedAt: number;
  /** Who keeps the register only: what the door recorded of the person. */
  register?: { personId: number | null; sex: Sex | null; ageGroup: AgeGroupId | null; disability: boolean; organisationId: number | null };
}

/** The year of a meeting in Haiti's calendar: ages are counted in it. */
export const meetingYear = (startsAt: number): number => Number(localDate(startsAt).slice(0, 4));

/** Whether an attendee may be named on a public page, in the meeting's year. */
export function attendeeNameable(row: AttendeeRecord, year: number): boolean {
  const minor = row.ageGroup === "u18" || isMinor({ birthYear: row.birthYear, ageGroup: row.personAgeGroup }, year);
  return nameablePublicly({ known: row.personId !== null, official: row.official, namedPublicly: row.namedPublicly, minor });
}

/**
 * The attendees for one audience. Facilitators: everything the door recorded. Members: who
 * came, from which organisation, in which role. The public: officials and adults who agreed
 * to be named; the others counted (the figures' total minus the list: masked only when that
 * total is, see `unnamedCount`).
 */
export function attendeesFor(audience: Audience, rows: readonly AttendeeRecord[], year: number): { rows: AttendeeView[]; unnamed: CountCell } {
  const base = (r: AttendeeRecord): AttendeeView => ({ id: r.id, name: r.name, organisation: r.organisationAcronym ?? r.organisationName, role: r.role, arrivedAt: r.arrivedAt });
  if (audience === "facilitator") {
    return {
      rows: rows.map((r) => ({ ...base(r), register: { personId: r.personId, sex: r.sex, ageGroup: r.ageGroup, disability: r.disability, organisationId: r.organisationId } })),
      unnamed: 0,
    };
  }
  if (audience === "member") return { rows: rows.map(base), unnamed: 0 };
  const named = rows.filter((r) => attendeeNameable(r, year));
  const publicTotal = maskTally(tallyBySexAndAge(countedRows(rows))).total;
  return { rows: named.map(base), unnamed: unnamedCount(rows.length - named.length, publicTotal) };
}

/** Attendance figures as a page shows them: as counted, or with small cells masked. */
export interface FiguresView extends Omit<AttendanceFigures, "people" | "withDisability"> {
  people: SexAgeView;
  withDisability: CountCell;
}

/** The public's figures: small cells "< 5", the cells that would give them away hidden (`maskTally`). */
export function figuresFor(audience: Audience, figures: AttendanceFigures): FiguresView {
  if (audience !== "public") return figures;
  return { ...figures, people: maskTally(figures.people), withDisability: maskCount(figures.withDisability) };
}

export interface TurnRecord {
  id: number;
  attendanceId: number;
  name: string;
  organisation: string | null;
  item: string | null;
  startedAt: number;
  ms: number;
}

/**
 * A turn as a page lists it, with its place in the record (1, 2, …). On a public page a turn
 * whose speaker may not be named keeps only its place and its agenda item: no name, no
 * organisation, no time and no duration (the start times of turns give their durations),
 * so that no turn can be matched with the speaking figures of a small group.
 */
export interface TurnView {
  id: number;
  position: number;
  name: string | null;
  organisation: string | null;
  item: string | null;
  startedAt: number | null;
  ms: number | null;
}

export function turnsFor(audience: Audience, turns: readonly TurnRecord[], attendees: readonly AttendeeRecord[], year: number): TurnView[] {
  const nameable = new Set(audience === "public" ? attendees.filter((a) => attendeeNameable(a, year)).map((a) => a.id) : attendees.map((a) => a.id));
  return turns.map(({ attendanceId, ...turn }, index) =>
    audience !== "public" || nameable.has(attendanceId)
      ? { ...turn, position: index + 1 }
      : { id: turn.id, position: index + 1, name: null, organisation: null, item: turn.item, startedAt: null, ms: null },
  );
}

/** Speaking time and turns of a group as a page shows them: the time is null when the turns are masked. */
export interface GroupTimeView {
  ms: number | null;
  turns: CountCell;
}

export type SpeakingTotalsView = Record<SpeakingGroup | "all", GroupTimeView>;

/**
 * The speaking totals for one audience. Members and facilitators: as counted. The public:
 * the turns of a group (women, men, young, …) are "< 5" from 1 to 4, hidden when they would
 * give such a group away by subtraction from all turns (`suppressCells`), and the time of a
 * masked group is left out. All turns and all time are shown: the record lists every turn.
 */
export function speakingTotalsFor(audience: Audience, totals: SpeakingTotals): SpeakingTotalsView {
  if (audience !== "public") return totals;
  const sexes: SpeakingGroup[] = ["women", "men", "sexUnstated"];
  const ages: SpeakingGroup[] = ["young", "notYoung", "ageUnknown"];
  const values = Object.fromEntries([...SPEAKING_GROUPS, "all"].map((g) => [g, totals[g as SpeakingGroup | "all"].turns]));
  const cells = suppressCells(values, [{ total: "all", parts: sexes }, { total: "all", parts: ages }], { fixed: ["all"] });
  const view = { all: { ...totals.all } } as SpeakingTotalsView;
  for (const group of SPEAKING_GROUPS) view[group] = { turns: cells[group]!, ms: isShown(cells[group]!) ? totals[group].ms : null };
  return view;
}

/** Shares of speaking time and of turns, 0 to 1, or null when the group's figures are masked. */
export function parityShares(totals: SpeakingTotalsView): { time: Record<SpeakingGroup, number | null>; turns: Record<SpeakingGroup, number | null> } {
  const ratio = (part: number | CountCell | null, whole: number | CountCell | null): number | null =>
    typeof part !== "number" || typeof whole !== "number" ? null : whole === 0 ? 0 : part / whole;
  const time = {} as Record<SpeakingGroup, number | null>;
  const turns = {} as Record<SpeakingGroup, number | null>;
  for (const group of SPEAKING_GROUPS) {
    time[group] = ratio(totals[group].ms, totals.all.ms);
    turns[group] = ratio(totals[group].turns, totals.all.turns);
  }
  return { time, turns };
}
