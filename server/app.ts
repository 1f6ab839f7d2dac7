import "../app/load-context";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { closeDatabase, databaseState, openDatabase, type Db } from "../db/client";
import { loadGeography } from "../db/seed/geography";
import { createLucia, readSession } from "../app/modules/auth/session.server";
import type { Deps } from "../app/modules/deps.server";
import { documentHooks } from "../app/modules/realtime/kinds.server";
import type { RealtimePort } from "../app/modules/realtime/port";
import { recordedEvidenceNames } from "../app/modules/commitments/commitment-views.server";
import { sweepUnrecordedEvidence } from "../app/modules/evidence/evidence-files.server";
import { RealtimeHub } from "./realtime/hub";
import { DocumentStore } from "./realtime/persistence";
import { createRealtimePort } from "./realtime/publisher";
import { createUpgradeHandler } from "./realtime/upgrade";
import { createRemixHandler, errorPage } from "./remix-handler";
import { IdempotencyStore } from "./idempotency";
import { securityHeaders } from "./request-guards";
import { lanAddresses, publicOrigin } from "./public-origin";
import { giveBack, listenPrivately, portAmongProcesses, serveFromPrimary, upgradeElsewhere, type ServingRole } from "./processes/serving";

export interface ServerConfig {
  databasePath: string;
  port: number;
  host: string;
  /** "auto": Secure exactly when the request arrived over HTTPS (directly or via a trusted proxy). */
  secureCookies: boolean | "auto";
  /** Where `remix build` wrote the server bundle and public assets. */
  rootDir: string;
  /** Express's "trust proxy": false, a number of hops, or the proxies' addresses. */
  trustProxy?: false | number | string;
  /** The address phones reach this server at (PUBLIC_URL). */
  publicUrl?: string;
  maxMessageBytes?: number;
  compactAfter?: number;
  keepaliveAfterMs?: number;
  log?: (event: string, details: Record<string, unknown>) => void;
  /**
   * One of several processes serving the database (server/processes/): connections come
   * from the primary, which listens, and events go to the other processes through it.
   */
  role?: ServingRole | null;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  hub: RealtimeHub;
  /** What commands are given to publish through, as routes get it. */
  realtime: RealtimePort;
  close: () => Promise<void>;
}

/**
 * How late the event loop ran since the previous reading (then the count starts again, as a
 * monitor polling it wants): p99 and max in ms, beyond the monitor's own 10 ms timer.
 */
function loopDelayMonitor(): () => { p99Ms: number; maxMs: number; sinceMs: number } {
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  let since = Date.now();
  return () => {
    const late = (ns: number) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 10) / 10);
    const reading = { p99Ms: late(histogram.percentile(99)), maxMs: late(histogram.max), sinceMs: Date.now() - since };
    histogram.reset();
    since = Date.now();
    return reading;
  };
}

export function jsonLog(event: string, details: Record<string, unknown>): void {
  console.log(JSON.stringify({ at: new Date().toISOString(), event, ...details }));
}

