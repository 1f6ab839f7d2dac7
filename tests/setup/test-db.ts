import { join } from "node:path";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { DEMO_REGISTER_NAMES, seedDemo } from "../../db/seed/demo";
import { loadActor } from "../../app/modules/auth/session.server";
import type { Actor } from "../../app/modules/auth/roles";
import { users } from "../../db/schema/index";
import { eq } from "drizzle-orm";
import { tempDir } from "./temp-dir";

/** A real SQLite file in a temp folder, migrated, with Haiti's geography and the demo. */
export async function demoDatabase(): Promise<{ db: Db; path: string; close: () => void }> {
  const dir = tempDir();
  const path = join(dir.path, "makon.db");
  const db = openDatabase(path);
  loadGeography(db, Date.now());
  await seedDemo(db, Date.now());
  return {
    db,
    path,
    close: () => {
      db.$client.close();
      dir.remove();
    },
  };
}

export function actorByEmail(db: Db, email: string): Actor {
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  return loadActor(db, user.id);
}

/** Rows a test made, without what the demo seeds in the same space. */
export const notDemo = <T extends { name: string }>(rows: readonly T[]): T[] => rows.filter((r) => !(DEMO_REGISTER_NAMES as readonly string[]).includes(r.name));
