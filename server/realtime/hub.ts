import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import type { DocumentAccess } from "../../app/modules/realtime/access";
import { encodeReply, MESSAGE_COMMAND, readCommand } from "../../app/modules/realtime/commands";
import type { DocumentStore } from "./persistence";
import { createCoalescer } from "./coalesce";

/** y-websocket message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** Runs a command a client sent on a document's socket; returns the reply to send back. */
export type CommandHandler = (command: { doc: string; userId: string; payload: unknown }) => unknown;

/** The origin of changes made by server code (the live state of a meeting, later). */
export const SERVER_ORIGIN = Symbol("server");

export interface HubOptions {
  store: DocumentStore;
  log: (event: string, details: Record<string, unknown>) => void;
  /** Rows past which a document's updates are merged into one. */
  compactAfter?: number;
  pingIntervalMs?: number;
  /** Quiet time after which a connection gets a keepalive (under the client's 30 s). */
  keepaliveAfterMs?: number;
  /** Commands sent on a socket (the console's actions); without it, a command closes the socket. */
  onCommand?: CommandHandler;
}

interface Connection {
  socket: WebSocket;
  access: Exclude<DocumentAccess, "none">;
  userId: string;
  awarenessIds: Set<number>;
  alive: boolean;
}

/**
 * y-websocket clients reconnect (and sync again) after 30 s without a message. A document
 * without presence can stay quiet longer than that, so a quiet connection gets the smallest
 * message the client accepts: an awareness update about nobody (3 bytes).
 */
const KEEPALIVE = Uint8Array.of(MESSAGE_AWARENESS, 1, 0);

