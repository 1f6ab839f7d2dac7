import { killHard, spawnServer } from "./spawn-server";

/** One real server with a fresh demo database for the whole browser suite. */
export default async function globalSetup() {
  const server = await spawnServer();
  process.env.MAKON_E2E_URL = server.url;
  return async () => {
    await killHard(server.child);
  };
}
