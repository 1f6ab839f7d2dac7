import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { join } from "node:path";
import { ROOT } from "../setup/root";
import { killHard, spawnServer } from "../setup/spawn-server";

/**
 * On this 2-core machine the server under test gets core 0 and the phones core 1, for both
 * servers alike, so the scheduler moving them around adds less noise to the ratios.
 */
export function pin(pid: number, core: number): void {
  try {
    execFileSync("taskset", ["-a", "-p", "-c", String(core), String(pid)], { stdio: "ignore" });
  } catch {
    // No taskset, or fewer cores: the figures are only noisier.
  }
}

export interface RunningProcess {
  url: string;
  pid: number;
  /** Every process of the server: the one started, and the serving ones when it is a primary. */
  pids: number[];
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * Our server, production build, in its own process on a prepared SQLite file. With
 * BENCH_CPU_PROF=<dir> it runs under --cpu-prof and is stopped with SIGTERM (a killed process
 * writes no profile), SIGKILL only if it has not exited 20 s later.
 */
export async function startOurs(databasePath: string, processes = 1, spread = false): Promise<RunningProcess> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const server = await spawnServer({ DATABASE_PATH: databasePath, PROCESSES: String(processes) }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  const serving = /MAKON_PIDS=(\S+)/.exec(server.output())?.[1]?.split(",").map(Number) ?? [];
  const pids = [server.child.pid!, ...serving];
  // Several processes share core 0 as one did (the same CPU budget, split), or with `spread`
  // serving process i gets core i (core 1 shared with the phones).
  pids.forEach((pid, i) => pin(pid, spread && i > 0 ? (i - 1) % cpus().length : 0));
  const stop = profileDir ? () => stopGently(server.child) : () => killHard(server.child);
  return { url: server.url, pid: server.child.pid!, pids, child: server.child, stop };
}

function stopGently(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const late = setTimeout(() => void killHard(child), 20_000);
  return exited.finally(() => clearTimeout(late));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The reference y-websocket server (@y/websocket-server, same Yjs), in its own process. */
export async function startReference(): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "node_modules/@y/websocket-server/src/server.js")], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("reference server did not start")), 15_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  pin(child.pid!, 0);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, pids: [child.pid!], child, stop: () => killHard(child) };
}
