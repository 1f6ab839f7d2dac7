import { searchKey } from "../geography/search-key";

/**
 * Reading spreadsheet cells as people type them: "oui", "Wi", "x"; 05/03/2024 or 2024-03-05;
 * column titles in French, Kreyòl or English, with or without accents.
 */
export type CellError = "required" | "bad_boolean" | "bad_date" | "bad_year" | "bad_number" | "unknown_value";

export type Cell<T> = { ok: true; value: T } | { ok: false; error: CellError };

const TRUE_WORDS = new Set(["oui", "wi", "yes", "y", "o", "1", "x", "vrai", "true"]);
const FALSE_WORDS = new Set(["non", "no", "n", "0", "faux", "false", ""]);

export function readBoolean(raw: string): Cell<boolean> {
  const key = searchKey(raw);
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, error: "bad_boolean" };
}

/** A date as YYYY-MM-DD, from ISO or day-first writing; empty gives the fallback. */
export function readDate(raw: string, fallback: string): Cell<string> {
  const text = raw.trim();
  if (text === "") return { ok: true, value: fallback };
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  else return { ok: false, error: "bad_date" };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, error: "bad_date" };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** A year on 4 digits; a full date (05/03/1998, 1998-03-05) gives its year. */
export function readYear(raw: string, thisYear: number, earliest = 1900): Cell<number | null> {
  let text = raw.trim();
  if (text === "") return { ok: true, value: null };
  const date = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(text) ?? /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(text);
  if (date) text = date[1]!;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < earliest || year > thisYear) return { ok: false, error: "bad_year" };
  return { ok: true, value: year };
}

export function readCount(raw: string): Cell<number | null> {
  const text = raw.trim().replace(/\s/g, "");
  if (text === "") return { ok: true, value: null };
  if (!/^\d{1,6}$/.test(text)) return { ok: false, error: "bad_number" };
  return { ok: true, value: Number(text) };
}

/** A value from a list of accepted words per choice (compared accent- and case-free). */
export function readChoice<T extends string>(raw: string, choices: Record<T, readonly string[]>, empty: T | null): Cell<T | null> {
  const key = searchKey(raw);
  if (key === "") return empty === null ? { ok: true, value: null } : { ok: true, value: empty };
  for (const [choice, words] of Object.entries(choices) as [T, readonly string[]][]) {
    if (searchKey(choice) === key || words.some((w) => searchKey(w) === key)) return { ok: true, value: choice };
  }
  return { ok: false, error: "unknown_value" };
}

/** How one column of a file was understood: the field it fills, or null when it is ignored. */
export interface ColumnUse<F extends string> {
  /** 0-based position in the file. */
  index: number;
  title: string;
  field: F | null;
}

/** Every column of the header with the field it was read as (a second column for the same field is ignored). */
export function describeColumns<F extends string>(header: readonly string[], map: Partial<Record<F, number>>): ColumnUse<F>[] {
  const byIndex = new Map<number, F>();
  for (const [field, index] of Object.entries(map) as [F, number][]) byIndex.set(index, field);
  return header.map((title, index) => ({ index, title: title.trim(), field: byIndex.get(index) ?? null }));
}

/** Maps each known field to its column index, from header titles and their accepted spellings. */
export function mapColumns<F extends string>(header: readonly string[], titles: Record<F, readonly string[]>): Partial<Record<F, number>> {
  const map: Partial<Record<F, number>> = {};
  header.forEach((title, index) => {
    const key = searchKey(title);
    for (const [field, words] of Object.entries(titles) as [F, readonly string[]][]) {
      if (map[field] === undefined && words.some((w) => searchKey(w) === key)) map[field] = index;
    }
  });
  return map;
}
