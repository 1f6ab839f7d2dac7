import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

/** Connects a document to our realtime server, reconnecting by itself after a drop. */
export function connectDocument(name: string, doc = new Y.Doc()) {
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/realtime`;
  const provider = new WebsocketProvider(url, name, doc, { maxBackoffTime: 5_000 });
  return { doc, provider };
}
