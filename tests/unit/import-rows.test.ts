import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../app/modules/auth/phone";
import { parseCsv } from "../../app/modules/csv/csv";
import { readBoolean, readDate, readYear } from "../../app/modules/csv/cells";
import { readDelegateRows, readOrganisationRows } from "../../app/modules/organisations/import-rows";

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
      { line: 3, field: "type", code: "unknown_value" },
      { line: 4, field: "section", code: "unknown_section" },
      { line: 4, field: "phone", code: "bad_phone" },
      { line: 4, field: "email", code: "bad_email" },
      { line: 4, field: "yearFounded", code: "bad_year" },
      { line: 4, field: "legallyRecognised", code: "bad_boolean" },
      { line: 4, field: "joinedOn", code: "bad_date" },
      { line: 4, field: "women", code: "bad_number" },
      { line: 5, field: "name", code: "already_member" },
      { line: 7, field: "name", code: "duplicate_in_file" },
      { line: 8, field: "type", code: "required" },
      { line: 8, field: "joinedOn", code: "bad_date" },
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
      { line: 2, field: "sex", code: "unknown_value" },
      { line: 2, field: "ageGroup", code: "unknown_value" },
      { line: 2, field: "phone", code: "bad_phone" },
      { line: 2, field: "organisation", code: "unknown_organisation" },
      { line: 2, field: "seat", code: "unknown_value" },
      { line: 3, field: "name", code: "required" },
    ]);
  });
});
