import { describeColumns, mapColumns, readBoolean, type ColumnUse, readChoice, readCount, readDate, readYear, type CellError } from "../csv/cells";
import { searchKey } from "../geography/search-key";
import type { AgeGroupId } from "../people/age-groups";
import type { SeatKind } from "../spaces/seats";
import type { Catalog } from "../i18n/catalog";
import { commonMessages } from "../i18n/common.messages";
import { peopleMessages } from "../people/people.messages";
import { organisationsMessages } from "./organisations.messages";
import type { OrganisationType } from "./types";
import type { Sex } from "../people/sex";

/** The words accepted for each choice, plus its label in both dictionaries: what the exports write. */
const LABELS: Catalog = { ...commonMessages, ...peopleMessages, ...organisationsMessages };

function withLabels<T extends string>(words: Record<T, readonly string[]>, prefix: string): Record<T, readonly string[]> {
  return Object.fromEntries(
    (Object.entries(words) as [T, readonly string[]][]).map(([choice, list]) => {
      const label = LABELS[`${prefix}.${choice}`]!;
      return [choice, [...list, label.fr, label.ht]];
    }),
  ) as unknown as Record<T, readonly string[]>;
}

/** Column titles accepted for each field, plus the exports' own titles in both languages. */
function withTitles<F extends string>(titles: Record<F, readonly string[]>): Record<F, readonly string[]> {
  return withLabels(titles, "import.field");
}

/**
 * Turning spreadsheet rows into organisations and delegates to register, with every
 * problem listed by line and column before anything is written.
 */
export type ImportErrorCode =
  | CellError
  | "missing_column"
  | "empty_file"
  | "too_many_rows"
  | "unknown_section"
  | "duplicate_in_file"
  | "already_member"
  | "unknown_organisation"
  | "bad_phone"
  | "bad_email";

export interface RowError {
  /** 0 for a problem with the whole file. */
  line: number;
  field: OrganisationField | DelegateField | "file";
  code: ImportErrorCode;
  /** The value as the file wrote it, quoted back to the reader (absent for an empty cell). */
  value?: string;
  /** For a duplicate: the line it repeats. */
  repeats?: number;
}

/** Each column of the file with the field it was read as; `field: null` is a column ignored. */
export type ColumnReport<F extends string> = ColumnUse<F>[];

/** The lines of a file that have at least one problem (line 0, the whole file, excluded). */
export function badLines(errors: readonly RowError[]): number[] {
  return [...new Set(errors.filter((e) => e.line > 0).map((e) => e.line))].sort((a, b) => a - b);
}

/** Whether the good rows of a file may be imported without the bad ones: no problem with the whole file. */
export function canImportGoodRows(errors: readonly RowError[]): boolean {
  return !errors.some((e) => e.line === 0);
}

export const MAX_IMPORT_ROWS = 2000;

const TYPE_WORDS = withLabels<OrganisationType>({
  base: ["organisation de base", "OB", "oganizasyon baz", "baz", "base organisation", "organisation communautaire de base", "OCB"],
  women: ["groupement de femmes", "groupe de femmes", "organisation de femmes", "femmes", "gwoupman fanm", "oganizasyon fanm", "fanm", "women's group"],
  youth: ["association de jeunes", "organisation de jeunes", "jeunes", "asosyasyon jèn", "jèn", "youth association"],
  muso: ["MUSO", "mutuelle de solidarité", "mityèl solidarite", "mutuelle"],
  cooperative: ["coopérative", "kooperativ", "coop"],
  savings: ["AVEC", "groupe d'épargne", "épargne", "banque communautaire", "bank kominotè", "gwoup epay", "savings group"],
  peasant: ["association paysanne", "groupement paysan", "organisation paysanne", "paysans", "asosyasyon peyizan", "gwoupman peyizan", "peyizan"],
  local_ngo: ["ONG locale", "ONG", "ONG lokal", "local NGO"],
  network: ["réseau", "plateforme", "rezo", "platfòm", "network"],
  other: ["autre", "lòt", "other"],
}, "orgType");

