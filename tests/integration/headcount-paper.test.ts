import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attendance, auditLog, speakingTurns } from "../../db/schema/index";
import { runConsoleAction } from "../../app/modules/live/live.server";
import type { Deps } from "../../app/modules/deps.server";
import type { DomainEvent } from "../../app/modules/realtime/port";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { changeMeetingStatus, planMeeting, type MeetingInput } from "../../app/modules/meetings/meetings.server";
import { meetingFigures } from "../../app/modules/meetings/attendance.server";
import { getHeadcount, tapHeadcount, undoHeadcount } from "../../app/modules/meetings/headcount.server";
import { enterPaperSheet, getPaperSheet } from "../../app/modules/meetings/paper.server";
import { checkInSelf, getSelfCheckIn } from "../../app/modules/meetings/self-check-in.server";
import { lineField, rawLinesOf, type RawLine } from "../../app/modules/meetings/paper-sheet";
import { paperMessage } from "../../app/modules/meetings/door-codes";
import { translate } from "../../app/modules/i18n/catalog.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { actorByEmail, demoDatabase } from "../setup/test-db";

let db: Db;
let deps: Deps;
let published: DomainEvent[];
let close: () => void;
beforeEach(async () => {
  ({ db, close } = await demoDatabase());
  published = [];
  deps = { db, realtime: { ...offlineRealtimePort(db), publish: (events) => void published.push(...events) } };
});
afterEach(() => close());

const NOW = Date.UTC(2026, 10, 22, 15);
const plan = (extra: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: "thematic_forum",
  title: "Fowòm sou dlo",
  startsAt: NOW + 3600_000,
  endsAt: null,
  place: "Plas Limonad",
  published: false,
  facilitatorIds: [],
  authorityIds: [],
  ...extra,
});

function meeting(extra: Partial<MeetingInput> = {}) {
  const f = actorByEmail(db, "animateur@makon.ht");
  const result = planMeeting(db, f, 1, plan(extra), NOW);
  if (!result.ok) throw new Error(result.code);
  return result.value.id;
}

const rows = (meetingId: number) => db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).all();
const audits = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action as never)).all();
const women2535 = { sex: "female" as const, ageGroup: "25_35" as const, disability: false };

