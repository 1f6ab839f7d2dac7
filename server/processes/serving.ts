import { unlinkSync } from "node:fs";
import type { IncomingMessage, Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { RealtimePort } from "../../app/modules/realtime/port";
import { ownerIndex, ownerKeyOf, ownerKeyOfPath } from "./owners";
import { stopReading, type ToPrimary, type ToServing } from "./primary";

/** This process's place among several serving one database, or null when it serves alone. */
export interface ServingRole {
  index: number;
  count: number;
  /** Started again after it stopped, while the others kept serving. */
  restarted: boolean;
}

export function servingRoleFromEnv(env: NodeJS.ProcessEnv = process.env): ServingRole | null {
  const index = Number(env.MAKON_PROCESS_INDEX);
  const count = Number(env.MAKON_PROCESS_COUNT);
  if (!process.send || !Number.isInteger(index) || !Number.isInteger(count) || count < 2 || index < 0 || index >= count) return null;
  return { index, count, restarted: env.MAKON_PROCESS_RESTARTED === "1" };
}

/** To the primary, if it is still there (while this process stops after it, nothing is sent). */
function toPrimary(message: ToPrimary, socket?: Socket): void {
  if (process.connected) process.send!(message, socket as never, () => undefined);
  else socket?.destroy();
}

/**
 * The realtime port of a process among several: events go to this process's screens and,
 * through the primary, to the other processes' (a commitment updated here may be on a
 * meeting's screen owned there). A document's text is put in only by its owner, which holds
 * it open with its writers: a non-owner would write beside the owner's copy, and the owner's
 * next compaction would drop it. Reading needs no owner: the owner stores every update
 * before it relays it.
 */
export function portAmongProcesses(local: RealtimePort, role: ServingRole): RealtimePort {
  return {
    publish(events) {
      local.publish(events);
      if (events.length > 0) toPrimary({ type: "events", events: [...events] });
    },
    readText: local.readText,
    seedText(ref, root, text) {
      if (ownerIndex(ownerKeyOf(ref), role.count) === role.index) return local.seedText(ref, root, text);
      if (local.readText(ref, root).length === 0) toPrimary({ type: "seed", ref, root, text: text() });
    },
  };
}

/**
 * Whether a socket's upgrade belongs to another process: a connection kept alive (by a
 * proxy, say) stays in the process its first request went to, but a document's sockets must
 * all be in its owner, the one process holding it open.
 */
export function upgradeElsewhere(request: IncomingMessage, role: ServingRole): boolean {
  const key = ownerKeyOfPath(request.url ?? "/");
  return key !== null && ownerIndex(key, role.count) !== role.index;
}

/** Gives such a socket back to the primary, with its request as it came, to be handed to the owner. */
export function giveBack(request: IncomingMessage, socket: Duplex, head: Buffer): void {
  stopReading(socket as Socket);
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  const bytes = Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), head]);
  toPrimary({ type: "reroute", head: bytes.toString("latin1") }, socket as Socket);
}

/**
 * Listens where nobody else connects, so that Node tracks the connections handed over and
 * applies its headers and request timeouts to them as to any: a socket file removed as soon
 * as it is listened on, so that nobody can connect to it and a process killed with -9 leaves
 * no file behind.
 */
export function listenPrivately(server: Server): Promise<void> {
  const path = join(tmpdir(), `makon-${process.pid}-${Date.now().toString(36)}.sock`);
  return new Promise((resolve) =>
    server.listen(path, () => {
      unlinkSync(path);
      resolve();
    }),
  );
}

/**
 * Takes the connections the primary hands over (with the bytes it read to route them: the
 * request line at least) and the other processes' events and seeds; tells the primary this
 * process is ready.
 */
export function serveFromPrimary(server: Server, local: RealtimePort, log: (event: string, details: Record<string, unknown>) => void): void {
  process.on("message", (message: ToServing, socket?: Socket) => {
    try {
      if (message.type === "connection") {
        if (!socket) return;
        server.emit("connection", socket);
        socket.emit("data", Buffer.from(message.head, "latin1"));
        socket.resume();
      } else if (message.type === "events") {
        local.publish(message.events);
      } else if (message.type === "seed") {
        local.seedText(message.ref, message.root, () => message.text);
      }
    } catch (error) {
      log("processes.message-failed", { type: message.type, reason: (error as Error).message });
    }
  });
  toPrimary({ type: "ready" });
}
