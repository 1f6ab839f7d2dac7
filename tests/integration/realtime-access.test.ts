import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { attendance, meetingSessions, meetings, roleGrants, users } from "../../db/schema/index";
import { DocumentStore } from "../../server/realtime/persistence";
import { readLiveState } from "../../app/modules/live/live-doc";
import { connectProvider, synced, upgradeOutcome, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * Access to an open socket follows what it depends on: the meeting closing, a role revoked,
 * the session ending. And the live documents are projections of the database, whatever
 * their stored copy says.
 */
let server: TestServer;
let facilitator: string;
let admin: string;
const cleanups: (() => void)[] = [];

const post = (path: string, form: Record<string, string>, cookie?: string) =>
  fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

function client(cookie: string, name: string, params?: Record<string, string>) {
  const c = connectProvider(server.url, name, cookie, undefined, params);
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** Resolves once the server has refused an update of this document (it logs each). */
const refusedUpdates = (name: string) => server.logs.filter((l) => l.event === "realtime.refused-update" && l.details.doc === name).length;

const stored = (name: string) => {
  const doc = new Y.Doc();
  new DocumentStore(server.db).load(name, doc);
  return doc;
};

async function liveMeeting(title: string): Promise<{ path: string; id: number }> {
  const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title, startsAt: "2026-12-05T09:00", place: "Lekòl" }, facilitator);
  const path = created.headers.get("location")!;
  await post(path, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" }, facilitator);
  expect((await post(path, { intent: "start" }, facilitator)).status).toBe(200);
  return { path, id: Number(path.split("/").pop()) };
}

/** A new account with one role in space 1, signed in. */
async function account(email: string, role: "delegate" | "facilitator"): Promise<{ cookie: string; userId: string }> {
  const created = await post("/admin/comptes/nouveau", { name: email, email, password: "a long password", role, spaceId: "1" }, admin);
  expect(created.status).toBe(302);
  const userId = server.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  return { cookie: await signInCookie(server.url, email, "a long password"), userId };
}

const grantOf = (userId: string, role: string) => server.db.select().from(roleGrants).where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, role as "delegate"))).get()!.id;

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, admin] = await Promise.all([signInCookie(server.url, "animateur@makon.ht"), signInCookie(server.url, "admin@makon.ht")]);
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

