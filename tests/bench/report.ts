/** One figure of the benchmark, with the reference server's where there is one, and its target. */
export interface Row {
  part: string;
  n?: number;
  metric: string;
  ours: number | boolean;
  reference?: number;
  /** max: ours at most this; ratio: ours / reference at most this; equals: exactly this. */
  target?: { max?: number; ratio?: number; equals?: number | boolean };
}

export function met(row: Row): boolean | null {
  const t = row.target;
  if (!t) return null;
  if (t.equals !== undefined) return row.ours === t.equals;
  if (typeof row.ours !== "number") return null;
  if (t.max !== undefined) return row.ours <= t.max;
  if (t.ratio !== undefined && row.reference) return row.ours / row.reference <= t.ratio;
  return null;
}

const show = (v: number | boolean | undefined) => (v === undefined ? "" : typeof v === "boolean" ? (v ? "yes" : "no") : Number.isInteger(v) ? String(v) : v.toFixed(1));

function targetText(row: Row): string {
  const t = row.target;
  if (!t) return "";
  if (t.equals !== undefined) return `= ${show(t.equals)}`;
  if (t.max !== undefined) return `≤ ${t.max}`;
  return `ratio ≤ ${t.ratio}`;
}

export function report(rows: readonly Row[]): string {
  const header = ["part", "N", "figure", "ours", "reference", "ratio", "target", "met"];
  const lines = rows.map((r) => {
    const ratio = typeof r.ours === "number" && r.reference ? (r.ours / r.reference).toFixed(2) : "";
    const ok = met(r);
    return [r.part, r.n === undefined ? "" : String(r.n), r.metric, show(r.ours), show(r.reference), ratio, targetText(r), ok === null ? "" : ok ? "met" : "MISSED"];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}
