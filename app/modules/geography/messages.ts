import type { MessageKey } from "../i18n/translate";

export type GeographyCode =
  | "forbidden"
  | "department_not_found"
  | "arrondissement_not_found"
  | "commune_not_found"
  | "code_outside_arrondissement"
  | "code_taken"
  | "name_taken"
  | "number_taken"
  | "no_free_code";

/** The message shown for each refusal of a geography command. */
export function geographyMessage(code: GeographyCode): MessageKey {
  const keys: Record<GeographyCode, MessageKey> = {
    forbidden: "error.forbidden",
    department_not_found: "error.notFound",
    arrondissement_not_found: "error.arrondissement",
    commune_not_found: "error.notFound",
    code_outside_arrondissement: "geo.error.codeOutsideArrondissement",
    code_taken: "geo.error.codeTaken",
    name_taken: "geo.error.nameTaken",
    number_taken: "geo.error.numberTaken",
    no_free_code: "geo.error.noFreeCode",
  };
  return keys[code];
}
