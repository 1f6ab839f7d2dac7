import type { AuditAction } from "../../app/modules/audit/actions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { agendaItems, auditLog, meetingSessions, meetings } from "../../db/schema/index";
import type { Db } from "../../db/client";
import { listMembers, registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import {
  addAgendaItem,
  approveMinutes,
  changeMeetingStatus,
  listMinutesAwaitingApproval,
  correctAttendance,
  getMeeting,
  listMeetings,
  moveAgendaItem,
  planMeeting,
  recordAttendance,
  removeAgendaItem,
  removeAttendance,
  updateMeeting,
  type AttendanceInput,
  type MeetingInput,
} from "../../app/modules/meetings/meetings.server";
import { attendanceCandidates, meetingFigures } from "../../app/modules/meetings/attendance.server";
import { MINUTES_ROOT, minutesRef } from "../../app/modules/meetings/minutes";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import type { Deps } from "../../app/modules/deps.server";
import { actorByEmail, demoDatabase, notDemo } from "../setup/test-db";
import { createAccount } from "../../app/modules/users/users.server";
import { meetingMessage } from "../../app/modules/meetings/messages";
import { REOPEN_WINDOW_MS } from "../../app/modules/meetings/meeting-state";
import { translate } from "../../app/modules/i18n/catalog.server";

let db: Db;
let deps: Deps;
let close: () => void;
beforeEach(async () => {
  ({ db, close } = await demoDatabase());
  deps = { db, realtime: offlineRealtimePort(db) };
});
afterEach(() => close());

const NOW = Date.UTC(2026, 10, 22, 15);
const plan = (extra: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: "ordinary",
  title: "Reyinyon ordinè novanm",
  startsAt: NOW + 3600_000,
  endsAt: null,
  place: "Lekòl nasyonal Limonad",
  published: true,
  facilitatorIds: [],
  authorityIds: [],
  ...extra,
});
const walkIn = (name: string, extra: Partial<AttendanceInput> = {}): AttendanceInput => ({ personId: null, name, sex: "female", ageGroup: "25_35", disability: false, organisationId: null, role: "observer", ...extra });

function plannedMeeting() {
  const f = actorByEmail(db, "animateur@makon.ht");
  return (planMeeting(db, f, 1, plan({ facilitatorIds: [f.userId] }), NOW) as { value: { id: number } }).value.id;
}

