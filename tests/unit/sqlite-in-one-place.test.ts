import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../setup/root";

/** What only `db/client.ts` may use: a move to PostgreSQL then changes it, the schema and the migrations (docs/scaling.md). */
const SQLITE_ONLY = [/from "better-sqlite3"/, /drizzle-orm\/(sqlite-core|better-sqlite3)/, /\$client\b/, /\bpragma\(/, /\browid\b/, /json_extract|instr\(/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("SQLite-only code", () => {
  it("is in db/client.ts, the schema and the migrations, nowhere else in the app, the server or the scripts", () => {
    const files = [...sources(join(ROOT, "app")), ...sources(join(ROOT, "server")), ...sources(join(ROOT, "scripts")), ...sources(join(ROOT, "db/seed"))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return SQLITE_ONLY.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(ROOT, file)}: ${pattern.source}`);
    });
    expect(found).toEqual([]);
  });
});
