import type * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { MessageKey } from "../modules/i18n/translate";
import { CLOSE_CODES, encodeCommand, MESSAGE_ACCESS, MESSAGE_COMMAND_REPLY, readAccess, readReply } from "../modules/realtime/commands";
import { DOCUMENT_PRESENCE, documentName, type DocumentRef } from "../modules/realtime/document-names";

export interface CommandReply {
  error: MessageKey | null;
  value?: unknown;
}

/**
 * Connects a document to our realtime server, reconnecting by itself after a drop. Without
 * presence (live screens), the client announces nothing about itself. The server says when
 * this client's access changes (a meeting closed: its minutes become read-only).
 */
export function connectDocument(ref: DocumentRef, options: { params?: Record<string, string>; onAccess?: (access: "read" | "write") => void } = {}) {
  const doc = new Y.Doc();
  const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/realtime`;
  const provider = new WebsocketProvider(url, documentName(ref), doc, { maxBackoffTime: 5_000, params: options.params });
  if (!DOCUMENT_PRESENCE[ref.kind]) provider.awareness.setLocalState(null);
  provider.messageHandlers[MESSAGE_ACCESS] = (_encoder: unknown, decoder: decoding.Decoder) => options.onAccess?.(readAccess(decoder));
  // Closed on purpose (access withdrawn, too many commands): trying again would be refused
  // as well; the page says it is disconnected, and a reload decides anew.
  provider.on("connection-close", (event: CloseEvent | null) => {
    if (event && (event.code === CLOSE_CODES.accessWithdrawn || event.code === CLOSE_CODES.tooManyCommands)) provider.shouldConnect = false;
  });
  return { doc, provider };
}

const REPLY_TIMEOUT_MS = 5_000;

/** Sends commands on a document's socket and matches the replies. */
export function commandSender(provider: WebsocketProvider) {
  const pending = new Map<number, (reply: CommandReply) => void>();
  let nextId = 1;
  provider.messageHandlers[MESSAGE_COMMAND_REPLY] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const { id, reply } = readReply(decoder);
    pending.get(id)?.(reply as CommandReply);
    pending.delete(id);
  };
  /** Null when the socket is not open: the caller then posts its form as usual. */
  return (name: string, input: Record<string, string>): Promise<CommandReply> | null => {
    const socket = provider.ws;
    // Offline, a socket can look open for a while yet carry nothing: the form waits instead.
    if (!provider.wsconnected || !socket || navigator.onLine === false) return null;
    const id = nextId++;
    return new Promise<CommandReply>((resolve) => {
      pending.set(id, resolve);
      socket.send(encodeCommand(id, { name, input }));
      // Not sent again: it may have been applied. The screens show what happened.
      setTimeout(() => pending.delete(id) && resolve({ error: "live.error.noReply" }), REPLY_TIMEOUT_MS);
    });
  };
}
