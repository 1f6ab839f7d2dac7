import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { people } from "../../db/schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import { createLucia, loadActor, startSession } from "../../app/modules/auth/session.server";
import { changeMeetingStatus, addAgendaItem, planMeeting, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { attendanceCandidates } from "../../app/modules/meetings/attendance.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { insertAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { offlineRealtimePort } from "../../server/realtime/offline-port";

/** A delegate's phone: her session, and who she is in the register (the door checks her in by it). */
export interface NationalPhone {
  cookie: string;
  personId: number;
  /** Checked in during the day (by the door or from her phone), or already present when it starts. */
  arrival: "door" | "self" | "before";
}

export interface NationalMeeting {
  spaceId: number;
  meetingId: number;
  agendaItemIds: number[];
  facilitatorCookie: string;
  phones: NationalPhone[];
  /** The last row of the meeting's list when the day starts: what its door's page shows last. */
  lastRowId: number;
}

/** Seats per organisation: a space of 50 member organisations with four titular delegates each, one vote per delegate present. */
const SEATS = 4;

/**
 * A national programme's Saturday: `meetings` commune spaces (communes of the reference
 * geography), each with its own facilitator and `phones` delegates (each with an account and
 * a session, as a signed-in phone has), and one live meeting with three agenda items. Of each
 * meeting's delegates, `rush` arrive during the day — every other one at the door, the rest
 * from their phones — and the others are already checked in when it starts.
 */
export async function seedNational(path: string, input: { meetings: number; phones: number; rush: number }): Promise<NationalMeeting[]> {
  const db = openDatabase(path);
  const now = Date.now();
  loadGeography(db, now);
  await seedDemo(db, now);
  const auth = createLucia(db, { secureCookies: false });
  const cookie = async (userId: string) => (await startSession(auth, userId)).split(";")[0]!;
  const admin = actorByEmail(db, "admin@makon.ht");
  const used = new Set(db.$client.prepare("select commune_code from spaces").pluck().all() as string[]);
  const communes = (db.$client.prepare("select code, name from communes order by code").all() as { code: string; name: string }[]).filter((c) => !used.has(c.code)).slice(0, input.meetings);
  if (communes.length < input.meetings) throw new Error(`national seed: only ${communes.length} communes free`);
  const deps = { db, realtime: offlineRealtimePort(db) };
  const result: NationalMeeting[] = [];
  for (const [m, commune] of communes.entries()) {
    const space = createSpace(db, admin, { name: `Makòn ${commune.name}`, level: "commune", communeCode: commune.code, setting: "rural", status: "active", votingBase: "delegate", quorumPercent: 50, majorityRule: "simple", titularSeats: SEATS, substituteSeats: 0 }, now);
    if (!space.ok) throw new Error(space.code);
    const spaceId = space.value.id;
    const facilitatorId = account(db, { name: `Animatè ${m + 1}`, email: `animate${m + 1}@bench.makon.ht`, role: "facilitator", spaceId, now });
    const facilitator = loadActor(db, facilitatorId);
    const phones: NationalPhone[] = [];
    for (let o = 0; phones.length < input.phones; o++) {
      const org = registerOrganisation(db, facilitator, spaceId, { name: `Òganizasyon ${o + 1}`, type: "base", legallyRecognised: false, ledByWoman: o % 2 === 0, ledByYouth: false }, "2026-01-01", now);
      if (!org.ok) throw new Error(org.code);
      for (let s = 0; s < SEATS && phones.length < input.phones; s++) {
        const n = phones.length;
        const person = { name: `Delege ${m + 1}-${n + 1}`, sex: n % 2 ? ("male" as const) : ("female" as const), birthYear: 1960 + (n % 45), ageGroup: null, disability: false, preferredLanguage: null };
        const seated = await registerDelegate(db, facilitator, spaceId, person, { organisationId: org.value.id, seat: "titular", fromDate: "2026-01-01" }, { createAccount: false, accountPassword: "" }, now);
        if (!seated.ok) throw new Error(seated.code);
        // Phones sign in with a session, as after a sign-in; no password is needed for that.
        const userId = account(db, { name: person.name, email: `delege${m + 1}-${n + 1}@bench.makon.ht`, role: "delegate", spaceId, now });
        db.update(people).set({ userId }).where(eq(people.id, seated.value.personId)).run();
        phones.push({ cookie: await cookie(userId), personId: seated.value.personId, arrival: n < input.rush ? (n % 2 ? "self" : "door") : "before" });
      }
    }
    const planned = planMeeting(db, facilitator, spaceId, { kind: "ordinary", title: `Asanble ${commune.name}`, startsAt: now, endsAt: null, place: "Lekòl nasyonal", published: false, facilitatorIds: [], authorityIds: [] }, now);
    if (!planned.ok) throw new Error(planned.code);
    const meetingId = planned.value.id;
    const agendaItemIds = ["Nouvèl", "Dlo potab", "Lekòl"].map((title) => {
      const item = addAgendaItem(deps, facilitator, meetingId, { kind: "discussion", title, plannedMinutes: 30 }, now);
      if (!item.ok) throw new Error(item.code);
      return item.value.id;
    });
    const before = new Set(phones.filter((p) => p.arrival === "before").map((p) => p.personId));
    let lastRowId = 0;
    for (const candidate of attendanceCandidates(db, { id: spaceId, communeCode: commune.code }, now).filter((c) => c.personId !== null && before.has(c.personId))) {
      const recorded = recordAttendance(deps, facilitator, meetingId, candidate, now);
      if (!recorded.ok) throw new Error(recorded.code);
      lastRowId = Math.max(lastRowId, recorded.value.id);
    }
    const started = changeMeetingStatus(deps, facilitator, meetingId, "start", { now });
    if (!started.ok) throw new Error(started.code);
    result.push({ spaceId, meetingId, agendaItemIds, facilitatorCookie: await cookie(facilitatorId), phones, lastRowId });
  }
  db.$client.close();
  return result;
}

function account(db: Db, input: { name: string; email: string; role: "facilitator" | "delegate"; spaceId: number; now: number }): string {
  return db.transaction((tx) => {
    const id = insertAccount(tx, { ...input, phone: null, locale: null, passwordHash: UNUSABLE_HASH, actorId: null });
    if (!id) throw new Error(`bench account ${input.email} already used`);
    return id;
  });
}
