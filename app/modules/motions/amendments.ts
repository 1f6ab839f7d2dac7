/**
 * An amendment replaces one paragraph of a motion's text. Paragraphs are the Markdown's
 * blocks, separated by blank lines. An amendment keeps the paragraph it was written against,
 * so if an earlier adopted amendment changed that paragraph it no longer applies as written.
 */

export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export type AmendRefusal = "no_such_paragraph" | "paragraph_changed" | "unchanged";

/** The motion's next text with the amendment applied, or why it cannot be. */
export function applyAmendment(
  text: string,
  amendment: { paragraph: number; original: string; replacement: string },
): { ok: true; text: string } | { ok: false; code: AmendRefusal } {
  const blocks = paragraphs(text);
  const current = blocks[amendment.paragraph];
  if (current === undefined) return { ok: false, code: "no_such_paragraph" };
  if (current !== amendment.original.trim()) return { ok: false, code: "paragraph_changed" };
  const replacement = paragraphs(amendment.replacement).join("\n\n");
  if (replacement === current) return { ok: false, code: "unchanged" };
  // An empty replacement deletes the paragraph.
  const next = [...blocks.slice(0, amendment.paragraph), ...(replacement === "" ? [] : [replacement]), ...blocks.slice(amendment.paragraph + 1)];
  return { ok: true, text: next.join("\n\n") };
}

export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

/**
 * Before and after, word by word (a longest common subsequence of words), for the clear
 * before/after an amendment shows. Paragraphs are short: the quadratic table stays small,
 * and past a bound the change is shown whole rather than computed.
 */
export function wordDiff(before: string, after: string, maxCells = 250_000): DiffPart[] {
  const a = before.split(/(\s+)/).filter((w) => w !== "");
  const b = after.split(/(\s+)/).filter((w) => w !== "");
  if (a.length * b.length > maxCells) return merge([...(before ? [{ kind: "removed" as const, text: before }] : []), ...(after ? [{ kind: "added" as const, text: after }] : [])]);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) parts.push({ kind: "removed", text: a[i++]! });
    else parts.push({ kind: "added", text: b[j++]! });
  }
  while (i < a.length) parts.push({ kind: "removed", text: a[i++]! });
  while (j < b.length) parts.push({ kind: "added", text: b[j++]! });
  return merge(parts);
}

/** Neighbouring parts of one kind joined, so the page marks whole phrases. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
