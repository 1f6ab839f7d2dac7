import type { Db } from "../db/client";
import type { RealtimeHub } from "../server/realtime/hub";
import type { Auth, CurrentSession } from "./modules/auth/session.server";

/**
 * What our server hands to every loader and action. The database and realtime hub are
 * created once by the server and shared here, since the Remix bundle has its own copies of
 * app modules.
 */
export interface MakonContext {
  db: Db;
  auth: Auth;
  realtime: RealtimeHub;
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