const audits = (action: AuditAction) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("meetings", () => {
  it("are planned, changed and moved along their life by the space's facilitators only", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = plannedMeeting();
    expect(getMeeting(db, id)).toMatchObject({ status: "planned", facilitators: [{ name: "Jean-Robert Pierre" }] });
    expect(listMeetings(db, 1, NOW).upcoming.map((m) => m.id)).toEqual([id]);
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      const other = actorByEmail(db, email);
      expect(planMeeting(db, other, 1, plan(), NOW)).toEqual({ ok: false, code: "forbidden" });
      expect(changeMeetingStatus(deps, other, id, "start", { now: NOW })).toEqual({ ok: false, code: "forbidden" });
      expect(updateMeeting(deps, other, id, plan({ title: "X" }), NOW)).toEqual({ ok: false, code: "forbidden" });
    }
    expect(planMeeting(db, f, 2, plan(), NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(changeMeetingStatus(deps, f, id, "close", { now: NOW })).toEqual({ ok: false, code: "wrong_state" });
    expect(changeMeetingStatus(deps, f, id, "start", { now: NOW })).toEqual({ ok: true, value: null });
    expect(changeMeetingStatus(deps, f, id, "cancel", { now: NOW, reason: "Lapli" })).toEqual({ ok: false, code: "wrong_state" });
    deps.realtime.seedText(minutesRef(id), MINUTES_ROOT, () => "# PV\n\n<script>alert(1)</script>");
    expect(changeMeetingStatus(deps, f, id, "close", { now: NOW + 7200_000 })).toEqual({ ok: true, value: null });
    // Closing no longer freezes the minutes: they are frozen when approved.
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!).toMatchObject({ status: "closed", closedAt: NOW + 7200_000, minutesMarkdown: null, minutesApprovedAt: null });
    expect(approveMinutes(deps, actorByEmail(db, "delegue@makon.ht"), id, { now: NOW + 9000_000 })).toEqual({ ok: false, code: "forbidden" });
    expect(approveMinutes(deps, f, id, { now: NOW + 9000_000 })).toEqual({ ok: true, value: null });
    const closed = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(closed).toMatchObject({ status: "closed", minutesMarkdown: "# PV\n\n<script>alert(1)</script>", minutesApprovedAt: NOW + 9000_000, minutesApprovedInMeetingId: null });
    expect(closed.minutesHtml).toContain("<h3>PV</h3>");
    expect(closed.minutesHtml).not.toContain("<script");
    expect(approveMinutes(deps, f, id, { now: NOW + 9000_000 })).toEqual({ ok: false, code: "minutes_approved" });
    expect(updateMeeting(deps, f, id, plan(), NOW)).toEqual({ ok: false, code: "wrong_state" });
    expect(db.select().from(auditLog).where(eq(auditLog.subjectType, "meeting")).all().map((a) => a.action)).toEqual(["meeting.plan", "meeting.start", "meeting.close", "meeting.approveMinutes"]);
  });

  it("are cancelled with a reason before they start", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = plannedMeeting();
    expect(changeMeetingStatus(deps, f, id, "cancel", { now: NOW, reason: "Wout la koupe" })).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)).toMatchObject({ status: "cancelled", cancelReason: "Wout la koupe" });
    expect(listMeetings(db, 1, NOW).past.map((m) => m.id)).toEqual([id]);
  });

  it("have an ordered agenda that can be reordered", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = plannedMeeting();
    const a = (addAgendaItem(deps, f, id, { kind: "information", title: "Nouvèl", plannedMinutes: 10 }, NOW) as { value: { id: number } }).value.id;
    const b = (addAgendaItem(deps, f, id, { kind: "motion", title: "Mosyon dlo potab", plannedMinutes: 30 }, NOW) as { value: { id: number } }).value.id;
    addAgendaItem(deps, f, id, { kind: "other", title: "Divès", plannedMinutes: null }, NOW);
    expect(moveAgendaItem(deps, f, b, "up", NOW)).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)!.agenda.map((i) => i.title)).toEqual(["Mosyon dlo potab", "Nouvèl", "Divès"]);
    expect(removeAgendaItem(deps, f, a, NOW)).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)!.agenda.map((i) => i.title)).toEqual(["Mosyon dlo potab", "Divès"]);
    expect(addAgendaItem(deps, actorByEmail(db, "delegue@makon.ht"), id, { kind: "other", title: "X", plannedMinutes: null }, NOW)).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("a meeting's facilitators", () => {
  it("are facilitators of its space only: anyone else is refused with a message in both languages, nothing written", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const admin = actorByEmail(db, "admin@makon.ht");
    // A facilitator of another space, made by an administrator.
    const created = await createAccount(db, admin, { name: "Animatè Pòt Lan", email: "pot-lan@makon.ht", password: "pot-lan secret 2026", role: "facilitator", spaceId: 2 }, NOW);
    const elsewhere = (created as { value: { id: string } }).value.id;
    const id = plannedMeeting();
    const meetingsBefore = db.select().from(meetings).all().length;
    const auditBefore = db.select().from(auditLog).all().length;
    for (const email of ["delegue@makon.ht", "casec@makon.ht", "admin@makon.ht"]) {
      const userId = actorByEmail(db, email).userId;
      for (const actor of [f, admin]) {
        expect(planMeeting(db, actor, 1, plan({ facilitatorIds: [f.userId, userId] }), NOW)).toEqual({ ok: false, code: "not_facilitator", field: "facilitatorIds" });
        expect(updateMeeting(deps, actor, id, plan({ facilitatorIds: [userId] }), NOW)).toEqual({ ok: false, code: "not_facilitator", field: "facilitatorIds" });
      }
    }
    for (const userId of [elsewhere, "no-such-user"]) {
      expect(planMeeting(db, f, 1, plan({ facilitatorIds: [userId] }), NOW)).toMatchObject({ ok: false, code: "not_facilitator" });
      expect(updateMeeting(deps, f, id, plan({ facilitatorIds: [userId] }), NOW)).toMatchObject({ ok: false, code: "not_facilitator" });
    }
    expect(db.select().from(meetings).all()).toHaveLength(meetingsBefore);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
    expect(getMeeting(db, id)!.facilitators.map((x) => x.id)).toEqual([f.userId]);
    const key = meetingMessage("not_facilitator");
    expect([translate("fr", key), translate("ht", key)]).toEqual([
      "Seuls les animateur·rices de cet espace peuvent animer ses réunions.",
      "Se sèlman animatè espas sa a ki ka anime reyinyon li yo.",
    ]);
    // The space's own facilitators are taken, each once; an administrator plans without being listed.
    expect(updateMeeting(deps, admin, id, plan({ facilitatorIds: [f.userId, f.userId] }), NOW)).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)!.facilitators.map((x) => x.id)).toEqual([f.userId]);
    expect(planMeeting(db, admin, 1, plan({ facilitatorIds: [] }), NOW)).toMatchObject({ ok: true });
  });
});

