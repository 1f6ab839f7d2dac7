import * as Y from "yjs";

/**
 * Whether an update touches only the root types a document kind declares. A new item names
 * its root type only when it has no neighbour to take it from, so every root an update
 * creates content in is named here; content next to existing items stays in their root.
 */
export function touchesOnlyRoots(update: Uint8Array, roots: readonly string[]): boolean {
  const { structs } = Y.decodeUpdate(update);
  return structs.every((struct) => !(struct instanceof Y.Item) || typeof struct.parent !== "string" || roots.includes(struct.parent));
}
