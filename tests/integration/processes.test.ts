import { request, Agent } from "node:http";
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

const health = async (url: string, index: number) => (await (await fetch(`${url}/healthz?process=${index}`)).json()) as { process: number; openDocuments: number };

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

      // One kept-alive connection, routed to B's owner by its first request, then carrying A's start and a check-in.
      expect((await send(agent, `${server.url}${bPath}`, "GET", facilitator)).status).toBe(200);
      expect((await post(aPath, { intent: "start" })).status).toBe(200);
      expect((await post(`${aPath}/presences`, { intent: "walkin", name: "Anne", sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" })).status).toBeLessThan(400);
      await waitFor(() => phone.doc.getMap("attendance").get("count") === 1, 5_000, "the check-in made in the other process on A's phone");
      // The minutes' template, put in by A's owner (where the editors are), not beside it.
      await waitFor(() => minutes.text().includes("Nouvèl"), 5_000, "the minutes seeded");
      expect((await health(server.url, 0)).openDocuments).toBe(2);
      expect((await health(server.url, 1)).openDocuments).toBe(0);

      // A's owner killed: the primary starts it again, the phone reconnects, and the figures are there.
      const pids = /MAKON_PIDS=(\d+),(\d+)/.exec(server.output())!;
      process.kill(Number(pids[1]), "SIGKILL");
      await waitFor(() => !phone.provider.wsconnected, 5_000, "the phone cut off");
      await waitFor(() => phone.provider.synced && phone.provider.wsconnected, 15_000, "the phone back");
      expect((await post(`${aPath}/presences`, { intent: "walkin", name: "Jean", sex: "male", ageGroup: "25_35", organisationId: "", role: "observer" })).status).toBeLessThan(400);
      await waitFor(() => phone.doc.getMap("attendance").get("count") === 2, 5_000, "both check-ins after the restart");
      expect(minutes.text()).toContain("Nouvèl");
      phone.provider.destroy();
      minutes.provider.destroy();
    } finally {
      agent.destroy();
      await killHard(server.child);
      dir.remove();
    }
  }, 90_000);
});
