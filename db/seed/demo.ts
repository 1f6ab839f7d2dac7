import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { spaces, users } from "../schema/index";
import { createAccount } from "../../app/modules/users/users.server";
import type { Role } from "../../app/modules/auth/roles";

export const DEMO_PASSWORD = "makon-demo-2026";

interface DemoAccount {
  name: string;
  email: string;
  phone: string;
  role: Role;
  space: string | null;
  what: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { name: "Marie-Carmel Joseph", email: "admin@makon.ht", phone: "+50937000001", role: "admin", space: null, what: "administrator" },
  { name: "Jean-Robert Pierre", email: "animateur@makon.ht", phone: "+50937000002", role: "facilitator", space: "Makòn Limonade", what: "facilitator" },
  { name: "Rose-Andrée Louis", email: "delegue@makon.ht", phone: "+50937000003", role: "delegate", space: "Makòn Limonade", what: "delegate" },
  { name: "Wilner Saint-Fleur", email: "casec@makon.ht", phone: "+50937000004", role: "official", space: "Makòn Limonade", what: "CASEC member" },
];

const DEMO_SPACES = [
  {
    name: "Makòn Limonade",
    level: "commune" as const,
    communeCode: "HT0313",
    sectionCode: null,
    setting: "rural" as const,
    description: "Espace de concertation des organisations de la commune de Limonade.",
  },
  {
    name: "Makòn Petite-Anse",
    level: "section" as const,
    communeCode: "HT0311",
    sectionCode: "HT0311-03",
    setting: "urban" as const,
    description: "Organisations des quartiers de Petite-Anse, 3e section du Cap-Haïtien.",
  },
  {
    name: "Makòn Boucan Richard",
    level: "section" as const,
    communeCode: "HT0521",
    sectionCode: "HT0521-01",
    setting: "rural" as const,
    description: "Groupements paysans, MUSO et associations de jeunes de la 1re section de Gros-Morne.",
  },
];

/** Seeds the demo into an empty database only; returns whether it did. */
export async function seedDemo(db: Db, now: number): Promise<boolean> {
  const existing = db.select({ n: count() }).from(users).get()!.n + db.select({ n: count() }).from(spaces).get()!.n;
  if (existing > 0) return false;
  const spaceIds = new Map<string, number>();
  db.transaction((tx) => {
    for (const space of DEMO_SPACES) {
      const row = tx.insert(spaces).values({ ...space, status: "active", createdAt: now }).returning({ id: spaces.id }).get();
      spaceIds.set(space.name, row.id);
    }
  });
  for (const account of DEMO_ACCOUNTS) {
    const result = await createAccount(
      db,
      null,
      {
        name: account.name,
        email: account.email,
        phone: account.phone,
        password: DEMO_PASSWORD,
        role: account.role,
        spaceId: account.space ? spaceIds.get(account.space) : undefined,
      },
      now,
      { bootstrap: true },
    );
    if (!result.ok) throw new Error(`demo account ${account.email}: ${result.code}`);
  }
  return true;
}

/** The demo accounts still present, to print on start. */
export function presentDemoAccounts(db: Db): DemoAccount[] {
  return DEMO_ACCOUNTS.filter((a) => db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).get());
}