const ORGANISATION_COLUMNS = withTitles({
  name: ["nom", "non", "name", "organisation", "oganizasyon", "nom de l'organisation", "non oganizasyon"],
  acronym: ["sigle", "acronyme", "sig", "acronym"],
  type: ["type", "tip", "type d'organisation", "kalite"],
  section: ["section", "seksyon", "section communale", "seksyon kominal"],
  contactName: ["contact", "kontak", "personne de contact", "responsable", "reskonsab", "moun pou kontakte"],
  phone: ["téléphone", "telefòn", "tel", "tél", "phone", "numéro", "numéro de téléphone", "nimewo", "nimewo telefòn", "cellulaire", "portable", "whatsapp"],
  email: ["courriel", "email", "e-mail", "imèl", "mail", "adresse courriel"],
  yearFounded: [
    "année de fondation", "fondation", "fondée en", "fondé en", "fondée", "fondé", "date de fondation", "année de création", "création", "créée en",
    "ane fondasyon", "fondasyon", "fonde an", "fonde", "dat fondasyon", "ane kreyasyon", "kreye an", "year founded", "founded",
  ],
  legallyRecognised: ["reconnue", "reconnaissance légale", "reconnaissance", "reconnue légalement", "rekonesans", "rekonèt", "legal"],
  ledByWoman: ["dirigée par une femme", "dirigée par des femmes", "direction féminine", "leadership féminin", "femme dirigeante", "dirije pa fanm", "dirije pa yon fanm", "fanm dirijan", "led by a woman"],
  ledByYouth: [
    "dirigée par un jeune", "dirigée par des jeunes", "jeunes", "jeune", "direction jeune", "leadership jeune", "jeune dirigeant",
    "dirije pa jèn", "dirije pa yon jèn", "jèn", "jenn", "jèn dirijan", "led by youth", "youth",
  ],
  joinedOn: ["date d'adhésion", "adhésion", "membre depuis", "dat antre", "joined"],
  women: ["membres femmes", "femmes", "fanm", "women"],
  men: ["membres hommes", "hommes", "gason", "men"],
});

export type OrganisationField = keyof typeof ORGANISATION_COLUMNS;
export const ORGANISATION_FIELDS = Object.keys(ORGANISATION_COLUMNS) as OrganisationField[];

export interface OrganisationRow {
  line: number;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  sectionCode: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  yearFounded: number | null;
  legallyRecognised: boolean;
  ledByWoman: boolean;
  ledByYouth: boolean;
  joinedOn: string;
  women: number | null;
  men: number | null;
}

export interface OrganisationImportContext {
  sections: readonly { code: string; number: number; name: string; aliases: readonly string[] }[];
  /** Names (any writing) of organisations that are already members of the space. */
  memberNames: readonly string[];
  today: string;
  thisYear: number;
  normalizePhone: (raw: string) => string | null;
}

/** Finds a section by code, number, or name (or another spelling). */
function findSection(raw: string, sections: OrganisationImportContext["sections"]): string | null | undefined {
  const text = raw.trim();
  if (text === "") return null;
  const byCode = sections.find((s) => s.code.toLowerCase() === text.toLowerCase());
  if (byCode) return byCode.code;
  const number = /^(\d{1,2})(?:\s*(?:e|re|ère|ème|eme)?\b.*)?$/i.exec(text);
  if (number) {
    const match = sections.find((s) => s.number === Number(number[1]));
    if (match) return match.code;
  }
  const key = searchKey(text);
  return sections.find((s) => [s.name, ...s.aliases].some((n) => searchKey(n) === key) || key.endsWith(` ${searchKey(s.name)}`))?.code;
}

/**
 * A "contact" column of phone numbers is read as the phone when the file has no phone column
 * and most of its values are phone numbers (the others are then quoted as bad phones).
 */
function contactAsPhone(
  table: readonly { line: number; fields: string[] }[],
  columns: Partial<Record<OrganisationField, number>>,
  normalizePhone: (raw: string) => string | null,
): Partial<Record<OrganisationField, number>> {
  const index = columns.contactName;
  if (index === undefined || columns.phone !== undefined) return columns;
  const values = table.slice(1).map((r) => (r.fields[index] ?? "").trim()).filter((v) => v !== "");
  const phones = values.filter((v) => normalizePhone(v) !== null).length;
  if (values.length === 0 || phones * 2 <= values.length) return columns;
  const { contactName: _, ...rest } = columns;
  return { ...rest, phone: index };
}

