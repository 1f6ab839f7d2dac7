import { isAgeGroupId, type AgeGroupId } from "../people/age-groups";
import { SEXES, type Sex } from "../people/sex";

/**
 * The paper round-trip: an A4 attendance sheet with blank lines, re-entered afterwards on a
 * screen laid out like it. A line without sex or age group is refused unless "prefers not to
 * say" was chosen explicitly: a blank box is a question not asked, not an answer.
 */
export const PAPER_LINES = 25;
/** What the sheet's boxes and the entry screen offer for "prefers not to say". */
export const NOT_SAID = "unstated";
export const MAX_NAME = 120;

export type LineProblem = "name" | "sex" | "ageGroup" | "organisation";

export interface RawLine {
  name: string;
  sex: string;
  ageGroup: string;
  disability: boolean;
  organisationId: string;
}

export interface SheetLine {
  /** Its number on the sheet, from 1. */
  line: number;
  name: string;
  sex: Sex | null;
  ageGroup: AgeGroupId | null;
  disability: boolean;
  organisationId: number | null;
}

export const lineField = (line: number, field: "name" | "sex" | "ageGroup" | "disability" | "organisationId"): string => `l${line}-${field}`;

/** The sheet's lines as the form sent them (missing fields read as empty). */
export function rawLinesOf(form: Record<string, unknown>, count = PAPER_LINES): RawLine[] {
  const text = (key: string) => (typeof form[key] === "string" ? (form[key] as string) : "");
  return Array.from({ length: count }, (_, i) => ({
    name: text(lineField(i + 1, "name")),
    sex: text(lineField(i + 1, "sex")),
    ageGroup: text(lineField(i + 1, "ageGroup")),
    disability: text(lineField(i + 1, "disability")) !== "",
    organisationId: text(lineField(i + 1, "organisationId")),
  }));
}

const blank = (raw: RawLine) => !raw.name.trim() && !raw.sex && !raw.ageGroup && !raw.disability && !raw.organisationId;

/**
 * Reads the filled lines of a sheet (blank lines are skipped). Each line with a problem is
 * named by its number with what is wrong, so the facilitator fixes those and sends again.
 */
export function readSheetLines(raws: readonly RawLine[], organisationIds: ReadonlySet<number>): { lines: SheetLine[]; problems: { line: number; problems: LineProblem[] }[] } {
  const lines: SheetLine[] = [];
  const problems: { line: number; problems: LineProblem[] }[] = [];
  raws.forEach((raw, index) => {
    if (blank(raw)) return;
    const line = index + 1;
    const wrong: LineProblem[] = [];
    const name = raw.name.trim().replace(/\s+/g, " ");
    if (!name || name.length > MAX_NAME) wrong.push("name");
    const sex = raw.sex === NOT_SAID ? null : (SEXES as readonly string[]).includes(raw.sex) ? (raw.sex as Sex) : undefined;
    if (sex === undefined) wrong.push("sex");
    const ageGroup = raw.ageGroup === NOT_SAID ? null : isAgeGroupId(raw.ageGroup) ? raw.ageGroup : undefined;
    if (ageGroup === undefined) wrong.push("ageGroup");
    let organisationId: number | null = null;
    if (raw.organisationId) {
      const id = Number(raw.organisationId);
      if (Number.isInteger(id) && organisationIds.has(id)) organisationId = id;
      else wrong.push("organisation");
    }
    if (wrong.length) problems.push({ line, problems: wrong });
    else lines.push({ line, name, sex: sex!, ageGroup: ageGroup!, disability: raw.disability, organisationId });
  });
  return { lines, problems };
}
