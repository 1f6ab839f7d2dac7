import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import type { MessageKey } from "../../app/modules/i18n/translate";
import type { DocumentAccess } from "../../app/modules/realtime/access";
import { COMMAND_BUDGET, fullBudget, spend, type Budget, type BudgetPolicy } from "../../app/modules/realtime/budget";
import { CLOSE_CODES, encodeAccess, encodeReply, MESSAGE_COMMAND, readCommand } from "../../app/modules/realtime/commands";
import { documentName, type DocumentRef } from "../../app/modules/realtime/document-names";
import type { SocketCredentials } from "../../app/modules/realtime/credentials";
import type { Rebuild } from "../../app/modules/realtime/port";
import { touchesOnlyRoots } from "../../app/modules/realtime/roots";
import type { DocumentStore } from "./persistence";
import { createCoalescer } from "./coalesce";

/** y-websocket message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;


/** The origin of changes made by server code (projections, the minutes' template). */
export const SERVER_ORIGIN = Symbol("server");

/**
 * What the hub asks of each document kind (declared once, in `kinds.server.ts`): the hub
 * itself knows no kind.
 */
export interface DocumentHooks {
  describe(ref: DocumentRef): { presence: boolean; storage: "stored" | "projection"; roots: readonly string[] };
  /** Who may do what on this document, decided from what the database says now. */
  authorize(ref: DocumentRef, credentials: SocketCredentials): DocumentAccess;
  /** Writes a projection from the database (never trusted from storage); see `refresh`. */
  project(ref: DocumentRef, doc: Y.Doc, rebuild: Rebuild): void;
  /** Runs a command sent on a socket; returns the reply. */
  command(ref: DocumentRef, credentials: SocketCredentials, message: unknown): unknown;
}

export interface HubOptions {
  store: DocumentStore;
  hooks: DocumentHooks;
  log: (event: string, details: Record<string, unknown>) => void;
  /** Rows past which a document's updates are merged into one. */
  compactAfter?: number;
  pingIntervalMs?: number;
  /** Quiet time after which a connection gets a keepalive (under the client's 30 s). */
  keepaliveAfterMs?: number;
  commandBudget?: BudgetPolicy;
}

interface Connection {
  socket: WebSocket;
  /** The TCP stream under `socket` (see `sendFrame`). */
  stream: Duplex;
  access: Exclude<DocumentAccess, "none">;
  credentials: SocketCredentials;
  awarenessIds: Set<number>;
  alive: boolean;
  budget: Budget;
  /** Which of the pinger's rounds pings this connection (see `PING_SLICES`). */
  pingSlice: number;
}

/**
 * Connections are pinged in slices, one slice per round, every connection once per interval:
 * 10,000 sockets pinged in one go held the event loop for about 150 ms every 30 s.
 */