describe("a space's meeting list", () => {
  it("holds only what the page shows, unpublished meetings for who may see them", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const published = plannedMeeting();
    const unpublished = (planMeeting(db, f, 1, plan({ published: false, title: "Entèn" }), NOW) as { value: { id: number } }).value.id;
    expect(listMeetings(db, 1, NOW).upcoming.map((m) => m.id)).toEqual([published]);
    const all = listMeetings(db, 1, NOW, { seesUnpublished: true }).upcoming;
    expect(all.map((m) => m.id).sort()).toEqual([published, unpublished].sort());
    expect(Object.keys(all[0]!).sort()).toEqual(["id", "kind", "startsAt", "status", "title"]);
  });
});

describe("the agenda of a live meeting", () => {
  it("withdraws items instead of deleting them, keeps the current one, and deletes freely before opening", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = plannedMeeting();
    const [a, b, c] = ["Nouvèl", "Dlo potab", "Divès"].map((title) => (addAgendaItem(deps, f, id, { kind: "discussion", title, plannedMinutes: 10 }, NOW) as { value: { id: number } }).value.id);
    expect(removeAgendaItem(deps, f, c!, NOW)).toEqual({ ok: true, value: null });
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, c!)).get()).toBeUndefined();

    changeMeetingStatus(deps, f, id, "start", { now: NOW });
    expect(db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, id)).get()).toMatchObject({ currentItemId: a, currentItemSince: NOW });
    expect(removeAgendaItem(deps, f, a!, NOW + 1)).toEqual({ ok: false, code: "current_item" });
    expect(removeAgendaItem(deps, f, b!, NOW + 2)).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)!.agenda.map((i) => i.title)).toEqual(["Nouvèl"]);
    expect(db.select().from(agendaItems).where(eq(agendaItems.id, b!)).get()).toMatchObject({ title: "Dlo potab", withdrawnAt: NOW + 2 });
    // Withdrawn is gone from the agenda: it can be neither moved nor withdrawn again.
    expect(removeAgendaItem(deps, f, b!, NOW + 3)).toEqual({ ok: false, code: "not_found" });
    expect(moveAgendaItem(deps, f, b!, "up", NOW + 3)).toEqual({ ok: false, code: "not_found" });
    expect(audits("agenda.withdraw")).toHaveLength(1);
  });
});

describe("attendance", () => {
  it("counts known people once, walk-ins as they come, and locks at closing except for an admin", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const orgId = (registerOrganisation(db, f, 1, { name: "MUSO Lespwa", type: "muso", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, "2026-01-01", NOW) as { value: { id: number } }).value.id;
    await registerDelegate(db, f, 1, { name: "Rose Louis", sex: "female", birthYear: 1999, ageGroup: null, disability: false, preferredLanguage: null }, { organisationId: orgId, seat: "titular", fromDate: "2026-01-01" }, { createAccount: false, accountPassword: "" }, NOW);
    const id = plannedMeeting();
    const candidates = notDemo(attendanceCandidates(db, { id: 1, communeCode: "HT0313" }, NOW));
    expect(candidates.map((c) => [c.name, c.role, c.ageGroup])).toEqual([["Rose Louis", "delegate", "25_35"]]);
    const rose = candidates[0]!;
    expect(recordAttendance(deps, f, id, { ...rose, personId: rose.personId }, NOW).ok).toBe(true);
    expect(recordAttendance(deps, f, id, { ...rose, personId: rose.personId }, NOW)).toEqual({ ok: false, code: "already_present" });
    const walk = (recordAttendance(deps, f, id, walkIn("Jean Pierre", { sex: "male", ageGroup: "60p" }), NOW) as { value: { id: number } }).value.id;
    recordAttendance(deps, f, id, walkIn("rose louis", { sex: null, ageGroup: null }), NOW);
    const { figures, duplicates } = meetingFigures(db, { id, spaceId: 1 });
    expect(figures.people.total).toBe(3);
    expect(figures.people.bySex).toEqual({ female: 1, male: 1, unstated: 1 });
    expect(figures.organisationsPresent).toEqual({ count: 1, of: listMembers(db, 1).length });
    expect(figures.quorum.met).toBe(true);
    expect(duplicates).toHaveLength(1);
    expect(recordAttendance(deps, actorByEmail(db, "delegue@makon.ht"), id, walkIn("X"), NOW)).toEqual({ ok: false, code: "forbidden" });

    expect(correctAttendance(deps, f, walk, { ...walkIn("Jean-Pierre Joseph"), sex: "male", ageGroup: "36_59" }, NOW)).toEqual({ ok: true, value: null });
    changeMeetingStatus(deps, f, id, "start", { now: NOW });
    changeMeetingStatus(deps, f, id, "close", { now: NOW });
    expect(recordAttendance(deps, f, id, walkIn("Late"), NOW)).toEqual({ ok: false, code: "locked" });
    expect(removeAttendance(deps, f, walk, NOW)).toEqual({ ok: false, code: "locked" });
    const admin = actorByEmail(db, "admin@makon.ht");
    expect(removeAttendance(deps, admin, walk, NOW)).toEqual({ ok: true, value: null });
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "attendance.remove")).all();
    expect(audit).toMatchObject([{ actorId: admin.userId }]);
  });
});

