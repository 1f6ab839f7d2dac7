/**
 * Haitian phone numbers to E.164 (+509 and 8 digits). Numbers of other countries must be
 * written with their "+" prefix. Returns null when the text is not a phone number.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, "");
  if (/^\+\d{8,15}$/.test(compact)) return compact;
  if (/^00\d{8,15}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^509\d{8}$/.test(compact)) return `+${compact}`;
  if (/^\d{8}$/.test(compact)) return `+509${compact}`;
  return null;
}

/** An identifier typed at sign-in is an e-mail address when it has an "@". */
export function parseIdentifier(input: string): { kind: "email"; value: string } | { kind: "phone"; value: string } | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) return { kind: "email", value: trimmed.toLowerCase() };
  const phone = normalizePhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}
