/**
 * The product's one definition of age groups. Every screen, export and report reads them
 * from here. "Young" is 18 to 35, the programme's definition.
 */
export const AGE_GROUPS = [
  { id: "u18", min: 0, max: 17 },
  { id: "18_24", min: 18, max: 24 },
  { id: "25_35", min: 25, max: 35 },
  { id: "36_59", min: 36, max: 59 },
  { id: "60p", min: 60, max: Number.POSITIVE_INFINITY },
] as const;

export type AgeGroupId = (typeof AGE_GROUPS)[number]["id"];
export const AGE_GROUP_IDS: readonly AgeGroupId[] = AGE_GROUPS.map((g) => g.id);
export const YOUTH = { min: 18, max: 35 } as const;

export function isAgeGroupId(value: unknown): value is AgeGroupId {
  return typeof value === "string" && (AGE_GROUP_IDS as readonly string[]).includes(value);
}

export function ageGroupOfAge(age: number): AgeGroupId | null {
  if (!Number.isFinite(age) || age < 0) return null;
  return AGE_GROUPS.find((g) => age >= g.min && age <= g.max)?.id ?? null;
}

/**
 * A person's age group in a given year: from the birth year when known (age reached during
 * that year), else the group recorded, else unknown (null), never guessed.
 */
export function ageGroupOf(person: { birthYear?: number | null; ageGroup?: string | null }, year: number): AgeGroupId | null {
  if (person.birthYear) return ageGroupOfAge(year - person.birthYear);
  return isAgeGroupId(person.ageGroup) ? person.ageGroup : null;
}

export function isYoungGroup(group: AgeGroupId | null): boolean {
  if (!group) return false;
  const g = AGE_GROUPS.find((a) => a.id === group)!;
  return g.min >= YOUTH.min && g.max <= YOUTH.max;
}
