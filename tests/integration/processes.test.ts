import { request, Agent } from "node:http";
import { connect, createServer } from "node:net";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ownerIndex } from "../../server/processes/owners";
import { connectProvider, synced, waitFor } from "../setup/realtime-client";
import { killHard, spawnServer } from "../setup/spawn-server";
import { tempDir } from "../setup/temp-dir";
import { signInCookie } from "../setup/test-server";

/** An HTTP request on `agent`'s connection: the body read, the status returned. */
function send(agent: Agent, url: string, method: string, cookie: string, form?: Record<string, string>): Promise<{ status: number; location: string | null }> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { cookie, ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string | undefined) ?? null }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A WebSocket upgrade for `docName` sent on a connection whose first request went to
 * process `first`: the status line it gets, the socket left open until `close`.
 */
function upgradeAfter(url: string, first: number, docName: string, cookie: string): Promise<{ status: string; close: () => void }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let stage: "health" | "upgrade" = "health";
    let received = "";
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (stage === "health" && received.includes("\r\n\r\n") && received.includes(`"process":${first}`)) {
        stage = "upgrade";
        received = "";
        socket.write(`GET /realtime/${docName} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: ${cookie}\r\n\r\n`);
      } else if (stage === "upgrade" && received.includes("\r\n")) {
        resolve({ status: received.split("\r\n")[0]!, close: () => socket.destroy() });
      }
    });
    socket.write(`GET /healthz?process=${first} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
  });
}

/** One process's /healthz, on a connection of its own: a kept-alive one may be another process's. */
async function health(url: string, index: number): Promise<{ process: number; openDocuments: number }> {
  const agent = new Agent({ keepAlive: false });
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      request(`${url}/healthz?process=${index}`, { agent }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk));
        res.on("end", () => resolve(body));
      })
        .on("error", reject)
        .end();
    });
    const parsed = JSON.parse(answer) as { process: number; openDocuments: number };
    expect(parsed.process).toBe(index);
    return parsed;
  } finally {
    agent.destroy();
  }
}

/**
 * The server in two processes (PROCESSES=2): the primary hands each connection to the process
 * that owns the meeting it names, and relays events and seeds between them.
 */
describe("a server in two processes", () => {
  it("keeps a meeting's documents in its owner, follows writes made in the other, and survives a process killed", async () => {
    const dir = tempDir();
    const server = await spawnServer({ DATABASE_PATH: join(dir.path, "makon.db"), PROCESSES: "2" });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const facilitator = await signInCookie(server.url, "animateur@makon.ht");
      const post = (path: string, form: Record<string, string>) => send(agent, `${server.url}${path}`, "POST", facilitator, form);
      // Meetings until each process owns one.
      const owned = new Map<number, string>();
      while (owned.size < 2) {
        const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: `Reyinyon ${owned.size}`, startsAt: "2026-12-05T09:00", place: "Lekòl" });
        const path = created.location!;
        await post(path, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" });
        owned.set(ownerIndex(`meeting:${path.split("/").pop()}`, 2), path);
      }
      const [aPath, bPath] = [owned.get(0)!, owned.get(1)!];
      const a = Number(aPath.split("/").pop());
      const phone = connectProvider(server.url, `meeting:${a}:live`, facilitator);
      const minutes = connectProvider(server.url, `meeting:${a}:minutes`, facilitator);
      await Promise.all([synced(phone.provider), synced(minutes.provider)]);
      expect(minutes.text()).toBe("");

      // A new kept-alive connection, routed to B's owner (process 1) by its first request, then carrying A's start and a check-in.
      const crossing = new Agent({ keepAlive: true, maxSockets: 1 });
      const cross = (path: string, form: Record<string, string>) => send(crossing, `${server.url}${path}`, "POST", facilitator, form);
      expect((await send(crossing, `${server.url}${bPath}`, "GET", facilitator)).status).toBe(200);
      expect((await cross(aPath, { intent: "start" })).status).toBe(200);
      expect((await cross(`${aPath}/presences`, { intent: "walkin", name: "Anne", sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" })).status).toBeLessThan(400);
      crossing.destroy();
      await waitFor(() => phone.doc.getMap("attendance").get("count") === 1, 5_000, "the check-in made in the other process on A's phone");
      // The minutes' template, put in by A's owner (where the editors are), not beside it.
      await waitFor(() => minutes.text().includes("Nouvèl"), 5_000, "the minutes seeded");
      expect((await health(server.url, 0)).openDocuments).toBe(2);
      expect((await health(server.url, 1)).openDocuments).toBe(0);
      // A socket asked for on a connection kept alive in process 1 is given back and opened by A's owner.
      const console_ = await upgradeAfter(server.url, 1, `meeting:${a}:console`, facilitator);
      expect(console_.status).toBe("HTTP/1.1 101 Switching Protocols");
      expect((await health(server.url, 0)).openDocuments).toBe(3);
      expect((await health(server.url, 1)).openDocuments).toBe(0);
      console_.close();

      // A's owner killed: the primary starts it again, the phone reconnects, and the figures are there.
      const pids = /MAKON_PIDS=(\d+),(\d+)/.exec(server.output())!;
      process.kill(Number(pids[1]), "SIGKILL");
      await waitFor(() => !phone.provider.wsconnected, 5_000, "the phone cut off");
      await waitFor(() => phone.provider.synced && phone.provider.wsconnected, 15_000, "the phone back");
      // Its private socket left no file behind.
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`makon-${pids[1]}-`))).toEqual([]);
      expect((await post(`${aPath}/presences`, { intent: "walkin", name: "Jean", sex: "male", ageGroup: "25_35", organisationId: "", role: "observer" })).status).toBeLessThan(400);
      await waitFor(() => phone.doc.getMap("attendance").get("count") === 2, 5_000, "both check-ins after the restart");
      // The seeded minutes were stored by their owner: the restarted process reads them back.
      const reader = connectProvider(server.url, `meeting:${a}:minutes`, facilitator);
      await synced(reader.provider);
      expect(reader.text()).toBe(minutes.text());
      expect(reader.text()).toContain("Nouvèl");
      for (const client of [phone, minutes, reader]) client.provider.destroy();
    } finally {
      agent.destroy();
      await killHard(server.child);
      dir.remove();
    }
  }, 90_000);

  it("stops at once, saying why, when its port is already taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const dir = tempDir();
    try {
      const port = String((taken.address() as { port: number }).port);
      const start = spawnServer({ DATABASE_PATH: join(dir.path, "makon.db"), PROCESSES: "2", PORT: port });
      // It exits (a primary waiting for a port forever would only time out), naming the cause.
      await expect(start).rejects.toThrow(/exited with 1[\s\S]*EADDRINUSE/);
      // Its serving processes stopped with it: a fresh start on the same file works.
      const again = await spawnServer({ DATABASE_PATH: join(dir.path, "makon.db"), PROCESSES: "2" });
      await killHard(again.child);
    } finally {
      taken.close();
      dir.remove();
    }
  }, 60_000);
});
