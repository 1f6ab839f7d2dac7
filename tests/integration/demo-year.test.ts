import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { openDatabase, type Db } from "../../db/client";
import { loadGeography } from "../../db/seed/geography";
import { seedDemo } from "../../db/seed/demo";
import { seedDemoYear } from "../../db/seed/demo-year";
import {
  agendaItems,
  attendance,
  authorities,
  commitmentEvidence,
  commitmentUpdates,
  commitments,
  delegateSeats,
  meetingFacilitators,
  meetingSessions,
  meetings,
  motionEvents,
  motionVersions,
  motions,
  officials,
  organisations,
  people,
  pollVoters,
  polls,
  reports,
  reportVersions,
  spaceMemberships,
  spaces,
  speakingTurns,
  users,
} from "../../db/schema/index";
import { can, isAdmin } from "../../app/modules/auth/permissions";
import { COMMITMENT_STATES } from "../../app/modules/commitments/commitment-state";
import { commitmentBoard, commitmentPage, commitmentsToReview, evidenceFor } from "../../app/modules/commitments/commitment-views.server";
import { evidenceDir } from "../../app/modules/evidence/evidence-files.server";
import { localDate } from "../../app/modules/dates";
import { listTurns, runDelegateAction } from "../../app/modules/live/live.server";
import { meetingFigures } from "../../app/modules/meetings/attendance.server";
import { renderMarkdown } from "../../app/modules/meetings/markdown";
import { approveMinutes, changeMeetingStatus, listMinutesAwaitingApproval, recordAttendance } from "../../app/modules/meetings/meetings.server";
import { MINUTES_ROOT, minutesRef } from "../../app/modules/meetings/minutes";
import { MOTION_STATES } from "../../app/modules/motions/motion-state";
import { listMotions, motionPage } from "../../app/modules/motions/motions.server";
import { ageGroupOf } from "../../app/modules/people/age-groups";
import { AGE_KEYS, SEX_KEYS } from "../../app/modules/people/disaggregation";
import { pollView } from "../../app/modules/polls/polls.server";
import { FIGURE_IDS } from "../../app/modules/reports/figure-types";
import { SHEET_DETAILS, splitSection, TEMPLATE_SECTIONS, type ReportDocument } from "../../app/modules/reports/report-document";
import { listReports, reportPage } from "../../app/modules/reports/report-views.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { actorByEmail } from "../setup/test-db";
import { tempDir } from "../setup/temp-dir";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * The year `npm start` shows in Makòn Limonade (`db/seed/demo-year.ts`). Seeded early in
 * January, so the year it shows starts in the year before the one `seedDemo` dates its
 * register from.
 */
const NOW = Date.UTC(2027, 0, 6, 14);
const TODAY = localDate(NOW);

async function seededFile(dir: string, now: number): Promise<Db> {
  const db = openDatabase(join(dir, "makon.db"));
  loadGeography(db, now);
  await seedDemo(db, now);
  return db;
}

let dir: ReturnType<typeof tempDir>;
let db: Db;
let seeded: boolean;
const past = () => db.select().from(meetings).where(eq(meetings.spaceId, 1)).orderBy(asc(meetings.startsAt)).all().filter((m) => localDate(m.startsAt) < TODAY);
const limonadeMotions = () => db.select().from(motions).where(and(eq(motions.spaceId, 1), isNull(motions.parentId))).orderBy(asc(motions.id)).all();
const today = () => db.select().from(meetings).where(eq(meetings.spaceId, 1)).all().filter((m) => localDate(m.startsAt) === TODAY);
const limonadeCommitments = () => db.select().from(commitments).where(eq(commitments.spaceId, 1)).orderBy(asc(commitments.id)).all();
const stepsOf = (id: number) => db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).orderBy(asc(commitmentUpdates.at), asc(commitmentUpdates.id)).all();
const facilitatorActor = () => actorByEmail(db, "animateur@makon.ht");
const limonadeReport = (template: "periodic" | "sheet") => db.select().from(reports).where(and(eq(reports.spaceId, 1), eq(reports.template, template))).all();
const versionsOf = (id: number) => db.select().from(reportVersions).where(eq(reportVersions.reportId, id)).orderBy(asc(reportVersions.version)).all();
const placedFigures = (doc: Pick<ReportDocument, "sections">) => doc.sections.flatMap((s) => splitSection(s.markdown).flatMap((p) => (p.kind === "figure" ? [p.id] : [])));

beforeAll(async () => {
  dir = tempDir();
  db = await seededFile(dir.path, NOW);
  const started = performance.now();
  seeded = await seedDemoYear(db, NOW, { dataDir: dir.path });
  // Reported, not asserted: the machines that run it differ too much.
  console.info(`demo year seeded in ${Math.round(performance.now() - started)} ms`);
});
afterAll(() => {
  db.$client.close();
  dir.remove();
});