class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness | null;
  readonly connections = new Map<WebSocket, Connection>();
  rows: number;

  constructor(
    readonly name: string,
    presence: boolean,
    private readonly hub: RealtimeHub,
  ) {
    // Stored state goes in before the update listener exists: loading is not a new update.
    this.rows = hub.options.store.load(name, this.doc);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    if (presence) {
      this.awareness = new awarenessProtocol.Awareness(this.doc);
      // The server has no presence of its own.
      this.awareness.setLocalState(null);
      this.awareness.on("update", (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
        this.onAwareness(change, origin),
      );
    } else {
      this.awareness = null;
    }
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    const { store, compactAfter = 500 } = this.hub.options;
    try {
      // Written before anyone else is told: what a client was shown survives a restart.
      store.append(this.name, update);
      this.rows++;
      if (this.rows > compactAfter) {
        store.compact(this.name, this.doc);
        this.rows = 1;
      }
    } catch (error) {
      this.hub.storageFailed(this, error as Error);
      return;
    }
    const message = encodeSync((encoder) => syncProtocol.writeUpdate(encoder, update));
    for (const connection of this.connections.values()) {
      if (connection.socket !== origin) send(connection.socket, message);
    }
  }

  private onAwareness(change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const connection = origin ? this.connections.get(origin as WebSocket) : undefined;
    if (connection) {
      for (const id of change.added) connection.awarenessIds.add(id);
      for (const id of change.removed) connection.awarenessIds.delete(id);
    }
    const message = encodeAwareness(this.awareness!, changed);
    for (const other of this.connections.values()) send(other.socket, message);
  }

  /** Handles one message from a client; throws on anything malformed. */
  receive(connection: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          syncProtocol.readSyncStep1(decoder, encoder, this.doc);
          send(connection.socket, encoding.toUint8Array(encoder));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          if (connection.access !== "write") {
            // Refused: a reader's changes are neither applied, stored nor relayed.
            if (!isEmptyUpdate(update)) this.hub.options.log("realtime.refused-update", { doc: this.name, user: connection.userId });
            return;
          }
          // Parsing first rejects a malformed update before it can touch the document.
          Y.decodeUpdate(update);
          Y.applyUpdate(this.doc, update, connection.socket);
        } else {
          throw new Error(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        if (this.awareness && connection.access === "write") {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection.socket);
        }
        return;
      }
      case MESSAGE_COMMAND: {
        const { onCommand } = this.hub.options;
        if (!onCommand) throw new Error("commands not accepted");
        const { id, payload } = readCommand(decoder);
        send(connection.socket, encodeReply(id, onCommand({ doc: this.name, userId: connection.userId, payload })));
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        if (this.awareness) send(connection.socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  open(connection: Connection): void {
    this.connections.set(connection.socket, connection);
    send(connection.socket, encodeSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)));
    if (this.awareness && this.awareness.getStates().size > 0) {
      send(connection.socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  leave(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    if (this.awareness && connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
  }

  /** Merges the stored rows when there is more than one, and frees the memory. */
  unload(options: { store: boolean } = { store: true }): void {
    if (options.store && this.rows > 1) this.hub.options.store.compact(this.name, this.doc);
    this.awareness?.destroy();
    this.doc.destroy();
  }
}

/**
 * The one realtime path: y-websocket documents with access checked per connection,
 * persistence before relay, and a server-side API for documents that only the server writes.
 */
export class RealtimeHub {
  private readonly documents = new Map<string, SharedDocument>();
  private readonly pinger: NodeJS.Timeout;

  private readonly keepalive: NodeJS.Timeout;
  private readonly coalescer = createCoalescer(100, (error) => this.options.log("realtime.coalesced-write-failed", { reason: error.message }));

  constructor(readonly options: HubOptions) {
    this.pinger = setInterval(() => this.ping(), options.pingIntervalMs ?? 30_000);
    this.pinger.unref();
    this.keepalive = setInterval(() => this.keepQuietConnectionsAlive(), (options.keepaliveAfterMs ?? 20_000) / 4);
    this.keepalive.unref();
  }

  connect(socket: WebSocket, name: string, presence: boolean, access: Exclude<DocumentAccess, "none">, userId: string): void {
    const shared = this.open(name, presence);
    const connection: Connection = { socket, access, userId, awarenessIds: new Set(), alive: true };
    socket.binaryType = "nodebuffer";
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      try {
        if (!isBinary) throw new Error("text frame");
        shared.receive(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        this.options.log("realtime.malformed-message", { doc: name, user: userId, reason: (error as Error).message });
        socket.close(1003, "malformed message");
      }
    });
    socket.on("pong", () => {
      connection.alive = true;
    });
    socket.on("error", (error) => {
      // ws reports oversized frames here before closing the socket with 1009.
      this.options.log("realtime.socket-error", { doc: name, user: userId, reason: error.message });
    });
    socket.on("close", () => {
      shared.leave(socket);
      this.evict(shared);
    });
    shared.open(connection);
  }

  /** Changes a document from server code; the change is stored and reaches every client. */
  change(name: string, presence: boolean, edit: (doc: Y.Doc) => void): void {
    const shared = this.open(name, presence);
    try {
      shared.doc.transact(() => edit(shared.doc), SERVER_ORIGIN);
    } finally {
      this.evict(shared);
    }
  }

  /**
   * A server write that may come in bursts (figures recomputed after each check-in): the
   * first runs at once, the next ones at most every 100 ms, each with the latest data.
   */
  changeSoon(key: string, write: () => void): void {
    this.coalescer.schedule(key, write);
  }

  /** Reads a document's current state from server code. */
  read<T>(name: string, presence: boolean, view: (doc: Y.Doc) => T): T {
    const shared = this.open(name, presence);
    try {
      return view(shared.doc);
    } finally {
      this.evict(shared);
    }
  }

  openDocumentCount(): number {
    return this.documents.size;
  }

  /** Closes every socket and stores each open document in its merged form. */
  close(): void {
    clearInterval(this.pinger);
    clearInterval(this.keepalive);
    this.coalescer.flush();
    for (const shared of this.documents.values()) {
      for (const socket of shared.connections.keys()) socket.close(1001, "server shutting down");
      shared.unload();
    }
    this.documents.clear();
  }

  private open(name: string, presence: boolean): SharedDocument {
    let shared = this.documents.get(name);
    if (!shared) {
      shared = new SharedDocument(name, presence, this);
      this.documents.set(name, shared);
    }
    return shared;
  }

  private evict(shared: SharedDocument): void {
    if (this.documents.get(shared.name) !== shared || shared.connections.size > 0) return;
    this.documents.delete(shared.name);
    shared.unload();
  }

  /**
   * The database refused an update: the document in memory is now ahead of what is stored.
   * Drop it without storing and disconnect its clients; they send their state again when
   * they reconnect, so nothing they hold is lost.
   */
  storageFailed(shared: SharedDocument, error: Error): void {
    this.options.log("realtime.storage-failed", { doc: shared.name, reason: error.message });
    if (this.documents.get(shared.name) === shared) this.documents.delete(shared.name);
    for (const socket of shared.connections.keys()) socket.close(1011, "storage failed");
    shared.connections.clear();
    // Not inside the update event that brought us here.
    queueMicrotask(() => shared.unload({ store: false }));
  }

  private keepQuietConnectionsAlive(): void {
    const quietSince = Date.now() - (this.options.keepaliveAfterMs ?? 20_000);
    for (const shared of this.documents.values()) {
      for (const { socket } of shared.connections.values()) {
        if ((lastSent.get(socket) ?? 0) <= quietSince) send(socket, KEEPALIVE);
      }
    }
  }

  private ping(): void {
    for (const shared of this.documents.values()) {
      for (const connection of shared.connections.values()) {
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }
}

function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** An update with no structs and no deletions (what a client with nothing new sends). */
function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** When each socket was last sent something, for the keepalive. */
const lastSent = new WeakMap<WebSocket, number>();

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(message);
  lastSent.set(socket, Date.now());
}
