import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agendaItems, idempotentRequests, users } from "../../db/schema/index";
import { IdempotencyStore } from "../../server/idempotency";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * A form sent twice — a retry after the network dropped, a double tap, a re-post — is applied
 * once and answered the same; without JavaScript, a post is followed by a redirect to the page
 * it produced, so a refresh reads it again instead of posting again.
 */
let server: TestServer;
let facilitator: string;
let meetingPath: string;
let meetingId: number;

const post = (path: string, form: Record<string, string>, cookie = facilitator) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie }, redirect: "manual" });
const items = (title: string) => server.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).all().filter((i) => i.title === title).length;
const key = (n: number) => `seedseedseed.r${n}.0`;

beforeAll(async () => {
  server = await startTestServer();
  facilitator = await signInCookie(server.url, "animateur@makon.ht");
  const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: "Reyinyon de fwa", startsAt: "2026-12-05T09:00", place: "Lekòl" });
  meetingPath = created.headers.get("location")!;
  meetingId = Number(meetingPath.split("/").pop());
});
afterAll(() => server.stop());

const item = (title: string, cle: string) => ({ intent: "agenda-add", title, kind: "discussion", plannedMinutes: "10", _cle: cle });

describe("a form sent twice", () => {
  it("is applied once when a script resends it, and answered the same", async () => {
    const first = await post(`${meetingPath}.data`, item("Dlo", key(1)));
    const again = await post(`${meetingPath}.data`, item("Dlo", key(1)));
    expect(first.status).toBeLessThan(400);
    expect([again.status, await again.text()]).toEqual([first.status, await first.text()]);
    expect(items("Dlo")).toBe(1);
  });

  it("is applied once when both copies arrive together (a double tap)", async () => {
    const answers = await Promise.all([post(`${meetingPath}.data`, item("Wout", key(2))), post(`${meetingPath}.data`, item("Wout", key(2)))]);
    expect(answers.map((a) => a.status < 400)).toEqual([true, true]);
    expect(items("Wout")).toBe(1);
  });

  it("is another post when the same key comes with other values (a page brought back from history), or from someone else", async () => {
    await post(`${meetingPath}.data`, item("Lekòl", key(3)));
    await post(`${meetingPath}.data`, item("Sante", key(3)));
    expect([items("Lekòl"), items("Sante")]).toEqual([1, 1]);
    const admin = await signInCookie(server.url, "admin@makon.ht");
    await post(`${meetingPath}.data`, item("Lekòl", key(3)), admin);
    expect(items("Lekòl")).toBe(2);
  });

  it("is not applied again after a crash left its outcome unknown: the retry is asked to look at the page", async () => {
    const body = new URLSearchParams(item("Mache", key(4))).toString();
    const rowKey = `${key(4)}.${createHash("sha256").update(body).digest("base64url").slice(0, 16)}`;
    const userId = server.db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id;
    server.db.insert(idempotentRequests).values({ key: rowKey, userId, method: "POST", path: `${meetingPath}.data`, status: 0, headers: [], body: "", createdAt: Date.now() }).run();
    const retry = await fetch(`${server.url}${meetingPath}.data`, { method: "POST", body, headers: { Cookie: facilitator, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "ht" } });
    expect(retry.status).toBe(409);
    expect(await retry.text()).toContain("Rechaje paj la pou w verifye");
    expect(items("Mache")).toBe(0);
  });

  it("stays pending when the request failed in our hands or was cut off, possibly after its command; a page too large to keep is answered as done", async () => {
    const store = new IdempotencyStore(server.db);
    const now = Date.now();
    const failed = await store.begin(key(6), Buffer.from("a=1"), null, "POST", "/x", now);
    store.finish((failed as { rowKey: string }).rowKey, { kind: "unknown" });
    expect((await store.begin(key(6), Buffer.from("a=1"), null, "POST", "/x", now)).kind).toBe("unknown");
    const huge = await store.begin(key(7), Buffer.from("a=1"), null, "POST", "/x", now);
    store.finish((huge as { rowKey: string }).rowKey, { kind: "answer", answer: { status: 200, headers: [], body: "x".repeat(2_000_000) }, path: "/x" });
    expect(await store.begin(key(7), Buffer.from("a=1"), null, "POST", "/x", now)).toEqual({ kind: "replay", answer: { status: 303, headers: [["Location", "/x"]], body: "" } });
    const signIn = await store.begin(key(8), Buffer.from("a=1"), null, "POST", "/x", now);
    store.finish((signIn as { rowKey: string }).rowKey, { kind: "forget" });
    expect((await store.begin(key(8), Buffer.from("a=1"), null, "POST", "/x", now)).kind).toBe("run");
  });
});

describe("without JavaScript", () => {
  it("a post is followed by a redirect to the page it produced; a refresh reads that page again and posts nothing", async () => {
    const sent = await post(meetingPath, item("Nouvèl", key(5)));
    expect(sent.status).toBe(303);
    const location = sent.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${meetingPath}\\?_vu=`));
    const page = await fetch(`${server.url}${location}`, { headers: { Cookie: facilitator } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Nouvèl");
    const refreshed = await fetch(`${server.url}${location}`, { headers: { Cookie: facilitator } });
    expect(await refreshed.text()).toBe(html);
    expect(items("Nouvèl")).toBe(1);
    // The page's scripts, once loaded at that address, read its data as data.
    const data = await fetch(`${server.url}${location.replace("?", ".data?")}`, { headers: { Cookie: facilitator } });
    expect(data.status).toBe(200);
    expect(data.headers.get("content-type")).not.toMatch(/text\/html/);
    expect(await data.text()).toContain("Nouvèl");
    // Someone else gets the page as it is now.
    const other = await fetch(`${server.url}${location}`, { redirect: "manual" });
    expect([other.status, other.headers.get("location")]).toEqual([303, meetingPath]);
  });
});
