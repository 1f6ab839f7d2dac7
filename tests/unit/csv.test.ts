import { describe, expect, it } from "vitest";
import { decodeCsvBytes, detectDelimiter, parseCsv, toCsv } from "../../app/modules/csv/csv";

describe("reading CSV", () => {
  it("decodes UTF-8 with or without BOM, and Windows-1252", () => {
    const utf8 = new TextEncoder().encode("Nom;Sigle\nFanm Vanyan;FV\n");
    expect(decodeCsvBytes(utf8)).toEqual({ text: "Nom;Sigle\nFanm Vanyan;FV\n", encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Né")]);
    expect(decodeCsvBytes(bom).text).toBe("Né");
    // "Pétion" in Windows-1252: é is 0xE9, invalid alone in UTF-8.
    const cp1252 = new Uint8Array([0x50, 0xe9, 0x74, 0x69, 0x6f, 0x6e, 0x80]);
    expect(decodeCsvBytes(cp1252)).toEqual({ text: "Pétion€", encoding: "windows-1252" });
  });

  it("finds the delimiter from the header line", () => {
    expect(detectDelimiter("Nom;Type;Section\n")).toBe(";");
    expect(detectDelimiter("Nom,Type,Section\n")).toBe(",");
    expect(detectDelimiter('"Nom; avec point-virgule",Type,Section\n')).toBe(",");
  });

  it("reads quotes, doubled quotes, line breaks in fields and blank lines, keeping line numbers", () => {
    const text = 'Nom,Note\r\n"Kòperativ ""Lespwa""","ligne 1\nligne 2"\r\n\r\nMUSO Bèl Fanm,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["Nom", "Note"] },
      { line: 2, fields: ['Kòperativ "Lespwa"', "ligne 1\nligne 2"] },
      { line: 5, fields: ["MUSO Bèl Fanm", ""] },
    ]);
  });
});

describe("writing CSV for Excel", () => {
  it("starts with a BOM, uses semicolons and CRLF, and quotes what needs it", () => {
    expect(toCsv([["Nom", "Sigle"], ['Asosyasyon "Jèn"', "A;B"], ["Fanm", null]])).toBe('\uFEFFNom;Sigle\r\n"Asosyasyon ""Jèn""";"A;B"\r\nFanm;\r\n');
  });

  it("keeps spreadsheet formulas from running, numbers untouched", () => {
    expect(toCsv([["=HYPERLINK(1)", "-12", "+509 3700"]])).toBe("\uFEFF'=HYPERLINK(1);-12;'+509 3700\r\n");
  });

  it("round-trips through the reader", () => {
    const rows = [["Nom", "Note"], ["Gwoupman Peyizan Wòch Plat", 'dit "ok"\net plus']];
    const text = decodeCsvBytes(new TextEncoder().encode(toCsv(rows))).text;
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows);
  });
});
