import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../app/modules/auth/phone";
import { parseCsv } from "../../app/modules/csv/csv";
import { readBoolean, readDate, readYear } from "../../app/modules/csv/cells";
import { badLines, canImportGoodRows, readDelegateRows, readOrganisationRows, type OrganisationField } from "../../app/modules/organisations/import-rows";
import { importTemplate } from "../../app/modules/organisations/import-template";
import { translate } from "../../app/modules/i18n/catalog.server";

const sections = [
  { code: "HT0313-01", number: 1, name: "Basse Plaine", aliases: [] },
  { code: "HT0313-02", number: 2, name: "Bois de Lance", aliases: ["Bois-de-Lance"] },
  { code: "HT0313-03", number: 3, name: "Roucou", aliases: [] },
];
const context = { sections, memberNames: ["Kòperativ Limonade"], today: "2026-11-22", thisYear: 2026, normalizePhone };

describe("cells", () => {
  it("reads yes/no, dates and years as people type them", () => {
    expect(["oui", "Wi", "X", "1", "non", "", "Non"].map((v) => readBoolean(v))).toEqual([
      { ok: true, value: true },
      { ok: true, value: true },
      { ok: true, value: true },
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: false },
      { ok: true, value: false },
    ]);
    expect(readBoolean("peut-être")).toEqual({ ok: false, error: "bad_boolean" });
    expect(readDate("5/3/2024", "x")).toEqual({ ok: true, value: "2024-03-05" });
    expect(readDate("2024-03-05", "x")).toEqual({ ok: true, value: "2024-03-05" });
    expect(readDate("", "2026-01-01")).toEqual({ ok: true, value: "2026-01-01" });
    expect(readDate("31/02/2024", "x")).toEqual({ ok: false, error: "bad_date" });
    expect(readDate("hier", "x")).toEqual({ ok: false, error: "bad_date" });
    expect(readYear("1998", 2026)).toEqual({ ok: true, value: 1998 });
    expect(readYear("2030", 2026)).toEqual({ ok: false, error: "bad_year" });
    expect(readYear("98", 2026)).toEqual({ ok: false, error: "bad_year" });
  });
});

