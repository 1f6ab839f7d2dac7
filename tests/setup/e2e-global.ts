import { join } from "node:path";
import { killHard, spawnServer } from "./spawn-server";
import { tempDir } from "./temp-dir";

/**
 * One real server with a fresh demo database for the whole browser suite. Specs sign in by
 * adding a session to that database (see `signInAs`), so the file's path is shared with them.
 */
export default async function globalSetup() {
  const dir = tempDir("makon-e2e-");
  const databasePath = join(dir.path, "makon.db");
  const server = await spawnServer({ DATABASE_PATH: databasePath });
  process.env.MAKON_E2E_URL = server.url;
  process.env.MAKON_E2E_DB = databasePath;
  return async () => {
    await killHard(server.child);
    dir.remove();
  };
}
