import type { Locale } from "../i18n/locales";
import type { MessageKey } from "../i18n/translate";
import { TEMPLATE_FIELDS, type DelegateField, type OrganisationField } from "./import-rows";

/**
 * A template file for the import, in one language: the column titles the import reads (the
 * `import.field.*` labels) and an example line written with that language's words, which the
 * import itself accepts.
 */
export function importTemplate(
  kind: "organisations" | "delegates",
  locale: Locale,
  t: (key: MessageKey) => string,
  options: { sectionNumber: number | null },
): string[][] {
  const kreyol = locale === "ht";
  const yes = t("common.yes").toLowerCase();
  const no = t("common.no").toLowerCase();
  if (kind === "organisations") {
    const example: Record<OrganisationField, string> = {
      name: kreyol ? "Asosyasyon Jèn Egzanp" : "Association des jeunes Exemple",
      acronym: "AJE",
      type: t("orgType.youth"),
      section: options.sectionNumber === null ? "" : String(options.sectionNumber),
      contactName: kreyol ? "Mari Jozèf" : "Marie Joseph",
      phone: "3700 1234",
      email: kreyol ? "aje@egzanp.ht" : "aje@exemple.ht",
      yearFounded: "2015",
      legallyRecognised: yes,
      ledByWoman: no,
      ledByYouth: yes,
      joinedOn: "15/01/2025",
      women: "12",
      men: "9",
    };
    return [TEMPLATE_FIELDS.organisations.map((f) => t(`import.field.${f}`)), TEMPLATE_FIELDS.organisations.map((f) => example[f])];
  }
  const example: Record<DelegateField, string> = {
    name: kreyol ? "Woz Lwi" : "Rose Louis",
    sex: t("sex.female"),
    birthYear: "1999",
    ageGroup: "",
    disability: no,
    phone: "3700 1234",
    organisation: "AJE",
    seat: t("seat.titular"),
    fromDate: "01/02/2025",
  };
  return [TEMPLATE_FIELDS.delegates.map((f) => t(`import.field.${f}`)), TEMPLATE_FIELDS.delegates.map((f) => example[f])];
}