describe("organisation rows", () => {
  it("reads French or Kreyòl column titles and values", () => {
    const table = parseCsv(
      [
        "Non;Sig;Tip;Seksyon;Telefòn;Ane fondasyon;Rekonesans;Dirije pa fanm;Dirije pa jèn;Dat antre;Fanm;Gason",
        "Fanm Vanyan Bwa de Lans;FVBL;Gwoupman fanm;Bois-de-Lance;3700 1111;2012;wi;wi;non;15/01/2025;34;0",
        "MUSO Lespwa;;MUSO;1re section Basse Plaine;;;;;;;;",
      ].join("\n"),
    );
    const { rows, errors } = readOrganisationRows(table, context);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      name: "Fanm Vanyan Bwa de Lans",
      acronym: "FVBL",
      type: "women",
      sectionCode: "HT0313-02",
      phone: "+50937001111",
      yearFounded: 2012,
      legallyRecognised: true,
      ledByWoman: true,
      ledByYouth: false,
      joinedOn: "2025-01-15",
      women: 34,
      men: 0,
    });
    expect(rows[1]).toMatchObject({ type: "muso", sectionCode: "HT0313-01", joinedOn: "2026-11-22", acronym: null, women: null });
  });

  it("lists every problem by line and column, and keeps only clean rows", () => {
    const table = parseCsv(
      [
        "Nom,Type,Section,Téléphone,Courriel,Année de fondation,Reconnue,Date d'adhésion,Femmes",
        ",MUSO,,,,,,,",
        "Asosyasyon Jèn,club de foot,,,,,,,",
        "Gwoupman A,OB,Section 9,12,pas-un-mail,3000,peut-être,demain,beaucoup",
        "Kòperativ Limonade,Coopérative,,,,,,,",
        "Gwoupman B,OB,,,,,,,",
        "gwoupman b,OB,,,,,,,",
        "Gwoupman C,,,,,,,2027-01-01,",
      ].join("\n"),
    );
    const { rows, errors } = readOrganisationRows(table, context);
    expect(rows.map((r) => r.name)).toEqual(["Gwoupman B"]);
    expect(errors).toEqual([
      { line: 2, field: "name", code: "required" },
      { line: 3, field: "type", code: "unknown_value", value: "club de foot" },
      { line: 4, field: "section", code: "unknown_section", value: "Section 9" },
      { line: 4, field: "phone", code: "bad_phone", value: "12" },
      { line: 4, field: "email", code: "bad_email", value: "pas-un-mail" },
      { line: 4, field: "yearFounded", code: "bad_year", value: "3000" },
      { line: 4, field: "legallyRecognised", code: "bad_boolean", value: "peut-être" },
      { line: 4, field: "joinedOn", code: "bad_date", value: "demain" },
      { line: 4, field: "women", code: "bad_number", value: "beaucoup" },
      { line: 5, field: "name", code: "already_member", value: "Kòperativ Limonade" },
      { line: 7, field: "name", code: "duplicate_in_file", value: "gwoupman b", repeats: 6 },
      { line: 8, field: "type", code: "required" },
      { line: 8, field: "joinedOn", code: "bad_date", value: "2027-01-01" },
    ]);
  });

  it("refuses a file without the needed columns, or without rows", () => {
    expect(readOrganisationRows(parseCsv("Sigle;Section\nA;1\n"), context).errors).toEqual([
      { line: 0, field: "name", code: "missing_column" },
      { line: 0, field: "type", code: "missing_column" },
    ]);
    expect(readOrganisationRows(parseCsv("Nom;Type\n"), context).errors).toEqual([{ line: 0, field: "file", code: "empty_file" }]);
    const big = ["Nom;Type", ...Array.from({ length: 2001 }, (_, i) => `Org ${i};OB`)].join("\n");
    expect(readOrganisationRows(parseCsv(big), context).errors).toEqual([{ line: 0, field: "file", code: "too_many_rows" }]);
  });
});

describe("delegate rows", () => {
  const organisations = [
    { id: 7, name: "Fanm Vanyan Bwa de Lans", acronym: "FVBL" },
    { id: 8, name: "MUSO Lespwa", acronym: null },
  ];
  const ctx = { organisations, today: "2026-11-22", thisYear: 2026, normalizePhone };

  it("reads sex, age, seat and organisation by name or acronym", () => {
    const table = parseCsv(
      ["Nom;Sexe;Année de naissance;Tranche d'âge;Handicap;Organisation;Siège;Depuis", "Rose Louis;F;1999;;non;FVBL;titulaire;2025-02-01", "Jean Pierre;H;;60+;oui;muso lespwa;suppléant;", "Anonyme;;;;;FVBL;;"].join("\n"),
    );
    const { rows, errors } = readDelegateRows(table, ctx);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: "Rose Louis", sex: "female", birthYear: 1999, ageGroup: null, disability: false, phone: null, organisationId: 7, seat: "titular", fromDate: "2025-02-01" },
      { line: 3, name: "Jean Pierre", sex: "male", birthYear: null, ageGroup: "60p", disability: true, phone: null, organisationId: 8, seat: "substitute", fromDate: "2026-11-22" },
      { line: 4, name: "Anonyme", sex: null, birthYear: null, ageGroup: null, disability: false, phone: null, organisationId: 7, seat: "titular", fromDate: "2026-11-22" },
    ]);
  });

  it("lists unknown organisations, sexes, ages and seats by line", () => {
    const table = parseCsv(["Nom,Sexe,Tranche d'âge,Organisation,Siège,Téléphone", "A,X,vieux,Inconnue,chef,000", ",F,,FVBL,,"].join("\n"));
    expect(readDelegateRows(table, ctx).errors).toEqual([
      { line: 2, field: "sex", code: "unknown_value", value: "X" },
      { line: 2, field: "ageGroup", code: "unknown_value", value: "vieux" },
      { line: 2, field: "phone", code: "bad_phone", value: "000" },
      { line: 2, field: "organisation", code: "unknown_organisation", value: "Inconnue" },
      { line: 2, field: "seat", code: "unknown_value", value: "chef" },
      { line: 3, field: "name", code: "required" },
    ]);
  });
});

