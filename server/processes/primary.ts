import { fork, type ChildProcess } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { DocumentRef } from "../../app/modules/realtime/document-names";
import type { DomainEvent } from "../../app/modules/realtime/port";
import { ownerIndex, ownerKeyOf, ownerKeyOfPath, processNamedIn } from "./owners";

/** What a serving process and the primary say to each other over their IPC channel. */
export type ToPrimary =
  | { type: "ready" }
  | { type: "events"; events: DomainEvent[] }
  | { type: "seed"; ref: DocumentRef; root: string; text: string }
  /** A connection that reached a process not owning what it asks for, with the bytes read from it. */
  | { type: "reroute"; head: string };
export type ToServing =
  | { type: "connection"; head: string }
  | { type: "events"; events: DomainEvent[] }
  | { type: "seed"; ref: DocumentRef; root: string; text: string };

/** A request line longer than this is not one a browser sends: the connection is refused. */
const HEAD_LIMIT = 8 * 1024;
/** A connection that names nothing within this time is closed (as Node's headers timeout would). */
const HEAD_TIMEOUT_MS = 30_000;
/** Connections held while their owner restarts, beyond which new ones are refused. */
const WAITING_LIMIT = 2_000;
/** How long a connection may wait for its owner to be ready again. */
const WAITING_MS = 30_000;
/** A process that stops is started again after this, doubled each time it stops within a minute of starting (at most 30 s). */
const RESTART_DELAY_MS = [1_000, 30_000] as const;

interface Serving {
  index: number;
  child: ChildProcess | null;
  ready: boolean;
  startedAt: number;
  /** The wait before it is started again, should it stop within a minute of starting. */
  restartDelayMs: number;
  /** Connections and seeds for it while it is not ready. */
  waiting: { socket: Socket; head: Buffer; since: number }[];
  seeds: Extract<ToServing, { type: "seed" }>[];
  /** Connections given to Node's IPC queue and not yet sent (their send has not called back). */
  sending: Map<Socket, Buffer>;
}

export interface RunningPrimary {
  url: string;
  port: number;
  /** The serving processes' ids (a restarted one has a new id). */
  pids: () => number[];
  close: () => Promise<void>;
}

/** Stops reading a socket in this process: what has not been read stays in the kernel, for the process it is handed to. */
export function stopReading(socket: Socket): void {
  socket.pause();
  // A paused stream still reads ahead into its buffer, which would be lost in the hand-over:
  // only the handle's readStop leaves the bytes unread. (Its `reading` flag stays set, so
  // that nothing here starts reading again before the handle is sent.)
  (socket as unknown as { _handle?: { readStop?: () => void } })._handle?.readStop?.();
}

/**
 * The primary of a server in several processes: it listens, reads each connection's request
 * line, and hands the connection itself (not its bytes: the kernel's socket moves) to the
 * process that owns the meeting, report or space it names, any ready process otherwise; and
 * it relays each process's domain events to the others, so that every screen follows a
 * change wherever it was made. A serving process that dies is started again.
 */
