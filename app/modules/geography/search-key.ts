/**
 * The form of a place name used for searching: lower case, no accents, and hyphens,
 * apostrophes and repeated spaces folded, so that "cap haitien" finds "Cap-Haïtien".
 */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[-'’‘`.,()/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The search key of a name and its other spellings, joined so one LIKE finds any of them. */
export function searchKeyWithAliases(name: string, aliases: readonly string[]): string {
  return [name, ...aliases].map(searchKey).join("|");
}