describe("open sockets when their subject changes", () => {
  it("keep minutes writable by facilitators after the meeting closes, and turn writers into readers the moment they are approved", async () => {
    const { path, id } = await liveMeeting("Reyinyon fèmen");
    const name = `meeting:${id}:minutes`;
    const writer = client(facilitator, name);
    const other = client(admin, name);
    await Promise.all([synced(writer.provider), synced(other.provider)]);
    writer.doc.getText("body").insert(0, "Desizyon. ");
    await waitFor(() => stored(name).getText("body").toString().startsWith("Desizyon. "), 5_000, "edit stored while live");

    expect((await post(path, { intent: "close", confirm: "1" }, facilitator)).status).toBe(200);
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()).toMatchObject({ status: "closed", minutesMarkdown: null });
    // Still a writer after closing: corrections are stored and relayed.
    await new Promise((r) => setTimeout(r, 150));
    expect(writer.access).toBe("write");
    writer.doc.getText("body").insert(0, "Koreksyon. ");
    await waitFor(() => other.text().startsWith("Koreksyon. Desizyon. ") && stored(name).getText("body").toString().startsWith("Koreksyon. "), 5_000, "correction after close stored");

    expect((await post(path, { intent: "approve-minutes", confirm: "1" }, facilitator)).status).toBe(200);
    await waitFor(() => writer.access === "read" && other.access === "read", 5_000, "told it only reads now");
    const frozen = server.db.select().from(meetings).where(eq(meetings.id, id)).get()!.minutesMarkdown!;
    expect(frozen.startsWith("Koreksyon. Desizyon. ")).toBe(true);

    // The same socket, still open, tries to write: refused, and the record stays as frozen.
    const refusals = refusedUpdates(name);
    writer.doc.getText("body").insert(0, "APRE ");
    await waitFor(() => refusedUpdates(name) > refusals, 5_000, "the edit refused");
    expect(stored(name).getText("body").toString()).toBe(frozen);
    expect(other.text()).not.toContain("APRE");
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()!.minutesMarkdown).toBe(frozen);
  });

  it("give a reopened meeting its writers and its screen link back", async () => {
    const { path, id } = await liveMeeting("Reyinyon relouvri");
    const token = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, id)).get()!.screenToken!;
    expect((await post(path, { intent: "close", confirm: "1" }, facilitator)).status).toBe(200);
    const screen = () => upgradeOutcome(server.url, `/realtime/meeting:${id}:live?ecran=${token}`);
    expect(await screen()).not.toBe("open");
    const name = `meeting:${id}:minutes`;
    const writer = client(facilitator, name);
    await synced(writer.provider);
    expect((await post(path, { intent: "reopen", confirm: "1" }, facilitator)).status).toBe(200);
    expect(server.db.select().from(meetings).where(eq(meetings.id, id)).get()).toMatchObject({ status: "live", closedAt: null });
    expect(await screen()).toBe("open");
    writer.doc.getText("body").insert(0, "Relouvri. ");
    await waitFor(() => stored(name).getText("body").toString().startsWith("Relouvri. "), 5_000, "edit stored after reopening");
  });

  it("close every socket of a session when its user signs out, and refuse it afterwards", async () => {
    const { id } = await liveMeeting("Reyinyon soti");
    const own = await signInCookie(server.url, "animateur@makon.ht");
    const minutes = client(own, `meeting:${id}:minutes`);
    const live = client(own, `meeting:${id}:live`);
    const elsewhere = client(facilitator, `meeting:${id}:minutes`);
    await Promise.all([synced(minutes.provider), synced(live.provider), synced(elsewhere.provider)]);

    expect((await post("/deconnexion", {}, own)).status).toBe(302);
    await waitFor(() => minutes.socketClosures.includes(4403) && live.socketClosures.includes(4403), 5_000, "both sockets closed");
    // Reconnecting with the ended session is refused; the same user's other session goes on.
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${id}:minutes`, { cookie: own })).toBe(401);
    expect(elsewhere.socketClosures).toEqual([]);
    minutes.provider.destroy();
    const before = stored(`meeting:${id}:minutes`).getText("body").toString();
    elsewhere.doc.getText("body").insert(0, "Toujou la. ");
    await waitFor(() => stored(`meeting:${id}:minutes`).getText("body").toString() === "Toujou la. " + before, 5_000, "the other session still writes");
  });

  it("close a reader's sockets when its role is revoked, and downgrade a facilitator who becomes a delegate", async () => {
    const { id } = await liveMeeting("Reyinyon wòl");
    const delegate = await account("delege.revoke@makon.ht", "delegate");
    const phone = client(delegate.cookie, `meeting:${id}:live`);
    const helper = await account("animate.revoke@makon.ht", "facilitator");
    const minutes = client(helper.cookie, `meeting:${id}:minutes`);
    const console_ = client(helper.cookie, `meeting:${id}:console`);
    const watcher = client(facilitator, `meeting:${id}:minutes`);
    await Promise.all([synced(phone.provider), synced(minutes.provider), synced(console_.provider), synced(watcher.provider)]);

    expect((await post(`/admin/comptes/${delegate.userId}`, { intent: "revoke", confirm: "1", grantId: String(grantOf(delegate.userId, "delegate")) }, admin)).status).toBe(200);
    await waitFor(() => phone.socketClosures.includes(4403), 5_000, "the phone's socket closed");
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${id}:live`, { cookie: delegate.cookie })).toBe(403);

    // The helper becomes a delegate: the minutes are read-only to them, the console closed.
    expect((await post(`/admin/comptes/${helper.userId}`, { role: "delegate", spaceId: "1" }, admin)).status).toBe(200);
    expect((await post(`/admin/comptes/${helper.userId}`, { intent: "revoke", confirm: "1", grantId: String(grantOf(helper.userId, "facilitator")) }, admin)).status).toBe(200);
    await waitFor(() => minutes.access === "read" && console_.socketClosures.includes(4403), 5_000, "downgraded and closed");
    const before = stored(`meeting:${id}:minutes`).getText("body").toString();
    const refusals = refusedUpdates(`meeting:${id}:minutes`);
    minutes.doc.getText("body").insert(0, "PA MWEN ");
    await waitFor(() => refusedUpdates(`meeting:${id}:minutes`) > refusals, 5_000, "the edit refused");
    expect(stored(`meeting:${id}:minutes`).getText("body").toString()).toBe(before);
    // Neither relayed to the others: a later edit of theirs arrives, the refused one never does.
    watcher.doc.getText("body").insert(0, "APRE ");
    await waitFor(() => minutes.text().includes("APRE "), 5_000, "the downgraded reader still follows");
    expect(watcher.text()).not.toContain("PA MWEN");
  });
});