export async function startPrimary(options: {
  count: number;
  port: number;
  host: string;
  /** The module each serving process runs (it starts the server with a `role`). */
  module: string;
  env?: Record<string, string>;
  execArgv?: string[];
  log: (event: string, details: Record<string, unknown>) => void;
}): Promise<RunningPrimary> {
  const serving: Serving[] = Array.from({ length: options.count }, (_, index) => ({ index, child: null, ready: false, startedAt: 0, restartDelayMs: RESTART_DELAY_MS[0], waiting: [], seeds: [], sending: new Map() }));
  let stopping = false;
  let nextAny = 0;

  const send = (to: Serving, message: ToServing): void => {
    if (to.child?.connected) to.child.send(message, (error) => error && options.log("processes.send-failed", { process: to.index, reason: error.message }));
  };

  const hand = (to: Serving, socket: Socket, head: Buffer, since = Date.now()): void => {
    if (socket.destroyed) return;
    if (!to.ready || !to.child?.connected) {
      if (to.waiting.length >= WAITING_LIMIT) return void socket.destroy();
      to.waiting.push({ socket, head, since });
      return;
    }
    to.sending.set(socket, head);
    to.child.send({ type: "connection", head: head.toString("latin1") } satisfies ToServing, socket, (error) => {
      to.sending.delete(socket);
      if (error) socket.destroy();
    });
  };

  /** Which process a request line's path goes to. */
  const processFor = (path: string): Serving => {
    const named = processNamedIn(path, options.count);
    if (named !== null) return serving[named]!;
    const key = ownerKeyOfPath(path);
    if (key !== null) return serving[ownerIndex(key, options.count)]!;
    for (let tries = 0; tries < options.count; tries++) {
      const any = serving[nextAny++ % options.count]!;
      if (any.ready) return any;
    }
    return serving[nextAny++ % options.count]!;
  };

  const route = (socket: Socket, head: Buffer): void => {
    const lineEnd = head.indexOf(10);
    const path = head.subarray(0, lineEnd).toString("latin1").split(" ")[1] ?? "/";
    hand(processFor(path), socket, head);
  };

  const start = (to: Serving, restarted = false): Promise<void> =>
    new Promise((resolve) => {
      const child = fork(options.module, [], {
        env: { ...process.env, ...options.env, MAKON_PROCESS_INDEX: String(to.index), MAKON_PROCESS_COUNT: String(options.count), MAKON_PROCESS_RESTARTED: restarted ? "1" : "0" },
        execArgv: options.execArgv ?? process.execArgv,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      to.child = child;
      to.startedAt = Date.now();
      child.on("error", (error) => options.log("processes.error", { process: to.index, reason: error.message }));
      child.on("message", (message: ToPrimary, socket?: Socket) => {
        if (message.type === "ready") {
          to.ready = true;
          for (const { socket: waiting, head, since } of to.waiting.splice(0)) hand(to, waiting, head, since);
          for (const seed of to.seeds.splice(0)) send(to, seed);
          resolve();
        } else if (message.type === "events") {
          for (const other of serving) if (other !== to && other.ready) send(other, message);
        } else if (message.type === "seed") {
          const owner = serving[ownerIndex(ownerKeyOf(message.ref), options.count)]!;
          if (owner.ready) send(owner, message);
          else owner.seeds.push(message);
        } else if (message.type === "reroute" && socket) {
          socket.on("error", () => socket.destroy());
          route(socket, Buffer.from(message.head, "latin1"));
        }
      });
      child.once("exit", (code, signal) => {
        to.ready = false;
        to.child = null;
        // Connections still in Node's queue for it were never sent: they wait for the next one.
        for (const [socket, head] of to.sending) if ((socket as unknown as { _handle?: unknown })._handle && !socket.destroyed) to.waiting.push({ socket, head, since: Date.now() });
        to.sending.clear();
        resolve();
        if (stopping) return;
        // A second after a stop; while it keeps stopping within a minute of starting, twice as long each time.
        const delayMs = Date.now() - to.startedAt < 60_000 ? to.restartDelayMs : RESTART_DELAY_MS[0];
        to.restartDelayMs = Math.min(delayMs * 2, RESTART_DELAY_MS[1]);
        options.log("processes.exited", { process: to.index, code, signal, restartInMs: delayMs });
        setTimeout(() => void (stopping || start(to, true)), delayMs).unref();
      });
    });

  const accept = (socket: Socket): void => {
    const chunks: Buffer[] = [];
    let length = 0;
    const timer = setTimeout(() => socket.destroy(), HEAD_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      length += chunk.length;
      if (chunk.indexOf(10) < 0 && length < HEAD_LIMIT) return;
      clearTimeout(timer);
      socket.off("data", onData);
      stopReading(socket);
      const head = Buffer.concat(chunks, length);
      if (head.indexOf(10) < 0) return void socket.destroy();
      route(socket, head);
    };
    socket.on("data", onData);
    // Until it is sent, an error (the client gone) only ends it.
    socket.on("error", () => {
      clearTimeout(timer);
      socket.destroy();
    });
  };

  const stopServing = (): Promise<unknown> => {
    stopping = true;
    for (const s of serving) for (const w of s.waiting.splice(0)) w.socket.destroy();
    return Promise.all(
      serving.map(
        (s) =>
          new Promise<void>((resolve) => {
            const child = s.child;
            if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
  };

  await Promise.all(serving.map((s) => start(s)));
  const server: Server = createServer({ noDelay: true }, accept);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    // The port taken, say: the start fails as one process's would, and nothing is left running.
    await stopServing();
    throw error;
  }
  server.on("error", (error) => options.log("processes.accept-failed", { reason: error.message }));
  const { port } = server.address() as AddressInfo;
  // Connections waiting too long for a process that does not come back are closed: phones try again.
  const sweeper = setInterval(() => {
    const before = Date.now() - WAITING_MS;
    for (const s of serving) {
      s.waiting = s.waiting.filter((w) => {
        if (w.since >= before && !w.socket.destroyed) return true;
        w.socket.destroy();
        return false;
      });
    }
  }, 5_000).unref();

  const close = async (): Promise<void> => {
    clearInterval(sweeper);
    server.close();
    await stopServing();
  };

  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    port,
    pids: () => serving.map((s) => s.child?.pid).filter((pid): pid is number => pid !== undefined),
    close,
  };
}
