import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { agendaItems, auditLog, authorities, motionCosponsors, motionEvents, motionVersions, motions, organisations, polls } from "../../db/schema/index";
import type { Deps } from "../../app/modules/deps.server";
import type { DomainEvent } from "../../app/modules/realtime/port";
import type { Actor } from "../../app/modules/auth/roles";
import type { Result } from "../../app/modules/result";
import { localDate } from "../../app/modules/dates";
import { parseCsv } from "../../app/modules/csv/csv";
import { isMessageKey, messagesFor } from "../../app/modules/i18n/catalog.server";
import { registerAuthority } from "../../app/modules/authorities/authorities.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import type { OrganisationInput } from "../../app/modules/organisations/organisations.schemas";
import { registerDelegate } from "../../app/modules/people/people.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { createAccount } from "../../app/modules/users/users.server";
import { changeMeetingStatus, getMeeting, planMeeting } from "../../app/modules/meetings/meetings.server";
import { paragraphs } from "../../app/modules/motions/amendments";
import { motionMessage, type MotionCode } from "../../app/modules/motions/messages";
import { CreateMotionSchema, MotionFilterSchema, type CreateMotion } from "../../app/modules/motions/motions.schemas";
import {
  admitToMeeting,
  answerCosponsor,
  draftMotion,
  editMotion,
  forwardMotion,
  inviteCosponsor,
  listMotions,
  motionPage,
  motionsCsv,
  motionYearFigures,
  proposeAmendment,
  recordDecision,
  submitMotion,
  withdrawMotion,
} from "../../app/modules/motions/motions.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { actorByEmail, demoDatabase } from "../setup/test-db";

// The demo seats its delegate from 1 January of the current year: the tests live in that year.
const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;
const NOW = Date.UTC(YEAR, 5, 15, 15);
const DAY = 86_400_000;
const LIMONADE = 1;
const PETITE_ANSE = 2;
const TEXT = [
  "Considérant que la fontaine de Roucou est à sec depuis mars ;",
  "L'assemblée demande au CASEC de la réparer avant juin.",
  "Elle demande un compte rendu à la prochaine réunion.",
].join("\n\n");

let db: Db;
let deps: Deps;
let close: () => void;
let published: DomainEvent[];
let w: Awaited<ReturnType<typeof world>>;

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

const org = (name: string, extra: Partial<OrganisationInput> = {}): OrganisationInput => ({ name, type: "base", legallyRecognised: false, ledByWoman: false, ledByYouth: false, ...extra });

async function delegateAccount(by: Actor, spaceId: number, organisationId: number, name: string, email: string, seat: "titular" | "substitute" = "titular"): Promise<Actor> {
  must(
    await registerDelegate(
      db,
      by,
      spaceId,
      { name, sex: "female", birthYear: 1992, ageGroup: null, disability: false, preferredLanguage: null },
      { organisationId, seat, fromDate: SINCE },
      { createAccount: true, accountEmail: email, accountPassword: "makon-secret-2026" },
      NOW,
    ),
  );
  return actorByEmail(db, email);
}

/** Makòn Limonade with APWOLIM (the demo's), a women's and a youth organisation, each with a delegate; and a facilitator of Petite-Anse. */
async function world() {
  const f = actorByEmail(db, "animateur@makon.ht");
  const admin = actorByEmail(db, "admin@makon.ht");
  const apwolim = db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  const fanmOrg = must(registerOrganisation(db, f, LIMONADE, org("Gwoupman Fanm Vanyan Limonad", { acronym: "GFVL", type: "women", ledByWoman: true }), SINCE, NOW)).id;
  const jenOrg = must(registerOrganisation(db, f, LIMONADE, org("Asosyasyon Jèn Limonad", { acronym: "AJL", type: "youth", ledByYouth: true }), SINCE, NOW)).id;
  const fanm = await delegateAccount(f, LIMONADE, fanmOrg, "Mirlande Jean", "fanm@makon.ht");
  const jen = await delegateAccount(f, LIMONADE, jenOrg, "Kervens Joseph", "jen@makon.ht");
  // APWOLIM's substitute: the proposer's side is any delegate seated for the proposing organisation.
  const jak = await delegateAccount(f, LIMONADE, apwolim, "Jacques Noël", "apwolim2@makon.ht", "substitute");
  must(await createAccount(db, admin, { name: "Animatè Pòtlan", email: "potlan@makon.ht", password: "potlan secret 2026", role: "facilitator", spaceId: PETITE_ANSE }, NOW));
  const casecId = db.select().from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  return {
    f,
    admin,
    rose: actorByEmail(db, "delegue@makon.ht"),
    casec: actorByEmail(db, "casec@makon.ht"),
    elsewhere: actorByEmail(db, "potlan@makon.ht"),
    fanm,
    jen,
    jak,
    apwolim,
    fanmOrg,
    jenOrg,
    casecId,
  };
}

beforeEach(async () => {
  ({ db, close } = await demoDatabase());
  published = [];
  deps = { db, realtime: { ...offlineRealtimePort(db), publish: (events) => void published.push(...events) } };
  w = await world();
});
afterEach(() => close());

const input = (extra: Partial<CreateMotion> = {}): CreateMotion => ({
  organisationId: w.apwolim,
  title: "Dlo potab pou Roucou",
  text: TEXT,
  rationale: "Fontèn nan sèk depi mas.",
  theme: "water",
  authorityId: null,
  ...extra,
});
const draft = (actor: Actor, extra: Partial<CreateMotion> = {}, now = NOW) => must(draftMotion(deps, actor, LIMONADE, input(extra), now)).id;
const submitted = (actor: Actor, extra: Partial<CreateMotion> = {}) => {
  const id = draft(actor, extra);
  must(submitMotion(deps, actor, id, NOW));
  return id;
};
const meeting = (spaceId = LIMONADE, by = w.f, title = "Reyinyon ordinè") =>
  must(planMeeting(db, by, spaceId, { kind: "ordinary", title, startsAt: NOW + DAY, endsAt: null, place: "Lekòl nasyonal", published: true, facilitatorIds: [], authorityIds: [] }, NOW)).id;
