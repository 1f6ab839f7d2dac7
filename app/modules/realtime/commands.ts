import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * Beside y-websocket's own messages, a client may send an action for the server to validate
 * and apply (the console's), and gets a reply with the same id. Both are JSON in a string.
 */
export const MESSAGE_COMMAND = 42;
export const MESSAGE_COMMAND_REPLY = 43;

function encode(type: number, value: { id: number; [key: string]: unknown }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, JSON.stringify(value));
  return encoding.toUint8Array(encoder);
}

export const encodeCommand = (id: number, payload: unknown) => encode(MESSAGE_COMMAND, { id, payload });
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
