import type { Db } from "../../../db/client";
import { normalizePhone } from "../auth/phone";
import type { Actor } from "../auth/roles";
import { parseCsv } from "../csv/csv";
import { localDate } from "../dates";
import { importDelegates } from "../people/people.server";
import type { Space } from "../spaces/spaces.server";
import { readDelegateRows, readOrganisationRows, type DelegateRow, type OrganisationRow, type RowError } from "./import-rows";
import { importOrganisations, listMembers } from "./organisations.server";

export type ImportKind = "organisations" | "delegates";

export type Preview =
  | { kind: "organisations"; rows: OrganisationRow[]; errors: RowError[] }
  | { kind: "delegates"; rows: (DelegateRow & { organisationName: string })[]; errors: RowError[] };

/** Reads a CSV against the space as it is now: the rows it would write, or every problem by line. */
export function previewImport(db: Db, space: Space, kind: ImportKind, text: string, now: number): Preview {
  const table = parseCsv(text);
  const today = localDate(now);
  const thisYear = Number(today.slice(0, 4));
  const members = listMembers(db, space.id);
  if (kind === "organisations") {
    const { rows, errors } = readOrganisationRows(table, {
      sections: space.territorySections,
      memberNames: members.flatMap((m) => [m.name]),
      today,
      thisYear,
      normalizePhone,
    });
    return { kind, rows, errors };
  }
  const { rows, errors } = readDelegateRows(table, {
    organisations: members.map((m) => ({ id: m.id, name: m.name, acronym: m.acronym })),
    today,
    thisYear,
    normalizePhone,
  });
  return { kind, rows: rows.map((r) => ({ ...r, organisationName: members.find((m) => m.id === r.organisationId)!.name })), errors };
}

/** Writes a clean preview, all rows or none; a seat limit found while writing names its line. */
export function runImport(db: Db, actor: Actor | null, preview: Preview, spaceId: number, now: number) {
  if (preview.kind === "organisations") return importOrganisations(db, actor, spaceId, preview.rows, now);
  return importDelegates(db, actor, spaceId, preview.rows, now);
}
