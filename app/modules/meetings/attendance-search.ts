import { searchKey } from "../geography/search-key";

/**
 * Whether a candidate answers the door's search: every word typed is found in their name,
 * their organisation's acronym or name (or, for an official, title and institution), accents,
 * case and hyphens aside ("nadege kofal" finds "Nadège Étienne" of KOFAL).
 */
export function matchesSearch(candidate: { searchKey: string }, query: string): boolean {
  const words = searchKey(query).split(" ").filter(Boolean);
  return words.every((word) => candidate.searchKey.includes(word));
}
