import type * as Y from "yjs";
import type { LiveState } from "./live-state";

/**
 * The live state in the meeting's document: one map entry per field, and only the fields
 * that changed are written, so moving to the next item sends each phone that item, not the
 * whole state again.
 */
export function writeLiveState(map: Y.Map<unknown>, state: LiveState): void {
  for (const [key, value] of Object.entries(state)) {
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
}

export function readLiveState(map: Y.Map<unknown>): LiveState | null {
  return map.has("status") ? (map.toJSON() as LiveState) : null;
}
