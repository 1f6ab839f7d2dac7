/**
 * Starts the real server as its own process, for browser tests and crash tests: a fresh
 * SQLite file unless DATABASE_PATH is given, the demo seeded, and the URL printed as one
 * line "MAKON_URL=…" once it listens.
 */
import { join } from "node:path";
import { startServer } from "../../server/app";
import { seedDemo } from "../../db/seed/demo";
import { ROOT } from "./root";
import { tempDir } from "./temp-dir";

const databasePath = process.env.DATABASE_PATH ?? join(tempDir("makon-e2e-").path, "makon.db");
const server = await startServer({
  databasePath,
  port: Number(process.env.PORT ?? 0),
  host: "127.0.0.1",
  secureCookies: false,
  rootDir: ROOT,
  log: (event, details) => console.error(JSON.stringify({ event, ...details })),
});
await seedDemo(server.db, Date.now());
console.log(`MAKON_URL=${server.url}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
