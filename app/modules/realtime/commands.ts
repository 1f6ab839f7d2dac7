import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * Beside y-websocket's own messages, a client may send a command for the server to validate
 * and apply (the console's actions, a delegate's request to speak), and gets a reply with the
 * same id; both are JSON in a string. The server tells a client when its access changes.
 */
export const MESSAGE_COMMAND = 42;
export const MESSAGE_COMMAND_REPLY = 43;
export const MESSAGE_ACCESS = 44;

/**
 * How the server closes a socket on purpose, beside the WebSocket's own codes: access
 * withdrawn or too many commands (the client stops reconnecting), or the session expired
 * (it tries again, and the upgrade decides).
 */
export const CLOSE_CODES = { accessWithdrawn: 4403, tooManyCommands: 4429, sessionExpired: 4401 } as const;

/** A command names what it is (its kind's command) and carries the same fields as its form. */
export interface SocketCommand {
  name: string;
  input: Record<string, string>;
}

function encode(type: number, value: { id: number; [key: string]: unknown }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(value));
  return encoding.toUint8Array(encoder);
}

export const encodeCommand = (id: number, payload: SocketCommand) => encode(MESSAGE_COMMAND, { id, payload });
export const encodeReply = (id: number, reply: unknown) => encode(MESSAGE_COMMAND_REPLY, { id, reply });

/** Reads what follows the message type; throws on anything that is not a command with an id. */
export function readCommand(decoder: decoding.Decoder): { id: number; payload: unknown } {
  const value = JSON.parse(decoding.readVarString(decoder)) as { id?: unknown; payload?: unknown };
  if (typeof value.id !== "number") throw new Error("command without id");
  return { id: value.id, payload: value.payload };
}

export function readReply(decoder: decoding.Decoder): { id: number; reply: unknown } {
  return JSON.parse(decoding.readVarString(decoder)) as { id: number; reply: unknown };
}

export function encodeAccess(access: "read" | "write"): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_ACCESS);
  encoding.writeVarUint(encoder, access === "write" ? 1 : 0);
  return encoding.toUint8Array(encoder);
}

export const readAccess = (decoder: decoding.Decoder): "read" | "write" => (decoding.readVarUint(decoder) === 1 ? "write" : "read");
