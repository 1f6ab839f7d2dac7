import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, meetings } from "../../db/schema/index";
import type { Db } from "../../db/client";
import { appendAudit } from "../../app/modules/audit/audit.server";
import { revealsBallot } from "../../app/modules/audit/actions";
import { addAgendaItem, changeMeetingStatus, planMeeting, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { actorByEmail, demoDatabase } from "../setup/test-db";

let db: Db;
let close: () => void;
beforeEach(async () => ({ db, close } = await demoDatabase()));
afterEach(() => close());

describe("the audit log", () => {
  it("says in which space each change happened and who may read it, so a space's history and its public part are one query each", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const deps = { db, realtime: offlineRealtimePort(db) };
    const before = db.select().from(auditLog).all().length;
    registerOrganisation(db, f, 1, { name: "Jèn Vanyan", type: "youth", legallyRecognised: false, ledByWoman: false, ledByYouth: true }, "2026-01-01", 1);
    const published = (planMeeting(db, f, 1, { kind: "ordinary", title: "Piblik", startsAt: 2, endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, 2) as { value: { id: number } }).value.id;
    const internal = (planMeeting(db, f, 1, { kind: "ordinary", title: "Entèn", startsAt: 2, endsAt: null, place: "", published: false, facilitatorIds: [], authorityIds: [] }, 2) as { value: { id: number } }).value.id;
    addAgendaItem(deps, f, published, { kind: "discussion", title: "Dlo", plannedMinutes: null }, 3);
    recordAttendance(deps, f, published, { personId: null, name: "Moun", sex: "female", ageGroup: "25_35", disability: false, organisationId: null, role: "observer" }, 4);
    changeMeetingStatus(deps, f, published, "start", { now: 5 });
    changeMeetingStatus(deps, f, internal, "cancel", { now: 6, reason: "Lapli" });

    const mine = db.select().from(auditLog).all().slice(before);
    expect(mine.every((e) => e.spaceId === 1)).toBe(true);
    const history = db.select({ action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId }).from(auditLog).where(and(eq(auditLog.spaceId, 1), eq(auditLog.visibility, "public"))).all().slice(-10);
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(["organisation.register", "meeting.plan", "meeting.start"]));
    // Attendance, the agenda's drafting and an unpublished meeting's life stay internal.
    expect(history.map((e) => e.action)).not.toContain("attendance.record");
    expect(history.map((e) => e.action)).not.toContain("agenda.add");
    expect(history.filter((e) => e.subjectType === "meeting" && e.subjectId === String(internal))).toEqual([]);
  });

  it("never takes an entry that could tie a voter to a choice, and the command writes nothing then", () => {
    expect(revealsBallot({ pollId: 3, castAt: 5 })).toBe(false);
    expect(revealsBallot({ choice: "for" })).toBe(true);
    expect(revealsBallot({ ballots: [{ optionId: 2 }] })).toBe(true);
    expect(revealsBallot([{ nested: { vote: "against" } }])).toBe(true);
    const f = actorByEmail(db, "animateur@makon.ht");
    const rows = db.select().from(auditLog).all().length;
    expect(() =>
      db.transaction((tx) => {
        tx.update(meetings).set({ title: "Changed" }).run();
        appendAudit(tx, { at: 1, actorId: f.userId, action: "meeting.update", spaceId: 1, subjectType: "meeting", subjectId: 1, after: { choice: "for" } });
      }),
    ).toThrow(/would reveal a ballot/);
    expect(db.select().from(auditLog).all().length).toBe(rows);
    expect(db.select().from(meetings).all().filter((m) => m.title === "Changed")).toEqual([]);
  });
});
