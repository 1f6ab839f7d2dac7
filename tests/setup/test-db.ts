import { join } from "node:path";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { loadGrants } from "../../app/modules/auth/session.server";
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
  return { userId: user.id, grants: loadGrants(db, user.id) };
}
