import { dirname, resolve } from "node:path";
import { presentDemoAccounts, seedDemo, DEMO_PASSWORD } from "../db/seed/demo";
import { seedDemoYear } from "../db/seed/demo-year";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import { loadGeography } from "../db/seed/geography";
import { readEnv } from "./config";
import { jsonLog, startServer } from "./app";
import { startPrimary } from "./processes/primary";
import { servingRoleFromEnv } from "./processes/serving";

const config = readEnv();
const demo = process.argv.includes("--demo");
const rootDir = resolve(import.meta.dirname, "..");
const role = servingRoleFromEnv();

async function loadDemo(db: Db): Promise<void> {
  const now = Date.now();
  const seeded = await seedDemo(db, now);
  const accounts = presentDemoAccounts(db);
  console.log(seeded ? "Demo data loaded." : "Demo data already present.");
  // The year of meetings goes only into the database the demo has just filled.
  if (seeded && (await seedDemoYear(db, now, { dataDir: resolve(dirname(config.databasePath)) }))) console.log("A year of Makòn Limonade loaded.");
  if (accounts.length > 0) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const a of accounts) console.log(`  ${a.what.padEnd(14)} ${a.email.padEnd(22)} ${a.phone}  ${a.name}`);
  }
}

let close: () => Promise<void>;
if (role) {
  // One of several serving processes: the primary listens, seeded the demo and logs the start.
  close = (await startServer({ ...config, rootDir, role })).close;
} else if (config.processes > 1) {
  // The database is made ready once, before the serving processes open it.
  const db = openDatabase(config.databasePath);
  loadGeography(db, Date.now());
  if (demo) await loadDemo(db);
  closeDatabase(db);
  const primary = await startPrimary({ count: config.processes, port: config.port, host: config.host, module: import.meta.filename, log: jsonLog });
  close = primary.close;
  console.log(`Makòn is running on http://localhost:${primary.port} in ${config.processes} processes (database ${config.databasePath})`);
} else {
  const server = await startServer({ ...config, rootDir });
  if (demo) await loadDemo(server.db);
  close = server.close;
  console.log(`Makòn is running on http://localhost:${server.port} (database ${config.databasePath})`);
}

let stopping = false;
function stop(reason: string): void {
  if (stopping) return;
  stopping = true;
  jsonLog("server.stopping", { reason, ...(role ? { process: role.index } : {}) });
  close().then(
    () => process.exit(0),
    (error: Error) => {
      jsonLog("server.stop-failed", { reason: error.message });
      process.exit(1);
    },
  );
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stop(signal));
// A serving process whose primary is gone (killed) has no connections coming: it stops too.
if (role) process.once("disconnect", () => stop("primary gone"));