const start = (meetingId: number, by = w.f) => must(changeMeetingStatus(deps, by, meetingId, "start", { now: NOW + DAY }));
const row = (id: number) => db.select().from(motions).where(eq(motions.id, id)).get()!;
const versions = (id: number) => db.select().from(motionVersions).where(eq(motionVersions.motionId, id)).orderBy(motionVersions.version).all();
const events = (id: number) => db.select().from(motionEvents).where(eq(motionEvents.motionId, id)).orderBy(motionEvents.id).all();
const written = () => ({
  motions: db.select().from(motions).all().length,
  versions: db.select().from(motionVersions).all().length,
  cosponsors: db.select().from(motionCosponsors).all().length,
  events: db.select().from(motionEvents).all().length,
  agenda: db.select().from(agendaItems).all().length,
  audit: db.select().from(auditLog).all().length,
});
const communeOfCap = () =>
  must(
    createSpace(
      db,
      w.admin,
      { name: "Makòn Cap-Haïtien", level: "commune", communeCode: "HT0311", setting: "urban", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 },
      NOW,
    ),
  ).id;
const amend = (actor: Actor, motionId: number, organisationId: number, paragraph: number, replacement: string) =>
  proposeAmendment(deps, actor, motionId, { organisationId, paragraph, replacement, rationale: "Pi klè." }, NOW);
/** A poll row as the polls module stores it once closed (or still open). */
const poll = (motionId: number, meetingId: number, state: "open" | "closed", outcome: "adopted" | "rejected" | null) =>
  db
    .insert(polls)
    .values({
      meetingId,
      motionId,
      question: "Adopte?",
      method: "hands",
      state,
      votingBase: "organisation",
      rules: { majority: { kind: "simple" }, abstentionsCount: false, presenceQuorumPercent: null, turnoutQuorumPercent: null },
      organisationsPresent: 3,
      organisations: 3,
      eligible: 3,
      handsYes: outcome === "rejected" ? 1 : 2,
      handsNo: outcome === "rejected" ? 2 : 1,
      handsAbstain: 0,
      result: outcome ? { outcome, reason: outcome === "adopted" ? "majority_reached" : "majority_missed", base: 3 } : null,
      openedAt: NOW + DAY,
      closedAt: state === "closed" ? NOW + DAY : null,
    })
    .returning({ id: polls.id })
    .get().id;

describe("motion commands", () => {
  it("refuse a delegate of another organisation, an official, anyone signed out and a facilitator of another space, writing nothing", () => {
    const draftId = draft(w.rose);
    const motionId = submitted(w.rose);
    must(inviteCosponsor(deps, w.rose, motionId, w.jenOrg, NOW));
    const meetingId = meeting();
    const commune = communeOfCap();
    const before = written();
    published.length = 0;
    const delegateCommands = (actor: Actor | null) => [
      draftMotion(deps, actor, LIMONADE, input(), NOW),
      editMotion(deps, actor, draftId, { ...input(), title: "Pirate" }, NOW),
      inviteCosponsor(deps, actor, draftId, w.fanmOrg, NOW),
      answerCosponsor(deps, actor, motionId, w.jenOrg, true, NOW),
      submitMotion(deps, actor, draftId, NOW),
      proposeAmendment(deps, actor, motionId, { organisationId: w.apwolim, paragraph: 1, replacement: "Lòt bagay.", rationale: "" }, NOW),
      withdrawMotion(deps, actor, motionId, {}, NOW),
    ];
    const facilitatorCommands = (actor: Actor | null) => [
      admitToMeeting(deps, actor, motionId, meetingId, NOW),
      recordDecision(deps, actor, motionId, "withdraw", {}, NOW),
      forwardMotion(deps, actor, motionId, commune, NOW),
    ];
    for (const actor of [w.fanm, w.casec, null, w.elsewhere]) {
      for (const result of [...delegateCommands(actor), ...facilitatorCommands(actor)]) expect(result).toEqual({ ok: false, code: "forbidden" });
    }
    // Each side is refused the other's commands: a facilitator does not draft, a proposer does not admit.
    for (const result of delegateCommands(w.f)) expect(result).toEqual({ ok: false, code: "forbidden" });
    for (const result of facilitatorCommands(w.rose)) expect(result).toEqual({ ok: false, code: "forbidden" });
    expect(written()).toEqual(before);
    expect(published).toEqual([]);
  });

  it("let a delegate draft only for an organisation she is seated for that day, addressed to an authority of the space's territory", async () => {
    expect(draftMotion(deps, w.rose, LIMONADE, input({ organisationId: w.fanmOrg }), NOW)).toEqual({ ok: false, code: "forbidden" });
    // Before her seat began.
    expect(draftMotion(deps, w.rose, LIMONADE, input(), Date.UTC(YEAR - 1, 11, 1, 15))).toEqual({ ok: false, code: "forbidden" });
    const capCasec = must(registerAuthority(db, w.admin, PETITE_ANSE, { kind: "casec", name: "CASEC de Petite-Anse", sectionCode: "HT0311-03" }, NOW)).id;
    expect(draftMotion(deps, w.rose, LIMONADE, input({ authorityId: capCasec }), NOW)).toEqual({ ok: false, code: "authority_not_found", field: "authorityId" });
    const id = draft(w.rose, { authorityId: w.casecId });
    expect(row(id)).toMatchObject({ state: "draft", proposerOrganisationId: w.apwolim, proposerPersonId: w.rose.personId, authorityId: w.casecId, year: YEAR, submittedAt: null });
    // The proposer's side: the substitute edits the titular's draft; another organisation's delegate cannot.
    expect(editMotion(deps, w.jak, id, { title: "Dlo potab pou Roucou ak Bois de Lance", text: TEXT, rationale: "", theme: "water", authorityId: null }, NOW)).toEqual({ ok: true, value: null });
    expect(row(id)).toMatchObject({ title: "Dlo potab pou Roucou ak Bois de Lance", authorityId: null });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "motion.edit")).all()).toMatchObject([{ visibility: "internal", before: { authorityId: w.casecId }, after: { authorityId: null } }]);
    must(submitMotion(deps, w.jak, id, NOW));
    expect(editMotion(deps, w.rose, id, { title: "Twò ta", text: TEXT, rationale: "", theme: "water", authorityId: null }, NOW)).toEqual({ ok: false, code: "wrong_state" });
    expect(submitMotion(deps, w.rose, id, NOW)).toEqual({ ok: false, code: "wrong_state" });
  });
});