describe("headcount mode", () => {
  it("adds one anonymous row per tap, the figures follow, and −1 takes back the cell's last tap", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = meeting();
    for (let i = 0; i < 3; i++) expect(tapHeadcount(deps, f, id, women2535, NOW + i).ok).toBe(true);
    expect(tapHeadcount(deps, f, id, { sex: "male", ageGroup: "18_24", disability: true }, NOW + 5).ok).toBe(true);

    const recorded = rows(id);
    expect(recorded).toHaveLength(4);
    // Anonymous: no person, no organisation; names never read as the same person twice.
    expect(recorded.every((r) => r.personId === null && r.organisationId === null)).toBe(true);
    expect(new Set(recorded.map((r) => r.name)).size).toBe(4);
    expect(audits("attendance.headcount")).toHaveLength(4);
    expect(published.filter((e) => e.type === "attendance.changed")).toHaveLength(4);

    const { figures } = meetingFigures(db, { id, spaceId: 1 });
    expect(figures.people.total).toBe(4);
    expect(figures.people.women.count).toBe(3);
    expect(figures.people.youth.count).toBe(4);
    expect(figures.withDisability).toBe(1);
    expect(getHeadcount(db, id)).toMatchObject({ "female:25_35:0": 3, "male:18_24:1": 1, "male:18_24:0": 0 });

    // −1: the last of that cell goes, the others stay.
    const last = Math.max(...recorded.filter((r) => r.sex === "female").map((r) => r.id));
    expect(undoHeadcount(deps, f, id, women2535, NOW + 10)).toEqual({ ok: true, value: { id: last } });
    expect(rows(id).map((r) => r.id)).not.toContain(last);
    expect(getHeadcount(db, id)["female:25_35:0"]).toBe(2);
    expect(meetingFigures(db, { id, spaceId: 1 }).figures.people.total).toBe(3);
    expect(audits("attendance.headcountUndo")).toHaveLength(1);
    // A cell with nothing counted has nothing to undo; a walk-in of the same description is not a tap.
    expect(undoHeadcount(deps, f, id, { sex: "male", ageGroup: "60p", disability: false }, NOW)).toEqual({ ok: false, code: "nothing_to_undo" });
  });

  it("−1 keeps a counted row someone has spoken from: it takes back an earlier one, or says why not", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = meeting();
    expect(changeMeetingStatus(deps, f, id, "start", { now: NOW }).ok).toBe(true);
    const first = tapHeadcount(deps, f, id, women2535, NOW + 1);
    const second = tapHeadcount(deps, f, id, women2535, NOW + 2);
    if (!first.ok || !second.ok) throw new Error("tap refused");
    expect(runConsoleAction(deps, f, id, { type: "add", attendanceId: second.value.id }, NOW + 3).ok).toBe(true);
    expect(runConsoleAction(deps, f, id, { type: "start", turnId: turnsOf(id)[0]!.id }, NOW + 4).ok).toBe(true);
    expect(undoHeadcount(deps, f, id, women2535, NOW + 5)).toEqual({ ok: true, value: { id: first.value.id } });
    expect(undoHeadcount(deps, f, id, women2535, NOW + 6)).toEqual({ ok: false, code: "has_spoken" });
    expect(rows(id).map((r) => r.id)).toEqual([second.value.id]);
    expect(turnsOf(id)).toHaveLength(1);
  });

  it("is refused to delegates, officials, anyone signed out, and once the meeting is closed", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = meeting();
    expect(tapHeadcount(deps, f, id, women2535, NOW).ok).toBe(true);
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      expect(tapHeadcount(deps, actorByEmail(db, email), id, women2535, NOW)).toEqual({ ok: false, code: "forbidden" });
      expect(undoHeadcount(deps, actorByEmail(db, email), id, women2535, NOW)).toEqual({ ok: false, code: "forbidden" });
    }
    expect(tapHeadcount(deps, null, id, women2535, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(undoHeadcount(deps, null, id, women2535, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(rows(id)).toHaveLength(1);
    expect(undoHeadcount(deps, f, id, women2535, NOW).ok).toBe(true);
    expect(changeMeetingStatus(deps, f, id, "start", { now: NOW }).ok).toBe(true);
    expect(changeMeetingStatus(deps, f, id, "close", { now: NOW + 1 }).ok).toBe(true);
    expect(tapHeadcount(deps, f, id, women2535, NOW + 2)).toEqual({ ok: false, code: "locked" });
    expect(rows(id)).toHaveLength(0);
  });
});

const turnsOf = (meetingId: number) => db.select().from(speakingTurns).where(eq(speakingTurns.meetingId, meetingId)).all();