describe("a year of Makòn Limonade", () => {
  it("has six past meetings, closed and published, with a realistic room, turns and minutes", () => {
    expect(seeded).toBe(true);
    const held = past();
    expect(held).toHaveLength(6);
    expect(NOW - held[0]!.startsAt).toBeLessThan(366 * 24 * 3600_000);
    expect(new Set(held.map((m) => m.kind))).toEqual(new Set(["ordinary", "thematic_forum", "feedback_session"]));
    for (const m of held) {
      expect(m).toMatchObject({ status: "closed", published: true });
      expect(m.startedAt!).toBeGreaterThanOrEqual(m.startsAt);
      expect(m.closedAt!).toBeGreaterThan(m.startedAt!);
      // Closed as the app closes a meeting: no item current, no turn waiting or running.
      expect(db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, m.id)).get()).toMatchObject({ currentItemId: null, currentItemSince: null });
      const states = db.select({ state: speakingTurns.state }).from(speakingTurns).where(eq(speakingTurns.meetingId, m.id)).all().map((t) => t.state);
      expect(new Set(states)).toEqual(new Set(["done"]));

      const { rows, figures } = meetingFigures(db, m);
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.length).toBeLessThanOrEqual(45);
      expect(figures.people.women.share).toBeGreaterThanOrEqual(0.35);
      expect(figures.people.women.share).toBeLessThanOrEqual(0.6);
      expect(figures.people.youth.count).toBeGreaterThan(0);
      expect(figures.withDisability).toBeGreaterThanOrEqual(1);
      expect(figures.withDisability).toBeLessThanOrEqual(3);
      expect(figures.officialsPresent).toBeGreaterThan(0);
      expect(figures.quorum.met).toBe(true);
      // Known people and walk-ins, every one arrived between the plan and the close.
      expect(rows.some((r) => r.personId === null && r.role === "observer")).toBe(true);
      expect(rows.every((r) => r.arrivedAt < m.closedAt! && r.arrivedAt > m.startsAt - 3600_000)).toBe(true);

      const turns = listTurns(db, m.id);
      expect(turns.length).toBeGreaterThanOrEqual(6);
      expect(turns.length).toBeLessThanOrEqual(18);
      for (const t of turns) {
        expect(t.agendaItemId).not.toBeNull();
        expect(t.endedAt! - t.startedAt!).toBeGreaterThanOrEqual(30_000);
        expect(t.startedAt!).toBeGreaterThan(m.startedAt!);
        expect(t.endedAt!).toBeLessThan(m.closedAt!);
      }
      const items = db.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).all();
      expect(items.length).toBeGreaterThanOrEqual(3);
      // Up to five items of the plan, and the motions and amendments admitted to it.
      expect(items.filter((i) => i.kind !== "motion").length).toBeLessThanOrEqual(5);
      expect(items.length).toBeLessThanOrEqual(8);
      expect(items.every((i) => i.spentMs > 0)).toBe(true);
    }
  });

  it("has each meeting's minutes approved at the next one, the last ones awaiting today's meeting", () => {
    const held = past();
    const realtime = offlineRealtimePort(db);
    for (const [k, m] of held.entries()) {
      const text = realtime.readText(minutesRef(m.id), MINUTES_ROOT);
      expect(text).toContain(`# ${m.title}`);
      if (k < held.length - 1) {
        const next = held[k + 1]!;
        const item = db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, next.id), eq(agendaItems.kind, "minutes_approval"))).get()!;
        expect(item.approvesMeetingId).toBe(m.id);
        // Frozen as approving freezes them: the shared text, and its HTML.
        expect(m).toMatchObject({ minutesApprovedInMeetingId: next.id, minutesMarkdown: text, minutesHtml: renderMarkdown(text) });
        expect(m.minutesHtml).toContain("<h3>");
        expect(m.minutesApprovedAt!).toBeGreaterThan(next.startedAt!);
        expect(m.minutesApprovedAt!).toBeLessThan(next.closedAt!);
        expect(item.position).toBe(1);
      } else {
        // Approval is what freezes minutes: the last meeting's wait in the shared document.
        expect(m).toMatchObject({ minutesApprovedAt: null, minutesApprovedInMeetingId: null, minutesMarkdown: null, minutesHtml: null });
        expect(renderMarkdown(text)).toContain("<h3>");
      }
    }
    expect(held[0]!.minutesApprovedInMeetingId).toBe(held[1]!.id);
    expect(db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, held[0]!.id), eq(agendaItems.kind, "minutes_approval"))).get()).toBeUndefined();

    const [planned, ...others] = today();
    expect(others).toHaveLength(0);
    expect(planned).toMatchObject({ status: "planned", published: true, startedAt: null });
    expect(localDate(planned!.startsAt)).toBe(TODAY);
    expect(new Date(planned!.startsAt).toISOString()).toBe("2027-01-06T15:00:00.000Z");
    const first = db.select().from(agendaItems).where(eq(agendaItems.meetingId, planned!.id)).orderBy(asc(agendaItems.position)).get()!;
    expect(first.kind).toBe("minutes_approval");
    expect(listMinutesAwaitingApproval(db, 1, planned!.startsAt, planned!.id).map((m) => m.id)).toEqual([held[5]!.id]);
    const facilitatorId = db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id;
    expect(db.select().from(meetingFacilitators).where(eq(meetingFacilitators.meetingId, planned!.id)).all().map((f) => f.userId)).toEqual([facilitatorId]);
  });

  it("has a register: member organisations with two delegates each, the sections' CASEC and ASEC, the municipal council", () => {
    const members = db
      .select({ name: organisations.name, acronym: organisations.acronym, type: organisations.type, joinedOn: spaceMemberships.joinedOn })
      .from(spaceMemberships)
      .innerJoin(organisations, eq(organisations.id, spaceMemberships.organisationId))
      .where(and(eq(spaceMemberships.spaceId, 1), isNull(spaceMemberships.leftOn)))
      .all();
    expect(members.length).toBeGreaterThanOrEqual(8);
    expect(members.filter((m) => m.acronym === "APWOLIM")).toHaveLength(1);
    expect(members.map((m) => m.acronym)).toContain("AFLIDEPA");
    for (const type of ["women", "youth", "muso", "peasant", "cooperative"]) expect(members.some((m) => m.type === type)).toBe(true);
    // Members before the first meeting, APWOLIM included (`seedDemo` dates it from this January).
    const first = past()[0]!;
    expect(members.every((m) => m.joinedOn <= localDate(first.startsAt))).toBe(true);

    const seats = db.select().from(delegateSeats).where(eq(delegateSeats.spaceId, 1)).all();
    expect(seats).toHaveLength(members.length * 2);
    const delegates = db.select({ sex: people.sex, birthYear: people.birthYear, language: people.preferredLanguage }).from(delegateSeats).innerJoin(people, eq(people.id, delegateSeats.personId)).where(eq(delegateSeats.spaceId, 1)).all();
    expect(delegates.some((d) => d.sex === "female") && delegates.some((d) => d.sex === "male")).toBe(true);
    expect(delegates.some((d) => ageGroupOf(d, 2027) === "18_24")).toBe(true);
    expect(delegates.some((d) => d.language === "ht")).toBe(true);

    const register = db.select({ kind: authorities.kind, name: authorities.name, section: authorities.sectionCode }).from(authorities).where(eq(authorities.communeCode, "HT0313")).all();
    for (const section of ["HT0313-01", "HT0313-02", "HT0313-03"]) {
      expect(register.filter((a) => a.kind === "casec" && a.section === section)).toHaveLength(1);
      expect(register.filter((a) => a.kind === "asec" && a.section === section)).toHaveLength(1);
    }
    expect(register.filter((a) => a.kind === "municipal_council").map((a) => a.name)).toEqual(["Conseil municipal de Limonade"]);
    const titles = db.select({ title: officials.title }).from(officials).all().map((o) => o.title);
    expect(titles).toEqual(expect.arrayContaining(["Membre du CASEC", "Maire principal"]));
  });

  it("has the demo delegate and CASEC member present at some meetings, and speaking from their phones", () => {
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      const person = db.select().from(people).innerJoin(users, eq(users.id, people.userId)).where(eq(users.email, email)).get()!.people;
      const rows = db.select().from(attendance).where(eq(attendance.personId, person.id)).all();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const turns = rows.flatMap((r) => db.select().from(speakingTurns).where(eq(speakingTurns.attendanceId, r.id)).all());
      expect(turns.length).toBeGreaterThanOrEqual(1);
      expect(turns.every((t) => t.requestedBy === "delegate")).toBe(true);
    }
  });

  it("is the same every time it is seeded at the same instant", async () => {
    const other = tempDir();
    const again = await seededFile(other.path, NOW);
    try {
      expect(await seedDemoYear(again, NOW, { dataDir: other.path })).toBe(true);
      const record = (d: Db) => ({
        meetings: d.select({ title: meetings.title, startsAt: meetings.startsAt, closedAt: meetings.closedAt, minutes: meetings.minutesMarkdown }).from(meetings).orderBy(asc(meetings.id)).all(),
        attendance: d.select({ name: attendance.name, sex: attendance.sex, ageGroup: attendance.ageGroup, disability: attendance.disability, arrivedAt: attendance.arrivedAt }).from(attendance).orderBy(asc(attendance.id)).all(),
        turns: d.select({ attendanceId: speakingTurns.attendanceId, startedAt: speakingTurns.startedAt, endedAt: speakingTurns.endedAt }).from(speakingTurns).orderBy(asc(speakingTurns.id)).all(),
        motions: d
          .select({ spaceId: motions.spaceId, title: motions.title, text: motions.text, state: motions.state, year: motions.year, sequence: motions.sequence, submittedAt: motions.submittedAt, decidedAt: motions.decidedAt })
          .from(motions)
          .orderBy(asc(motions.id))
          .all(),
        // Everything but who opened them (account ids are random).
        polls: d.select().from(polls).orderBy(asc(polls.id)).all().map(({ openedBy: _openedBy, ...poll }) => poll),
        voters: d.select().from(pollVoters).orderBy(asc(pollVoters.pollId), asc(pollVoters.personId)).all(),
        // Everything but who acted and the files' random names.
        commitments: d.select().from(commitments).orderBy(asc(commitments.id)).all().map(({ createdBy: _createdBy, ...c }) => c),
        updates: d.select().from(commitmentUpdates).orderBy(asc(commitmentUpdates.id)).all().map(({ actorId: _actorId, ...u }) => u),
        evidence: d.select({ updateId: commitmentEvidence.updateId, kind: commitmentEvidence.kind, originalName: commitmentEvidence.originalName, width: commitmentEvidence.width }).from(commitmentEvidence).orderBy(asc(commitmentEvidence.id)).all(),
        reports: d.select().from(reports).orderBy(asc(reports.id)).all().map(({ createdBy: _createdBy, ...r }) => r),
        reportVersions: d.select().from(reportVersions).orderBy(asc(reportVersions.id)).all().map(({ publishedBy: _publishedBy, ...v }) => v),
      });
      expect(record(again)).toEqual(record(db));
    } finally {
      again.$client.close();
      other.remove();
    }
  });

  it("is seeded once: a second run changes nothing", async () => {
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const counts = () => Object.fromEntries(tables.map((t) => [t, (db.$client.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
    const before = counts();
    const files = readdirSync(evidenceDir(dir.path)).length;
    expect(await seedDemoYear(db, NOW, { dataDir: dir.path })).toBe(false);
    expect(await seedDemoYear(db, NOW + 40 * 24 * 3600_000, { dataDir: dir.path })).toBe(false);
    expect(counts()).toEqual(before);
    expect(readdirSync(evidenceDir(dir.path))).toHaveLength(files);
  });

  it("has a motion in every state: adopted as amended, rejected, withdrawn, referred to an authority, admitted to today's meeting, submitted, a draft", () => {
    const all = limonadeMotions();
    for (const state of MOTION_STATES) expect(all.some((m) => m.state === state), state).toBe(true);
    const draft = all.find((m) => m.state === "draft")!;
    expect(draft).toMatchObject({ submittedAt: null });
    expect(draft.sequence).toBeLessThan(0);
    // The demo delegate's own draft, which she sees and nobody else does.
    expect(listMotions(db, actorByEmail(db, "delegue@makon.ht"), 1, { state: "draft" }, NOW).map((m) => m.id)).toContain(draft.id);
    expect(listMotions(db, null, 1, {}, NOW).map((m) => m.id)).not.toContain(draft.id);
    const admitted = all.filter((m) => m.state === "admitted");
    expect(admitted.map((m) => m.meetingId)).toEqual(admitted.map(() => today()[0]!.id));
    expect(db.select().from(agendaItems).where(eq(agendaItems.motionId, admitted[0]!.id)).all()).toHaveLength(1);

    // Adopted as amended: one amendment adopted (its paragraph now in the text, version 2), one rejected.
    const amended = all.find((m) => m.state === "adopted" && db.select().from(motions).where(eq(motions.parentId, m.id)).all().length > 0)!;
    const amendments = db.select().from(motions).where(eq(motions.parentId, amended.id)).orderBy(asc(motions.sequence)).all();
    expect(amendments.map((a) => a.state)).toEqual(["adopted", "rejected"]);
    const versions = db.select().from(motionVersions).where(eq(motionVersions.motionId, amended.id)).orderBy(asc(motionVersions.version)).all();
    expect(versions.map((v) => v.amendmentId)).toEqual([null, amendments[0]!.id]);
    expect(versions[1]!.text).toBe(amended.text);
    expect(amended.text).toContain(amendments[0]!.replacementText!);
    expect(amended.text).not.toContain(amendments[1]!.replacementText!);
    const page = motionPage(db, null, amended.id, NOW)!;
    expect(page.decision!.poll).toMatchObject({ method: "named", result: { outcome: "adopted" } });
    expect(page.amendments.map((a) => a.decision?.poll?.method)).toEqual(["hands", "named"]);

    // Decided by the meeting that held it, with the poll that decided it.
    for (const m of all.filter((m) => m.state === "adopted" || m.state === "rejected")) {
      const decided = db.select().from(motionEvents).where(and(eq(motionEvents.motionId, m.id), eq(motionEvents.toState, m.state))).get()!;
      expect(decided.pollId).not.toBeNull();
      expect(db.select().from(meetings).where(eq(meetings.id, m.meetingId!)).get()!.status).toBe("closed");
    }
    const referred = all.find((m) => m.state === "referred")!;
    expect(db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, referred.referredAuthorityId!)).get()!.name).toBe("Conseil municipal de Limonade");
    // Withdrawn in the room by a delegate of its proposer.
    const withdrawn = all.find((m) => m.state === "withdrawn")!;
    const event = db.select().from(motionEvents).where(and(eq(motionEvents.motionId, withdrawn.id), eq(motionEvents.move, "withdraw"))).get()!;
    const by = db.select({ organisationId: delegateSeats.organisationId }).from(people).innerJoin(delegateSeats, eq(delegateSeats.personId, people.id)).where(eq(people.userId, event.actorId!)).get()!;
    expect(by.organisationId).toBe(withdrawn.proposerOrganisationId);
    expect(event.meetingId).toBe(withdrawn.meetingId);
    // Women's and youth organisations among the proposers, themes of the programme.
    const proposers = db.select({ ledByWoman: organisations.ledByWoman, ledByYouth: organisations.ledByYouth }).from(motions).innerJoin(organisations, eq(organisations.id, motions.proposerOrganisationId)).where(eq(motions.spaceId, 1)).all();
    expect(proposers.some((p) => p.ledByWoman) && proposers.some((p) => p.ledByYouth)).toBe(true);
    expect(new Set(all.map((m) => m.theme))).toEqual(new Set(["water", "roads", "youth", "women_rights", "other", "health", "agriculture"]));
  });

  it("has a poll of every method closed with its stored result, in meetings held", () => {
    const rows = db.select({ poll: polls, meeting: meetings }).from(polls).innerJoin(meetings, eq(meetings.id, polls.meetingId)).all();
    for (const method of ["named", "secret", "hands", "hybrid", "consensus"] as const) expect(rows.some((r) => r.poll.method === method), method).toBe(true);
    for (const { poll, meeting } of rows) {
      expect(poll).toMatchObject({ state: "closed" });
      expect(poll.result!.outcome).toMatch(/^(adopted|rejected)$/);
      expect(meeting.status).toBe("closed");
      expect(poll.openedAt).toBeGreaterThan(meeting.startedAt!);
      expect(poll.closedAt!).toBeLessThan(meeting.closedAt!);
      expect(meeting.closedAt!).toBeLessThan(NOW);
      const view = pollView(db, null, poll.id, "fr")!;
      expect(view.result!.words.length).toBeGreaterThan(0);
      const voters = db.select().from(pollVoters).where(eq(pollVoters.pollId, poll.id)).all();
      expect(voters).toHaveLength(poll.eligible);
      expect(voters.filter((v) => v.voted)).toHaveLength(poll.phoneYes + poll.phoneNo + poll.phoneAbstain);
      // Only a named poll keeps who voted what.
      expect(voters.some((v) => v.choice !== null)).toBe(poll.method === "named");
    }
    const one = (method: string) => rows.find((r) => r.poll.method === method)!.poll;
    expect(one("named").phoneYes + one("named").phoneNo).toBeGreaterThan(0);
    expect(one("secret").phoneYes).toBeGreaterThan(0);
    const breakdown = rows.find((r) => r.poll.method === "hands" && r.poll.handsBreakdown !== null)!.poll;
    // The hands for by sex and age group: women and men, young and older, adding up to the hands for.
    const cells = breakdown.handsBreakdown!.bySexAndAge;
    expect(SEX_KEYS.flatMap((sex) => AGE_KEYS.map((age) => cells[sex][age])).reduce((x, y) => x + y, 0)).toBe(breakdown.handsYes);
    expect(breakdown.handsBreakdown!.bySex.female).toBeGreaterThan(0);
    expect(breakdown.handsBreakdown!.bySex.male).toBeGreaterThan(0);
    const hybrid = one("hybrid");
    expect(hybrid.phoneYes + hybrid.phoneNo + hybrid.phoneAbstain).toBeGreaterThan(0);
    expect(hybrid.handsYes! + hybrid.handsNo! + hybrid.handsAbstain!).toBeGreaterThan(0);
    expect(one("consensus")).toMatchObject({ consensus: true, result: { outcome: "adopted", reason: "consensus" } });
  });

  it("has a motion adopted in Makòn Roucou, a section's space, forwarded to Makòn Limonade where it waits, submitted", () => {
    const forwarded = limonadeMotions().filter((m) => m.forwardedFromId !== null);
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toMatchObject({ state: "submitted" });
    const origin = db.select().from(motions).where(eq(motions.id, forwarded[0]!.forwardedFromId!)).get()!;
    const section = db.select().from(spaces).where(eq(spaces.id, origin.spaceId)).get()!;
    expect(section).toMatchObject({ name: "Makòn Roucou", level: "section", communeCode: "HT0313", sectionCode: "HT0313-03" });
    expect(origin).toMatchObject({ state: "adopted", text: forwarded[0]!.text, title: forwarded[0]!.title });
    const held = db.select().from(meetings).where(eq(meetings.id, origin.meetingId!)).get()!;
    expect(held).toMatchObject({ spaceId: section.id, status: "closed" });
    expect(forwarded[0]!.submittedAt!).toBeGreaterThan(held.closedAt!);
    const page = motionPage(db, null, forwarded[0]!.id, NOW)!;
    expect(page.forwardedFrom).toMatchObject({ id: origin.id, spaceName: "Makòn Roucou", state: "adopted", decision: { move: "adopt", poll: { method: "hands" } } });
    expect(motionPage(db, null, origin.id, NOW)!.forwardedTo).toMatchObject({ id: forwarded[0]!.id, state: "submitted" });
  });

  it("has commitments in every state, most made in the year's meetings on its motions, by CASEC, ASEC and the municipal council", () => {
    const all = limonadeCommitments();
    for (const state of COMMITMENT_STATES) expect(all.some((c) => c.state === state), state).toBe(true);
    expect(all.filter((c) => c.meetingId !== null).length).toBeGreaterThan(all.length / 2);
    expect(all.filter((c) => c.motionId !== null).length).toBeGreaterThan(all.length / 2);
    const adopted = db.select({ id: motions.id }).from(motions).where(and(eq(motions.spaceId, 1), eq(motions.state, "adopted"))).all().map((m) => m.id);
    expect(all.filter((c) => c.motionId !== null && adopted.includes(c.motionId)).length).toBeGreaterThanOrEqual(4);
    // Made in a meeting: pledged on its day, in a meeting held.
    for (const c of all.filter((c) => c.meetingId !== null)) {
      const m = db.select().from(meetings).where(eq(meetings.id, c.meetingId!)).get()!;
      expect(m.status).toBe("closed");
      expect(c.pledgedOn).toBe(localDate(m.startsAt));
    }
    const kinds = db.select({ kind: authorities.kind }).from(authorities).where(inArray(authorities.id, all.map((c) => c.authorityId))).all().map((a) => a.kind);
    expect(new Set(kinds)).toEqual(new Set(["casec", "asec", "municipal_council"]));
    expect(new Set(all.map((c) => c.theme)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((c) => c.sectionCode))).toEqual(new Set([null, "HT0313-01", "HT0313-02", "HT0313-03"]));
    expect(all.filter((c) => c.budgetHtg !== null).length).toBeGreaterThanOrEqual(5);
    // One answers for it through an office without an account; one counts its beneficiaries by sex and age.
    expect(all.some((c) => c.officialId === null && c.office !== "")).toBe(true);
    const counted = all.find((c) => c.beneficiariesBreakdown !== null)!;
    expect(Object.values(counted.beneficiariesBreakdown!).flatMap((ages) => Object.values(ages)).reduce((x, y) => x + y, 0)).toBe(counted.beneficiaries);
    // Every step after the commitment was made, before today; the officials' news as the authority, named.
    for (const c of all) {
      const steps = stepsOf(c.id);
      expect(steps[0]).toMatchObject({ move: "record", at: c.createdAt });
      expect(steps.at(-1)!.toState).toBe(c.state);
      expect(steps.every((u) => u.at >= c.createdAt && u.at < NOW)).toBe(true);
    }
    const page = commitmentPage(db, null, all.find((c) => c.state === "abandoned")!.id, NOW)!;
    const abandoned = page.timeline.find((s) => s.move === "abandon")!;
    expect(abandoned).toMatchObject({ actorKind: "authority", who: expect.stringContaining("ASEC") });
    expect(abandoned.note.length).toBeGreaterThan(40);

    // Makòn Roucou's too: made in its assembly, on the motion it adopted.
    const roucou = db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, "Makòn Roucou")).get()!.id;
    const theirs = db.select().from(commitments).where(eq(commitments.spaceId, roucou)).all();
    expect(theirs.length).toBeGreaterThanOrEqual(1);
    expect(db.select().from(motions).where(eq(motions.id, theirs[0]!.motionId!)).get()).toMatchObject({ spaceId: roucou, state: "adopted" });
    expect(db.select().from(meetings).where(eq(meetings.id, theirs[0]!.meetingId!)).get()).toMatchObject({ spaceId: roucou, status: "closed" });
  });

  it("has progress updates with percentages and photos stored on disk with their thumbnails, a quote in PDF and a link", () => {
    const photos = db.select().from(commitmentEvidence).where(eq(commitmentEvidence.kind, "photo")).all();
    expect(new Set(photos.map((p) => p.commitmentId)).size).toBeGreaterThanOrEqual(5);
    for (const p of photos) {
      expect(p).toMatchObject({ mime: "image/jpeg", originalName: expect.stringMatching(/^IMG_\d{8}_\d{6}\.jpg$/) });
      expect(statSync(join(evidenceDir(dir.path), p.file)).size).toBe(p.bytes);
      expect(existsSync(join(evidenceDir(dir.path), p.thumb!))).toBe(true);
      // A few kilobytes each: light on 3G.
      expect(p.bytes).toBeLessThan(40_000);
    }
    const quote = db.select().from(commitmentEvidence).where(eq(commitmentEvidence.kind, "document")).get()!;
    expect(quote).toMatchObject({ mime: "application/pdf", thumb: null });
    expect(readdirSync(evidenceDir(dir.path))).toContain(quote.file);
    expect(db.select().from(commitmentUpdates).where(isNotNull(commitmentUpdates.link)).all().length).toBeGreaterThanOrEqual(1);

    // In progress: one overdue, with its updates' percentages; one without news for 60 days.
    const board = commitmentBoard(db, facilitatorActor(), [1], {}, NOW).list;
    const overdue = board.find((c) => c.state === "in_progress" && c.overdueDays !== null)!;
    const percents = stepsOf(overdue.id).filter((u) => u.move === "update").map((u) => u.percent);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    expect(percents).toEqual([...percents].sort((a, b) => a! - b!));
    expect(board.some((c) => c.state === "in_progress" && c.noNews && c.overdueDays === null)).toBe(true);
    // Pledged: one due within the fortnight, one far off.
    expect(board.some((c) => c.state === "pledged" && c.dueSoon)).toBe(true);
    expect(board.some((c) => c.state === "pledged" && c.dueDate > localDate(NOW + 150 * 24 * 3600_000))).toBe(true);
  });

  it("has claims verified by organisations, by a meeting after a dispute, and one waiting for the people", () => {
    const all = limonadeCommitments();
    const answersOf = (id: number) => stepsOf(id).filter((u) => u.move === "confirm" || u.move === "dispute");
    const verified = all.filter((c) => c.state === "verified");
    // By the people: two organisations confirmed, none disputed, and that made it verified.
    const byThePeople = verified.find((c) => stepsOf(c.id).at(-1)!.move === "confirm")!;
    const confirmations = answersOf(byThePeople.id);
    expect(confirmations.map((a) => a.move)).toEqual(["confirm", "confirm"]);
    expect(new Set(confirmations.map((a) => a.organisationId)).size).toBe(2);
    expect(commitmentPage(db, null, byThePeople.id, NOW)!.confirmations).toBe(2);
    // By a meeting, after a dispute: three organisations confirmed and one disputed.
    const byTheMeeting = verified.find((c) => stepsOf(c.id).at(-1)!.move === "verify")!;
    const answers = answersOf(byTheMeeting.id);
    expect(answers.filter((a) => a.move === "confirm")).toHaveLength(3);
    expect(answers.filter((a) => a.move === "dispute")).toHaveLength(1);
    expect(stepsOf(byTheMeeting.id).at(-1)!.meetingId).not.toBeNull();
    // Claimed done, one confirmation so far: the demo delegate's organisation may still answer.
    const waiting = all.find((c) => c.state === "claimed_done")!;
    expect(answersOf(waiting.id).map((a) => a.move)).toEqual(["confirm"]);
    expect(commitmentPage(db, actorByEmail(db, "delegue@makon.ht"), waiting.id, NOW)!.actions.answerFor.map((o) => o.name)).toEqual(["Association des producteurs de lait de Limonade"]);
    // Partly done, not done: decided by a meeting.
    for (const state of ["partly_done", "not_done"] as const) expect(stepsOf(all.find((c) => c.state === state)!.id).at(-1)).toMatchObject({ actorKind: "meeting", meetingId: expect.any(Number) });
  });

  it("has a dispute with its reason, which puts the commitment on today's meeting's review", () => {
    const disputed = limonadeCommitments().find((c) => c.state === "disputed")!;
    const dispute = stepsOf(disputed.id).find((u) => u.move === "dispute")!;
    expect(dispute.organisationId).not.toBeNull();
    expect(dispute.note.length).toBeGreaterThan(40);
    expect(commitmentsToReview(db, 1, NOW).map((c) => c.id)).toContain(disputed.id);
    expect(db.select().from(agendaItems).where(and(eq(agendaItems.meetingId, today()[0]!.id), eq(agendaItems.kind, "commitment_review"))).all()).toHaveLength(1);
  });

  it("has a commitment given a new due date in a meeting, its original date kept", () => {
    const moved = limonadeCommitments().filter((c) => c.dueDate !== c.originalDueDate);
    expect(moved).toHaveLength(1);
    const reschedule = stepsOf(moved[0]!.id).find((u) => u.move === "reschedule")!;
    expect(reschedule).toMatchObject({ actorKind: "meeting", previousDueDate: moved[0]!.originalDueDate, dueDate: moved[0]!.dueDate, meetingId: expect.any(Number) });
    expect(moved[0]!.originalDueDate < TODAY && moved[0]!.dueDate > TODAY).toBe(true);
  });

  it("has an internal commitment, on the space's board for its members only, its photo never served to the public", () => {
    const internal = limonadeCommitments().filter((c) => !c.public);
    expect(internal).toHaveLength(1);
    const id = internal[0]!.id;
    expect(commitmentBoard(db, null, [1], {}, NOW).list.map((c) => c.id)).not.toContain(id);
    expect(commitmentBoard(db, facilitatorActor(), [1], {}, NOW).list.map((c) => c.id)).toContain(id);
    expect(commitmentPage(db, null, id, NOW)).toBeNull();
    const photo = db.select().from(commitmentEvidence).where(eq(commitmentEvidence.commitmentId, id)).get()!;
    expect(evidenceFor(db, null, photo.thumb!, NOW)).toBeNull();
    expect(evidenceFor(db, facilitatorActor(), photo.thumb!, NOW)).toMatchObject({ mime: "image/jpeg" });
  });

  it("has the year's annual report in French, published, then corrected as version 2, every section written around its figures", () => {
    const annual = limonadeReport("periodic");
    expect(annual).toHaveLength(1);
    // Begun early in January: the calendar year before holds the six meetings.
    expect(annual[0]).toMatchObject({ scopeKind: "space", locale: "fr", status: "published", versions: 2, periodKind: "year", periodFrom: "2026-01-01", periodTo: "2026-12-31", title: "Rapport annuel de Makòn Limonade — Année 2026" });
    const versions = versionsOf(annual[0]!.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.publishedAt).toBeGreaterThan(annual[0]!.createdAt);
    expect(versions[1]!.publishedAt).toBeGreaterThan(versions[0]!.publishedAt);
    expect(versions[1]!.publishedAt).toBeLessThan(NOW);
    for (const { document } of versions) {
      expect(document).toMatchObject({ template: "periodic", locale: "fr", periodLabel: "Année 2026" });
      expect(document.sections.map((s) => s.key)).toEqual([...TEMPLATE_SECTIONS.periodic]);
      for (const s of document.sections) expect(splitSection(s.markdown).filter((p) => p.kind === "text").map((p) => (p.kind === "text" ? p.markdown : "")).join("").length, s.key).toBeGreaterThan(200);
      // Every figure createReport placed is still there, each once, with the text written around them.
      expect(placedFigures(document).sort()).toEqual([...FIGURE_IDS].sort());
      const figure = (id: string) => document.figures.find((f) => f.id === id)!.table;
      const total = (id: string, column: number) => figure(id).rows.find((r) => "key" in r.label && r.label.key === "reports.figure.row.total")!.cells[column];
      expect(total("meetings.byKind", 0)).toEqual({ count: 6 });
      // The public's figures: no cell of 1 to 4 people shown.
      for (const f of document.figures.filter((f) => f.table.people)) for (const cell of f.table.rows.flatMap((r) => r.cells)) if (cell && "count" in cell) expect(cell.count === 0 || cell.count >= 5, f.id).toBe(true);
      // The text quotes what they show.
      const present = total("attendance.bySexAge", figure("attendance.bySexAge").columns.findIndex((c) => "key" in c && c.key === "reports.figure.col.total")) as { count: number };
      expect(document.sections.find((s) => s.key === "summary")!.markdown).toContain("6 réunions publiques");
      expect(document.sections.find((s) => s.key === "participation")!.markdown).toContain(`Les ${present.count} présences`);
    }
    // The correction, said in the summary; nothing else changed.
    const text = (v: number, key: string) => versions[v]!.document.sections.find((s) => s.key === key)!.markdown;
    expect(text(0, "accountability")).toContain("réparée par le CASEC de la 3e section");
    expect(text(1, "accountability")).toContain("réparée par la mairie");
    expect(text(1, "summary")).toContain("*Version 2 :");
    for (const key of ["participation", "deliberation", "outlook"]) expect(text(1, key)).toBe(text(0, key));

    // Anyone reads the last version, and the first.
    const realtime = offlineRealtimePort(db);
    expect(reportPage(db, realtime, null, annual[0]!.id, null, NOW)).toMatchObject({ status: "published", canWrite: false, document: { version: 2 }, versions: [{ version: 1 }, { version: 2 }] });
    expect(reportPage(db, realtime, null, annual[0]!.id, 1, NOW)!.document.sections.find((s) => s.key === "accountability")!.markdown).toBe(text(0, "accountability"));
  });

  it("has a capitalisation sheet in Kreyòl on the people verifying the authorities' commitments: its details, a figure, two testimonies of people who may be named", () => {
    const [sheet, ...others] = limonadeReport("sheet");
    expect(others).toHaveLength(0);
    expect(sheet).toMatchObject({ locale: "ht", status: "published", versions: 1, periodFrom: "2026-01-01", periodTo: "2026-12-31" });
    for (const key of SHEET_DETAILS) expect(sheet!.details[key]?.length ?? 0, key).toBeGreaterThan(20);
    const versions = versionsOf(sheet!.id);
    expect(versions).toHaveLength(1);
    const { document } = versions[0]!;
    expect(document).toMatchObject({ template: "sheet", locale: "ht", title: sheet!.title, details: sheet!.details, periodLabel: "Ane 2026" });
    expect(document.sections.map((s) => s.key)).toEqual([...TEMPLATE_SECTIONS.sheet]);
    for (const s of document.sections) expect(s.markdown.trim().length, s.key).toBeGreaterThan(80);
    expect(placedFigures(document)).toContain("commitments.byAuthority");

    // Two block quotes, each signed by an adult of the register who agreed to be named.
    const testimonies = document.sections.find((s) => s.key === "testimonies")!.markdown;
    expect(renderMarkdown(testimonies).match(/<blockquote>/g)).toHaveLength(2);
    const signed = [...testimonies.matchAll(/^> — ([^,]+), /gm)].map((m) => m[1]!);
    expect(signed).toHaveLength(2);
    for (const name of signed) {
      const person = db.select().from(people).where(eq(people.name, name)).get();
      expect(person, name).toMatchObject({ namedPublicly: true });
      expect(person!.birthYear!).toBeLessThanOrEqual(2026 - 18);
    }
    expect(reportPage(db, offlineRealtimePort(db), null, sheet!.id, null, NOW)).toMatchObject({ status: "published", document: { version: 1, locale: "ht" } });
  });

  it("lists both reports for the public under Limonade, in the year they cover", () => {
    const { published, mine } = listReports(db, null);
    expect(mine).toEqual([]);
    expect(published.map((r) => ({ template: r.template, locale: r.locale, communeName: r.communeName, year: r.year, version: r.version })).sort((a, b) => a.template.localeCompare(b.template))).toEqual([
      { template: "periodic", locale: "fr", communeName: "Limonade", year: 2026, version: 2 },
      { template: "sheet", locale: "ht", communeName: "Limonade", year: 2026, version: 1 },
    ]);
  });

  // Last: it runs today's meeting.
  it("lets every demo account do its role's job at once", () => {
    const deps = { db, realtime: offlineRealtimePort(db) };
    const admin = actorByEmail(db, "admin@makon.ht");
    const facilitator = actorByEmail(db, "animateur@makon.ht");
    const delegate = actorByEmail(db, "delegue@makon.ht");
    const casec = actorByEmail(db, "casec@makon.ht");
    expect(isAdmin(admin)).toBe(true);

    const apwolim = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
    expect(delegate.seats!.some((s) => s.spaceId === 1)).toBe(true);
    expect(can(delegate, "organisation.speakFor", { spaceId: 1, organisationId: apwolim, on: TODAY, seat: "titular" })).toBe(true);
    expect(can(delegate, "organisation.speakFor", { spaceId: 1, organisationId: apwolim, on: localDate(past()[0]!.startsAt) })).toBe(true);
    const casec1 = db.select({ id: authorities.id }).from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
    expect(can(casec, "authority.answerFor", { authorityId: casec1, on: TODAY })).toBe(true);

    // The facilitator opens today's meeting and has last meeting's minutes approved; the
    // delegate, checked in, asks to speak from her phone.
    const meeting = today()[0]!;
    const last = past()[5]!;
    const start = meeting.startsAt + 5 * 60_000;
    expect(changeMeetingStatus(deps, facilitator, meeting.id, "start", { now: start })).toEqual({ ok: true, value: null });
    expect(approveMinutes(deps, facilitator, last.id, { now: start + 60_000, inMeetingId: meeting.id })).toEqual({ ok: true, value: null });
    const rose = delegate.personId!;
    const checkIn = recordAttendance(deps, facilitator, meeting.id, { personId: rose, name: "Rose-Andrée Louis", sex: "female", ageGroup: "36_59", disability: false, organisationId: apwolim, role: "delegate" }, start);
    expect(checkIn.ok).toBe(true);
    expect(runDelegateAction(deps, delegate, meeting.id, { type: "request" }, start + 120_000)).toEqual({ ok: true, value: null });
    expect(db.select().from(meetings).where(eq(meetings.id, last.id)).get()!.minutesHtml).toContain("<h3>");
  });
});

