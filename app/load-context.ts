import type { Db } from "../db/client";
import type { Auth, CurrentSession } from "./modules/auth/session.server";
import type { RealtimePort } from "./modules/realtime/port";

/**
 * What our server hands to every loader and action. The database and the realtime side are
 * created once by the server and shared here (the realtime side only as its port), since the Remix bundle has its own copies of
 * app modules.
 */
export interface MakonContext {
  db: Db;
  auth: Auth;
  realtime: RealtimePort;
  current: CurrentSession | null;
  /** The client's address: the socket's, or the one the configured proxy hops vouch for. */
  clientAddress: string;
  /** The request came over HTTPS (directly or through a trusted proxy). */
  requestSecure: boolean;
  /** Whether the session cookie set on this response must carry `Secure`. */
  secureCookie: boolean;
  /** This response's Content-Security-Policy nonce, for the scripts Remix writes inline. */
  cspNonce: string;
  now: () => number;
  /** The data folder beside the database file: uploaded evidence is stored under it, never in the database. */
  dataDir: string;
  /** Where phones reach this server, for a QR code or a printed link (see server/public-origin.ts). */
  publicOrigin: (requestUrl: string) => string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends MakonContext {}
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
