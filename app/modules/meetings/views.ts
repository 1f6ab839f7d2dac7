import { localDate } from "../dates";
import type { AgeGroupId } from "../people/age-groups";
import { isMinor, maskCount, maskTally, nameablePublicly, type CountCell, type SexAgeView } from "../people/privacy";
import type { Sex } from "../people/sex";
import type { Audience } from "../spaces/audience";
import type { AttendanceFigures } from "./attendance-figures";
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
 * to be named; the others counted ("< 5" under five).
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
  return { rows: named.map(base), unnamed: maskCount(rows.length - named.length) };
}

/** Attendance figures as a page shows them: as counted, or with small cells masked. */
export interface FiguresView extends Omit<AttendanceFigures, "people" | "withDisability"> {
  people: SexAgeView;
  withDisability: CountCell;
}

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

/** A turn as a page lists it: its speaker's name is null when the public may not read it. */
export interface TurnView {
  id: number;
  name: string | null;
  organisation: string | null;
  item: string | null;
  startedAt: number;
  ms: number;
}

export function turnsFor(audience: Audience, turns: readonly TurnRecord[], attendees: readonly AttendeeRecord[], year: number): TurnView[] {
  const nameable = new Set(audience === "public" ? attendees.filter((a) => attendeeNameable(a, year)).map((a) => a.id) : attendees.map((a) => a.id));
  return turns.map(({ attendanceId, ...turn }) => ({ ...turn, name: audience !== "public" || nameable.has(attendanceId) ? turn.name : null }));
}
