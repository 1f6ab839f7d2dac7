import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Db } from "../../db/client";
import { parseDocumentName } from "../../app/modules/realtime/document-names";
import type { SocketCredentials } from "../../app/modules/realtime/credentials";
import { readSession, type Auth } from "../../app/modules/auth/session.server";
import type { DocumentHooks, RealtimeHub } from "./hub";
import { readableCookieHeader } from "../request-guards";
import { REALTIME_PATH } from "../processes/owners";

/**
 * Accepts a WebSocket only for a known document, from a signed-in user allowed to read it,
 * opened by a page of this site. Everything else is answered with an HTTP status and closed.
 */
export function createUpgradeHandler(options: {
  db: Db;
  auth: Auth;
  hub: RealtimeHub;
  hooks: DocumentHooks & { exists: (ref: NonNullable<ReturnType<typeof parseDocumentName>>) => boolean };
  maxMessageBytes: number;
  log: (event: string, details: Record<string, unknown>) => void;
}) {
  // No compression: the hub writes relayed frames straight to the stream (see `sendFrame` in hub.ts).
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });

  return async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (!url.pathname.startsWith(REALTIME_PATH)) return refuse(socket, 404);
      const name = decodeURIComponent(url.pathname.slice(REALTIME_PATH.length));
      const ref = parseDocumentName(name);
      if (!ref) {
        options.log("realtime.unknown-document", { name });
        return refuse(socket, 404);
      }
      const origin = request.headers.origin;
      if (origin && new URL(origin).host !== request.headers.host) return refuse(socket, 403);
      // Opening a live connection is activity: the session slides, as after a form post.
      const { current } = await readSession(options.db, options.auth, readableCookieHeader(request.headers.cookie), { extend: true });
      const credentials: SocketCredentials = {
        userId: current?.user.id ?? null,
        sessionId: current?.session.id ?? null,
        screenToken: url.searchParams.get("ecran"),
        sessionExpiresAt: current ? current.session.expiresAt.getTime() : null,
      };
      if (!current && !credentials.screenToken) return refuse(socket, 401);
      if (!options.hooks.exists(ref)) return refuse(socket, 404);
      const access = options.hooks.authorize(ref, credentials);
      if (access === "none") return refuse(socket, current ? 403 : 401);
      wss.handleUpgrade(request, socket, head, (ws) => options.hub.connect(ws, socket, ref, access, credentials));
    } catch (error) {
      options.log("realtime.upgrade-failed", { reason: (error as Error).message });
      refuse(socket, 400);
    }
  };
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" };

function refuse(socket: Duplex, status: number): void {
  if (!socket.writable) return void socket.destroy();
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
