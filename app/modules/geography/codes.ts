/** P-code shapes: department HT03, arrondissement HT031, commune HT0311, section HT0311-03. */
export const DEPARTMENT_CODE = /^HT\d{2}$/;
export const ARRONDISSEMENT_CODE = /^HT\d{3}$/;
export const COMMUNE_CODE = /^HT\d{4}$/;
export const SECTION_CODE = /^HT\d{4}-\d{2}$/;

export function sectionCode(communeCode: string, number: number): string {
  return `${communeCode}-${String(number).padStart(2, "0")}`;
}

/** French ordinal label as the reference data writes it: "1re section X", "2e section X". */
export function sectionLabel(number: number, name: string): string {
  return `${number}${number === 1 ? "re" : "e"} section ${name}`;
}

/** The first commune code of an arrondissement that no commune uses yet. */
export function nextFreeCommuneCode(arrondissementCode: string, used: readonly string[]): string | null {
  for (let n = 1; n <= 9; n++) {
    const code = `${arrondissementCode}${n}`;
    if (!used.includes(code)) return code;
  }
  return null;
}

export function nextFreeSectionNumber(usedNumbers: readonly number[]): number {
  let n = 1;
  while (usedNumbers.includes(n)) n++;
  return n;
}
