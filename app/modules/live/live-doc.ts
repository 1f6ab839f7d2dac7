import type * as Y from "yjs";
import type { LiveState } from "./live-state";

/**
 * A projection's part in its document: one map entry per field, and only the fields that
 * changed are written, so moving to the next item sends each phone that item, not the whole
 * state again. A field the projection no longer has is removed.
 */
export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
  for (const key of [...map.keys()]) if (!(key in fields)) map.delete(key);
}

export function readLiveState(map: Y.Map<unknown>): LiveState | null {
  return map.has("status") ? (map.toJSON() as LiveState) : null;
}
