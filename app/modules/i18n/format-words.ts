import type { Locale } from "./locales";

/** The words date formatting needs in Kreyòl, which Node's ICU does not have (and the pattern in each language). */
export const MONTHS_HT = ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm", "desanm"] as const;

export const DATE_AT_TIME: Record<Locale, string> = { fr: "{date} à {time}", ht: "{date} a {time}" };

/** Each language's own name, as its speakers write it (a language switch shows both). */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: "Français", ht: "Kreyòl" };