/** Starts the whole app in this process: database, HTTP, Remix and realtime on one port. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = config.log ?? jsonLog;
  const db = openDatabase(config.databasePath);
  const dataDir = resolve(dirname(config.databasePath));
  loadGeography(db, Date.now());
  // Among several processes, one sweeps, once: another may be writing an upload's file now.
  if (!config.role || (config.role.index === 0 && !config.role.restarted)) {
    const swept = await sweepUnrecordedEvidence(dataDir, recordedEvidenceNames(db));
    if (swept > 0) log("evidence.swept", { files: swept });
  }
  const auth = createLucia(db, { secureCookies: config.secureCookies !== false });
  // The hub runs the kinds' hooks, whose commands publish through the port over the hub.
  let realtime: RealtimePort | null = null;
  const deps: Deps = { db, get realtime() { return realtime!; } };
  const hooks = documentHooks(deps);
  const hub = new RealtimeHub({ store: new DocumentStore(db), hooks, log, compactAfter: config.compactAfter, keepaliveAfterMs: config.keepaliveAfterMs });
  const localPort = createRealtimePort(hub);
  realtime = config.role ? portAmongProcesses(localPort, config.role) : localPort;
  const build = (await import(pathToFileURL(join(config.rootDir, "build", "index.js")).href)) as ServerBuild;

  const listensEverywhere = config.host === "0.0.0.0" || config.host === "::";
  const app = express();
  app.disable("x-powered-by");
  // Static files and /healthz carry the same headers as pages.
  app.use((_req, res, next) => {
    res.set(securityHeaders());
    next();
  });
  // Only the configured hops are believed, so a forged X-Forwarded-For names no client.
  app.set("trust proxy", config.trustProxy ?? false);
  // Phones on prepaid 3G: every page, stylesheet and script goes out compressed.
  app.use(compression());
  // Fingerprinted assets never change under the same name.
  app.use("/build", express.static(join(config.rootDir, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(join(config.rootDir, "public"), { maxAge: "1h" }));
  const loopDelay = loopDelayMonitor();
  app.get("/healthz", (req, res) => {
    const database = databaseState(db);
    // How late the event loop ran is for a monitor on this machine (and the benchmark) only.
    const local = /^(127\.|::1$|::ffff:127\.)/.test(req.socket.remoteAddress ?? "");
    res.status(database.ok ? 200 : 503).json({ status: database.ok ? "ok" : "error", database, openDocuments: hub.openDocumentCount(), ...(config.role ? { process: config.role.index } : {}), ...(local ? { eventLoopDelay: loopDelay() } : {}) });
  });
  app.all(
    "*",
    createRemixHandler({
      build,
      mode: process.env.NODE_ENV,
      idempotency: new IdempotencyStore(db),
      loadContext: async (req, res, cspNonce): Promise<AppLoadContext> => {
        const requestSecure = req.secure;
        const secureCookie = config.secureCookies === "auto" ? requestSecure : config.secureCookies;
        const { current, setCookie } = await readSession(db, auth, req.headers.cookie, { extend: req.method !== "GET" && req.method !== "HEAD", secure: secureCookie });
        if (setCookie) res.append("Set-Cookie", setCookie);
        return {
          db,
          auth,
          realtime: realtime!,
          current,
          clientAddress: req.ip ?? "unknown",
          requestSecure,
          secureCookie,
          cspNonce,
          now: Date.now,
          dataDir,
          // The LAN address only when phones can reach this server there (it listens on every interface).
          publicOrigin: (requestUrl: string) => publicOrigin(requestUrl, config.publicUrl, listensEverywhere ? lanAddresses() : []),
        };
      },
    }),
  );
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => errorPage(error, req, res, log));

  // A progress update with three photos over a slow 3G uplink takes minutes, not Node's default five at most.
  const server: Server = createServer({ requestTimeout: 15 * 60_000 }, app);
  const handleUpgrade = createUpgradeHandler({ db, auth, hub, hooks, log, maxMessageBytes: config.maxMessageBytes ?? 2 * 1024 * 1024 });
  const role = config.role;
  server.on("upgrade", (request, socket, head) => {
    if (role && upgradeElsewhere(request, role)) return giveBack(request, socket, head);
    void handleUpgrade(request, socket, head);
  });
  let port = 0;
  if (role) {
    await listenPrivately(server);
    serveFromPrimary(server, localPort, log);
  } else {
    await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
    port = (server.address() as AddressInfo).port;
  }

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // Stop accepting, end the sockets (their documents are stored as they go), let requests
      // under way finish for a moment, then close the database.
      server.close(() => {
        clearTimeout(deadline);
        closeDatabase(db);
        resolve();
      });
      hub.close();
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), 5_000);
    }));

  return { url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`, port, db, hub, realtime, close };
}
