import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { Db } from "../../db/client";
import { documentAccess } from "../../app/modules/realtime/access";
import { DOCUMENT_KINDS, parseDocumentName } from "../../app/modules/realtime/document-names";
import { documentFacts } from "../../app/modules/realtime/documents.server";
import { readSession, type Auth } from "../../app/modules/auth/session.server";
import type { RealtimeHub } from "./hub";

export const REALTIME_PATH = "/realtime/";

/**
 * Accepts a WebSocket only for a known document, from a signed-in user allowed to read it,
 * opened by a page of this site. Everything else is answered with an HTTP status and closed.
 */
export function createUpgradeHandler(options: {
  db: Db;
  auth: Auth;
  hub: RealtimeHub;
  maxMessageBytes: number;
  log: (event: string, details: Record<string, unknown>) => void;
}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });

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
      const { current } = await readSession(options.db, options.auth, request.headers.cookie);
      const screenToken = url.searchParams.get("ecran");
      if (!current && !screenToken) return refuse(socket, 401);
      const facts = documentFacts(options.db, ref);
      if (!facts) return refuse(socket, 404);
      const access = documentAccess(current?.actor ?? null, ref, facts, { screenToken });
      if (access === "none") return refuse(socket, current ? 403 : 401);
      wss.handleUpgrade(request, socket, head, (ws) => {
        options.hub.connect(ws, name, DOCUMENT_KINDS[ref.kind].presence, access, current?.user.id ?? "shared-screen");
      });
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