describe("how the columns of a file are understood", () => {
  const cases: { name: string; header: string; rows: string[]; columns: (OrganisationField | null)[]; expect?: Record<string, unknown> }[] = [
    {
      name: "French titles, fondée and jeunes included",
      header: "Nom;Type;fondée;jeunes;Observations",
      rows: ["Asosyasyon Jèn Wout Ginen;Association de jeunes;2012;oui;à rappeler"],
      columns: ["name", "type", "yearFounded", "ledByYouth", null],
      expect: { yearFounded: 2012, ledByYouth: true },
    },
    {
      name: "fondé en, année de fondation (as a date), jeunes in Kreyòl",
      header: "Non;Tip;fondé en;jèn",
      rows: ["Gwoupman A;OB;1998;wi"],
      columns: ["name", "type", "yearFounded", "ledByYouth"],
      expect: { yearFounded: 1998, ledByYouth: true },
    },
    {
      name: "année de fondation written as a full date",
      header: "Nom;Type;Année de fondation",
      rows: ["Gwoupman A;OB;05/03/2004"],
      columns: ["name", "type", "yearFounded"],
      expect: { yearFounded: 2004 },
    },
    {
      name: "Kreyòl fondasyon and dirije pa jèn, an ignored column kept apart",
      header: "Non;Tip;Fonde an;Dirije pa jèn;Kòmantè;",
      rows: ["Gwoupman A;OB;2001;non;anyen;"],
      columns: ["name", "type", "yearFounded", "ledByYouth", null, null],
      expect: { yearFounded: 2001, ledByYouth: false },
    },
    {
      name: "a contact column of phone numbers goes to the phone",
      header: "Nom;Type;contact",
      rows: ["Gwoupman A;OB;3700 1234", "Gwoupman B;OB;(509) 3712-3456", "Gwoupman C;OB;"],
      columns: ["name", "type", "phone"],
      expect: { phone: "+50937001234", contactName: null },
    },
    {
      name: "a contact column of names stays the contact person",
      header: "Nom;Type;contact",
      rows: ["Gwoupman A;OB;Marie Joseph", "Gwoupman B;OB;Jean Pierre"],
      columns: ["name", "type", "contactName"],
      expect: { contactName: "Marie Joseph", phone: null },
    },
    {
      name: "with a phone column, a contact column of numbers stays the contact",
      header: "Nom;Type;Téléphone;Contact",
      rows: ["Gwoupman A;OB;3700 1234;3700 5678"],
      columns: ["name", "type", "phone", "contactName"],
      expect: { phone: "+50937001234", contactName: "3700 5678" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { rows, errors, columns } = readOrganisationRows(parseCsv([c.header, ...c.rows].join("\n")), context);
      expect(errors).toEqual([]);
      expect(columns.map((col) => col.field)).toEqual(c.columns);
      expect(columns.map((col) => col.title)).toEqual(c.header.split(";").map((t) => t.trim()));
      if (c.expect) expect(rows[0]).toMatchObject(c.expect);
    });
  }

  it("lists the columns even when a required one is missing", () => {
    const { errors, columns } = readOrganisationRows(parseCsv("Sigle;Remarque\nA;b\n"), context);
    expect(errors.map((e) => e.code)).toEqual(["missing_column", "missing_column"]);
    expect(columns).toEqual([
      { index: 0, title: "Sigle", field: "acronym" },
      { index: 1, title: "Remarque", field: null },
    ]);
  });

  it("quotes a contact value that is not a phone when most of the column are phones", () => {
    const { errors } = readOrganisationRows(parseCsv(["Nom;Type;Contact", "A;OB;3700 1234", "B;OB;3700 5678", "C;OB;Marie"].join("\n")), context);
    expect(errors).toEqual([{ line: 4, field: "phone", code: "bad_phone", value: "Marie" }]);
  });
});