export function readOrganisationRows(
  table: readonly { line: number; fields: string[] }[],
  context: OrganisationImportContext,
): { rows: OrganisationRow[]; errors: RowError[]; columns: ColumnReport<OrganisationField> } {
  const errors: RowError[] = [];
  const header = table[0]?.fields ?? [];
  const columns = contactAsPhone(table, mapColumns(header, ORGANISATION_COLUMNS), context.normalizePhone);
  const report = describeColumns(header, columns);
  if (table.length < 2) return { rows: [], errors: [{ line: 0, field: "file", code: "empty_file" }], columns: report };
  if (table.length - 1 > MAX_IMPORT_ROWS) return { rows: [], errors: [{ line: 0, field: "file", code: "too_many_rows" }], columns: report };
  for (const required of ["name", "type"] as const) {
    if (columns[required] === undefined) errors.push({ line: 0, field: required, code: "missing_column" });
  }
  if (errors.length > 0) return { rows: [], errors, columns: report };

  const members = new Set(context.memberNames.map(searchKey));
  const seen = new Map<string, number>();
  const rows: OrganisationRow[] = [];
  for (const { line, fields } of table.slice(1)) {
    const cell = (field: OrganisationField) => (columns[field] === undefined ? "" : (fields[columns[field]!] ?? "").trim());
    const fail = (field: OrganisationField, code: ImportErrorCode, extra: { repeats?: number } = {}) => {
      const value = cell(field);
      errors.push({ line, field, code, ...(value ? { value } : {}), ...extra });
    };
    const before = errors.length;

    const name = cell("name");
    if (name === "") fail("name", "required");
    const nameKey = searchKey(name);
    if (name && members.has(nameKey)) fail("name", "already_member");
    else if (name && seen.has(nameKey)) fail("name", "duplicate_in_file", { repeats: seen.get(nameKey)! });
    if (name && !seen.has(nameKey)) seen.set(nameKey, line);

    const type = readChoice(cell("type"), TYPE_WORDS, null);
    if (!type.ok) fail("type", "unknown_value");
    else if (type.value === null) fail("type", "required");
    const section = findSection(cell("section"), context.sections);
    if (section === undefined) fail("section", "unknown_section");
    const phoneRaw = cell("phone");
    const phone = phoneRaw ? context.normalizePhone(phoneRaw) : null;
    if (phoneRaw && !phone) fail("phone", "bad_phone");
    const email = cell("email");
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("email", "bad_email");
    const year = readYear(cell("yearFounded"), context.thisYear);
    if (!year.ok) fail("yearFounded", year.error);
    const flags = (["legallyRecognised", "ledByWoman", "ledByYouth"] as const).map((field) => {
      const value = readBoolean(cell(field));
      if (!value.ok) fail(field, value.error);
      return value.ok && value.value;
    });
    const joined = readDate(cell("joinedOn"), context.today);
    if (!joined.ok) fail("joinedOn", joined.error);
    else if (joined.value > context.today) fail("joinedOn", "bad_date");
    const women = readCount(cell("women"));
    if (!women.ok) fail("women", women.error);
    const men = readCount(cell("men"));
    if (!men.ok) fail("men", men.error);

    if (errors.length > before) continue;
    rows.push({
      line,
      name,
      acronym: cell("acronym") || null,
      type: (type as { value: OrganisationType }).value,
      sectionCode: section ?? null,
      contactName: cell("contactName") || null,
      phone,
      email: email ? email.toLowerCase() : null,
      yearFounded: (year as { value: number | null }).value,
      legallyRecognised: flags[0]!,
      ledByWoman: flags[1]!,
      ledByYouth: flags[2]!,
      joinedOn: (joined as { value: string }).value,
      women: (women as { value: number | null }).value,
      men: (men as { value: number | null }).value,
    });
  }
  return { rows, errors, columns: report };
}

const DELEGATE_COLUMNS = withTitles({
  name: ["nom", "non", "name", "nom et prénom", "non ak siyati", "délégué", "delege"],
  sex: ["sexe", "sèks", "sex", "genre"],
  birthYear: ["année de naissance", "naissance", "ane nesans", "birth year"],
  ageGroup: ["tranche d'âge", "âge", "laj", "gwoup laj", "age group"],
  disability: ["handicap", "situation de handicap", "andikap", "disability"],
  phone: ["téléphone", "telefòn", "tel", "phone"],
  organisation: ["organisation", "oganizasyon", "OSC", "OSS", "organization"],
  seat: ["siège", "titulaire ou suppléant", "statut", "pozisyon", "seat"],
  fromDate: ["depuis", "date de début", "du", "depi", "from"],
});

export type DelegateField = keyof typeof DELEGATE_COLUMNS;
export const DELEGATE_FIELDS = Object.keys(DELEGATE_COLUMNS) as DelegateField[];

const SEX_WORDS = withLabels({ female: ["F", "femme", "fanm", "W", "woman"], male: ["H", "M", "homme", "gason", "man"] }, "sex");
const SEAT_WORDS = withLabels({ titular: ["titulaire", "titilè", "T"], substitute: ["suppléant", "suppléante", "siplean", "S"] }, "seat");
const AGE_WORDS = withLabels<AgeGroupId>({
  u18: ["moins de 18", "-18", "<18", "mwens pase 18", "0-17"],
  "18_24": ["18-24", "18 à 24", "18 a 24"],
  "25_35": ["25-35", "25 à 35", "25 a 35"],
  "36_59": ["36-59", "36 à 59", "36 a 59"],
  "60p": ["60+", "60 et plus", "60 ans et plus", "60 e plis", "60 ak plis"],
}, "age");

