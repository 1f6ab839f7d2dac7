/**
 * Starts the real server as its own process, for browser tests and crash tests: a fresh
 * SQLite file unless DATABASE_PATH is given, the demo seeded, and the URL printed as one
 * line "MAKON_URL=…" once it listens. With PROCESSES=N (N > 1) it is a primary handing
 * connections to N serving processes (server/processes/), as `server/index.ts` does.
 */
import { join } from "node:path";
import { startServer, type ServerConfig } from "../../server/app";
import { startPrimary } from "../../server/processes/primary";
import { servingRoleFromEnv } from "../../server/processes/serving";
import { closeDatabase, openDatabase } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { ROOT } from "./root";
import { tempDir } from "./temp-dir";

const databasePath = process.env.DATABASE_PATH ?? join(tempDir("makon-e2e-").path, "makon.db");
const processes = Number(process.env.PROCESSES ?? 1);
const role = servingRoleFromEnv();
const log = (event: string, details: Record<string, unknown>) => console.error(JSON.stringify({ event, ...details }));
const config: ServerConfig = { databasePath, port: Number(process.env.PORT ?? 0), host: "127.0.0.1", secureCookies: false, rootDir: ROOT, log };

let close: () => Promise<void>;
if (role) {
  close = (await startServer({ ...config, role })).close;
  process.once("disconnect", () => void close().then(() => process.exit(0)));
} else if (processes > 1) {
  const db = openDatabase(databasePath);
  loadGeography(db, Date.now());
  await seedDemo(db, Date.now());
  closeDatabase(db);
  // The serving processes get the same file (a temporary one is named once, here).
  const primary = await startPrimary({ count: processes, port: config.port, host: config.host, module: import.meta.filename, env: { DATABASE_PATH: databasePath }, log });
  close = primary.close;
  console.log(`MAKON_PIDS=${primary.pids().join(",")}`);
  console.log(`MAKON_URL=${primary.url}`);
} else {
  const server = await startServer(config);
  await seedDemo(server.db, Date.now());
  close = server.close;
  console.log(`MAKON_URL=${server.url}`);
}
process.on("SIGTERM", () => void close().then(() => process.exit(0)));