describe("no irreversible mis-click", () => {
  const DAY = 24 * 3600_000;
  function closedMeeting(at = NOW) {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = (planMeeting(db, f, 1, plan({ facilitatorIds: [f.userId], startsAt: at }), at) as { value: { id: number } }).value.id;
    must(changeMeetingStatus(deps, f, id, "start", { now: at }));
    must(changeMeetingStatus(deps, f, id, "close", { now: at + 3600_000 }));
    return id;
  }
  function must(result: { ok: boolean }) {
    expect(result).toMatchObject({ ok: true });
  }

  it("a facilitator reopens a closed meeting within 7 days, back to live with its turns and screen link kept; an admin after", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const admin = actorByEmail(db, "admin@makon.ht");
    const id = closedMeeting();
    const closedAt = NOW + 3600_000;
    const token = db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, id)).get()!.screenToken;
    expect(changeMeetingStatus(deps, actorByEmail(db, "delegue@makon.ht"), id, "reopen", { now: closedAt + DAY })).toEqual({ ok: false, code: "forbidden" });
    expect(changeMeetingStatus(deps, f, id, "reopen", { now: closedAt + DAY })).toEqual({ ok: true, value: null });
    expect(getMeeting(db, id)).toMatchObject({ status: "live", closedAt: null });
    expect(db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, id)).get()).toMatchObject({ screenToken: token, currentItemId: null });
    expect(changeMeetingStatus(deps, f, id, "reopen", { now: closedAt + DAY })).toEqual({ ok: false, code: "wrong_state" });
    // Closed again: the window counts from the last close.
    must(changeMeetingStatus(deps, f, id, "close", { now: closedAt + 2 * DAY }));
    expect(changeMeetingStatus(deps, f, id, "reopen", { now: closedAt + 2 * DAY + REOPEN_WINDOW_MS + 1 })).toEqual({ ok: false, code: "reopen_expired" });
    expect(changeMeetingStatus(deps, admin, id, "reopen", { now: closedAt + 2 * DAY + REOPEN_WINDOW_MS + 1 })).toEqual({ ok: true, value: null });
    expect(audits("meeting.reopen").map((a) => a.actorId)).toEqual([f.userId, admin.userId]);
    expect(audits("meeting.reopen")[0]).toMatchObject({ spaceId: 1, subjectId: String(id), visibility: "public" });
  });

  it("approved minutes cannot be reopened, by anyone", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = closedMeeting();
    must(approveMinutes(deps, f, id, { now: NOW + 2 * 3600_000 }));
    expect(changeMeetingStatus(deps, f, id, "reopen", { now: NOW + 3 * 3600_000 })).toEqual({ ok: false, code: "minutes_approved" });
    expect(changeMeetingStatus(deps, actorByEmail(db, "admin@makon.ht"), id, "reopen", { now: NOW + 3 * 3600_000 })).toEqual({ ok: false, code: "minutes_approved" });
  });

  it("minutes are approved at the next meeting through an agenda item, which is recorded", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const previous = closedMeeting(NOW - 30 * DAY);
    deps.realtime.seedText(minutesRef(previous), MINUTES_ROOT, () => "# PV oktòb\n\nDesizyon: pi.");
    const next = plannedMeeting();
    expect(listMinutesAwaitingApproval(db, 1, NOW + 3600_000, next).map((m) => m.id)).toContain(previous);
    // Not while the next meeting is only planned, nor without the item on its agenda.
    expect(approveMinutes(deps, f, previous, { now: NOW, inMeetingId: next })).toEqual({ ok: false, code: "wrong_state" });
    must(changeMeetingStatus(deps, f, next, "start", { now: NOW + 3600_000 }));
    expect(approveMinutes(deps, f, previous, { now: NOW + 3600_000, inMeetingId: next })).toEqual({ ok: false, code: "not_on_agenda" });
    must(addAgendaItem(deps, f, next, { kind: "minutes_approval", title: "Apwobasyon pwosè vèbal", plannedMinutes: 5 }, NOW + 3600_000));
    expect(approveMinutes(deps, f, next, { now: NOW + 3600_000, inMeetingId: next })).toEqual({ ok: false, code: "wrong_state" });
    expect(approveMinutes(deps, f, previous, { now: NOW + 4000_000, inMeetingId: next })).toEqual({ ok: true, value: null });
    expect(db.select().from(meetings).where(eq(meetings.id, previous)).get()).toMatchObject({
      minutesApprovedAt: NOW + 4000_000,
      minutesApprovedInMeetingId: next,
      minutesMarkdown: "# PV oktòb\n\nDesizyon: pi.",
    });
    expect(listMinutesAwaitingApproval(db, 1, NOW + 3600_000, next).map((m) => m.id)).not.toContain(previous);
    expect(audits("meeting.approveMinutes")).toMatchObject([{ subjectId: String(previous), after: { inMeetingId: next } }]);
  });

  it("an approval item names the minutes it approves: it approves those, not another meeting's", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const older = closedMeeting(NOW - 60 * DAY);
    const previous = closedMeeting(NOW - 30 * DAY);
    const next = plannedMeeting();
    const item = { kind: "minutes_approval" as const, title: "Apwobasyon pwosè vèbal", plannedMinutes: 5 };
    must(addAgendaItem(deps, f, next, { ...item, approvesMeetingId: previous }, NOW));
    // Once per minutes, for minutes of this space, closed, held before, of an approval item only.
    expect(addAgendaItem(deps, f, next, { ...item, approvesMeetingId: previous }, NOW)).toEqual({ ok: false, code: "already_on_agenda" });
    expect(addAgendaItem(deps, f, next, { ...item, kind: "discussion", approvesMeetingId: older }, NOW)).toEqual({ ok: false, code: "not_found" });
    expect(addAgendaItem(deps, f, next, { ...item, approvesMeetingId: next }, NOW)).toEqual({ ok: false, code: "not_found" });
    must(changeMeetingStatus(deps, f, next, "start", { now: NOW + 3600_000 }));
    expect(approveMinutes(deps, f, older, { now: NOW + 3600_000, inMeetingId: next })).toEqual({ ok: false, code: "not_on_agenda" });
    expect(approveMinutes(deps, f, previous, { now: NOW + 3600_000, inMeetingId: next })).toEqual({ ok: true, value: null });
    expect(addAgendaItem(deps, f, next, { ...item, approvesMeetingId: previous }, NOW)).toEqual({ ok: false, code: "minutes_approved" });
  });

  it("reopening and approving refuse delegates, officials and another space's facilitators, writing nothing", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    const id = closedMeeting();
    const elsewhere = (planMeeting(db, admin, 2, plan(), NOW) as { value: { id: number } }).value.id;
    must(changeMeetingStatus(deps, admin, elsewhere, "start", { now: NOW }));
    must(changeMeetingStatus(deps, admin, elsewhere, "close", { now: NOW }));
    const f = actorByEmail(db, "animateur@makon.ht");
    const written = () => db.select().from(auditLog).all().length;
    const before = written();
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      const actor = actorByEmail(db, email);
      expect(changeMeetingStatus(deps, actor, id, "reopen", { now: NOW + DAY })).toEqual({ ok: false, code: "forbidden" });
      expect(approveMinutes(deps, actor, id, { now: NOW + DAY })).toEqual({ ok: false, code: "forbidden" });
    }
    expect(changeMeetingStatus(deps, f, elsewhere, "reopen", { now: NOW + DAY })).toEqual({ ok: false, code: "forbidden" });
    expect(approveMinutes(deps, f, elsewhere, { now: NOW + DAY })).toEqual({ ok: false, code: "forbidden" });
    expect(approveMinutes(deps, null, id, { now: NOW + DAY })).toEqual({ ok: false, code: "forbidden" });
    expect(written()).toBe(before);
    expect(getMeeting(db, id)).toMatchObject({ status: "closed", minutesApprovedAt: null });
    for (const code of ["reopen_expired", "minutes_approved", "not_on_agenda"] as const) expect(translate("ht", meetingMessage(code))).not.toMatch(/⟦/);
  });
});