export interface DelegateRow {
  line: number;
  name: string;
  sex: Sex | null;
  birthYear: number | null;
  ageGroup: AgeGroupId | null;
  disability: boolean;
  phone: string | null;
  organisationId: number;
  seat: SeatKind;
  fromDate: string;
}

export function readDelegateRows(
  table: readonly { line: number; fields: string[] }[],
  context: { organisations: readonly { id: number; name: string; acronym: string | null }[]; today: string; thisYear: number; normalizePhone: (raw: string) => string | null },
): { rows: DelegateRow[]; errors: RowError[]; columns: ColumnReport<DelegateField> } {
  const header = table[0]?.fields ?? [];
  const columns = mapColumns(header, DELEGATE_COLUMNS);
  const report = describeColumns(header, columns);
  if (table.length < 2) return { rows: [], errors: [{ line: 0, field: "file", code: "empty_file" }], columns: report };
  if (table.length - 1 > MAX_IMPORT_ROWS) return { rows: [], errors: [{ line: 0, field: "file", code: "too_many_rows" }], columns: report };
  const errors: RowError[] = (["name", "organisation"] as const)
    .filter((field) => columns[field] === undefined)
    .map((field) => ({ line: 0, field, code: "missing_column" as const }));
  if (errors.length > 0) return { rows: [], errors, columns: report };

  const rows: DelegateRow[] = [];
  for (const { line, fields } of table.slice(1)) {
    const cell = (field: DelegateField) => (columns[field] === undefined ? "" : (fields[columns[field]!] ?? "").trim());
    const fail = (field: DelegateField, code: ImportErrorCode) => {
      const value = cell(field);
      errors.push({ line, field, code, ...(value ? { value } : {}) });
    };
    const before = errors.length;
    const name = cell("name");
    if (!name) fail("name", "required");
    const sex = readChoice(cell("sex"), SEX_WORDS, null);
    if (!sex.ok) fail("sex", sex.error);
    const birthYear = readYear(cell("birthYear"), context.thisYear);
    if (!birthYear.ok) fail("birthYear", birthYear.error);
    const ageGroup = readChoice(cell("ageGroup"), AGE_WORDS, null);
    if (!ageGroup.ok) fail("ageGroup", ageGroup.error);
    const disability = readBoolean(cell("disability"));
    if (!disability.ok) fail("disability", disability.error);
    const phoneRaw = cell("phone");
    const phone = phoneRaw ? context.normalizePhone(phoneRaw) : null;
    if (phoneRaw && !phone) fail("phone", "bad_phone");
    const orgKey = searchKey(cell("organisation"));
    const organisation = context.organisations.find((o) => searchKey(o.name) === orgKey || (o.acronym && searchKey(o.acronym) === orgKey));
    if (!orgKey) fail("organisation", "required");
    else if (!organisation) fail("organisation", "unknown_organisation");
    const seat = readChoice(cell("seat"), SEAT_WORDS, "titular");
    if (!seat.ok) fail("seat", seat.error);
    const from = readDate(cell("fromDate"), context.today);
    if (!from.ok) fail("fromDate", from.error);
    if (errors.length > before) continue;
    rows.push({
      line,
      name,
      sex: (sex as { value: Sex | null }).value,
      birthYear: (birthYear as { value: number | null }).value,
      ageGroup: (ageGroup as { value: AgeGroupId | null }).value,
      disability: (disability as { value: boolean }).value,
      phone,
      organisationId: organisation!.id,
      seat: (seat as { value: SeatKind }).value,
      fromDate: (from as { value: string }).value,
    });
  }
  return { rows, errors, columns: report };
}

/** The choices a column accepts, as message-key prefixes and ids (the page lists their labels). */
export const CHOICES: Partial<Record<OrganisationField | DelegateField, { prefix: string; ids: readonly string[] }>> = {
  type: { prefix: "orgType", ids: Object.keys(TYPE_WORDS) },
  sex: { prefix: "sex", ids: Object.keys(SEX_WORDS) },
  seat: { prefix: "seat", ids: Object.keys(SEAT_WORDS) },
  ageGroup: { prefix: "age", ids: Object.keys(AGE_WORDS) },
};

/** The columns of a template file, in the order the template writes them. */
export const TEMPLATE_FIELDS = {
  organisations: ["name", "acronym", "type", "section", "contactName", "phone", "email", "yearFounded", "legallyRecognised", "ledByWoman", "ledByYouth", "joinedOn", "women", "men"],
  delegates: ["name", "sex", "birthYear", "ageGroup", "disability", "phone", "organisation", "seat", "fromDate"],
} as const satisfies { organisations: readonly OrganisationField[]; delegates: readonly DelegateField[] };