const PING_SLICES = 30;

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
  readonly name: string;
  readonly kind: ReturnType<DocumentHooks["describe"]>;
  rows: number;
  /** The whole state as one update, until the next change. */
  private wholeState: Uint8Array | null = null;

  constructor(
    readonly ref: DocumentRef,
    private readonly hub: RealtimeHub,
  ) {
    this.name = documentName(ref);
    this.kind = hub.options.hooks.describe(ref);
    // Stored state goes in before the update listener exists: loading is not a new update.
    // A projection keeps its stored history only so that clients' copies stay continuous;
    // its content is rewritten from the database right after.
    this.rows = hub.options.store.load(this.name, this.doc);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    if (this.kind.storage === "projection") this.doc.transact(() => hub.options.hooks.project(ref, this.doc, { shared: new Map(), scope: "all" }), SERVER_ORIGIN);
    if (this.kind.presence) {
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

  /** What a client with this state vector lacks; a client with nothing (200 phones joining) gets the same cached bytes. */
  private missingFrom(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length !== 1 || stateVector[0] !== 0) return Y.encodeStateAsUpdate(this.doc, stateVector);
    return (this.wholeState ??= Y.encodeStateAsUpdate(this.doc));
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.wholeState = null;
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
    // Inside a refresh the rows are not committed yet: the refresh relays once they are.
    if (!this.hub.deferRelay(this, update)) this.relay(update, origin);
  }

  relay(update: Uint8Array, origin: unknown): void {
    // One WebSocket frame for every client, written as it is: 200 phones cost 200 writes,
    // not 200 framings and 200 two-part writes through ws.
    const frame = binaryFrame(encodeSync((encoder) => syncProtocol.writeUpdate(encoder, update)));
    const now = performance.now();
    for (const connection of this.connections.values()) {
      if (connection.socket !== origin) sendFrame(connection, frame, now);
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
          // y-protocols' readSyncStep1, with the whole state encoded once for every phone that has nothing yet.
          const stateVector = decoding.readVarUint8Array(decoder);
          send(connection.socket, encodeSync((encoder) => {
            encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
            encoding.writeVarUint8Array(encoder, this.missingFrom(stateVector));
          }));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          if (connection.access !== "write") {
            // Refused: a reader's changes are neither applied, stored nor relayed.
            if (!isEmptyUpdate(update)) this.hub.options.log("realtime.refused-update", { doc: this.name, user: connection.credentials.userId });
            return;
          }
          // Parsing first rejects a malformed update, or one that writes where the kind has
          // no such content, before it can touch the document.
          if (!touchesOnlyRoots(update, this.kind.roots)) throw new Error("update outside the document's root types");
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
        const { id, payload } = readCommand(decoder);
        // The monotonic clock, as for the keepalive: a wall clock set back would refill nothing until it caught up.
        const verdict = spend(connection.budget, this.hub.options.commandBudget ?? COMMAND_BUDGET, performance.now());
        if (verdict === "disconnect") {
          this.hub.options.log("realtime.too-many-commands", { doc: this.name, user: connection.credentials.userId });
          connection.socket.close(CLOSE_CODES.tooManyCommands, "too many commands");
          return;
        }
        const reply = verdict === "refused" ? { error: "error.tooFast" satisfies MessageKey } : this.hub.options.hooks.command(this.ref, connection.credentials, payload);
        send(connection.socket, encodeReply(id, reply));
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
    // The page may have been rendered with other rights than the socket gets (a meeting
    // closed while the phone was offline): the client is told first what it may do.
    send(connection.socket, encodeAccess(connection.access));
    send(connection.socket, encodeSync((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)));
    if (this.awareness && this.awareness.getStates().size > 0) {
      send(connection.socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  leave(socket: WebSocket): void {
    const connection = this.connections.get(socket);
    if (!connection) return;
    this.connections.delete(socket);
    this.dropPresence(connection);
  }

  dropPresence(connection: Connection): void {
    if (this.awareness && connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
      connection.awarenessIds.clear();
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
 * The one realtime path: y-websocket documents with access decided per connection and
 * decided again whenever what it depends on changes, persistence before relay, projections
 * rebuilt from the database, and commands sent on sockets.
 */
export class RealtimeHub {
  private readonly documents = new Map<string, SharedDocument>();
  private readonly pinger: NodeJS.Timeout;
  private pingRound = 0;
  private connected = 0;

  private readonly keepalive: NodeJS.Timeout;
  /**
   * Bursts of the same rebuild, folded (see `refreshSoon`): during a rush of check-ins, the
   * facilitator's console at most twice a second and the room's document (every phone and
   * the shared screen) at most every two seconds — at a national day's rush a meeting's
   * check-ins come a few tenths of a second apart, and each rebuild of the room's document
   * sends 200 phones a frame, for a headcount nobody reads to the second; a poll's count once
   * a second as the room watches it climb (each rewrite is a frame to every phone, on
   * prepaid data), and the last ballot's at once (`refreshSoon`'s "now").
   */
  private readonly coalescers = {
    attendance: this.coalescer(500),
    headcount: this.coalescer(2_000),
    count: this.coalescer(1_000),
  };
  /** During a refresh: the updates stored in its transaction, relayed once it has committed. */
  private uncommitted: { shared: SharedDocument; update: Uint8Array }[] | null = null;

  constructor(readonly options: HubOptions) {
    this.pinger = setInterval(() => this.ping(), (options.pingIntervalMs ?? 30_000) / PING_SLICES);
    this.pinger.unref();
    this.keepalive = setInterval(() => this.keepQuietConnectionsAlive(), (options.keepaliveAfterMs ?? 20_000) / 4);
    this.keepalive.unref();
  }

  connect(socket: WebSocket, stream: Duplex, ref: DocumentRef, access: Exclude<DocumentAccess, "none">, credentials: SocketCredentials): void {
    const shared = this.open(ref);
    const connection: Connection = { socket, stream, access, credentials, awarenessIds: new Set(), alive: true, budget: fullBudget(this.options.commandBudget ?? COMMAND_BUDGET, performance.now()), pingSlice: this.connected++ % PING_SLICES };
    const user = credentials.userId;
    socket.binaryType = "nodebuffer";
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      // A socket closed by the server (access withdrawn) may still have messages in flight.
      if (!shared.connections.has(socket)) return;
      try {
        if (!isBinary) throw new Error("text frame");
        shared.receive(connection, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      } catch (error) {
        this.options.log("realtime.malformed-message", { doc: shared.name, user, reason: (error as Error).message });
        socket.close(1003, "malformed message");
      }
    });
    socket.on("pong", () => {
      connection.alive = true;
    });
    socket.on("error", (error) => {
      // ws reports oversized frames here before closing the socket with 1009.
      this.options.log("realtime.socket-error", { doc: shared.name, user, reason: error.message });
    });
    socket.on("close", () => {
      shared.leave(socket);
      this.evict(shared);
    });
    shared.open(connection);
  }

  /**
   * Decides access again for the open connections that `match` picks: a reader that became
   * a writer (or the reverse) is told so on its socket and treated so from its next message;
   * one that may no longer read is closed at once, its presence gone.
   */
  reauthorize(match: (ref: DocumentRef, credentials: SocketCredentials) => boolean): void {
    for (const shared of [...this.documents.values()]) {
      for (const connection of [...shared.connections.values()]) {
        if (!match(shared.ref, connection.credentials)) continue;
        let access: DocumentAccess;
        try {
          access = this.options.hooks.authorize(shared.ref, connection.credentials);
        } catch (error) {
          // Rights that cannot be decided are none: the client reconnects and is decided anew.
          this.options.log("realtime.reauthorize-failed", { doc: shared.name, reason: (error as Error).message });
          access = "none";
        }
        if (access === connection.access) continue;
        this.options.log("realtime.access-changed", { doc: shared.name, user: connection.credentials.userId, from: connection.access, to: access });
        if (access === "none") {
          shared.leave(connection.socket);
          connection.socket.close(CLOSE_CODES.accessWithdrawn, "access withdrawn");
        } else {
          if (access === "read") shared.dropPresence(connection);
          connection.access = access;
          send(connection.socket, encodeAccess(access));
        }
      }
      this.evict(shared);
    }
  }

  /**
   * Rewrites open projections from the database now, sharing the reads they have in common;
   * one not open is rebuilt when it opens.
   */
  refresh(refs: readonly DocumentRef[], scope: Rebuild["scope"] = "all"): void {
    const rebuild: Rebuild = { shared: new Map(), scope };
    const open = refs.map((ref) => this.documents.get(documentName(ref))).filter((shared) => shared?.kind.storage === "projection") as SharedDocument[];
    if (open.length === 0) return;
    // One transaction for the reads and the stored updates of every document rebuilt: one
    // commit, not one per document, and nothing relayed before it.
    const uncommitted: { shared: SharedDocument; update: Uint8Array }[] = [];
    this.uncommitted = uncommitted;
    try {
      this.options.store.transaction(() => {
        for (const shared of open) shared.doc.transact(() => this.options.hooks.project(shared.ref, shared.doc, rebuild), SERVER_ORIGIN);
      });
    } catch (error) {
      // The documents in memory may now be ahead of what is stored, and no client was told.
      for (const shared of open) if (this.documents.get(shared.name) === shared) this.storageFailed(shared, error as Error);
      return;
    } finally {
      this.uncommitted = null;
    }
    for (const { shared, update } of uncommitted) shared.relay(update, SERVER_ORIGIN);
  }

  /** Whether an update just stored waits for the refresh's commit before it is relayed. */
  deferRelay(shared: SharedDocument, update: Uint8Array): boolean {
    if (!this.uncommitted) return false;
    this.uncommitted.push({ shared, update });
    return true;
  }

  /**
   * The same for changes that come in bursts (check-ins at the door, ballots): the first runs
   * at once, the next ones at most once per interval of their kind, each from the latest data;
   * "now" runs at once in place of what waits (the count the room waits for).
   */
  refreshSoon(burst: keyof RealtimeHub["coalescers"], key: string, refs: readonly DocumentRef[], scope: Rebuild["scope"] = "all", when: "soon" | "now" = "soon"): void {
    this.coalescers[burst][when === "now" ? "now" : "schedule"](key, () => this.refresh(refs, scope));
  }

  private coalescer(intervalMs: number) {
    return createCoalescer(intervalMs, (error) => this.options.log("realtime.coalesced-write-failed", { reason: error.message }));
  }

  /** Changes a stored document from server code; the change is stored and reaches every client. */
  change(ref: DocumentRef, edit: (doc: Y.Doc) => void): void {
    const shared = this.open(ref);
    try {
      shared.doc.transact(() => edit(shared.doc), SERVER_ORIGIN);
    } finally {
      this.evict(shared);
    }
  }

  /** Reads a document's current state from server code, writing nothing (a GET may call it). */
  read<T>(ref: DocumentRef, view: (doc: Y.Doc) => T): T {
    const shared = this.documents.get(documentName(ref));
    if (shared) return view(shared.doc);
    const doc = new Y.Doc();
    try {
      this.options.store.load(documentName(ref), doc);
      return view(doc);
    } finally {
      doc.destroy();
    }
  }

  openDocumentCount(): number {
    return this.documents.size;
  }

  /** Closes every socket and stores each open document in its merged form. */
  close(): void {
    clearInterval(this.pinger);
    clearInterval(this.keepalive);
    for (const coalescer of Object.values(this.coalescers)) coalescer.flush();
    for (const shared of this.documents.values()) {
      for (const socket of shared.connections.keys()) socket.close(1001, "server shutting down");
      shared.unload();
    }
    this.documents.clear();
  }

  private open(ref: DocumentRef): SharedDocument {
    const name = documentName(ref);
    let shared = this.documents.get(name);
    if (!shared) {
      shared = new SharedDocument(ref, this);
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
    const quietSince = performance.now() - (this.options.keepaliveAfterMs ?? 20_000);
    for (const shared of this.documents.values()) {
      for (const { socket } of shared.connections.values()) {
        if ((lastSent.get(socket) ?? 0) <= quietSince) send(socket, KEEPALIVE);
      }
    }
  }

  private ping(): void {
    const now = Date.now();
    const slice = this.pingRound++ % PING_SLICES;
    for (const shared of this.documents.values()) {
      for (const connection of shared.connections.values()) {
        if (connection.pingSlice !== slice) continue;
        // A socket does not outlive its session: past the expiry it was opened with, the
        // client reconnects and the upgrade decides (a session extended since lets it in).
        const expiresAt = connection.credentials.sessionExpiresAt;
        if (expiresAt !== null && expiresAt <= now) {
          connection.socket.close(CLOSE_CODES.sessionExpired, "session expired");
          continue;
        }
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

/**
 * When each socket was last sent something, for the keepalive, on the monotonic clock: a
 * wall clock set back would leave every quiet phone without its keepalive, and reconnecting,
 * for as long as it went back.
 */
const lastSent = new WeakMap<WebSocket, number>();

/** An unmasked, final, binary WebSocket frame holding `message` (what a server sends). */
function binaryFrame(message: Uint8Array): Buffer {
  const length = message.length;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(message, header);
  return frame;
}

/**
 * Writes a frame straight to a connection's stream. This server never compresses and never
 * sends a Blob, so ws itself writes each of its frames to the stream at once: a frame written
 * here keeps its place among them.
 */
function sendFrame(connection: Connection, frame: Buffer, now: number): void {
  const { socket, stream } = connection;
  if (socket.readyState !== socket.OPEN || !stream.writable) return;
  stream.write(frame);
  lastSent.set(socket, now);
}

function send(socket: WebSocket, message: Uint8Array): void {
  if (socket.readyState !== socket.OPEN) return;
  socket.send(message);
  lastSent.set(socket, performance.now());
}
