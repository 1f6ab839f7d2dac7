import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { people } from "../../db/schema/index";
import { UNUSABLE_HASH } from "../../app/modules/auth/password.server";
import type { Actor } from "../../app/modules/auth/roles";
import { createLucia, startSession } from "../../app/modules/auth/session.server";
import { changeMeetingStatus, addAgendaItem, planMeeting, recordAttendance, type MeetingInput } from "../../app/modules/meetings/meetings.server";
import { attendanceCandidates } from "../../app/modules/meetings/attendance.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { openPoll } from "../../app/modules/polls/polls.server";
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

/**
 * N delegates of the space, each with an account and a session as a signed-in phone has,
 * seated for organisations of as many seats each as `seats` lists.
 */
async function seatPhones(db: Db, facilitator: Actor, delegates: number, seats: readonly ("titular" | "substitute")[], now: number, cookie: (userId: string) => Promise<string>) {
  const phoneCookies: string[] = [];
  const personIds: number[] = [];
  for (let i = 0; phoneCookies.length < delegates; i++) {
    const org = registerOrganisation(db, facilitator, SPACE_ID, { name: `Òganizasyon ${i + 1}`, type: "base", legallyRecognised: false, ledByWoman: i % 2 === 0, ledByYouth: false }, "2026-01-01", now);
    if (!org.ok) throw new Error(org.code);
    for (const seat of seats) {
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
      personIds.push(seated.value.personId);
    }
  }
  return { phoneCookies, personIds };
}

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
  const { phoneCookies } = await seatPhones(db, facilitator, delegates, ["titular", "substitute"], now, cookie);

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

export interface VoteSeed {
  meetingId: number;
  pollId: number;
  phoneCookies: string[];
  /** The shared screen's link secret, as the screen's socket carries it. */
  screenToken: string;
}

/**
 * The vote burst's database: N organisations of one titular delegate each (one vote per
 * organisation present, the space's rule), every delegate checked in at a live meeting, and
 * a secret poll opened by the facilitator's command, as the console opens it.
 */
export async function seedVote(path: string, phones: number): Promise<VoteSeed> {
  const db = openDatabase(path);
  const now = Date.now();
  loadGeography(db, now);
  await seedDemo(db, now);
  const auth = createLucia(db, { secureCookies: false });
  const facilitator = actorByEmail(db, "animateur@makon.ht");
  const cookie = async (userId: string) => (await startSession(auth, userId)).split(";")[0]!;
  const { phoneCookies, personIds } = await seatPhones(db, facilitator, phones, ["titular"], now, cookie);

  const deps = { db, realtime: offlineRealtimePort(db) };
  const planned = planMeeting(db, facilitator, SPACE_ID, meeting("Reyinyon vòt", now), now);
  if (!planned.ok) throw new Error(planned.code);
  const meetingId = planned.value.id;
  // Only the bench's delegates: the demo's own (APWOLIM's) would make N + 1 eligible.
  const ours = new Set(personIds);
  for (const candidate of attendanceCandidates(db, { id: SPACE_ID, communeCode: "HT0313" }, now).filter((c) => c.personId !== null && ours.has(c.personId))) {
    const recorded = recordAttendance(deps, facilitator, meetingId, candidate, now);
    if (!recorded.ok) throw new Error(recorded.code);
  }
  const started = changeMeetingStatus(deps, facilitator, meetingId, "start", { now });
  if (!started.ok) throw new Error(started.code);
  const poll = openPoll(deps, facilitator, meetingId, { question: "Èske n dakò pou n repare kaptaj sous Roucou a?", motionId: null, method: "secret", rules: null, countdownMinutes: null }, now);
  if (!poll.ok) throw new Error(poll.code);
  const eligible = db.$client.prepare("select eligible from polls where id = ?").pluck().get(poll.value.id);
  if (eligible !== phones) throw new Error(`vote seed: ${String(eligible)} eligible, not ${phones}`);
  const screenToken = db.$client.prepare("select screen_token from meeting_sessions where meeting_id = ?").pluck().get(meetingId) as string;
  db.$client.close();
  return { meetingId, pollId: poll.value.id, phoneCookies, screenToken };
}
