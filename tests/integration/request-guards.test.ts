import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { meetingSessions, meetings, spaces } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * What reaches the app at all: cross-origin writes, unreadable cookies, bodies too large or
 * not forms, redirects off the site, and the headers every page carries. Each case came from
 * an outside audit; each is asked over real HTTP with real cookies.
 */
let server: TestServer;
let facilitator: string;
let admin: string;
let live: { path: string; id: number };

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers, redirect: "manual" });

const screenMessage = () => server.db.select({ m: meetingSessions.screenMessage }).from(meetingSessions).where(eq(meetingSessions.meetingId, live.id)).get()?.m ?? null;

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, admin] = await Promise.all([signInCookie(server.url, "animateur@makon.ht"), signInCookie(server.url, "admin@makon.ht")]);
  const created = await post("/espaces/1/reunions/nouvelle", new URLSearchParams({ intent: "meeting", kind: "ordinary", title: "Gad", startsAt: "2026-12-05T09:00", place: "Lekòl" }), { Cookie: facilitator });
  const path = created.headers.get("location")!;
  await post(path, new URLSearchParams({ intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" }), { Cookie: facilitator });
  expect((await post(path, new URLSearchParams({ intent: "start" }), { Cookie: facilitator })).status).toBe(200);
  live = { path, id: Number(path.split("/").pop()) };
});
afterAll(() => server.stop());

describe("a write from another origin", () => {
  const message = (text: string) => new URLSearchParams({ intent: "message", text });

  it("is refused when a page on another port of this host posts with the facilitator's cookie, legacy ?_data= included", async () => {
    const otherPort = new URL(server.url);
    otherPort.port = String(Number(otherPort.port) + 1);
    for (const path of [`${live.path}/console`, `${live.path}/console?_data=routes%2Fespaces.%24spaceId.reunions.%24meetingId.console`, `${live.path}/console.data`]) {
      const refused = await post(path, message("Pirate"), { Cookie: facilitator, Origin: otherPort.origin, "Accept-Language": "ht" });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(await refused.text()).toContain("pa soti nan yon paj sit sa a");
    }
    const siteOnly = await post(`${live.path}/console`, message("Pirate"), { Cookie: facilitator, "Sec-Fetch-Site": "same-site" });
    expect(siteOnly.status).toBe(403);
    const byReferer = await post(`${live.path}/console`, message("Pirate"), { Cookie: facilitator, Referer: `${otherPort.origin}/attack` });
    expect(byReferer.status).toBe(403);
    expect(screenMessage()).not.toBe("Pirate");
  });

  it("goes through from the site's own pages", async () => {
    const sent = await post(`${live.path}/console`, message("Byenveni"), { Cookie: facilitator, Origin: server.url, "Sec-Fetch-Site": "same-origin" });
    expect(sent.status).toBeLessThan(400);
    expect(screenMessage()).toBe("Byenveni");
  });

  it("is refused on the live socket too: an upgrade from another port never opens", async () => {
    const otherPort = new URL(server.url);
    otherPort.port = String(Number(otherPort.port) + 1);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server.url}/realtime/meeting:${live.id}:console`, {
        headers: { Connection: "Upgrade", Upgrade: "websocket", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", Origin: otherPort.origin, Cookie: facilitator },
      });
      req.on("response", (res) => resolve(res.statusCode ?? 0));
      req.on("upgrade", () => resolve(101));
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe("behind a trusted proxy on another port", () => {
  it("takes the site's origin from the proxy's X-Forwarded-Host, port included, and still refuses other origins", async () => {
    const proxied = await startTestServer({ trustProxy: 1 });
    try {
      const cookie = await signInCookie(proxied.url, "animateur@makon.ht");
      const headers = (origin: string) => ({ Cookie: cookie, Origin: origin, "X-Forwarded-Host": "makon.example:8443", "X-Forwarded-Proto": "https" });
      const ours = await fetch(`${proxied.url}/langue`, { method: "POST", body: new URLSearchParams({ lang: "ht", redirectTo: "/" }), headers: headers("https://makon.example:8443"), redirect: "manual" });
      expect(ours.status).toBe(302);
      const other = await fetch(`${proxied.url}/langue`, { method: "POST", body: new URLSearchParams({ lang: "ht", redirectTo: "/" }), headers: headers("https://makon.example:9999"), redirect: "manual" });
      expect(other.status).toBe(403);
    } finally {
      await proxied.stop();
    }
  });
});

describe("an unreadable cookie", () => {
  it("is ignored: pages and the sign-in still work", async () => {
    for (const path of ["/", "/connexion", "/espaces/1"]) {
      const page = await fetch(`${server.url}${path}`, { headers: { Cookie: `other=%zz; makon_lang=%E0%A4%A` } });
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
    }
    const withSession = await fetch(`${server.url}/compte`, { headers: { Cookie: `other=%zz; ${facilitator}` } });
    expect(withSession.status).toBe(200);
    const signIn = await post("/connexion", new URLSearchParams({ identifier: "animateur@makon.ht", password: "makon-demo-2026" }), { Cookie: "other=%zz" });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.getSetCookie().some((c) => c.startsWith("makon_session="))).toBe(true);
  });
});

describe("request bodies", () => {
  it("refuses a body over the path's limit before reading it, with the reason in the reader's language", async () => {
    const big = new URLSearchParams({ identifier: "x".repeat(10 * 1024 * 1024), password: "y" });
    const refused = await post("/connexion", big, { "Accept-Language": "fr" });
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("trop volumineux");
    const upload = new FormData();
    upload.append("file", new Blob([new Uint8Array(40 * 1024 * 1024)]), "big.csv");
    const tooBigUpload = await post("/espaces/1/import", upload, { Cookie: facilitator });
    expect(tooBigUpload.status).toBe(413);
  });

  it("refuses a form of 300,000 fields, and one streamed without a length past the limit, acting on neither", async () => {
    const before = server.db.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, 1)).get()!.name;
    const fields = new URLSearchParams();
    for (let i = 0; i < 300_000; i++) fields.append(`f${i}`, "1");
    const refused = await post("/espaces/1/reglages", fields, { Cookie: admin });
    expect(refused.status).toBe(413);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(`name=${"x".repeat(16 * 1024)}&`));
        controller.close();
      },
    });
    const streamed = await fetch(`${server.url}/espaces/1/reglages`, { method: "POST", body: chunks, headers: { Cookie: admin, "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual", duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(server.db.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, 1)).get()!.name).toBe(before);
  });

  it("answers a body that is not a form, or a truncated one, with a 4xx and a message, never a stack trace", async () => {
    const cases: [string, BodyInit, Record<string, string>, number][] = [
      ["json", JSON.stringify({ intent: "start" }), { "Content-Type": "application/json" }, 415],
      ["text/plain", "intent=start", { "Content-Type": "text/plain" }, 415],
      ["multipart without boundary", "--x\r\n", { "Content-Type": "multipart/form-data" }, 415],
      ["truncated multipart", '--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsta', { "Content-Type": "multipart/form-data; boundary=b" }, 400],
    ];
    for (const [what, body, headers, status] of cases) {
      const answer = await post(live.path, body, { ...headers, Cookie: facilitator, "Accept-Language": "ht" });
      const text = await answer.text();
      expect({ what, status: answer.status }).toEqual({ what, status });
      expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(text).toMatch(/Adrès sa a aksepte fòmilè|Demann lan rive pa konplè/);
    }
    expect(server.db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, live.id)).get()!.status).toBe("live");
  });
});

describe("redirects after sign-in and a language switch", () => {
  const hostile = ["/%09/evil.example", "/\t/evil.example", "/\\evil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example/", "/\r\nSet-Cookie: x=1"];

  it("never leave the site, and a CR/LF never reaches a header", async () => {
    for (const target of hostile) {
      const decoded = target.includes("%") ? decodeURIComponent(target) : target;
      const switched = await post("/langue", new URLSearchParams({ lang: "ht", redirectTo: decoded }));
      const location = switched.headers.get("location")!;
      expect({ target, status: switched.status }).toEqual({ target, status: 302 });
      expect({ target, host: new URL(location, server.url).host }).toEqual({ target, host: new URL(server.url).host });
      expect(location).not.toMatch(/[\t\r\n]/);

      const signedIn = await post("/connexion", new URLSearchParams({ identifier: "animateur@makon.ht", password: "makon-demo-2026", redirectTo: decoded }));
      expect({ target, status: signedIn.status }).toEqual({ target, status: 302 });
      expect({ target, host: new URL(signedIn.headers.get("location")!, server.url).host }).toEqual({ target, host: new URL(server.url).host });

      const page = await fetch(`${server.url}/connexion?redirectTo=${encodeURIComponent(decoded)}`);
      expect({ target, status: page.status }).toEqual({ target, status: 200 });
    }
  });

  it("keep a path of the site, with its query", async () => {
    const switched = await post("/langue", new URLSearchParams({ lang: "fr", redirectTo: "/espaces/1?type=muso" }));
    expect(switched.headers.get("location")).toBe("/espaces/1?type=muso");
  });
});

describe("every response", () => {
  it("carries a content security policy with a fresh nonce, frame-ancestors, nosniff and a referrer policy", async () => {
    const [a, b] = await Promise.all([fetch(`${server.url}/`), fetch(`${server.url}/`)]);
    const policy = a.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toBe(b.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    const html = await a.text();
    // Every inline script of the page carries the nonce; none would be blocked.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("same-origin");
    const asset = await fetch(`${server.url}/favicon.ico`);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
