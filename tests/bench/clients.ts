import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_ACCESS } from "../../app/modules/realtime/commands";

// The app's command sender asks the browser whether the device is online (`navigator.onLine`);
// Node 20 has no navigator. The bench's phones are always online.
if (!("navigator" in globalThis)) Object.defineProperty(globalThis, "navigator", { value: { onLine: true }, configurable: true });

// Each y-websocket provider in Node listens for the process's exit: hundreds of phones in one process are meant.
process.setMaxListeners(0);

/** A y-websocket client in Node that counts the bytes it receives, as a phone would pay for them. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  received: () => number;
  synced: Promise<number>;
  destroy: () => void;
}

export function benchClient(baseUrl: string, docName: string, options: { cookie?: string; presence: boolean; params?: Record<string, string> }): BenchClient {
  let bytes = 0;
  const headers = options.cookie ? { cookie: options.cookie } : {};
  class CountingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers, perMessageDeflate: false });
      this.on("message", (data: ArrayBuffer | Buffer) => (bytes += data.byteLength));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, "ws"), docName, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.params,
  });
  // Our server says what each socket may do when it opens; the reference never does.
  provider.messageHandlers[MESSAGE_ACCESS] = () => undefined;
  // The reference pattern announces each phone (a name and a colour), as y-websocket apps do.
  if (options.presence) provider.awareness.setLocalStateField("user", { name: `Delege ${doc.clientID % 1000}`, color: "#8e2c7a" });
  else provider.awareness.setLocalState(null);
  const synced = new Promise<number>((resolve) => {
    if (provider.synced) resolve(performance.now());
    provider.once("sync", () => resolve(performance.now()));
  });
  return { doc, provider, received: () => bytes, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}

/** Resolves when `check` holds after any change to the document. */
export function whenDoc(doc: Y.Doc, check: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (check()) return resolve(performance.now());
    const listener = () => {
      if (!check()) return;
      doc.off("update", listener);
      resolve(performance.now());
    };
    doc.on("update", listener);
  });
}

/** Rejects after `ms`: every wait in the benchmark is bounded. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms).unref())]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