describe("numbering", () => {
  it("numbers motions per space and year when submitted: a draft has no number and a withdrawn draft takes none", () => {
    const first = draft(w.rose);
    const women = draft(w.fanm, { organisationId: w.fanmOrg });
    const dropped = draft(w.rose);
    expect(listMotions(db, w.rose, LIMONADE, {}, NOW).map((m) => m.number)).toEqual([null, null]);
    must(withdrawMotion(deps, w.rose, dropped, {}, NOW));
    expect(submitMotion(deps, w.fanm, women, NOW)).toEqual({ ok: true, value: { number: `M-${YEAR}-001` } });
    expect(submitMotion(deps, w.rose, first, NOW)).toEqual({ ok: true, value: { number: `M-${YEAR}-002` } });
    // Drafted in December, submitted in January: numbered in the year it is submitted.
    const late = draft(w.rose, {}, Date.UTC(YEAR, 11, 20, 15));
    const early = draft(w.rose, {}, Date.UTC(YEAR, 11, 21, 15));
    expect(submitMotion(deps, w.rose, early, Date.UTC(YEAR + 1, 0, 5, 15))).toEqual({ ok: true, value: { number: `M-${YEAR + 1}-001` } });
    expect(submitMotion(deps, w.rose, late, Date.UTC(YEAR + 1, 0, 6, 15))).toEqual({ ok: true, value: { number: `M-${YEAR + 1}-002` } });
    expect(row(late)).toMatchObject({ year: YEAR + 1, sequence: 2 });
    expect(row(dropped)).toMatchObject({ state: "withdrawn", submittedAt: null });
    // Withdrawn before anyone saw it, it stays its proposer's.
    expect(motionPage(db, w.casec, dropped, NOW)).toBeNull();
    expect(motionPage(db, w.jak, dropped, NOW)).toMatchObject({ state: "withdrawn", number: null });
    expect(listMotions(db, null, LIMONADE, {}, NOW).map((m) => m.number)).toEqual([`M-${YEAR + 1}-002`, `M-${YEAR + 1}-001`, `M-${YEAR}-002`, `M-${YEAR}-001`]);
    // Submitting stores version 1 and the move with who and when.
    expect(versions(first)).toMatchObject([{ version: 1, text: TEXT, amendmentId: null, createdAt: NOW }]);
    expect(events(first)).toMatchObject([{ move: "submit", fromState: "draft", toState: "submitted", actorId: w.rose.userId, at: NOW }]);
  });
});

