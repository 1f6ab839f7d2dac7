import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { spaces, users } from "../schema/index";
import { createAccount } from "../../app/modules/users/users.server";
import type { Role } from "../../app/modules/auth/roles";
import { loadActor } from "../../app/modules/auth/session.server";
import { registerAuthority, registerOfficial } from "../../app/modules/authorities/authorities.server";
import { localDate } from "../../app/modules/dates";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { linkAccount, registerDelegate } from "../../app/modules/people/people.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";

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
  await seatDemoPeople(db, spaceIds.get("Makòn Limonade")!, now);
  return true;
}

/** The names the demo puts in Makòn Limonade's register (tests set them aside). */
export const DEMO_REGISTER_NAMES = ["Association des producteurs de lait de Limonade", "Rose-Andrée Louis", "CASEC de la 1re section de Limonade", "Wilner Saint-Fleur"] as const;

const must = <T,>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!result.ok) throw new Error(`demo ${what}: ${result.code}`);
  return result.value;
};

/**
 * The demo delegate and CASEC accounts act as people of Makòn Limonade's register: a titular
 * delegate of APWOLIM (the milk producers of Limonade, a real partner; the people are
 * fictitious) and a member of the CASEC of the 1st section. So each can do their role's job.
 */
async function seatDemoPeople(db: Db, spaceId: number, now: number): Promise<void> {
  const admin = loadActor(db, db.select({ id: users.id }).from(users).where(eq(users.email, "admin@makon.ht")).get()!.id);
  const deps = { db, realtime: offlineRealtimePort(db) };
  const since = `${localDate(now).slice(0, 4)}-01-01`;
  const apwolim = must(
    registerOrganisation(db, admin, spaceId, { name: "Association des producteurs de lait de Limonade", acronym: "APWOLIM", type: "cooperative", legallyRecognised: true, ledByWoman: false, ledByYouth: false }, since, now),
    "organisation",
  );
  const rose = must(
    await registerDelegate(
      db,
      admin,
      spaceId,
      { name: "Rose-Andrée Louis", sex: "female", birthYear: 1990, ageGroup: null, disability: false, preferredLanguage: "ht", namedPublicly: true },
      { organisationId: apwolim.id, seat: "titular", fromDate: since },
      { createAccount: false, accountPassword: "" },
      now,
    ),
    "delegate",
  );
  must(linkAccount(deps, admin, spaceId, rose.personId, { identifier: "delegue@makon.ht" }, now), "delegate's account");
  const casec = must(registerAuthority(db, admin, spaceId, { kind: "casec", name: "CASEC de la 1re section de Limonade", sectionCode: "HT0313-01" }, now), "authority");
  const wilner = must(
    await registerOfficial(
      db,
      admin,
      spaceId,
      { name: "Wilner Saint-Fleur", sex: "male", birthYear: 1975, ageGroup: null, disability: false, preferredLanguage: "fr", namedPublicly: true },
      { authorityId: casec.id, title: "Membre du CASEC", mandateStart: "2023-01-01" },
      { createAccount: false, accountPassword: "" },
      now,
    ),
    "official",
  );
  must(linkAccount(deps, admin, spaceId, wilner.personId, { identifier: "casec@makon.ht" }, now), "official's account");
}

/** The demo accounts still present, to print on start. */
export function presentDemoAccounts(db: Db): DemoAccount[] {
  return DEMO_ACCOUNTS.filter((a) => db.select({ id: users.id }).from(users).where(eq(users.email, a.email)).get());
}
