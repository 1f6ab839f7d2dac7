import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * What a delegate's phone downloads for its meeting page, from the production build as the
 * server sends it (the test command builds first): every script the page's HTML loads or runs,
 * and every module they import. On prepaid 3G the phone's budget is 60 KB gzipped (issue 16);
 * React and Remix's runtime alone weigh 85 KB, so they must not be among them (how long the page
 * takes to be interactive on a slow network is measured by `npm run bench`).
 */
const BUDGET = 60_000;
let server: TestServer;
let page: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signInCookie(server.url, "admin@makon.ht");
  const post = (path: string, form: Record<string, string>) => fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: admin }, redirect: "manual" });
  const meetingPath = (await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: "Reyinyon telefòn", startsAt: "2026-12-05T09:00", place: "Lekòl" })).headers.get("location")!;
  await post(meetingPath, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "15" });
  await post(meetingPath, { intent: "start" });
  const response = await fetch(`${server.url}${meetingPath}/direct`, { headers: { Cookie: admin } });
  expect(response.status).toBe(200);
  page = await response.text();
});
afterAll(() => server.stop());

/** The page's scripts, by address (an inline one by its place), with what each imports, statically or not. */
async function scriptsOf(html: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const walk = async (url: string) => {
    if (seen.has(url)) return;
    const response = await fetch(new URL(url, server.url));
    expect(response.status, url).toBe(200);
    const text = await response.text();
    seen.set(url, text);
    for (const found of text.matchAll(/(?:from|import)\s*\(?\s*"((?:\/|\.\.?\/)[^"]+\.js)"/g)) await walk(new URL(found[1]!, new URL(url, server.url)).pathname);
  };
  for (const tag of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = tag[1]!;
    if (/type="application\/json"/.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) await walk(src);
    else seen.set(`inline #${seen.size}`, tag[2]!);
  }
  for (const link of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) await walk(link[1]!);
  return seen;
}

describe("the delegates' phone page", () => {
  it("downloads at most 60 KB of JavaScript, gzipped, without React's or Remix's runtime", async () => {
    const scripts = await scriptsOf(page);
    expect(scripts.size).toBeGreaterThan(0);
    const gzipped = [...scripts.values()].reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(gzipped).toBeGreaterThan(10_000);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
    const runtimes = [...scripts].filter(([, text]) => /__remixContext|__remixManifest|Minified React error|react-dom\.production/.test(text)).map(([url]) => url);
    expect(runtimes).toEqual([]);
  });

  it("loads no form validation library: its forms are checked on the server", async () => {
    const withZod = [...(await scriptsOf(page))].filter(([, text]) => text.includes("$ZodType") || text.includes("ZodError")).map(([url]) => url);
    expect(withZod).toEqual([]);
  });
});