describe("the live documents", () => {
  it("are rebuilt from the database when they open, whatever their stored copy says", async () => {
    const { id } = await liveMeeting("Reyinyon pwojeksyon");
    const name = `meeting:${id}:live`;
    const first = client(facilitator, name);
    await synced(first.provider);
    expect(first.doc.getMap("attendance").get("count")).toBe(0);
    first.provider.destroy();
    await waitFor(() => server.hub.openDocumentCount() === 0, 5_000, "document unloaded");

    // A row committed whose publish never happened (a crash in the coalescing window, say).
    server.db.insert(attendance).values({ meetingId: id, name: "Moun san piblikasyon", sex: "female", ageGroup: "25_35", role: "observer", arrivedAt: Date.now(), createdAt: Date.now() }).run();
    server.db.update(meetingSessions).set({ screenMessage: "Dlo a koupe" }).where(eq(meetingSessions.meetingId, id)).run();
    const again = client(facilitator, name);
    await synced(again.provider);
    expect(again.doc.getMap("attendance").get("count")).toBe(1);
    expect(readLiveState(again.doc.getMap("live"))!.message).toBe("Dlo a koupe");
    // The console's projection carries what only the console shows.
    const console_ = client(facilitator, `meeting:${id}:console`);
    await synced(console_.provider);
    expect((console_.doc.getMap("console").toJSON().present as { name: string }[]).map((p) => p.name)).toEqual(["Moun san piblikasyon"]);
    // Phones never receive the console's part.
    expect(again.doc.getMap("console").size).toBe(0);

    // A rush: the console's list of the people present grows by what arrived, not sent whole again.
    const present = () => (console_.doc.getMap("console").toJSON().present as { name: string }[]).map((p) => p.name);
    const arrive = (names: string[]) => {
      const now = Date.now();
      server.db.insert(attendance).values(names.map((name) => ({ meetingId: id, name, sex: "male" as const, ageGroup: "25_35" as const, role: "observer" as const, arrivedAt: now, createdAt: now }))).run();
      server.realtime.publish([{ type: "attendance.changed", meetingId: id }]);
    };
    arrive(Array.from({ length: 60 }, (_, i) => `Delege ki rive ${i + 1}`));
    await waitFor(() => present().length === 61, 5_000, "60 arrivals on the console");
    const sizes: number[] = [];
    console_.doc.on("update", (update: Uint8Array) => sizes.push(update.length));
    arrive(["Dènye moun"]);
    await waitFor(() => present().length === 62, 5_000, "the last arrival on the console");
    expect(present().at(-1)).toBe("Dènye moun");
    // The list whole is over 2 KB; the arrival, its figures and count, a few hundred bytes.
    expect(JSON.stringify(console_.doc.getMap("console").toJSON().present).length).toBeGreaterThan(2_000);
    expect(Math.max(...sizes)).toBeLessThan(1_000);
  });

  it("refuse a writer's update that touches a root type the kind does not declare", async () => {
    const { id } = await liveMeeting("Reyinyon rasin");
    const name = `meeting:${id}:minutes`;
    const intruder = new Y.Doc();
    intruder.getMap("bodi").set("x", "y");
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(intruder));
    const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/realtime/${name}`, { headers: { cookie: facilitator } });
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(1003);
    expect(stored(name).share.has("bodi")).toBe(false);
    expect([...stored(name).share.keys()]).toEqual(["body"]);
  });
});
