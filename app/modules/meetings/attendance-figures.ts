import { searchKey } from "../geography/search-key";
import type { AgeGroupId } from "../people/age-groups";
import { tallyBySexAndAge, type SexAgeTally } from "../people/disaggregation";
import type { Sex } from "../people/sex";

/**
 * The attendance figures of a meeting — sex × age, women's and youth shares, disability, member
 * organisations present, officials present, quorum — computed once here for the live panel,
 * the printable page, exports and reports, so they always agree.
 */
export interface AttendanceRow {
  id: number;
  personId: number | null;
  name: string;
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
  disability?: boolean;
  organisationId: number | null;
  role: string;
}

export interface AttendanceFigures {
  people: SexAgeTally;
  /** People with a disability (a count, never who). */
  withDisability: number;
  organisationsPresent: { count: number; of: number };
  officialsPresent: number;
  quorum: { required: number; present: number; met: boolean };
}

/** A known person counts once even if recorded twice; walk-ins count as recorded. */
export function countedRows<T extends AttendanceRow>(rows: readonly T[]): T[] {
  const seen = new Set<number>();
  return rows.filter((r) => {
    if (r.personId === null) return true;
    if (seen.has(r.personId)) return false;
    seen.add(r.personId);
    return true;
  });
}

/**
 * As counted, never masked. Public pages mask them (`figuresFor` in `views.ts`); the live
 * document's attendance part, which the shared screen (`/ecran/<token>`) and members' phones
 * show, keeps them unmasked on purpose: the screen is shown in the meeting room, to the
 * people who are there and can count each other, and it opens only while the meeting runs.
 */
export function attendanceFigures(input: { rows: readonly AttendanceRow[]; memberOrganisationIds: readonly number[]; quorumPercent: number }): AttendanceFigures {
  const rows = countedRows(input.rows);
  const members = new Set(input.memberOrganisationIds);
  const present = new Set(rows.map((r) => r.organisationId).filter((id): id is number => id !== null && members.has(id)));
  const required = Math.ceil((input.quorumPercent / 100) * members.size);
  return {
    people: tallyBySexAndAge(rows),
    withDisability: rows.filter((r) => r.disability).length,
    organisationsPresent: { count: present.size, of: members.size },
    officialsPresent: rows.filter((r) => r.role === "official").length,
    quorum: { required, present: present.size, met: members.size > 0 && present.size >= required },
  };
}

/** Rows whose names read the same (accents, case and hyphens aside): probably one person twice. */
export function possibleDuplicates(rows: readonly { id: number; name: string }[]): number[][] {
  const byName = new Map<string, number[]>();
  for (const row of rows) {
    const key = searchKey(row.name);
    byName.set(key, [...(byName.get(key) ?? []), row.id]);
  }
  return [...byName.values()].filter((ids) => ids.length > 1);
}
