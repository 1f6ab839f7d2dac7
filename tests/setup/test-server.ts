import { join } from "node:path";
import { startServer, type RunningServer } from "../../server/app";
import { seedDemo } from "../../db/seed/demo";
import { ROOT } from "./root";
import { tempDir } from "./temp-dir";


export interface TestServer extends RunningServer {
  databasePath: string;
  logs: { event: string; details: Record<string, unknown> }[];
  /** Stops the server and removes its folder. */
  stop: () => Promise<void>;
}

/** The real server on a free port, with a fresh SQLite file (demo data seeded unless told not to). */
export async function startTestServer(
  options: {
    databasePath?: string;
    demo?: boolean;
    compactAfter?: number;
    keepaliveAfterMs?: number;
    /** SECURE_COOKIES: false unless told ("auto": from how each request arrived). */
    secureCookies?: boolean | "auto";
    /** TRUST_PROXY as the server gets it: false, a number of hops, or proxy addresses. */
    trustProxy?: false | number | string;
  } = {},
): Promise<TestServer> {
  const dir = options.databasePath ? null : tempDir();
  const databasePath = options.databasePath ?? join(dir!.path, "makon.db");
  const logs: TestServer["logs"] = [];
  const server = await startServer({
    databasePath,
    port: 0,
    host: "127.0.0.1",
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy,
    rootDir: ROOT,
    compactAfter: options.compactAfter,
    keepaliveAfterMs: options.keepaliveAfterMs,
    log: (event, details) => logs.push({ event, details }),
  });
  if (options.demo !== false) await seedDemo(server.db, Date.now());
  return {
    ...server,
    databasePath,
    logs,
    stop: async () => {
      await server.close();
      dir?.remove();
    },
  };
}

/** Signs in through the real form; returns the session cookie ("name=value"). */
export async function signInCookie(baseUrl: string, identifier: string, password = "makon-demo-2026"): Promise<string> {
  const response = await fetch(`${baseUrl}/connexion`, {
    method: "POST",
    body: new URLSearchParams({ identifier, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("makon_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed for ${identifier}: ${response.status}`);
  return cookie.split(";")[0]!;
}
