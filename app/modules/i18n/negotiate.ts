import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/**
 * The language of a page: the user's own setting first, then the cookie set by the switch,
 * then the browser's Accept-Language ("ht" or Creole; any French), then French.
 */
export function chooseLocale(input: {
  userLocale?: string | null;
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return fromAcceptLanguage(input.acceptLanguage ?? "") ?? DEFAULT_LOCALE;
}

export function fromAcceptLanguage(header: string): Locale | null {
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "ht") return "ht";
    if (primary === "fr") return "fr";
  }
  return null;
}