describe("co-sponsors", () => {
  it("are invited by the proposer's side among the space's other members, once, and answer through their own delegate, once", () => {
    const id = draft(w.rose);
    const outsider = must(registerOrganisation(db, w.admin, PETITE_ANSE, org("Gwoupman Pòtlan"), SINCE, NOW)).id;
    expect(inviteCosponsor(deps, w.rose, id, w.apwolim, NOW)).toEqual({ ok: false, code: "own_organisation", field: "organisationId" });
    expect(inviteCosponsor(deps, w.rose, id, outsider, NOW)).toEqual({ ok: false, code: "not_member", field: "organisationId" });
    expect(inviteCosponsor(deps, w.rose, id, w.fanmOrg, NOW)).toEqual({ ok: true, value: null });
    expect(inviteCosponsor(deps, w.jak, id, w.fanmOrg, NOW)).toEqual({ ok: false, code: "already_invited", field: "organisationId" });
    expect(inviteCosponsor(deps, w.jak, id, w.jenOrg, NOW)).toEqual({ ok: true, value: null });
    // A draft's invitations are its proposer's own business until it is submitted.
    expect(db.select().from(auditLog).where(eq(auditLog.action, "motion.cosponsorInvite")).all().map((a) => a.visibility)).toEqual(["internal", "internal"]);
    // An invited organisation reads the draft it is asked to sign; a member who is not invited does not.
    expect(motionPage(db, w.fanm, id, NOW)).toMatchObject({ state: "draft", actions: { answerFor: [w.fanmOrg], edit: false } });
    expect(listMotions(db, w.fanm, LIMONADE, {}, NOW).map((m) => m.id)).toEqual([id]);
    expect(motionPage(db, w.casec, id, NOW)).toBeNull();

    expect(answerCosponsor(deps, w.rose, id, w.fanmOrg, true, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(answerCosponsor(deps, w.jen, id, w.fanmOrg, true, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(answerCosponsor(deps, w.rose, id, w.apwolim, true, NOW)).toEqual({ ok: false, code: "not_invited" });
    expect(answerCosponsor(deps, w.fanm, id, w.fanmOrg, true, NOW)).toEqual({ ok: true, value: null });
    expect(answerCosponsor(deps, w.fanm, id, w.fanmOrg, false, NOW)).toEqual({ ok: false, code: "already_answered" });
    must(submitMotion(deps, w.rose, id, NOW));
    const third = must(registerOrganisation(db, w.f, LIMONADE, org("Kòperativ Kafe"), SINCE, NOW)).id;
    // Invited once submitted too, no longer once it is on an agenda.
    expect(inviteCosponsor(deps, w.rose, id, third, NOW)).toEqual({ ok: true, value: null });
    must(admitToMeeting(deps, w.f, id, meeting(), NOW));
    expect(inviteCosponsor(deps, w.rose, id, third, NOW)).toEqual({ ok: false, code: "wrong_state" });
    expect(answerCosponsor(deps, w.jen, id, w.jenOrg, false, NOW)).toEqual({ ok: true, value: null });
    expect(db.select().from(motionCosponsors).where(eq(motionCosponsors.organisationId, w.jenOrg)).get()).toMatchObject({ accepted: false, answeredAt: NOW, answeredByPersonId: w.jen.personId });

    // The public sees who signed; members also who was asked and who declined (by name).
    expect(motionPage(db, null, id, NOW)!.cosponsors).toEqual([{ organisationId: w.fanmOrg, name: "Gwoupman Fanm Vanyan Limonad", acronym: "GFVL", status: "accepted" }]);
    expect(motionPage(db, w.casec, id, NOW)!.cosponsors.map((c) => [c.organisationId, c.status])).toEqual([
      [w.jenOrg, "declined"],
      [w.fanmOrg, "accepted"],
      [third, "pending"],
    ]);
  });
});

describe("amendments", () => {
  it("are voted before their motion; an adopted one rewrites its paragraph and the motion keeps every version", () => {
    const id = submitted(w.rose, { title: "Fontèn Roucou" });
    const otherDraft = draft(w.rose);
    expect(amend(w.fanm, otherDraft, w.fanmOrg, 1, "Lòt bagay.")).toEqual({ ok: false, code: "wrong_state" });
    expect(amend(w.fanm, id, w.jenOrg, 1, "Lòt bagay.")).toEqual({ ok: false, code: "forbidden" });
    expect(amend(w.fanm, id, w.fanmOrg, 3, "Lòt bagay.")).toEqual({ ok: false, code: "no_such_paragraph", field: "paragraph" });
    expect(amend(w.fanm, id, w.fanmOrg, 1, paragraphs(TEXT)[1]!)).toEqual({ ok: false, code: "unchanged", field: "replacement" });
    const a1 = must(amend(w.fanm, id, w.fanmOrg, 1, "L'assemblée demande au CASEC et à la mairie de la réparer avant mai."));
    const a2 = must(amend(w.jen, id, w.jenOrg, 1, "L'assemblée demande au CASEC de la réparer avant juillet."));
    expect([a1.number, a2.number]).toEqual([`M-${YEAR}-001 A1`, `M-${YEAR}-001 A2`]);
    expect(row(a1.id)).toMatchObject({ parentId: id, state: "submitted", paragraph: 1, originalText: paragraphs(TEXT)[1], proposerOrganisationId: w.fanmOrg, submittedAt: NOW });
    expect(events(a1.id)).toMatchObject([{ move: "submit", fromState: "draft", toState: "submitted", actorId: w.fanm.userId }]);

    const meetingId = meeting();
    const other = meeting(LIMONADE, w.f, "Lòt reyinyon");
    expect(admitToMeeting(deps, w.f, a1.id, meetingId, NOW)).toEqual({ ok: false, code: "motion_not_admitted" });
    const before = must(admitToMeeting(deps, w.f, id, meetingId, NOW));
    expect(admitToMeeting(deps, w.f, a1.id, other, NOW)).toEqual({ ok: false, code: "motion_not_admitted" });
    must(admitToMeeting(deps, w.f, a1.id, meetingId, NOW));
    must(admitToMeeting(deps, w.f, a2.id, meetingId, NOW));
    expect(admitToMeeting(deps, w.f, id, other, NOW)).toEqual({ ok: false, code: "wrong_state" });
    // The amendments' items come before their motion's, in their order.
    expect(getMeeting(db, meetingId)!.agenda.map((i) => [i.kind, i.title, i.motionId])).toEqual([
      ["motion", `M-${YEAR}-001 A1 · Fontèn Roucou`, a1.id],
      ["motion", `M-${YEAR}-001 A2 · Fontèn Roucou`, a2.id],
      ["motion", `M-${YEAR}-001 · Fontèn Roucou`, id],
    ]);
    expect(getMeeting(db, meetingId)!.agenda.at(-1)!.id).toBe(before.agendaItemId);
    expect(published).toEqual(Array(3).fill({ type: "meeting.planChanged", meetingId }));
    expect(row(id)).toMatchObject({ state: "admitted", meetingId });

    // Not before the meeting has opened; the motion not before its amendments.
    expect(recordDecision(deps, w.f, a1.id, "adopt", {}, NOW)).toEqual({ ok: false, code: "meeting_not_held" });
    start(meetingId);
    const t = NOW + DAY + 3600_000;
    const before2 = written();
    expect(recordDecision(deps, w.f, id, "adopt", {}, t)).toEqual({ ok: false, code: "amendments_pending" });
    expect(recordDecision(deps, w.f, id, "reject", {}, t)).toEqual({ ok: false, code: "amendments_pending" });
    expect(written()).toEqual(before2);

    // A poll backs a decision only if it is this one's, closed, and says the same.
    const open = poll(a1.id, meetingId, "open", null);
    const lost = poll(a1.id, meetingId, "closed", "rejected");
    const onMotion = poll(id, meetingId, "closed", "adopted");
    const won = poll(a1.id, meetingId, "closed", "adopted");
    expect(recordDecision(deps, w.f, a1.id, "adopt", { pollId: open }, t)).toEqual({ ok: false, code: "poll_open", field: "pollId" });
    expect(recordDecision(deps, w.f, a1.id, "adopt", { pollId: lost }, t)).toEqual({ ok: false, code: "poll_mismatch", field: "pollId" });
    expect(recordDecision(deps, w.f, a1.id, "adopt", { pollId: onMotion }, t)).toEqual({ ok: false, code: "poll_not_found", field: "pollId" });
    expect(written()).toEqual(before2);
    expect(recordDecision(deps, w.f, a1.id, "adopt", { pollId: won }, t)).toEqual({ ok: true, value: { state: "adopted" } });
    const amended = "Considérant que la fontaine de Roucou est à sec depuis mars ;\n\nL'assemblée demande au CASEC et à la mairie de la réparer avant mai.\n\nElle demande un compte rendu à la prochaine réunion.";
    expect(row(id).text).toBe(amended);
    expect(row(a1.id)).toMatchObject({ state: "adopted", decidedAt: t });
    expect(versions(id).map((v) => [v.version, v.text, v.amendmentId])).toEqual([
      [1, TEXT, null],
      [2, amended, a1.id],
    ]);

    // A2 was written against the paragraph A1 has changed.
    const page = motionPage(db, w.f, id, t)!;
    expect(page.amendments.map((a) => [a.number, a.state, a.stillApplies])).toEqual([
      [`M-${YEAR}-001 A1`, "adopted", true],
      [`M-${YEAR}-001 A2`, "admitted", false],
    ]);
    expect(page.amendments[1]!.moves.map((m) => m.move)).toEqual(["reject", "withdraw", "refer"]);
    expect(page.amendments[0]!.diff).toEqual([
      { kind: "same", text: "L'assemblée demande au CASEC " },
      { kind: "added", text: "et à la mairie " },
      { kind: "same", text: "de la réparer avant " },
      { kind: "removed", text: "juin." },
      { kind: "added", text: "mai." },
    ]);
    const before3 = written();
    expect(recordDecision(deps, w.f, a2.id, "adopt", {}, t)).toEqual({ ok: false, code: "paragraph_changed" });
    expect(written()).toEqual(before3);
    must(recordDecision(deps, w.f, a2.id, "reject", { note: "Depase pa A1." }, t));
    expect(recordDecision(deps, w.f, id, "adopt", {}, t + 60_000)).toEqual({ ok: true, value: { state: "adopted" } });
    expect(row(id)).toMatchObject({ state: "adopted", decidedAt: t + 60_000, text: amended });
    expect(versions(id)).toHaveLength(2);
    expect(recordDecision(deps, w.f, id, "reject", {}, t)).toEqual({ ok: false, code: "wrong_state" });
    expect(amend(w.fanm, id, w.fanmOrg, 0, "Twò ta.")).toEqual({ ok: false, code: "wrong_state" });

    const final = motionPage(db, null, id, t)!;
    expect(final.history.map((e) => [e.move, e.fromState, e.toState, e.by, e.note])).toEqual([
      ["submit", "draft", "submitted", null, ""],
      ["admit", "submitted", "admitted", null, ""],
      ["amend", "admitted", "admitted", null, `M-${YEAR}-001 A1`],
      ["adopt", "admitted", "adopted", null, ""],
    ]);
    expect(motionPage(db, w.casec, id, t)!.history.map((e) => e.by)).toEqual(["Rose-Andrée Louis", "Jean-Robert Pierre", "Jean-Robert Pierre", "Jean-Robert Pierre"]);
    expect(final.versions.map((v) => [v.version, v.amendmentNumber])).toEqual([
      [1, null],
      [2, `M-${YEAR}-001 A1`],
    ]);
    expect(final.amendments.map((a) => [a.state, a.decision?.poll?.tally ?? null])).toEqual([
      ["adopted", { yes: 2, no: 1, abstain: 0 }],
      ["rejected", null],
    ]);
    expect(events(a2.id).at(-1)).toMatchObject({ move: "reject", note: "Depase pa A1.", meetingId, actorId: w.f.userId });
    expect(final.actions).toMatchObject({ moves: [], edit: false, amendFor: [], forwardTo: [] });
    // A motion of a commune's space is not escalated.
    expect(forwardMotion(deps, w.f, id, communeOfCap(), t)).toEqual({ ok: false, code: "not_section" });
  });
});

describe("withdrawal and referral", () => {
  it("lets the proposer's side withdraw a motion until it is decided, with its undecided amendments", () => {
    const id = submitted(w.rose);
    const a1 = must(amend(w.fanm, id, w.fanmOrg, 0, "Considérant que la fontaine est à sec ;")).id;
    const a2 = must(amend(w.jen, id, w.jenOrg, 2, "")).id;
    const meetingId = meeting();
    must(admitToMeeting(deps, w.f, id, meetingId, NOW));
    must(admitToMeeting(deps, w.f, a1, meetingId, NOW));
    // Her own amendment: the women's group takes it back.
    expect(withdrawMotion(deps, w.rose, a2, {}, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(withdrawMotion(deps, w.jen, a2, { note: "Nou retire l." }, NOW)).toEqual({ ok: true, value: { state: "withdrawn" } });
    expect(withdrawMotion(deps, w.fanm, id, {}, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(withdrawMotion(deps, w.jak, id, { note: "CASEC la gentan repare l." }, NOW + 1)).toEqual({ ok: true, value: { state: "withdrawn" } });
    expect(row(id)).toMatchObject({ state: "withdrawn", decidedAt: NOW + 1 });
    expect(row(a1)).toMatchObject({ state: "withdrawn", decidedAt: NOW + 1 });
    expect(events(id).at(-1)).toMatchObject({ move: "withdraw", fromState: "admitted", toState: "withdrawn", actorId: w.jak.userId, meetingId, note: "CASEC la gentan repare l." });
    expect(events(a1).at(-1)).toMatchObject({ move: "withdraw", fromState: "admitted", toState: "withdrawn", actorId: w.jak.userId });
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "motion.withdraw"), eq(auditLog.subjectId, String(id)))).get()).toMatchObject({ visibility: "public", after: { amendments: [a1] } });
    expect(withdrawMotion(deps, w.rose, id, {}, NOW)).toEqual({ ok: false, code: "wrong_state" });
    // The facilitator records a withdrawal announced in the room; a draft is not the meeting's business.
    const other = submitted(w.rose);
    expect(recordDecision(deps, w.f, other, "withdraw", { note: "Rose te anonse sa." }, NOW)).toEqual({ ok: true, value: { state: "withdrawn" } });
    expect(recordDecision(deps, w.f, draft(w.rose), "withdraw", {}, NOW)).toEqual({ ok: false, code: "wrong_state" });
  });

  it("refers a motion to a later meeting with its admitted amendments, or to an authority of the territory", () => {
    const id = submitted(w.rose);
    const a1 = must(amend(w.fanm, id, w.fanmOrg, 1, "L'assemblée demande au CASEC de la réparer.")).id;
    const first = meeting();
    must(admitToMeeting(deps, w.f, id, first, NOW));
    must(admitToMeeting(deps, w.f, a1, first, NOW));
    expect(recordDecision(deps, w.f, id, "refer", {}, NOW)).toEqual({ ok: true, value: { state: "referred" } });
    expect(row(id)).toMatchObject({ state: "referred", meetingId: null, referredAuthorityId: null, decidedAt: null });
    expect(row(a1)).toMatchObject({ state: "referred", meetingId: null });
    // A later meeting takes it up again, the motion first.
    const second = meeting(LIMONADE, w.f, "Reyinyon desanm");
    expect(admitToMeeting(deps, w.f, a1, second, NOW)).toEqual({ ok: false, code: "motion_not_admitted" });
    must(admitToMeeting(deps, w.f, id, second, NOW));
    must(admitToMeeting(deps, w.f, a1, second, NOW));
    expect(row(a1)).toMatchObject({ state: "admitted", meetingId: second });

    const capCasec = must(registerAuthority(db, w.admin, PETITE_ANSE, { kind: "casec", name: "CASEC de Petite-Anse", sectionCode: "HT0311-03" }, NOW)).id;
    expect(recordDecision(deps, w.f, id, "refer", { referredAuthorityId: capCasec }, NOW)).toEqual({ ok: false, code: "authority_not_found", field: "referredAuthorityId" });
    expect(recordDecision(deps, w.f, id, "refer", { referredAuthorityId: w.casecId, note: "Se travay CASEC la." }, NOW)).toEqual({ ok: true, value: { state: "referred" } });
    expect(row(id)).toMatchObject({ state: "referred", meetingId: second, referredAuthorityId: w.casecId });
    expect(motionPage(db, null, id, NOW)).toMatchObject({ state: "referred", referredAuthority: { id: w.casecId, name: "CASEC de la 1re section de Limonade" }, meeting: { id: second } });
    expect(events(id).map((e) => [e.move, e.toState, e.meetingId])).toEqual([
      ["submit", "submitted", null],
      ["admit", "admitted", first],
      ["refer", "referred", first],
      ["admit", "admitted", second],
      ["refer", "referred", second],
    ]);
  });
});

describe("escalation", () => {
  it("forwards an adopted motion of a section's space to its commune's space once, where it arrives submitted with its origin; the section sees what became of it", async () => {
    const commune = communeOfCap();
    const pa = w.elsewhere;
    const potlan = must(registerOrganisation(db, pa, PETITE_ANSE, org("Asosyasyon Machann Pòtlan", { type: "women", ledByWoman: true }), SINCE, NOW)).id;
    const marie = await delegateAccount(pa, PETITE_ANSE, potlan, "Marie Pòtlan", "marie@makon.ht");
    // Limonade's numbering does not touch Petite-Anse's.
    submitted(w.rose);
    const id = must(draftMotion(deps, marie, PETITE_ANSE, input({ organisationId: potlan, title: "Limyè nan mache Pòtlan", theme: "security" }), NOW)).id;
    expect(submitMotion(deps, marie, id, NOW)).toEqual({ ok: true, value: { number: `M-${YEAR}-001` } });
    expect(forwardMotion(deps, pa, id, commune, NOW)).toEqual({ ok: false, code: "wrong_state" });
    const meetingId = meeting(PETITE_ANSE, pa);
    must(admitToMeeting(deps, pa, id, meetingId, NOW));
    start(meetingId, pa);
    must(recordDecision(deps, pa, id, "adopt", {}, NOW + DAY));

    const later = NOW + 2 * DAY;
    expect(forwardMotion(deps, w.f, id, commune, later)).toEqual({ ok: false, code: "forbidden" });
    expect(forwardMotion(deps, pa, id, LIMONADE, later)).toEqual({ ok: false, code: "not_commune_space", field: "toSpaceId" });
    expect(forwardMotion(deps, pa, id, PETITE_ANSE, later)).toEqual({ ok: false, code: "not_commune_space", field: "toSpaceId" });
    expect(motionPage(db, pa, id, later)!.actions.forwardTo).toEqual([{ id: commune, name: "Makòn Cap-Haïtien" }]);
    const forwarded = must(forwardMotion(deps, pa, id, commune, later));
    expect(forwarded.number).toBe(`M-${YEAR}-001`);
    expect(forwardMotion(deps, pa, id, commune, later)).toEqual({ ok: false, code: "already_forwarded" });
    expect(row(forwarded.id)).toMatchObject({
      spaceId: commune,
      state: "submitted",
      forwardedFromId: id,
      title: "Limyè nan mache Pòtlan",
      text: TEXT,
      theme: "security",
      proposerOrganisationId: potlan,
      proposerPersonId: marie.personId,
      submittedAt: later,
    });
    expect(versions(forwarded.id).map((v) => v.version)).toEqual([1]);
    expect(events(forwarded.id)).toMatchObject([{ move: "forward", fromState: null, toState: "submitted", note: `M-${YEAR}-001`, actorId: pa.userId }]);
    expect(events(id).at(-1)).toMatchObject({ move: "forward", fromState: "adopted", toState: "adopted", at: later });
    expect(db.select({ spaceId: auditLog.spaceId }).from(auditLog).where(eq(auditLog.action, "motion.forward")).all().map((a) => a.spaceId).sort()).toEqual([PETITE_ANSE, commune].sort());
    expect(motionPage(db, null, forwarded.id, later)!.forwardedFrom).toMatchObject({ id, number: `M-${YEAR}-001`, spaceName: "Makòn Petite-Anse", state: "adopted", decision: { move: "adopt", poll: null } });
    expect(listMotions(db, null, commune, {}, later)).toMatchObject([{ id: forwarded.id, forwardedFrom: { id, spaceName: "Makòn Petite-Anse" } }]);

    // The commune decides; the section's page says so.
    const communeMeeting = meeting(commune, w.admin, "Reyinyon komin");
    must(admitToMeeting(deps, w.admin, forwarded.id, communeMeeting, later));
    start(communeMeeting, w.admin);
    must(recordDecision(deps, w.admin, forwarded.id, "reject", {}, later + DAY));
    expect(motionPage(db, null, id, later + DAY)!.forwardedTo).toMatchObject({ id: forwarded.id, spaceName: "Makòn Cap-Haïtien", state: "rejected", decision: { move: "reject" } });
    expect(motionPage(db, pa, id, later + DAY)!.actions.forwardTo).toEqual([]);
    // Counted where it was proposed, received where it arrived.
    expect(motionYearFigures(db, commune, YEAR)).toEqual({ year: YEAR, proposed: 0, adopted: 0, byWomen: { count: 0, total: 0 }, byYouth: { count: 0, total: 0 }, received: 1 });
    expect(motionYearFigures(db, PETITE_ANSE, YEAR)).toMatchObject({ proposed: 1, adopted: 1, byWomen: { count: 1, total: 1 } });
  });
});

describe("the space's motions", () => {
  /** Three motions proposed (APWOLIM's addressed to the CASEC), one adopted, and drafts. */
  const motionsOfTheYear = () => {
    const water = submitted(w.rose, { authorityId: w.casecId });
    const women = submitted(w.fanm, { organisationId: w.fanmOrg, title: "Sekirite fanm nan mache", theme: "women_rights" });
    const youth = submitted(w.jen, { organisationId: w.jenOrg, title: "Teren foutbòl", theme: "youth" });
    const roseDraft = draft(w.rose, { title: "Bouyon Rose" });
    const fanmDraft = draft(w.fanm, { organisationId: w.fanmOrg, title: "Bouyon Mirlande" });
    const meetingId = meeting();
    must(admitToMeeting(deps, w.f, women, meetingId, NOW));
    start(meetingId);
    must(recordDecision(deps, w.f, women, "adopt", {}, NOW + DAY));
    return { water, women, youth, roseDraft, fanmDraft };
  };

  it("are listed for everyone from submission on, drafts only for their organisation's delegates, and filtered", () => {
    const m = motionsOfTheYear();
    const ids = (actor: Actor | null, filters = {}) => listMotions(db, actor, LIMONADE, filters, NOW + DAY).map((r) => r.id);
    expect(ids(null)).toEqual([m.youth, m.women, m.water]);
    expect(ids(w.casec)).toEqual([m.youth, m.women, m.water]);
    expect(ids(w.f)).toEqual([m.youth, m.women, m.water]);
    expect(ids(w.rose)).toEqual([m.roseDraft, m.youth, m.women, m.water]);
    expect(ids(w.jak)).toEqual([m.roseDraft, m.youth, m.women, m.water]);
    expect(ids(w.fanm)).toEqual([m.fanmDraft, m.youth, m.women, m.water]);
    expect(motionPage(db, w.f, m.roseDraft, NOW)).toBeNull();
    expect(motionPage(db, null, m.fanmDraft, NOW)).toBeNull();
    expect(motionPage(db, w.rose, m.roseDraft, NOW)!.actions).toMatchObject({ edit: true, invite: true, moves: [{ move: "submit", as: "proposer" }, { move: "withdraw", as: "proposer" }] });

    expect(ids(null, { state: "adopted" })).toEqual([m.women]);
    expect(ids(null, { theme: "youth" })).toEqual([m.youth]);
    expect(ids(null, { authorityId: w.casecId })).toEqual([m.water]);
    expect(ids(null, { proposerType: "women" })).toEqual([m.women]);
    expect(ids(null, { proposerType: "youth" })).toEqual([m.youth]);
    expect(ids(w.rose, { proposerType: "mixed" })).toEqual([m.roseDraft, m.water]);
    expect(ids(null, { year: YEAR + 1 })).toEqual([]);
    expect(ids(null, MotionFilterSchema.parse({ state: "nonsense", year: "", proposerType: "women" }))).toEqual([m.women]);
    expect(listMotions(db, null, LIMONADE, { authorityId: w.casecId }, NOW)).toEqual([
      {
        id: m.water,
        number: `M-${YEAR}-001`,
        year: YEAR,
        title: "Dlo potab pou Roucou",
        state: "submitted",
        theme: "water",
        authority: { id: w.casecId, name: "CASEC de la 1re section de Limonade" },
        organisation: { id: w.apwolim, name: "Association des producteurs de lait de Limonade", acronym: "APWOLIM" },
        submittedAt: NOW,
        decidedAt: null,
        forwardedFrom: null,
      },
    ]);
  });

  it("show the public a proposer's name only with her consent, members always; and offer each actor the moves they may make", () => {
    const m = motionsOfTheYear();
    expect(motionPage(db, null, m.water, NOW)!.proposer).toEqual({ organisation: { id: w.apwolim, name: "Association des producteurs de lait de Limonade", acronym: "APWOLIM" }, personName: "Rose-Andrée Louis" });
    expect(motionPage(db, null, m.youth, NOW)!.proposer.personName).toBeNull();
    expect(motionPage(db, w.casec, m.youth, NOW)!.proposer.personName).toBe("Kervens Joseph");
    const page = motionPage(db, null, m.water, NOW)!;
    expect(page.html).toContain("<p>L&#39;assemblée demande au CASEC de la réparer avant juin.</p>");
    expect(page.paragraphs).toHaveLength(3);
    expect(page.actions).toEqual({ moves: [], edit: false, invite: false, answerFor: [], amendFor: [], forwardTo: [] });
    expect(motionPage(db, w.f, m.water, NOW)!.actions.moves).toEqual([
      { move: "admit", as: "facilitator" },
      { move: "withdraw", as: "facilitator" },
    ]);
    expect(motionPage(db, w.rose, m.water, NOW)!.actions).toMatchObject({ moves: [{ move: "withdraw", as: "proposer" }], invite: true, amendFor: [w.apwolim] });
    expect(motionPage(db, w.fanm, m.water, NOW)!.actions).toMatchObject({ moves: [], invite: false, amendFor: [w.fanmOrg] });
    // An admitted motion with an amendment pending is not offered for adoption.
    const meetingId = meeting(LIMONADE, w.f, "Dezyèm reyinyon");
    must(admitToMeeting(deps, w.f, m.water, meetingId, NOW));
    const a = must(amend(w.fanm, m.water, w.fanmOrg, 2, "Elle demande un compte rendu écrit.")).id;
    expect(motionPage(db, w.f, m.water, NOW)!.amendments[0]!.moves.map((x) => x.move)).toEqual(["admit", "withdraw"]);
    must(admitToMeeting(deps, w.f, a, meetingId, NOW));
    expect(motionPage(db, w.f, m.water, NOW)!.actions.moves.map((x) => x.move)).toEqual(["withdraw", "refer"]);
    expect(motionPage(db, w.fanm, m.water, NOW)!.amendments[0]!.moves).toEqual([{ move: "withdraw", as: "proposer" }]);
  });

  it("give each year's figures: proposed, adopted, and how many by women's and youth organisations", () => {
    motionsOfTheYear();
    expect(motionYearFigures(db, LIMONADE, YEAR)).toEqual({ year: YEAR, proposed: 3, adopted: 1, byWomen: { count: 1, total: 3 }, byYouth: { count: 1, total: 3 }, received: 0 });
    expect(motionYearFigures(db, LIMONADE, YEAR + 1)).toEqual({ year: YEAR + 1, proposed: 0, adopted: 0, byWomen: { count: 0, total: 0 }, byYouth: { count: 0, total: 0 }, received: 0 });
  });

  it("export as CSV in the reader's language, without drafts", () => {
    const m = motionsOfTheYear();
    const rows = parseCsv(motionsCsv(db, w.rose, LIMONADE, "ht", {}, NOW + DAY).replace(/^\uFEFF/, "")).map((r) => r.fields);
    expect(rows[0]).toEqual(["Idantifyan", "Nimewo", "Tit", "Eta", "Tèm", "Otorite li adrese a", "Òganizasyon ki pwopoze", "Dat li depoze", "Dat yo deside", "Voye pa"]);
    const day = localDate(NOW);
    expect(rows.slice(1)).toEqual([
      [String(m.youth), `M-${YEAR}-003`, "Teren foutbòl", "Depoze", "Jèn", "", "Asosyasyon Jèn Limonad", day, "", ""],
      [String(m.women), `M-${YEAR}-002`, "Sekirite fanm nan mache", "Adopte", "Dwa fanm", "", "Gwoupman Fanm Vanyan Limonad", day, localDate(NOW + DAY), ""],
      [String(m.water), `M-${YEAR}-001`, "Dlo potab pou Roucou", "Depoze", "Dlo", "CASEC de la 1re section de Limonade", "Association des producteurs de lait de Limonade", day, "", ""],
    ]);
    expect(parseCsv(motionsCsv(db, null, LIMONADE, "fr", { state: "adopted" }, NOW + DAY).replace(/^\uFEFF/, ""))[1]!.fields.slice(3, 5)).toEqual(["Adoptée", "Droits des femmes"]);
  });
});

describe("the forms and messages", () => {
  it("parse a motion form as HTML sends it", () => {
    const parsed = CreateMotionSchema.safeParse({ organisationId: String(7), title: "  Dlo potab ", text: TEXT, rationale: "", theme: "water", authorityId: "" });
    expect(parsed.success && parsed.data).toEqual({ organisationId: 7, title: "Dlo potab", text: TEXT, rationale: "", theme: "water", authorityId: null });
    const long = CreateMotionSchema.safeParse({ organisationId: "7", title: "x".repeat(201), text: "", theme: "lapli", authorityId: "3" });
    expect(long.success ? [] : long.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["title", "error.tooLong"],
      ["text", "error.required"],
      ["theme", "error.invalid"],
    ]);
  });

  it("give every refusal a message in both languages", () => {
    const codes: MotionCode[] = [
      "forbidden",
      "not_found",
      "wrong_state",
      "not_allowed",
      "amendments_pending",
      "authority_not_found",
      "not_member",
      "own_organisation",
      "already_invited",
      "not_invited",
      "already_answered",
      "no_such_paragraph",
      "paragraph_changed",
      "unchanged",
      "meeting_closed",
      "motion_not_admitted",
      "meeting_not_held",
      "poll_not_found",
      "poll_open",
      "poll_mismatch",
      "not_section",
      "not_commune_space",
      "already_forwarded",
    ];
    const [fr, ht] = (["fr", "ht"] as const).map((locale) => messagesFor(locale, ["common", "motions"]) as Record<string, string>);
    for (const code of codes) {
      const key = motionMessage(code);
      expect(isMessageKey(key), code).toBe(true);
      expect([fr![key], ht![key]].every((text) => typeof text === "string" && text.length > 0), code).toBe(true);
    }
    expect(ht![motionMessage("amendments_pending")]).toBe("Fòk nou deside amannman ki sou lòd dijou yo anvan.");
  });
});
