import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import WebSocket from "ws";
import * as Y from "yjs";
import { documentUpdates, sessions } from "../../db/schema/index";
import { openDatabase } from "../../db/client";
import { DocumentStore } from "../../server/realtime/persistence";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";
import { connectProvider, synced, upgradeOutcome, waitFor } from "../setup/realtime-client";
import { killHard, spawnServer } from "../setup/spawn-server";
import { tempDir } from "../setup/temp-dir";
import { join } from "node:path";
import { planMeeting } from "../../app/modules/meetings/meetings.server";
import { actorByEmail } from "../setup/test-db";

const NOTES = "space:1:notes";
const NOTES_REF = { kind: "space-notes", spaceId: 1 } as const;

let server: TestServer;
let facilitator: string;
let admin: string;
let delegate: string;
let outsider: string;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  server = await startTestServer({ compactAfter: 50 });
  facilitator = await signInCookie(server.url, "animateur@makon.ht");
  admin = await signInCookie(server.url, "admin@makon.ht");
  delegate = await signInCookie(server.url, "delegue@makon.ht");
  // The CASEC member of space 1 reads it too; an account of another space reads nothing.
  const created = await fetch(`${server.url}/admin/comptes/nouveau`, {
    method: "POST",
    headers: { Cookie: admin },
    body: new URLSearchParams({ name: "Outsider", email: "outsider@makon.ht", password: "outsider password", role: "delegate", spaceId: "2" }),
    redirect: "manual",
  });
  expect(created.status).toBe(302);
  outsider = await signInCookie(server.url, "outsider@makon.ht", "outsider password");
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

function client(cookie: string, doc?: Y.Doc, name = NOTES) {
  const c = connectProvider(server.url, name, cookie, doc);
  cleanups.push(() => c.provider.destroy());
  return c;
}

const storedText = (name = NOTES) => {
  const doc = new Y.Doc();
  new DocumentStore(server.db).load(name, doc);
  return doc.getText("body").toString();
};

