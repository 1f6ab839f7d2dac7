import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { RealtimePort } from "../../app/modules/realtime/port";
import { ownerIndex, ownerKeyOf } from "./owners";
import type { ToPrimary, ToServing } from "./primary";

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

const toPrimary = (message: ToPrimary): void => void process.send!(message);

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
 * Takes the connections the primary hands over (with the bytes it read to route them: the
 * request line at least) and the other processes' events and seeds; tells the primary this
 * process is ready.
 */
export function serveFromPrimary(server: Server, local: RealtimePort): void {
  process.on("message", (message: ToServing, socket?: Socket) => {
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
  });
  toPrimary({ type: "ready" });
}
