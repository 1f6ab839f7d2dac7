import { dirname, resolve } from "node:path";
import { presentDemoAccounts, seedDemo, DEMO_PASSWORD } from "../db/seed/demo";
import { seedDemoYear } from "../db/seed/demo-year";
import { readEnv } from "./config";
import { jsonLog, startServer } from "./app";

const config = readEnv();
const demo = process.argv.includes("--demo");
const server = await startServer({ ...config, rootDir: resolve(import.meta.dirname, "..") });

if (demo) {
  const now = Date.now();
  const seeded = await seedDemo(server.db, now);
  const accounts = presentDemoAccounts(server.db);
  console.log(seeded ? "Demo data loaded." : "Demo data already present.");
  // The year of meetings goes only into the database the demo has just filled.
  if (seeded && (await seedDemoYear(server.db, now, { dataDir: resolve(dirname(config.databasePath)) }))) console.log("A year of Makòn Limonade loaded.");
  if (accounts.length > 0) {
    console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
    for (const a of accounts) console.log(`  ${a.what.padEnd(14)} ${a.email.padEnd(22)} ${a.phone}  ${a.name}`);
  }
}
console.log(`Makòn is running on http://localhost:${server.port} (database ${config.databasePath})`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    jsonLog("server.stopping", { signal });
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        jsonLog("server.stop-failed", { reason: error.message });
        process.exit(1);
      },
    );
  });
}
