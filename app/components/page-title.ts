import { translatorOf, type MessageKey, type Messages, type Params } from "../modules/i18n/translate";

/** A page's <title>: its own name, then the site's, in the page's language. */
export function pageTitle(matches: readonly { id: string; data?: unknown }[], key: MessageKey, params?: Params) {
  const root = matches.find((m) => m.id === "root")?.data as { messages?: Messages } | undefined;
  const t = translatorOf(root?.messages ?? {});
  return [{ title: `${t(key, params)} · ${t("app.title")}` }];
}
