import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type Locale } from "../modules/i18n/locales";
import { translator, type Translate } from "../modules/i18n/translate";
import type { loader as rootLoader } from "../root";

export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}