describe("the year's pages", () => {
  let server: TestServer;
  let meetingIds: { past: number[]; today: number };
  beforeAll(async () => {
    server = await startTestServer();
    expect(await seedDemoYear(server.db, Date.now(), { dataDir: dirname(server.databasePath) })).toBe(true);
    const all = server.db.select().from(meetings).where(eq(meetings.spaceId, 1)).orderBy(asc(meetings.startsAt)).all();
    meetingIds = { past: all.slice(0, 6).map((m) => m.id), today: all[6]!.id };
  });
  afterAll(() => server.stop());

  const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });

  it("show the space's year to anyone", async () => {
    const response = await get("/espaces/1");
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const title of ["Forum thématique : l&#x27;eau potable à Limonade", "Séance de redevabilité avec le conseil municipal et les CASEC", "Assemblée ordinaire : bilan d&#x27;une année de Makòn"]) expect(html).toContain(title);
    expect(html).toContain("AFLIDEPA");
  });

  it("show a past meeting's approved minutes and record, naming only who may be named", async () => {
    const id = meetingIds.past[1]!;
    const response = await get(`/espaces/1/reunions/${id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="frozen-minutes"');
    expect(html).toContain("Timoun yo rate lekòl pou y al pran dlo.");
    // Officials and delegates who agreed are named; walk-ins are counted, never named.
    expect(html).toContain("Odné Sainvil");
    expect(html).toContain("Altagrâce Noël");
    const walkIns = server.db.select({ name: attendance.name }).from(attendance).where(and(eq(attendance.meetingId, id), isNull(attendance.personId), eq(attendance.role, "observer"))).all();
    expect(walkIns.length).toBeGreaterThan(0);
    for (const { name } of walkIns) expect(html).not.toContain(name);
  });

  it("show the motions, the one adopted as amended with its result, and the one forwarded from Makòn Roucou", async () => {
    const list = await get("/espaces/1/motions");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Réhabilitation du captage de la source de Bord-de-Mer de Limonade");
    expect(html).toContain("Réhabilitation du captage de la source de Roucou et comité de gestion de l&#x27;eau");
    const amended = server.db.select().from(motions).where(and(eq(motions.spaceId, 1), eq(motions.title, "Réhabilitation du captage de la source de Bord-de-Mer de Limonade"), isNull(motions.parentId))).get()!;
    const page = await get(`/espaces/1/motions/${amended.id}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("deux fontaines encore en panne à Roucou");
    const forwarded = server.db.select().from(motions).where(and(eq(motions.spaceId, 1), isNotNull(motions.forwardedFromId))).get()!;
    expect(await (await get(`/espaces/1/motions/${forwarded.id}`)).text()).toContain("Makòn Roucou");
  });

  it("show a commitment's photos to anyone, served as JPEG, and never an internal one's", async () => {
    const photo = server.db
      .select({ commitmentId: commitmentEvidence.commitmentId, thumb: commitmentEvidence.thumb })
      .from(commitmentEvidence)
      .innerJoin(commitments, eq(commitments.id, commitmentEvidence.commitmentId))
      .where(and(eq(commitments.spaceId, 1), eq(commitments.public, true), eq(commitmentEvidence.kind, "photo")))
      .get()!;
    const page = await get(`/espaces/1/engagements/${photo.commitmentId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`/preuves/${photo.thumb}`);
    const thumb = await get(`/preuves/${photo.thumb}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    expect((await thumb.arrayBuffer()).byteLength).toBeGreaterThan(500);

    const internal = server.db.select().from(commitments).where(eq(commitments.public, false)).get()!;
    const hidden = server.db.select({ thumb: commitmentEvidence.thumb }).from(commitmentEvidence).where(eq(commitmentEvidence.commitmentId, internal.id)).get()!;
    expect((await get(`/espaces/1/engagements/${internal.id}`)).status).toBe(404);
    expect((await get(`/preuves/${hidden.thumb}`)).status).toBe(404);
    const board = await (await get("/espaces/1/engagements")).text();
    expect(board).toContain("Réparer la fontaine du bourg de Roucou");
    expect(board).not.toContain(internal.title);
  });

  it("show the year's annual report and capitalisation sheet to anyone, listed under Limonade", async () => {
    const annual = server.db.select().from(reports).where(eq(reports.template, "periodic")).get()!;
    const sheet = server.db.select().from(reports).where(eq(reports.template, "sheet")).get()!;
    const list = await get("/rapports");
    expect(list.status).toBe(200);
    const html = await list.text();
    const limonade = html.slice(html.indexOf("<h3>Limonade</h3>"));
    for (const r of [annual, sheet]) expect(limonade).toContain(`href="/rapports/${r.id}"`);
    const page = await get(`/rapports/${annual.id}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain(annual.title);
    expect(body).toContain('data-testid="report-versions"');
    expect(body).toContain("réparée par la mairie");
    const sheetPage = await get(`/rapports/${sheet.id}`);
    expect(sheetPage.status).toBe(200);
    const sheetBody = await sheetPage.text();
    expect(sheetBody).toContain("<blockquote>");
    expect(sheetBody).toContain("Altagrâce Noël");
  });

  it("let the signed-in delegate and the facilitator open today's meeting", async () => {
    for (const email of ["delegue@makon.ht", "animateur@makon.ht"]) {
      const response = await get(`/espaces/1/reunions/${meetingIds.today}`, await signInCookie(server.url, email));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Assemblée ordinaire : bilan d&#x27;une année de Makòn");
    }
  });
});
