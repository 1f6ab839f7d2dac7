import type { Db } from "../../../db/client";
import { normalizePhone } from "../auth/phone";
import type { Actor } from "../auth/roles";
import { parseCsv } from "../csv/csv";
import { localDate } from "../dates";
import { importDelegates } from "../people/people.server";
import type { Space } from "../spaces/spaces.server";
import {
  badLines,
  canImportGoodRows,
  readDelegateRows,
  readOrganisationRows,
  type ColumnReport,
  type DelegateField,
  type DelegateRow,
  type OrganisationField,
  type OrganisationRow,
  type RowError,
} from "./import-rows";
import { importOrganisations, listMembers } from "./organisations.server";

export type ImportKind = "organisations" | "delegates";

export type Preview =
  | { kind: "organisations"; rows: OrganisationRow[]; errors: RowError[]; columns: ColumnReport<OrganisationField>; sections: { number: number; name: string }[] }
  | { kind: "delegates"; rows: (DelegateRow & { organisationName: string })[]; errors: RowError[]; columns: ColumnReport<DelegateField>; sections: { number: number; name: string }[] };

/** Reads a CSV against the space as it is now: the rows it would write, or every problem by line. */
export function previewImport(db: Db, space: Space, kind: ImportKind, text: string, now: number): Preview {
  const table = parseCsv(text);
  const today = localDate(now);
  const thisYear = Number(today.slice(0, 4));
  const members = listMembers(db, space.id);
  if (kind === "organisations") {
    const { rows, errors, columns } = readOrganisationRows(table, {
      sections: space.territorySections,
      memberNames: members.flatMap((m) => [m.name]),
      today,
      thisYear,
      normalizePhone,
    });
    return { kind, rows, errors, columns, sections: space.territorySections.map((s) => ({ number: s.number, name: s.name })) };
  }
  const { rows, errors, columns } = readDelegateRows(table, {
    organisations: members.map((m) => ({ id: m.id, name: m.name, acronym: m.acronym })),
    today,
    thisYear,
    normalizePhone,
  });
  return { kind, rows: rows.map((r) => ({ ...r, organisationName: members.find((m) => m.id === r.organisationId)!.name })), errors, columns, sections: [] };
}

/**
 * Writes a preview in one transaction: a clean one whole, or, when asked, its good rows only,
 * leaving the lines with a problem for later (never when the whole file has a problem). A
 * seat limit found while writing names its line. Says which lines were left out.
 */
export function runImport(db: Db, actor: Actor | null, preview: Preview, spaceId: number, now: number, options: { goodRowsOnly?: boolean } = {}) {
  const leftOut = badLines(preview.errors);
  if (preview.errors.length > 0 && !(options.goodRowsOnly && canImportGoodRows(preview.errors) && preview.rows.length > 0)) {
    return { ok: false as const, code: "has_problems" as const };
  }
  const result = preview.kind === "organisations" ? importOrganisations(db, actor, spaceId, preview.rows, now) : importDelegates(db, actor, spaceId, preview.rows, now);
  return result.ok ? { ...result, value: { ...result.value, leftOut } } : result;
}
