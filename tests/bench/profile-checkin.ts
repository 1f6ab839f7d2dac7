/**
 * The check-in burst against a server that writes a CPU profile, for the note's "where the
 * milliseconds go": `remix build && NODE_ENV=production node --import tsx tests/bench/profile-checkin.ts /tmp/prof-checkin`.
 * The profile (a .cpuprofile, for Chrome's DevTools) is written when the server exits.
 */
import { join } from "node:path";
import { tempDir } from "../setup/temp-dir";
import { spawn } from "node:child_process";
import { ROOT } from "../setup/root";
import { burst } from "./parts";
import { seedBench } from "./seed";
import { pin } from "./servers";

const out = process.argv[2] ?? "/tmp/prof-checkin";
const n = Number(process.argv[3] ?? 200);
const dir = tempDir("makon-prof-");
const databasePath = join(dir.path, "makon.db");
const seed = await seedBench(databasePath, n, 0);
// As tests/setup/spawn-server.ts starts it, with the profiler's flags (Node refuses them in NODE_OPTIONS).
const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${out}`, "--import", "tsx", "tests/setup/e2e-server.ts"], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: databasePath },
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise<string>((resolve, reject) => {
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk;
    const match = /MAKON_URL=(\S+)/.exec(output);
    if (match) resolve(match[1]!);
  });
  child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
});
const pid = child.pid!;
pin(pid, 0);
try {
  const r = await burst({ url, pid, pids: [pid], child, stop: async () => {} }, { databasePath, spaceId: 1, meetingId: seed.burstMeetingId, warmupMeetingId: seed.meetingId, cookie: seed.facilitatorCookie, count: n, seconds: Math.max(2, n / 50) });
  console.log(`recorded ${r.recorded}, CPU per check-in ${r.cpuMsPerCheckIn.toFixed(2)} ms (walk-ins at the door ${r.door.cpuMsPerCheckIn.toFixed(2)}, known delegates at the door ${r.known.cpuMsPerCheckIn.toFixed(2)}, self ${r.self.cpuMsPerCheckIn.toFixed(2)}); profile in ${out}`);
} finally {
  // SIGTERM: the server closes and exits, which writes the profile.
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  dir.remove();
}
