/**
 * The shared screen's link, as a facilitator reads it aloud or types it on the projector's
 * laptop: the token cut into groups of four. The screen's page takes the token with or
 * without the spaces between groups.
 */
export function tokenGroups(token: string, size = 4): string[] {
  const groups: string[] = [];
  for (let i = 0; i < token.length; i += size) groups.push(token.slice(i, i + size));
  return groups;
}

/** A screen token as typed: spaces (and their %20) between groups are dropped. */
export function typedScreenToken(typed: string): string {
  return typed.replace(/\s+/g, "");
}
