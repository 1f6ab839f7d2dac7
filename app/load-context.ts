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
  clientAddress: string;
  now: () => number;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends MakonContext {}
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
