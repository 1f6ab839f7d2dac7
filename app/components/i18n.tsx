import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type Locale } from "../modules/i18n/locales";
import { translatorOf, type Translate } from "../modules/i18n/translate";
import type { loader as rootLoader } from "../root";

export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? DEFAULT_LOCALE;
}

/** Translates with the messages the layout received for this page, in its language. */
export function useT(): Translate {
  const messages = useRouteLoaderData<typeof rootLoader>("root")?.messages ?? {};
  return translatorOf(messages);
}
