import type * as decoding from "lib0/decoding";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { MessageKey } from "../modules/i18n/translate";
import { encodeCommand, MESSAGE_COMMAND_REPLY, readReply } from "../modules/realtime/commands";

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

const REPLY_TIMEOUT_MS = 5_000;

/** Sends commands (the console's actions) on a document's socket and matches the replies. */
export function commandSender(provider: WebsocketProvider) {
  const pending = new Map<number, (error: MessageKey | null) => void>();
  let nextId = 1;
  provider.messageHandlers[MESSAGE_COMMAND_REPLY] = (_encoder: unknown, decoder: decoding.Decoder) => {
    const { id, reply } = readReply(decoder);
    pending.get(id)?.((reply as { error: MessageKey | null }).error);
    pending.delete(id);
  };
  return (payload: Record<string, string>) => {
    const socket = provider.ws;
    if (!provider.wsconnected || !socket) return null;
    const id = nextId++;
    return new Promise<MessageKey | null>((resolve) => {
      pending.set(id, resolve);
      socket.send(encodeCommand(id, payload));
      // Not sent again: it may have been applied. The screens show what happened.
      setTimeout(() => pending.delete(id) && resolve("live.error.noReply"), REPLY_TIMEOUT_MS);
    });
  };
}
