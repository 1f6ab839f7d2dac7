import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attendance, people } from "../../db/schema/index";
import type { Actor } from "../../app/modules/auth/roles";
import { attendanceCandidate, attendanceCandidates, matchesSearch, searchAttendanceCandidates } from "../../app/modules/meetings/attendance.server";
import { planMeeting, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { actorByEmail, demoDatabase } from "../setup/test-db";
import { commandSocket } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

const LIMIT = 40;

/** `count` delegates of a space, two to an organisation: a substitute seated first, then a titular. */
async function seatDelegates(db: Db, facilitator: Actor, spaceId: number, count: number, now: number) {
  const personIds: number[] = [];
  let organisationId = 0;
  for (let i = 1; i <= count; i++) {
    if (i % 2 === 1) {
      const k = String((i + 1) / 2).padStart(2, "0");
      const org = registerOrganisation(db, facilitator, spaceId, { name: `Konbit Fanm ${spaceId}-${k}`, acronym: `KF${spaceId}X${k}`, type: "base", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, "2026-01-01", now);
      if (!org.ok) throw new Error(org.code);
      organisationId = org.value.id;
    }
    const person = { name: `${spaceId === 1 ? "Delege" : "Moun Boukan"} ${String(i).padStart(2, "0")} Espas ${spaceId}`, sex: i % 2 ? ("female" as const) : ("male" as const), birthYear: 1960 + i, ageGroup: null, disability: false, preferredLanguage: null };
    const seated = await registerDelegate(db, facilitator, spaceId, person, { organisationId, seat: i % 2 ? "substitute" : "titular", fromDate: "2026-01-01" }, { createAccount: false, accountPassword: "" }, now);
    if (!seated.ok) throw new Error(seated.code);
    personIds.push(seated.value.personId);
  }
  return personIds;
}

describe("the door's candidates, read in SQL", () => {
  let db: Db;
  let close: () => void;
  let facilitator: Actor;
  let meetingId: number;
  let seated: number[];
  const now = Date.now();
  const space = { id: 1, communeCode: "HT0313" };
  const search = (query: string) => searchAttendanceCandidates(db, { spaceId: space.id, communeCode: space.communeCode, meetingId, query, limit: LIMIT, now });
  // What the door offered before: every candidate through listDelegates, filtered in JavaScript.
  const offeredBefore = (query: string) => {
    const present = new Set(db.select({ personId: attendance.personId }).from(attendance).where(eq(attendance.meetingId, meetingId)).all().map((r) => r.personId));
    return attendanceCandidates(db, space, now).filter((c) => !present.has(c.personId) && matchesSearch(c, query));
  };

  beforeAll(async () => {
    ({ db, close } = await demoDatabase());
    facilitator = actorByEmail(db, "animateur@makon.ht");
    seated = await seatDelegates(db, facilitator, space.id, 45, now);
    await seatDelegates(db, actorByEmail(db, "admin@makon.ht"), 2, 3, now);
    const planned = planMeeting(db, facilitator, space.id, { kind: "ordinary", title: "Reyinyon pòt", startsAt: now, endsAt: null, place: "Lekòl", published: false, facilitatorIds: [], authorityIds: [] }, now);
    if (!planned.ok) throw new Error(planned.code);
    meetingId = planned.value.id;
  });
  afterAll(() => close());

  it("offers at most the limit, delegates first, says how many more, and never who is on the list already", () => {
    const all = search("");
    const before = offeredBefore("");
    expect(all.candidates).toHaveLength(LIMIT);
    expect(all.more).toBe(before.length - LIMIT);
    expect(all.candidates.map((c) => c.personId)).toEqual(before.slice(0, LIMIT).map((c) => c.personId));
    expect(all.candidates.map((c) => c.name)).not.toContain("Wilner Saint-Fleur");
    // By organisation, and within one titular delegates before substitutes, as the door listed them.
    expect(all.candidates.slice(0, 5).map((c) => c.name)).toEqual(["Rose-Andrée Louis", "Delege 02 Espas 1", "Delege 01 Espas 1", "Delege 04 Espas 1", "Delege 03 Espas 1"]);
    const first = all.candidates[0]!;
    const recorded = recordAttendance({ db, realtime: offlineRealtimePort(db) }, facilitator, meetingId, attendanceCandidate(db, space.id, first.personId, now)!, now);
    expect(recorded.ok).toBe(true);
    const after = search("");
    expect(after.candidates.map((c) => c.personId)).not.toContain(first.personId);
    expect(after.more).toBe(all.more - 1);
  });

  it("finds a person by every word typed, accents, case and hyphens aside; officials by their title and institution", () => {
    for (const query of ["rose andree", "ROSE-ANDRÉE louis", "delege 07 kf1x04", "konbit kf1x02", "casec limonade", "membre wilner", "moun boukan", "zzz"]) {
      const found = search(query);
      const before = offeredBefore(query);
      expect(new Set(found.candidates.map((c) => `${c.personId} ${c.name} · ${c.organisationName}`)), query).toEqual(new Set(before.map((c) => `${c.personId} ${c.name} · ${c.organisationName}`)));
      expect(found.more, query).toBe(0);
    }
    expect(search("casec limonade").candidates).toEqual([expect.objectContaining({ name: "Wilner Saint-Fleur", organisationName: "Membre du CASEC · CASEC de la 1re section de Limonade" })]);
    expect(search("delege 07 kf1x04").candidates.map((c) => c.name)).toEqual(["Delege 07 Espas 1"]);
    expect(search("konbit kf1x02").candidates.map((c) => c.name)).toEqual(["Delege 04 Espas 1", "Delege 03 Espas 1"]);
    // Another space's delegates are not this door's.
    expect(search("moun boukan").candidates).toEqual([]);
  });

  it("reads one known person as the door records her, and nobody else", () => {
    const byName = (name: string) => db.select({ id: people.id }).from(people).where(eq(people.name, name)).get()!.id;
    const rose = attendanceCandidate(db, space.id, byName("Rose-Andrée Louis"), now);
    const before = attendanceCandidates(db, space, now).find((c) => c.name === "Rose-Andrée Louis")!;
    expect(rose).toEqual({ personId: before.personId, name: before.name, sex: before.sex, ageGroup: before.ageGroup, disability: before.disability, organisationId: before.organisationId, role: "delegate" });
    const second = attendanceCandidates(db, space, now).find((c) => c.personId === seated[1])!;
    expect(attendanceCandidate(db, space.id, seated[1]!, now)).toMatchObject({ role: "delegate", organisationId: second.organisationId, sex: "male", ageGroup: second.ageGroup });
    expect(attendanceCandidate(db, space.id, byName("Wilner Saint-Fleur"), now)).toMatchObject({ role: "official", organisationId: null, name: "Wilner Saint-Fleur" });
    expect(attendanceCandidate(db, space.id, byName("Moun Boukan 01 Espas 2"), now)).toBeNull();
    expect(attendanceCandidate(db, space.id, 999_999, now)).toBeNull();
  });
});

describe("the door's answer to a check-in", () => {
  let server: TestServer;
  let facilitator: string;
  let path: string;
  let meetingId: number;

  beforeAll(async () => {
    server = await startTestServer();
    facilitator = await signInCookie(server.url, "animateur@makon.ht");
    await seatDelegates(server.db, actorByEmail(server.db, "animateur@makon.ht"), 1, 30, Date.now());
    const created = await fetch(`${server.url}/espaces/1/reunions/nouvelle`, {
      method: "POST",
      body: new URLSearchParams({ intent: "meeting", kind: "ordinary", title: "Reyinyon pòt", startsAt: "2026-12-05T09:00", endsAt: "", place: "Lekòl" }),
      headers: { Cookie: facilitator },
      redirect: "manual",
    });
    path = `${created.headers.get("location")!}/presences`;
    meetingId = Number(path.split("/")[4]);
  });
  afterAll(() => server.stop());

  const rows = () => server.db.select({ id: attendance.id, name: attendance.name }).from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.id)).all();
  /** A check-in as the loaded page posts it (its script's data request), and its answer decoded. */
  async function checkIn(form: Record<string, string>) {
    const response = await fetch(`${server.url}${path}.data`, { method: "POST", body: new URLSearchParams(form), headers: { Cookie: facilitator } });
    const body = await response.text();
    const { value, done } = await decode(new Blob([body]).stream());
    await done;
    const answer = (value as { data: { notice: { name: string }; change: { rows: { id: number; name: string }[]; count: number; figures: { people: { total: number } } } } }).data;
    return { status: response.status, bytes: body.length, answer };
  }
  const walkIn = (name: string, since: number) => checkIn({ intent: "walkin", since: String(since), name, sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" });

  it("holds the rows the page lacks, the list's length and the figures, not the page", async () => {
    const page = await (await fetch(`${server.url}${path}.data`, { headers: { Cookie: facilitator } })).text();
    const first = await walkIn("Ana Ulysse", 0);
    expect(first.status).toBe(200);
    expect(first.answer.notice.name).toBe("Ana Ulysse");
    expect(first.answer.change.rows.map((r) => r.name)).toEqual(["Ana Ulysse"]);
    const [ana] = rows();
    const second = await walkIn("Bo Ulysse", ana!.id);
    expect(second.answer.change.rows.map((r) => r.name)).toEqual(["Bo Ulysse"]);
    expect(second.answer.change).toMatchObject({ count: 2, figures: { people: { total: 2 } } });
    // Nothing of the page: no candidates, no other rows; a fraction of what the page weighs.
    expect(JSON.stringify(second.answer)).not.toContain("Delege 01");
    expect(second.bytes).toBeLessThan(page.length / 4);

    // A known person, on a page that last showed Ana: Bo's row comes too (another door's).
    const person = server.db.select({ id: people.id }).from(people).where(eq(people.name, "Delege 01 Espas 1")).get()!;
    const known = await checkIn({ intent: "known", since: String(ana!.id), personId: String(person.id) });
    expect(known.answer.change.rows.map((r) => r.name)).toEqual(["Bo Ulysse", "Delege 01 Espas 1"]);
    expect(known.answer.change.count).toBe(3);

    // A row removed elsewhere: the list's length tells the page it lacks more than new rows.
    server.db.delete(attendance).where(eq(attendance.id, ana!.id)).run();
    const after = await walkIn("Carine Ulysse", rows().at(-1)!.id);
    expect(after.answer.change.rows.map((r) => r.name)).toEqual(["Carine Ulysse"]);
    expect(after.answer.change.count).toBe(3);
  });

  it("goes the same way on the live socket the door's page follows: the same answer; refused to a delegate, to malformed input and for someone already present, recording nothing", async () => {
    const door = await commandSocket(server.url, `meeting:${meetingId}:live`, facilitator);
    const delegate = await commandSocket(server.url, `meeting:${meetingId}:live`, await signInCookie(server.url, "delegue@makon.ht"));
    try {
      const personId = String(server.db.select({ id: people.id }).from(people).where(eq(people.name, "Delege 02 Espas 1")).get()!.id);
      const before = rows().length;
      const since = String(rows().at(-1)?.id ?? 0);
      // A delegate of the space follows the meeting on this socket; she does not check people in,
      // nor learns who could be checked in.
      expect(await delegate.send("check-in", { personId, since })).toEqual({ error: "error.forbidden" });
      expect(await delegate.send("check-in", { personId: "999999", since })).toEqual({ error: "error.forbidden" });
      expect(await door.send("check-in", { personId: "Delege 02", since })).toEqual({ error: "error.invalid" });
      expect(await door.send("check-in", { personId: "999999", since })).toEqual({ error: "error.notFound" });
      expect(rows()).toHaveLength(before);

      const answer = (await door.send("check-in", { personId, since })) as { error: null; value: { name: string; change: { rows: { name: string }[]; count: number } } };
      expect(answer.error).toBeNull();
      expect(answer.value.name).toBe("Delege 02 Espas 1");
      expect(answer.value.change.rows.map((r) => r.name)).toEqual(["Delege 02 Espas 1"]);
      expect(answer.value.change).toMatchObject({ count: before + 1, figures: { people: { total: before + 1 } } });
      // Tapped again at another door: said, and recorded once.
      const otherDoor = await commandSocket(server.url, `meeting:${meetingId}:live`, facilitator);
      // Its answer brings that door her row all the same, as the form's does.
      const again = (await otherDoor.send("check-in", { personId, since })) as { error: string; value: { change: { rows: { name: string }[]; count: number } } };
      expect(again.error).toBe("attendance.error.alreadyPresent");
      expect(again.value.change.rows.map((r) => r.name)).toEqual(["Delege 02 Espas 1"]);
      expect(again.value.change.count).toBe(before + 1);
      otherDoor.close();
      expect(rows()).toHaveLength(before + 1);
    } finally {
      door.close();
      delegate.close();
    }
  });

  it("records a walk-in sent on that socket once under its key, sent again or posted after it; refused to a delegate and for a question unanswered, recording nothing", async () => {
    const door = await commandSocket(server.url, `meeting:${meetingId}:live`, facilitator);
    const delegate = await commandSocket(server.url, `meeting:${meetingId}:live`, await signInCookie(server.url, "delegue@makon.ht"));
    try {
      const before = rows().length;
      const since = String(rows().at(-1)!.id);
      const entry = "a1b2c3d4e5f60718293a4b5c";
      const fields = { since, entry, name: "Dieula Pierre", sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" };
      expect(await delegate.send("walk-in", fields)).toEqual({ error: "error.forbidden" });
      expect(await delegate.send("walk-in", { name: "" })).toEqual({ error: "error.forbidden" });
      // A question left unanswered comes back as the form's error on it.
      const { sex: _sex, ...noSex } = fields;
      expect(await door.send("walk-in", noSex)).toEqual({ error: "error.invalid", value: { errors: { sex: "attendance.error.sexMissing" } } });
      // A key the page would not draw is refused, without field errors to show.
      expect(await door.send("walk-in", { ...fields, entry: "court" })).toEqual({ error: "error.invalid" });
      expect(rows()).toHaveLength(before);

      const answer = (await door.send("walk-in", fields)) as { error: null; value: { name: string; change: { rows: { id: number; name: string }[]; count: number } } };
      expect(answer.error).toBeNull();
      expect(answer.value.name).toBe("Dieula Pierre");
      expect(answer.value.change.rows.map((r) => r.name)).toEqual(["Dieula Pierre"]);
      expect(answer.value.change.count).toBe(before + 1);
      // Its answer lost, the page sends it again: the same row, nothing more recorded...
      const again = (await door.send("walk-in", fields)) as typeof answer;
      expect(again.error).toBeNull();
      expect(again.value.change.rows).toEqual(answer.value.change.rows);
      // ...or posts its form, with the same key: answered as checked in, still one row.
      const posted = await checkIn({ intent: "walkin", ...fields });
      expect(posted.status).toBe(200);
      expect(posted.answer.change.rows.map((r) => r.name)).toEqual(["Dieula Pierre"]);
      expect(rows().filter((r) => r.name === "Dieula Pierre")).toHaveLength(1);
      // Another walk-in, under a key of its own, is another person (the same name: a namesake).
      const next = (await door.send("walk-in", { ...fields, entry: "b1b2c3d4e5f60718293a4b5c" })) as typeof answer;
      expect(next.error).toBeNull();
      expect(rows()).toHaveLength(before + 2);
      // A post with a key no page draws is refused, recording nothing.
      const forged = await fetch(`${server.url}${path}.data`, { method: "POST", body: new URLSearchParams({ intent: "walkin", ...fields, entry: "x'; drop" }), headers: { Cookie: facilitator } });
      expect(forged.status).toBe(400);
      expect(rows()).toHaveLength(before + 2);
    } finally {
      door.close();
      delegate.close();
    }
  });
});
