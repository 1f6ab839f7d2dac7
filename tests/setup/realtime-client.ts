import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { encodeCommand, MESSAGE_ACCESS, MESSAGE_COMMAND_REPLY, readAccess, readReply } from "../../app/modules/realtime/commands";

/** A real y-websocket client in Node, carrying a session cookie as a browser would. */
export function connectProvider(baseUrl: string, docName: string, cookie: string, doc = new Y.Doc(), params?: Record<string, string>) {
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws") + "/realtime", docName, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    // Without this, two providers in one process would sync through BroadcastChannel and skip the server.
    disableBc: true,
    // The test decides when to reconnect.
    maxBackoffTime: 200,
    params,
  });
  const client = { provider, doc, text: () => doc.getText("body").toString(), socketClosures: [] as number[], access: null as "read" | "write" | null };
  // What the server says of this client's access when it changes, and how it closed the socket.
  provider.messageHandlers[MESSAGE_ACCESS] = (_encoder: unknown, decoder: decoding.Decoder) => {
    client.access = readAccess(decoder);
  };
  provider.on("connection-close", (event: { code: number } | null) => {
    if (event) client.socketClosures.push(event.code);
  });
  return client;
}

export function waitFor(check: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export function synced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, 5_000, "sync");
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or "open". */
export function upgradeOutcome(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<number | "open"> {
  return new Promise((resolve) => {
    const socket = new WebSocket(baseUrl.replace(/^http/, "ws") + path, { headers });
    socket.on("open", () => {
      socket.close();
      resolve("open");
    });
    socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
    socket.on("error", () => undefined);
  });
}

/**
 * A raw socket on a document, as a page's script opens it (`params`: the shared screen's
 * `ecran`), sending commands and reading their answers; `socket` for what a page would not send.
 */
export async function commandSocket(baseUrl: string, docName: string, cookie: string, options: { params?: Record<string, string>; replyWithinMs?: number } = {}) {
  const query = options.params ? `?${new URLSearchParams(options.params)}` : "";
  const socket = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/realtime/${docName}${query}`, { headers: cookie ? { cookie } : {} });
  const replies = new Map<number, unknown>();
  socket.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === MESSAGE_COMMAND_REPLY) {
      const { id, reply } = readReply(decoder);
      replies.set(id, reply);
    }
  });
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  let next = 1;
  const send = async (name: string, input: Record<string, string>) => {
    const id = next++;
    socket.send(encodeCommand(id, { name, input }));
    await waitFor(() => replies.has(id), options.replyWithinMs ?? 5_000, `reply to ${name}`);
    return replies.get(id);
  };
  return { socket, send, close: () => socket.close() };
}