describe("problems quoted for the reader", () => {
  const cases: { cell: string; header: string; error: Record<string, unknown> }[] = [
    { header: "Type", cell: "club de foot", error: { field: "type", code: "unknown_value", value: "club de foot" } },
    { header: "Section", cell: "Section 9", error: { field: "section", code: "unknown_section", value: "Section 9" } },
    { header: "Téléphone", cell: "12", error: { field: "phone", code: "bad_phone", value: "12" } },
    { header: "Courriel", cell: "pas-un-mail", error: { field: "email", code: "bad_email", value: "pas-un-mail" } },
    { header: "fondée", cell: "l'an dernier", error: { field: "yearFounded", code: "bad_year", value: "l'an dernier" } },
    { header: "jeunes", cell: "peut-être", error: { field: "ledByYouth", code: "bad_boolean", value: "peut-être" } },
    { header: "Date d'adhésion", cell: "31/02/2025", error: { field: "joinedOn", code: "bad_date", value: "31/02/2025" } },
    { header: "Fanm", cell: "anpil", error: { field: "women", code: "bad_number", value: "anpil" } },
  ];
  for (const c of cases) {
    it(`${c.header}: « ${c.cell} »`, () => {
      const header = c.header === "Type" ? "Nom;Type" : `Nom;Type;${c.header}`;
      const row = c.header === "Type" ? `Gwoupman A;${c.cell}` : `Gwoupman A;OB;${c.cell}`;
      const { rows, errors } = readOrganisationRows(parseCsv(`${header}\n${row}`), context);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ line: 2, ...c.error }]);
    });
  }

  it("names the line a duplicate repeats, the first one, however many times it repeats", () => {
    const { rows, errors } = readOrganisationRows(parseCsv(["Nom;Type", "MUSO Lespwa;MUSO", "Lòt;OB", "muso lespwa;MUSO", "MUSO  Lèspwa;MUSO"].join("\n")), context);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(errors).toEqual([
      { line: 4, field: "name", code: "duplicate_in_file", value: "muso lespwa", repeats: 2 },
      { line: 5, field: "name", code: "duplicate_in_file", value: "MUSO  Lèspwa", repeats: 2 },
    ]);
  });

  it("keeps the good rows apart from the bad lines, which are named once each", () => {
    const { rows, errors } = readOrganisationRows(parseCsv(["Nom;Type;Téléphone", "A;OB;", "B;club;12", "C;MUSO;"].join("\n")), context);
    expect(rows.map((r) => r.name)).toEqual(["A", "C"]);
    expect(badLines(errors)).toEqual([3]);
    expect(canImportGoodRows(errors)).toBe(true);
    expect(canImportGoodRows(readOrganisationRows(parseCsv("Sigle\nA"), context).errors)).toBe(false);
  });
});

describe("the template files", () => {
  for (const locale of ["fr", "ht"] as const) {
    it(`reads back its own organisations template in ${locale}, every column understood`, () => {
      const rows = importTemplate("organisations", locale, (key) => translate(locale, key), { sectionNumber: 2 });
      const result = readOrganisationRows(parseCsv(rows.map((r) => r.join(";")).join("\n")), context);
      expect(result.errors).toEqual([]);
      expect(result.columns.every((c) => c.field !== null)).toBe(true);
      expect(result.rows[0]).toMatchObject({ type: "youth", sectionCode: "HT0313-02", phone: "+50937001234", yearFounded: 2015, ledByYouth: true, legallyRecognised: true });
    });
    it(`reads back its own delegates template in ${locale}`, () => {
      const rows = importTemplate("delegates", locale, (key) => translate(locale, key), { sectionNumber: null });
      const result = readDelegateRows(parseCsv(rows.map((r) => r.join(";")).join("\n")), {
        organisations: [{ id: 1, name: "Asosyasyon", acronym: "AJE" }],
        today: "2026-11-22",
        thisYear: 2026,
        normalizePhone,
      });
      expect(result.errors).toEqual([]);
      expect(result.columns.every((c) => c.field !== null)).toBe(true);
      expect(result.rows[0]).toMatchObject({ sex: "female", seat: "titular", organisationId: 1 });
    });
  }
});
