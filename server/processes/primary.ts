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
  | { type: "seed"; ref: DocumentRef; root: string; text: string };
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
const RESTART_DELAY_MS = 1_000;

interface Serving {
  index: number;
  child: ChildProcess | null;
  ready: boolean;
  waiting: { socket: Socket; head: Buffer }[];
}

export interface RunningPrimary {
  url: string;
  port: number;
  /** The serving processes' ids (a restarted one has a new id). */
  pids: () => number[];
  close: () => Promise<void>;
}

/**
 * The primary of a server in several processes: it listens, reads each connection's request
 * line, and hands the connection itself (not its bytes: the kernel's socket moves) to the
 * process that owns the meeting, report or space it names, any process otherwise; and it
 * relays each process's domain events to the others, so that every screen follows a change
 * wherever it was made. A serving process that dies is started again.
 */
export async function startPrimary(options: {
  count: number;
  port: number;
  host: string;
  /** The module each serving process runs (it calls `serveFromPrimary`). */
  module: string;
  env?: Record<string, string>;
  execArgv?: string[];
  log: (event: string, details: Record<string, unknown>) => void;
}): Promise<RunningPrimary> {
  const serving: Serving[] = Array.from({ length: options.count }, (_, index) => ({ index, child: null, ready: false, waiting: [] }));
  let stopping = false;
  let nextAny = 0;

  const send = (to: Serving, message: ToServing, socket?: Socket): void => {
    if (!to.child?.connected) return void socket?.destroy();
    to.child.send(message, socket as never, (error) => {
      if (error) socket?.destroy();
    });
  };

  const hand = (to: Serving, socket: Socket, head: Buffer): void => {
    if (to.ready) return send(to, { type: "connection", head: head.toString("latin1") }, socket);
    if (to.waiting.length >= WAITING_LIMIT) return void socket.destroy();
    to.waiting.push({ socket, head });
  };

  const start = (to: Serving, restarted = false): Promise<void> =>
    new Promise((resolve) => {
      const child = fork(options.module, [], {
        env: { ...process.env, ...options.env, MAKON_PROCESS_INDEX: String(to.index), MAKON_PROCESS_COUNT: String(options.count), MAKON_PROCESS_RESTARTED: restarted ? "1" : "0" },
        execArgv: options.execArgv ?? process.execArgv,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      to.child = child;
      child.on("message", (message: ToPrimary) => {
        if (message.type === "ready") {
          to.ready = true;
          for (const { socket, head } of to.waiting.splice(0)) hand(to, socket, head);
          resolve();
        } else if (message.type === "events") {
          for (const other of serving) if (other !== to && other.ready) send(other, message);
        } else if (message.type === "seed") {
          const owner = serving[ownerIndex(ownerKeyOf(message.ref), options.count)]!;
          if (owner.ready) send(owner, message);
          else options.log("processes.seed-dropped", { process: owner.index });
        }
      });
      child.once("exit", (code, signal) => {
        to.ready = false;
        to.child = null;
        if (stopping) return;
        options.log("processes.exited", { process: to.index, code, signal });
        setTimeout(() => void start(to, true), RESTART_DELAY_MS).unref();
        resolve();
      });
    });

  const route = (socket: Socket): void => {
    let head = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), HEAD_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const lineEnd = head.indexOf(10);
      if (lineEnd < 0 && head.length < HEAD_LIMIT) return;
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("error", onError);
      // Nothing more is read here: what follows stays in the kernel's buffer for the owner.
      // (A paused stream still reads ahead; only the handle's readStop keeps the bytes unread.)
      socket.pause();
      (socket as unknown as { _handle?: { readStop?: () => void; reading?: boolean } })._handle?.readStop?.();
      if (lineEnd < 0) return void socket.destroy();
      const path = head.subarray(0, lineEnd).toString("latin1").split(" ")[1] ?? "/";
      const named = processNamedIn(path, options.count);
      const key = named === null ? ownerKeyOfPath(path) : null;
      const index = named ?? (key === null ? nextAny++ % options.count : ownerIndex(key, options.count));
      hand(serving[index]!, socket, head);
    };
    const onError = (): void => {
      clearTimeout(timer);
      socket.destroy();
    };
    socket.on("data", onData);
    socket.on("error", onError);
  };

  await Promise.all(serving.map((s) => start(s)));
  const server: Server = createServer({ noDelay: true }, route);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;

  const close = async (): Promise<void> => {
    stopping = true;
    server.close();
    await Promise.all(
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

  return {
    url: `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${port}`,
    port,
    pids: () => serving.map((s) => s.child?.pid).filter((pid): pid is number => pid !== undefined),
    close,
  };
}
