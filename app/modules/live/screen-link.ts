/**
 * The shared screen's link, as a facilitator reads it aloud or types it on the projector's
 * laptop: twelve lower-case letters and digits without the look-alikes (0/o, 1/l/i), shown
 * in three groups of four. About 59 bits: the link opens only what the room already sees,
 * and nobody can guess it, while it stays short enough to type from across the room.
 */
export const SCREEN_TOKEN_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export const SCREEN_TOKEN_LENGTH = 12;

/**
 * A token from random bytes: a byte maps to a letter only below the largest multiple of the
 * alphabet's size, so no letter is likelier than another; the rest are skipped. Null when the
 * bytes ran out first (the caller draws more).
 */
export function screenTokenFrom(bytes: Uint8Array): string | null {
  const size = SCREEN_TOKEN_ALPHABET.length;
  const limit = 256 - (256 % size);
  let token = "";
  for (const byte of bytes) {
    if (byte >= limit) continue;
    token += SCREEN_TOKEN_ALPHABET[byte % size];
    if (token.length === SCREEN_TOKEN_LENGTH) return token;
  }
  return null;
}

export function tokenGroups(token: string, size = 4): string[] {
  const groups: string[] = [];
  for (let i = 0; i < token.length; i += size) groups.push(token.slice(i, i + size));
  return groups;
}

const TYPED_TOKEN = new RegExp(`^[${SCREEN_TOKEN_ALPHABET}]{${SCREEN_TOKEN_LENGTH}}$`, "i");

/**
 * A screen token as typed: the spaces or dashes between groups are dropped and capitals are
 * read as the lower-case letters the link is made of. Links made before tokens were short
 * (22 characters of mixed case) are left as they are.
 */
export function typedScreenToken(typed: string): string {
  const token = typed.replace(/\s+/g, "");
  // Dashes only between a short token's groups: an older token may hold one of its own.
  const grouped = token.replace(/-/g, "");
  return TYPED_TOKEN.test(grouped) ? grouped.toLowerCase() : token;
}
