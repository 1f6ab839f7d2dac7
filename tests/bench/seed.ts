import { eq } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { people } from "../../db/schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import { createLucia, startSession } from "../../app/modules/auth/session.server";
import { changeMeetingStatus, addAgendaItem, planMeeting, recordAttendance, type MeetingInput } from "../../app/modules/meetings/meetings.server";
import { attendanceCandidates } from "../../app/modules/meetings/attendance.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { insertAccount } from "../../app/modules/users/users.server";
import { actorByEmail } from "../setup/test-db";
import { offlineRealtimePort } from "../../server/realtime/offline-port";

export interface BenchSeed {
  meetingId: number;
  agendaItemIds: number[];
  burstMeetingId: number;
  facilitatorCookie: string;
  phoneCookies: string[];
  /** Meetings whose live documents the memory part opens and closes. */
  spareMeetingIds: number[];
}

const SPACE_ID = 1;

function meeting(title: string, now: number): MeetingInput {
  return { kind: "ordinary", title, startsAt: now, endsAt: null, place: "Lekòl nasyonal", published: false, facilitatorIds: [], authorityIds: [] };
}

/**
 * A fresh database as the product makes it (migrations, geography, demo), with a space of
 * N delegates (each with an account and a session, as phones have), a live meeting where
 * all are checked in, a second meeting for the check-in burst, and spare meetings.
 */
export async function seedBench(path: string, delegates: number, spareMeetings: number): Promise<BenchSeed> {
  const db = openDatabase(path);
  const now = Date.now();
  loadGeography(db, now);
  await seedDemo(db, now);
  const auth = createLucia(db, { secureCookies: false });
  const facilitator = actorByEmail(db, "animateur@makon.ht");
  const cookie = async (userId: string) => (await startSession(auth, userId)).split(";")[0]!;

  const phoneCookies: string[] = [];
  for (let i = 0; i < delegates; i += 2) {
    const org = registerOrganisation(db, facilitator, SPACE_ID, { name: `Òganizasyon ${i / 2 + 1}`, type: "base", legallyRecognised: false, ledByWoman: i % 4 === 0, ledByYouth: false }, "2026-01-01", now);
    if (!org.ok) throw new Error(org.code);
    for (const seat of ["titular", "substitute"] as const) {
      const n = phoneCookies.length;
      if (n >= delegates) break;
      const person = { name: `Delege ${n + 1}`, sex: n % 2 ? ("male" as const) : ("female" as const), birthYear: 1960 + (n % 45), ageGroup: null, disability: false, preferredLanguage: null };
      const seated = await registerDelegate(db, facilitator, SPACE_ID, person, { organisationId: org.value.id, seat, fromDate: "2026-01-01" }, { createAccount: false, accountPassword: "" }, now);
      if (!seated.ok) throw new Error(seated.code);
      // Phones sign in with a session, as after a sign-in; no password is needed for that.
      const userId = db.transaction((tx) => {
        const id = insertAccount(tx, { name: person.name, email: `delege${n + 1}@bench.makon.ht`, phone: null, locale: null, passwordHash: UNUSABLE_HASH, role: "delegate", spaceId: SPACE_ID, actorId: null, now });
        if (!id) throw new Error("bench account e-mail already used");
        tx.update(people).set({ userId: id }).where(eq(people.id, seated.value.personId)).run();
        return id;
      });
      phoneCookies.push(await cookie(userId));
    }
  }

  const deps = { db, realtime: offlineRealtimePort(db) };
  const planned = planMeeting(db, facilitator, SPACE_ID, meeting("Reyinyon jeneral", now), now);
  if (!planned.ok) throw new Error(planned.code);
  const meetingId = planned.value.id;
  const agendaItemIds = ["Nouvèl", "Dlo potab", "Lekòl"].map((title) => {
    const item = addAgendaItem(deps, facilitator, meetingId, { kind: "discussion", title, plannedMinutes: 30 }, now);
    if (!item.ok) throw new Error(item.code);
    return item.value.id;
  });
  for (const candidate of attendanceCandidates(db, { id: SPACE_ID, communeCode: "HT0313" }, now)) {
    const recorded = recordAttendance(deps, facilitator, meetingId, candidate, now);
    if (!recorded.ok) throw new Error(recorded.code);
  }
  const started = changeMeetingStatus(deps, facilitator, meetingId, "start", { now });
  if (!started.ok) throw new Error(started.code);

  const burst = planMeeting(db, facilitator, SPACE_ID, meeting("Reyinyon pòt la", now), now);
  if (!burst.ok) throw new Error(burst.code);
  const spareMeetingIds: number[] = [];
  for (let i = 0; i < spareMeetings; i++) {
    const spare = planMeeting(db, facilitator, SPACE_ID, meeting(`Reyinyon ${i}`, now), now);
    if (!spare.ok) throw new Error(spare.code);
    spareMeetingIds.push(spare.value.id);
  }
  const facilitatorCookie = await cookie(facilitator.userId);
  db.$client.close();
  return { meetingId, agendaItemIds, burstMeetingId: burst.value.id, facilitatorCookie, phoneCookies, spareMeetingIds };
}