describe("realtime documents", () => {
  it("makes two writers converge through the server, and stores the result", async () => {
    const a = client(facilitator);
    const b = client(admin);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText("body").insert(0, "Ordre du jour. ");
    b.doc.getText("body").insert(0, "Lòd dijou. ");
    await waitFor(() => a.text() === b.text() && a.text().length === "Ordre du jour. Lòd dijou. ".length, 5_000, "convergence");
    expect(storedText()).toBe(a.text());
  });

  it("lets a reader follow but never change the document", async () => {
    const writer = client(facilitator);
    const reader = client(delegate);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    const before = storedText();
    const rowsBefore = server.db.select().from(documentUpdates).where(eq(documentUpdates.docName, NOTES)).all().length;
    reader.doc.getText("body").insert(0, "HACK ");
    writer.doc.getText("body").insert(writer.text().length, "Suite.");
    // The writer's edit reaches the reader; the reader's never reaches the writer.
    await waitFor(() => reader.text().endsWith("Suite."), 5_000, "writer's edit at the reader");
    await new Promise((r) => setTimeout(r, 200));
    expect(writer.text()).not.toContain("HACK");
    expect(storedText()).toBe(before + "Suite.");
    expect(storedText()).not.toContain("HACK");
    expect(server.db.select().from(documentUpdates).where(eq(documentUpdates.docName, NOTES)).all().length).toBe(rowsBefore + 1);
    expect(server.logs.some((l) => l.event === "realtime.refused-update")).toBe(true);
    // A third client joining later never sees the reader's edit either.
    const late = client(admin);
    await synced(late.provider);
    expect(late.text()).toBe(writer.text());
  });

  it("refuses sockets without a session, without access, for unknown kinds or from another site", async () => {
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`)).toBe(401);
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie: outsider })).toBe(403);
    expect(await upgradeOutcome(server.url, "/realtime/meeting:1:secret", { cookie: admin })).toBe(404);
    expect(await upgradeOutcome(server.url, "/realtime/space:999:notes", { cookie: admin })).toBe(404);
    expect(await upgradeOutcome(server.url, "/other", { cookie: admin })).toBe(404);
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie: admin, origin: "http://evil.example" })).toBe(403);
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie: delegate })).toBe("open");
  });

  it("closes a socket that sends a malformed or oversized message, and keeps serving the others", async () => {
    const writer = client(facilitator);
    await synced(writer.provider);
    for (const payload of [Buffer.from([0, 2, 5, 1, 2, 3, 4, 5]), Buffer.from([9, 9, 9]), Buffer.from([0, 7]), "text frame"]) {
      const raw = new WebSocket(server.url.replace("http", "ws") + `/realtime/${NOTES}`, { headers: { cookie: facilitator } });
      await new Promise((r) => raw.once("open", r));
      const closed = new Promise<number>((resolve) => raw.once("close", (code) => resolve(code)));
      raw.send(payload);
      expect(await closed).toBe(1003);
    }
    const big = new WebSocket(server.url.replace("http", "ws") + `/realtime/${NOTES}`, { headers: { cookie: facilitator } });
    await new Promise((r) => big.once("open", r));
    const bigClosed = new Promise<number>((resolve) => big.once("close", (code) => resolve(code)));
    big.on("error", () => undefined);
    big.send(Buffer.alloc(3 * 1024 * 1024));
    expect(await bigClosed).toBe(1009);
    expect(server.logs.filter((l) => l.event === "realtime.malformed-message").length).toBeGreaterThanOrEqual(4);
    expect(server.logs.some((l) => l.event === "realtime.socket-error")).toBe(true);
    // Still up, and the document still works.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const other = client(admin);
    await synced(other.provider);
    writer.doc.getText("body").insert(0, "Encore. ");
    await waitFor(() => other.text().startsWith("Encore. "), 5_000, "edit after bad messages");
  });

  it("relays writers' presence where people edit together, not readers'", async () => {
    const a = client(facilitator);
    const b = client(admin);
    const reader = client(delegate);
    await Promise.all([synced(a.provider), synced(b.provider), synced(reader.provider)]);
    a.provider.awareness.setLocalStateField("user", { name: "Jean-Robert" });
    reader.provider.awareness.setLocalStateField("user", { name: "Rose-Andrée" });
    const names = () => [...b.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string } | undefined)?.name);
    await waitFor(() => names().includes("Jean-Robert"), 5_000, "presence relayed");
    await new Promise((r) => setTimeout(r, 200));
    expect(names()).not.toContain("Rose-Andrée");
    // Leaving removes the presence at once, not after a time-out.
    a.provider.destroy();
    await waitFor(() => !names().includes("Jean-Robert"), 5_000, "presence removed");
  });

  it("lets server code change a document and every client see it", async () => {
    const a = client(facilitator);
    const b = client(delegate);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    server.hub.change(NOTES_REF, (doc) => doc.getMap("meta").set("current", "item-2"));
    await waitFor(() => a.doc.getMap("meta").get("current") === "item-2" && b.doc.getMap("meta").get("current") === "item-2", 5_000, "server change");
    // With nobody connected, the change is stored and the document unloaded.
    a.provider.destroy();
    b.provider.destroy();
    await waitFor(() => server.hub.openDocumentCount() === 0, 5_000, "unload");
    server.hub.change(NOTES_REF, (doc) => doc.getMap("meta").set("current", "item-3"));
    expect(server.hub.openDocumentCount()).toBe(0);
    expect(server.hub.read(NOTES_REF, (doc) => doc.getMap("meta").get("current"))).toBe("item-3");
  });

  it("gives a phone that joins after a change the changed document, as the phones before it were", async () => {
    const first = client(delegate);
    await synced(first.provider);
    server.hub.change(NOTES_REF, (doc) => doc.getMap("meta").set("joined", "after-1"));
    const second = client(delegate);
    await synced(second.provider);
    expect(second.doc.getMap("meta").get("joined")).toBe("after-1");
    server.hub.change(NOTES_REF, (doc) => doc.getMap("meta").set("joined", "after-2"));
    const third = client(delegate);
    await synced(third.provider);
    expect(third.doc.getMap("meta").get("joined")).toBe("after-2");
    await waitFor(() => first.doc.getMap("meta").get("joined") === "after-2" && second.doc.getMap("meta").get("joined") === "after-2", 5_000, "relayed change");
  });

  it("slides the session when a socket opens past half its life, and writes nothing when more than half is left", async () => {
    const cookie = await signInCookie(server.url, "delegue@makon.ht");
    const sessionId = cookie.split("=")[1]!;
    const expiry = () => server.db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.expiresAt;
    const inDays = (days: number) => Math.floor(Date.now() / 1000) + days * 24 * 3600;
    server.db.update(sessions).set({ expiresAt: inDays(25) }).where(eq(sessions.id, sessionId)).run();
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie })).toBe("open");
    expect(expiry()).toBe(inDays(25));
    server.db.update(sessions).set({ expiresAt: inDays(10) }).where(eq(sessions.id, sessionId)).run();
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie })).toBe("open");
    expect(expiry()).toBeGreaterThan(inDays(29));
    server.db.update(sessions).set({ expiresAt: inDays(-1) }).where(eq(sessions.id, sessionId)).run();
    expect(await upgradeOutcome(server.url, `/realtime/${NOTES}`, { cookie })).toBe(401);
  });

  it("relays updates of every size, each to every other client", async () => {
    const writer = client(facilitator);
    const watcher = client(admin);
    await Promise.all([synced(writer.provider), synced(watcher.provider)]);
    // Past 125 bytes a frame's length takes two more bytes, past 65,535 eight more.
    for (const length of [10, 300, 70_000]) {
      writer.doc.getText("body").insert(writer.text().length, "m".repeat(length));
      await waitFor(() => watcher.text() === writer.text(), 5_000, `an update of ${length} characters relayed`);
    }
    expect(watcher.text()).toContain("m".repeat(70_310));
  });

  it("compacts a document's stored updates past the threshold without losing any", async () => {
    const writer = client(admin, undefined, "space:3:notes");
    await synced(writer.provider);
    for (let i = 0; i < 120; i++) writer.doc.getText("body").insert(writer.text().length, `${i % 10}`);
    await waitFor(() => storedText("space:3:notes").length === 120, 5_000, "all updates stored");
    const rows = server.db.select().from(documentUpdates).where(eq(documentUpdates.docName, "space:3:notes")).all().length;
    expect(rows).toBeLessThanOrEqual(51);
    expect(storedText("space:3:notes")).toBe(writer.text());
  });
});

describe("a restart", () => {
  it("stops gracefully on SIGTERM: sockets closed as going away, documents stored, database closed", async () => {
    const dir = tempDir();
    const databasePath = join(dir.path, "makon.db");
    const running = await spawnServer({ DATABASE_PATH: databasePath });
    try {
      const writer = connectProvider(running.url, NOTES, await signInCookie(running.url, "animateur@makon.ht"));
      await synced(writer.provider);
      for (let i = 0; i < 10; i++) writer.doc.getText("body").insert(0, `${i}`);
      await new Promise((r) => setTimeout(r, 300));
      const socket = (writer.provider as unknown as { ws: WebSocket | null }).ws!;
      const closeCode = new Promise<number>((resolve) => socket.addEventListener("close", (e) => resolve((e as unknown as { code: number }).code)));
      writer.provider.shouldConnect = false;
      const exited = new Promise<number | null>((resolve) => running.child.once("exit", (code) => resolve(code)));
      running.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(await closeCode).toBe(1001);
      writer.provider.destroy();
      // The last client's edits were merged into one row; WAL checkpointed on close.
      const db = openDatabase(databasePath);
      const rows = db.select().from(documentUpdates).where(eq(documentUpdates.docName, NOTES)).all();
      expect(rows).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, rows[0]!.update);
      expect(doc.getText("body").toString()).toBe("9876543210");
      db.$client.close();
    } finally {
      await killHard(running.child);
      dir.remove();
    }
  });

  it("keeps every update a client was shown, even when the server is killed", async () => {
    const dir = tempDir();
    const databasePath = join(dir.path, "makon.db");
    let first = await spawnServer({ DATABASE_PATH: databasePath });
    try {
      const cookie = await signInCookie(first.url, "animateur@makon.ht");
      const writer = connectProvider(first.url, NOTES, cookie);
      const watcher = connectProvider(first.url, NOTES, await signInCookie(first.url, "delegue@makon.ht"));
      await Promise.all([synced(writer.provider), synced(watcher.provider)]);
      for (let i = 0; i < 20; i++) writer.doc.getText("body").insert(writer.text().length, `ligne ${i}\n`);
      // Acknowledged = shown to another client.
      await waitFor(() => watcher.text() === writer.text(), 5_000, "watcher caught up");
      const shown = watcher.text();
      writer.provider.destroy();
      watcher.provider.destroy();
      await killHard(first.child);

      first = await spawnServer({ DATABASE_PATH: databasePath });
      const again = connectProvider(first.url, NOTES, await signInCookie(first.url, "delegue@makon.ht"));
      await synced(again.provider);
      expect(again.text()).toBe(shown);
      again.provider.destroy();
      const db = openDatabase(databasePath);
      expect(db.select().from(documentUpdates).where(eq(documentUpdates.docName, NOTES)).all().length).toBeGreaterThan(0);
      db.$client.close();
    } finally {
      await killHard(first.child);
      dir.remove();
    }
  });
});

describe("a restart after a kill", () => {
  it("shows the current item to the phones, and the phones that followed go on following", async () => {
    const dir = tempDir();
    const databasePath = join(dir.path, "makon.db");
    let running = await spawnServer({ DATABASE_PATH: databasePath });
    const providers: { provider: { destroy(): void } }[] = [];
    try {
      const cookie = await signInCookie(running.url, "animateur@makon.ht");
      const post = (path: string, form: Record<string, string>) => fetch(running.url + path, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: cookie }, redirect: "manual" });
      const path = (await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: "Reyinyon kraze", startsAt: "2026-12-05T09:00", place: "Lekòl" })).headers.get("location")!;
      for (const title of ["Nouvèl", "Dlo potab", "Lekòl"]) await post(path, { intent: "agenda-add", title, kind: "discussion", plannedMinutes: "10" });
      expect((await post(path, { intent: "start" })).status).toBe(200);
      const live = `meeting:${Number(path.split("/").pop())}:live`;
      const followed = new Y.Doc();
      const itemOf = (doc: Y.Doc) => (doc.getMap("live").get("item") as { id: number } | null)?.id;
      const open = (url: string, doc?: Y.Doc, name = live) => {
        const c = connectProvider(url, name, cookie, doc);
        providers.push(c);
        return c;
      };
      const phone = open(running.url, followed);
      const console_ = open(running.url, undefined, live.replace(":live", ":console"));
      await Promise.all([synced(phone.provider), synced(console_.provider)]);
      const items = (console_.doc.getMap("console").get("agenda") as { id: number }[]).map((i) => i.id);
      const moveTo = async (itemId: number, phones: Y.Doc[]) => {
        expect((await post(`${path}/console`, { intent: "item", itemId: String(itemId) })).status).toBe(200);
        await waitFor(() => phones.every((doc) => itemOf(doc) === itemId), 5_000, "the phones on the item");
      };
      for (const itemId of [items[1]!, items[2]!, items[0]!, items[2]!]) await moveTo(itemId, [followed]);
      while (providers.length) providers.pop()!.provider.destroy();
      await killHard(running.child);

      running = await spawnServer({ DATABASE_PATH: databasePath });
      const fresh = open(running.url);
      // The phone that followed reconnects with its copy: it and the server's go on from one another.
      const again = open(running.url, followed);
      await Promise.all([synced(fresh.provider), synced(again.provider)]);
      expect(itemOf(fresh.doc)).toBe(items[2]);
      expect(itemOf(followed)).toBe(items[2]);
      for (const itemId of [items[1]!, items[0]!]) await moveTo(itemId, [fresh.doc, followed]);
    } finally {
      for (const c of providers) c.provider.destroy();
      await killHard(running.child);
      dir.remove();
    }
  });
});

describe("a quiet live document", () => {
  it("keeps each connection alive with a 3-byte message, so clients do not reconnect and sync again", async () => {
    const quiet = await startTestServer({ keepaliveAfterMs: 300 });
    try {
      const f = actorByEmail(quiet.db, "animateur@makon.ht");
      const meeting = planMeeting(quiet.db, f, 1, { kind: "ordinary", title: "Kalm", startsAt: Date.now(), endsAt: null, place: "", published: false, facilitatorIds: [], authorityIds: [] }, Date.now());
      if (!meeting.ok) throw new Error(meeting.code);
      const cookie = await signInCookie(quiet.url, "delegue@makon.ht");
      const socket = new WebSocket(`${quiet.url.replace(/^http/, "ws")}/realtime/meeting:${meeting.value.id}:live`, { headers: { cookie } });
      const received: number[][] = [];
      socket.on("message", (data: Buffer) => received.push([...data]));
      await new Promise((resolve) => socket.once("open", resolve));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      socket.close();
      const keepalives = received.filter((m) => m.join() === "1,1,0");
      // First what the socket may do (read: 44, 0) and the server's sync step 1; then only
      // keepalives while nothing happens.
      expect(received[0]).toEqual([44, 0]);
      expect(received[1]![0]).toBe(0);
      expect(keepalives.length).toBeGreaterThanOrEqual(2);
      expect(received.length).toBe(keepalives.length + 2);
    } finally {
      await quiet.stop();
    }
  });
});
