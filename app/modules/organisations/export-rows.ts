import type { Translate } from "../i18n/translate";
import type { AgeGroupId } from "../people/age-groups";
import type { Sex } from "../people/sex";
import type { SeatKind } from "../spaces/seats";
import type { OrganisationType } from "./types";
import { DELEGATE_FIELDS, ORGANISATION_FIELDS, type DelegateField, type OrganisationField, type OrganisationRow } from "./import-rows";

/**
 * The register as spreadsheet rows, with the same columns the import reads, so a list can
 * be exported, corrected in Excel and imported into another space.
 */
type Cell = string | number | null;

export function organisationTable(
  t: Translate,
  members: readonly (Omit<OrganisationRow, "line" | "type" | "sectionCode"> & { type: OrganisationType; sectionLabel: string | null })[],
): Cell[][] {
  const yes = (v: boolean) => t(v ? "common.yes" : "common.no");
  const cell: Record<OrganisationField, (m: (typeof members)[number]) => Cell> = {
    name: (m) => m.name,
    acronym: (m) => m.acronym,
    type: (m) => t(`orgType.${m.type}`),
    section: (m) => m.sectionLabel,
    contactName: (m) => m.contactName,
    phone: (m) => m.phone,
    email: (m) => m.email,
    yearFounded: (m) => m.yearFounded,
    legallyRecognised: (m) => yes(m.legallyRecognised),
    ledByWoman: (m) => yes(m.ledByWoman),
    ledByYouth: (m) => yes(m.ledByYouth),
    joinedOn: (m) => m.joinedOn,
    women: (m) => m.women,
    men: (m) => m.men,
  };
  return [ORGANISATION_FIELDS.map((f) => t(`import.field.${f}`)), ...members.map((m) => ORGANISATION_FIELDS.map((f) => cell[f](m)))];
}

export function delegateTable(
  t: Translate,
  delegates: readonly {
    name: string;
    sex: Sex | null;
    birthYear: number | null;
    ageGroup: AgeGroupId | null;
    disability: boolean;
    phone: string | null;
    organisationName: string;
    seat: SeatKind;
    fromDate: string;
  }[],
): Cell[][] {
  const cell: Record<DelegateField, (d: (typeof delegates)[number]) => Cell> = {
    name: (d) => d.name,
    sex: (d) => (d.sex ? t(`sex.${d.sex}`) : null),
    birthYear: (d) => d.birthYear,
    ageGroup: (d) => (d.ageGroup ? t(`age.${d.ageGroup}`) : null),
    disability: (d) => t(d.disability ? "common.yes" : "common.no"),
    phone: (d) => d.phone,
    organisation: (d) => d.organisationName,
    seat: (d) => t(`seat.${d.seat}`),
    fromDate: (d) => d.fromDate,
  };
  return [DELEGATE_FIELDS.map((f) => t(`import.field.${f}`)), ...delegates.map((d) => DELEGATE_FIELDS.map((f) => cell[f](d)))];
}
