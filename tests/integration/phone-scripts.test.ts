import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../setup/root";

/**
 * What a delegate's phone downloads for its meeting page, read from the production build (the
 * test command builds first): the scripts the page loads at once, and what they import. Zod
 * validates the page's forms on the server only; in the phone's scripts it would be ~90 KB
 * gzipped more on prepaid 3G (how much the page weighs is measured by `npm run bench`).
 */
const BUILD = join(ROOT, "public", "build");
const PHONE_ROUTE = "routes/espaces.$spaceId.reunions.$meetingId.direct";

function manifest(): { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> } {
  const file = readdirSync(BUILD).find((f) => f.startsWith("manifest-"))!;
  return JSON.parse(readFileSync(join(BUILD, file), "utf8").replace(/^window.__remixManifest=/, "").replace(/;\s*$/, ""));
}

/** Every script a page loads before any user action: its modules and what they import, statically. */
function staticScripts(routeId: string): Map<string, string> {
  const m = manifest();
  const seen = new Map<string, string>();
  const walk = (url: string) => {
    if (seen.has(url)) return;
    const text = readFileSync(join(BUILD, url.replace(/^\/build\//, "")), "utf8");
    seen.set(url, text);
    for (const found of text.matchAll(/(?:from|import)\s*"(\/build\/[^"]+)"/g)) walk(found[1]!);
  };
  for (const mod of [m.entry, m.routes.root!, m.routes[routeId]!]) {
    walk(mod.module);
    for (const url of mod.imports ?? []) walk(url);
  }
  return seen;
}

describe("the delegates' phone page", () => {
  it("loads no form validation library: its forms are checked on the server", () => {
    const scripts = staticScripts(PHONE_ROUTE);
    expect(scripts.size).toBeGreaterThan(3);
    const withZod = [...scripts].filter(([, text]) => text.includes("$ZodType") || text.includes("ZodError")).map(([url]) => url);
    expect(withZod).toEqual([]);
  });
});
