import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { attendance } from "../../db/schema/index";
import { connectProvider, synced, waitFor } from "../setup/realtime-client";
import { killHard, spawnServer } from "../setup/spawn-server";
import { tempDir } from "../setup/temp-dir";
import { signInCookie } from "../setup/test-server";

/**
 * The live figures after a crash: the server is killed with SIGKILL right after the door's
 * check-ins are acknowledged (and a row is committed whose publish never went out); the
 * restarted server's phones see every check-in at once, not after the next one.
 */
describe("after kill -9", () => {
  it("the live attendance figures show every acknowledged check-in as soon as a phone reconnects", async () => {
    const dir = tempDir();
    const databasePath = join(dir.path, "makon.db");
    let server = await spawnServer({ DATABASE_PATH: databasePath });
    try {
      const facilitator = await signInCookie(server.url, "animateur@makon.ht");
      const post = (base: string, path: string, form: Record<string, string>) =>
        fetch(`${base}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: facilitator }, redirect: "manual" });
      const created = await post(server.url, "/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: "Reyinyon kraze", startsAt: "2026-12-05T09:00", place: "Lekòl" });
      const path = created.headers.get("location")!;
      const meetingId = Number(path.split("/").pop());
      await post(server.url, path, { intent: "agenda-add", title: "Nouvèl", kind: "discussion", plannedMinutes: "10" });
      expect((await post(server.url, path, { intent: "start" })).status).toBe(200);
      const phone = connectProvider(server.url, `meeting:${meetingId}:live`, facilitator);
      await synced(phone.provider);
      for (const [name, sex] of [["Anne", "female"], ["Jean", "male"], ["Rose", "female"]] as const) {
        expect((await post(server.url, `${path}/presences`, { intent: "walkin", name, sex, ageGroup: "25_35", organisationId: "", role: "observer" })).status).toBeLessThan(400);
      }
      phone.provider.destroy();
      await killHard(server.child);

      // A check-in committed in the instant before the crash, whose publish never went out.
      const db = openDatabase(databasePath);
      db.insert(attendance).values({ meetingId, name: "Marie", sex: "female", ageGroup: "18_24", role: "observer", arrivedAt: Date.now(), createdAt: Date.now() }).run();
      db.$client.close();

      server = await spawnServer({ DATABASE_PATH: databasePath });
      const again = connectProvider(server.url, `meeting:${meetingId}:live`, await signInCookie(server.url, "animateur@makon.ht"));
      await synced(again.provider);
      await waitFor(() => again.doc.getMap("attendance").get("count") === 4, 5_000, "the four check-ins counted");
      again.provider.destroy();
    } finally {
      await killHard(server.child);
      dir.remove();
    }
    // Two server starts and three sign-ins (each a deliberately slow password hash).
  }, 90_000);
});
