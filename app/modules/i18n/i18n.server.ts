import type { CurrentSession } from "../auth/session.server";
import { isLocale, type Locale } from "./locales";
import { chooseLocale } from "./negotiate";

export const LANGUAGE_COOKIE = "makon_lang";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function localeFor(request: Request, current: CurrentSession | null): Locale {
  return chooseLocale({
    userLocale: current?.user.locale,
    cookieLocale: readCookie(request.headers.get("Cookie"), LANGUAGE_COOKIE),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
}

export function languageCookie(locale: Locale): string {
  if (!isLocale(locale)) throw new Error("unknown locale");
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}
