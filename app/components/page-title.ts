import { isLocale } from "../modules/i18n/locales";
import { translate, type MessageKey, type Params } from "../modules/i18n/translate";

/** A page's <title>: its own name, then the site's, in the page's language. */
export function pageTitle(matches: readonly { id: string; data?: unknown }[], key: MessageKey, params?: Params) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : "fr";
  return [{ title: `${translate(locale, key, params)} · ${translate(locale, "app.title")}` }];
}
