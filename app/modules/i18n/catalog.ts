import type { Locale } from "./locales";

/** A domain's messages: each key with its French and its Kreyòl, side by side. */
export type Catalog = Record<string, Record<Locale, string>>;