describe("every meeting command", () => {
  it("answers not_found for what does not exist, wrong_state out of its meeting's life, forbidden from another space, writing nothing", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const admin = actorByEmail(db, "admin@makon.ht");
    const input = plan();
    const walk = walkIn("Moun");
    const item = { kind: "other" as const, title: "X", plannedMinutes: null };
    const cancelled = plannedMeeting();
    changeMeetingStatus(deps, f, cancelled, "cancel", { now: NOW, reason: "Lapli" });
    // A meeting of Petite-Anse, planned by an administrator: Limonade's facilitator has no say there.
    const elsewhere = (planMeeting(db, admin, 2, plan(), NOW) as { value: { id: number } }).value.id;
    const elsewhereItem = (addAgendaItem(deps, admin, elsewhere, item, NOW) as { value: { id: number } }).value.id;
    const elsewhereRow = (recordAttendance(deps, admin, elsewhere, walk, NOW) as { value: { id: number } }).value.id;
    const written = () => db.select().from(auditLog).all().length;
    const before = written();
    const cases: [string, () => { ok: boolean; code?: string }, string][] = [
      ["update a missing meeting", () => updateMeeting(deps, f, 999, input, NOW), "not_found"],
      ["open a missing meeting", () => changeMeetingStatus(deps, f, 999, "start", { now: NOW }), "not_found"],
      ["add to a missing meeting's agenda", () => addAgendaItem(deps, f, 999, item, NOW), "not_found"],
      ["move a missing item", () => moveAgendaItem(deps, f, 999, "up", NOW), "not_found"],
      ["remove a missing item", () => removeAgendaItem(deps, f, 999, NOW), "not_found"],
      ["check in at a missing meeting", () => recordAttendance(deps, f, 999, walk, NOW), "not_found"],
      ["correct a missing row", () => correctAttendance(deps, f, 999, walk, NOW), "not_found"],
      ["remove a missing row", () => removeAttendance(deps, f, 999, NOW), "not_found"],
      ["update a cancelled meeting", () => updateMeeting(deps, f, cancelled, input, NOW), "wrong_state"],
      ["open a cancelled meeting", () => changeMeetingStatus(deps, f, cancelled, "start", { now: NOW }), "wrong_state"],
      ["close a cancelled meeting", () => changeMeetingStatus(deps, f, cancelled, "close", { now: NOW }), "wrong_state"],
      ["add to a cancelled meeting's agenda", () => addAgendaItem(deps, f, cancelled, item, NOW), "wrong_state"],
      ["check in at a cancelled meeting", () => recordAttendance(deps, f, cancelled, walk, NOW), "wrong_state"],
      ["update another space's meeting", () => updateMeeting(deps, f, elsewhere, input, NOW), "forbidden"],
      ["open another space's meeting", () => changeMeetingStatus(deps, f, elsewhere, "start", { now: NOW }), "forbidden"],
      ["add to another space's agenda", () => addAgendaItem(deps, f, elsewhere, item, NOW), "forbidden"],
      ["move another space's item", () => moveAgendaItem(deps, f, elsewhereItem, "up", NOW), "forbidden"],
      ["remove another space's item", () => removeAgendaItem(deps, f, elsewhereItem, NOW), "forbidden"],
      ["check in at another space's meeting", () => recordAttendance(deps, f, elsewhere, walk, NOW), "forbidden"],
      ["correct another space's row", () => correctAttendance(deps, f, elsewhereRow, walk, NOW), "forbidden"],
      ["remove another space's row", () => removeAttendance(deps, f, elsewhereRow, NOW), "forbidden"],
    ];
    for (const [what, run, code] of cases) expect({ what, result: run() }).toEqual({ what, result: { ok: false, code } });
    expect(written()).toBe(before);
  });
});
