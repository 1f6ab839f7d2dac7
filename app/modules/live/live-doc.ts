import * as Y from "yjs";
import type { LiveState } from "./live-state";

const NO_LISTS: ReadonlySet<string> = new Set();

/**
 * A projection's part in its document: one map entry per field, and only the fields that
 * changed are written, so moving to the next item sends each phone that item, not the whole
 * state again. A field the projection no longer has is removed. The fields named in `lists`
 * are long lists edited where they changed (`writeList`).
 */
export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>, lists = NO_LISTS): void {
  for (const [key, value] of Object.entries(fields)) {
    if (lists.has(key) && Array.isArray(value)) writeList(map, key, value);
    else if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
  for (const key of [...map.keys()]) if (!(key in fields)) map.delete(key);
}

/**
 * A long list (the console's 200 people present) as an array in the document, edited where it
 * changed: an arrival adds one entry, where setting the list again would send and store all
 * 200 (about 10 KB) at each check-in of a rush. Read back whole by `toJSON`, as a plain array.
 */
function writeList(map: Y.Map<unknown>, key: string, items: readonly unknown[]): void {
  const current = map.get(key);
  // The first write, or a list an older server stored whole.
  if (!(current instanceof Y.Array)) {
    const list = new Y.Array<unknown>();
    list.push([...items]);
    map.set(key, list);
    return;
  }
  const before = current.toArray().map((item) => JSON.stringify(item));
  const after = items.map((item) => JSON.stringify(item));
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (before.length - start - end > 0) current.delete(start, before.length - start - end);
  if (after.length - start - end > 0) current.insert(start, items.slice(start, items.length - end));
}

export function readLiveState(map: Y.Map<unknown>): LiveState | null {
  return map.has("status") ? (map.toJSON() as LiveState) : null;
}
