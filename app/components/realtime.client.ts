import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/**
 * Connects a document to our realtime server, reconnecting by itself after a drop.
 * Without presence (live screens), the client announces nothing about itself.
 */
export function connectDocument(name: string, options: { presence?: boolean; params?: Record<string, string> } = {}) {
  const doc = new Y.Doc();
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/realtime`;
  const provider = new WebsocketProvider(url, name, doc, { maxBackoffTime: 5_000, params: options.params });
  if (options.presence === false) provider.awareness.setLocalState(null);
  return { doc, provider };
}
