import { readFileSync } from "node:fs";

let known: string | null | undefined;

/**
 * Where the phone page's own script is (scripts/build-phone.mjs writes it beside Remix's
 * assets, under a name that changes with its content): null when it was not built, and the
 * page then works as plain forms. Read once in production; in development at every page.
 */
export function phoneScript(): string | null {
  if (known !== undefined && process.env.NODE_ENV === "production") return known;
  try {
    // The server's build is build/index.js: the public assets are beside it.
    known = (JSON.parse(readFileSync(new URL("../public/build/phone-manifest.json", import.meta.url), "utf8")) as { src: string }).src;
  } catch {
    known = null;
  }
  return known;
}