describe("paper round-trip", () => {
  const line = (name: string, extra: Partial<RawLine> = {}): RawLine => ({ name, sex: "female", ageGroup: "36_59", disability: false, organisationId: "", ...extra });

  it("records the ticked people and 25 lines in one go, with one audit entry", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = meeting();
    const org = registerOrganisation(db, f, 1, { name: "MUSO Fanm Limonad", type: "muso", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, "2026-01-01", NOW);
    if (!org.ok) throw new Error(org.code);
    const known = getPaperSheet(db, { id, spaceId: 1 }, NOW).known;
    expect(known.map((k) => k.name)).toEqual(["Rose-Andrée Louis", "Wilner Saint-Fleur"]);
    const lines = Array.from({ length: 25 }, (_, i) =>
      line(`Moun ${i + 1}`, {
        sex: i === 24 ? "unstated" : i % 3 === 0 ? "male" : "female",
        ageGroup: i % 2 ? "18_24" : "unstated",
        disability: i === 4,
        organisationId: i < 5 ? String(org.value.id) : "",
      }),
    );
    const result = enterPaperSheet(deps, f, id, { personIds: known.map((k) => k.personId), lines }, NOW);
    expect(result).toEqual({ ok: true, value: { recorded: 27, alreadyPresent: 0 } });
    const recorded = rows(id);
    expect(recorded).toHaveLength(27);
    expect(recorded.find((r) => r.name === "Moun 25")).toMatchObject({ sex: null, ageGroup: null });
    expect(recorded.find((r) => r.name === "Moun 1")).toMatchObject({ sex: "male", ageGroup: null, organisationId: org.value.id });
    expect(recorded.find((r) => r.name === "Wilner Saint-Fleur")).toMatchObject({ role: "official" });
    expect(audits("attendance.paperEntry")).toHaveLength(1);
    expect(published).toEqual([{ type: "attendance.changed", meetingId: id }]);
    expect(meetingFigures(db, { id, spaceId: 1 }).figures.withDisability).toBe(1);
    // The same people ticked again are not recorded twice.
    expect(enterPaperSheet(deps, f, id, { personIds: known.map((k) => k.personId), lines: [] }, NOW)).toEqual({ ok: true, value: { recorded: 0, alreadyPresent: 2 } });
    expect(getPaperSheet(db, { id, spaceId: 1 }, NOW).known.every((k) => k.present)).toBe(true);
  });

  it("writes nothing when one line is bad, and names each bad line in both languages", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = meeting();
    const known = getPaperSheet(db, { id, spaceId: 1 }, NOW).known;
    const lines = Array.from({ length: 25 }, (_, i) => line(`Moun ${i + 1}`));
    lines[11] = line("Moun 12", { sex: "" });
    lines[19] = line("", { ageGroup: "", organisationId: "99999" });
    const result = enterPaperSheet(deps, f, id, { personIds: known.map((k) => k.personId), lines }, NOW);
    expect(result).toEqual({
      ok: false,
      code: "bad_lines",
      problems: [
        { line: 12, problems: ["sex"] },
        { line: 20, problems: ["name", "ageGroup", "organisation"] },
      ],
    });
    expect(rows(id)).toHaveLength(0);
    expect(audits("attendance.paperEntry")).toHaveLength(0);
    expect(published).toEqual([]);
    expect(translate("fr", paperMessage("bad_lines"))).toContain("Rien n'a été enregistré");
    expect(translate("ht", "paper.lineProblems", { line: "12", problems: translate("ht", "paper.problem.sex") })).toBe("Liy 12: sèks la manke (oswa « Pa vle di »)");
  });

  it("reads the entry screen's fields, and refuses who does not keep the register", () => {
    const form: Record<string, string> = { [lineField(1, "name")]: "Anne", [lineField(1, "sex")]: "female", [lineField(1, "ageGroup")]: "60p", [lineField(1, "disability")]: "1" };
    const raws = rawLinesOf(form);
    expect(raws).toHaveLength(25);
    expect(raws[0]).toEqual({ name: "Anne", sex: "female", ageGroup: "60p", disability: true, organisationId: "" });
    const id = meeting();
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      expect(enterPaperSheet(deps, actorByEmail(db, email), id, { personIds: [], lines: raws }, NOW)).toEqual({ ok: false, code: "forbidden" });
    }
    expect(rows(id)).toHaveLength(0);
  });
});

describe("self check-in", () => {
  it("checks the delegate in once, on the meeting's day only, and never another space's", () => {
    const rose = actorByEmail(db, "delegue@makon.ht");
    const f = actorByEmail(db, "animateur@makon.ht");
    const today = meeting();
    const tomorrow = meeting({ startsAt: NOW + 26 * 3600_000 });
    expect(getSelfCheckIn(db, rose, today, NOW)?.state).toBe("ready");
    expect(checkInSelf(deps, rose, today, NOW).ok).toBe(true);
    expect(checkInSelf(deps, rose, today, NOW + 1)).toEqual({ ok: false, code: "already_present" });
    expect(getSelfCheckIn(db, rose, today, NOW)?.state).toBe("already");
    expect(rows(today)).toMatchObject([{ name: "Rose-Andrée Louis", role: "delegate", recordedBy: rose.userId }]);
    expect(audits("attendance.selfCheckIn")).toHaveLength(1);
    expect(checkInSelf(deps, rose, tomorrow, NOW)).toEqual({ ok: false, code: "not_open" });
    // The facilitator has no person in the register: the door checks him in.
    expect(checkInSelf(deps, f, today, NOW)).toEqual({ ok: false, code: "no_person" });
    // Another space's meeting.
    const other = planMeeting(db, actorByEmail(db, "admin@makon.ht"), 3, plan(), NOW);
    if (!other.ok) throw new Error(other.code);
    expect(checkInSelf(deps, rose, other.value.id, NOW)).toEqual({ ok: false, code: "not_allowed" });
    expect(getSelfCheckIn(db, rose, other.value.id, NOW)).toEqual({ meeting: null, name: null, state: "not_allowed" });
    expect(rows(other.value.id)).toHaveLength(0);
  });
});
