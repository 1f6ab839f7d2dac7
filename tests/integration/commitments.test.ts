import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog, authorities, commitmentUpdates, commitments, organisations } from "../../db/schema/index";
import type { Deps } from "../../app/modules/deps.server";
import type { DomainEvent } from "../../app/modules/realtime/port";
import type { Actor } from "../../app/modules/auth/roles";
import type { Result } from "../../app/modules/result";
import { localDate } from "../../app/modules/dates";
import { messagesFor } from "../../app/modules/i18n/catalog.server";
import { registerAuthority, registerOfficial } from "../../app/modules/authorities/authorities.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { createAccount } from "../../app/modules/users/users.server";
import { changeMeetingStatus, planMeeting } from "../../app/modules/meetings/meetings.server";
import { commitmentMessage, type CommitmentCode } from "../../app/modules/commitments/messages";
import { RecordCommitmentSchema, type RecordCommitment } from "../../app/modules/commitments/commitments.schemas";
import { answerClaim, decideInMeeting, postProgress, recordCommitment } from "../../app/modules/commitments/commitments.server";
import { commitmentPage, commitmentsToReview, myCommitments } from "../../app/modules/commitments/commitment-views.server";
import { offlineRealtimePort } from "../../server/realtime/offline-port";
import { actorByEmail, demoDatabase } from "../setup/test-db";

const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;
const NOW = Date.UTC(YEAR, 5, 15, 15);
const DAY = 86_400_000;
const LIMONADE = 1;
const PETITE_ANSE = 2;

let db: Db;
let deps: Deps;
let close: () => void;
let published: DomainEvent[];
let w: Awaited<ReturnType<typeof world>>;

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

async function delegateAccount(by: Actor, organisationId: number, name: string, email: string): Promise<Actor> {
  must(
    await registerDelegate(
      db,
      by,
      LIMONADE,
      { name, sex: "female", birthYear: 1992, ageGroup: null, disability: false, preferredLanguage: null },
      { organisationId, seat: "titular", fromDate: SINCE },
      { createAccount: true, accountEmail: email, accountPassword: "makon-secret-2026" },
      NOW,
    ),
  );
  return actorByEmail(db, email);
}

/** Makòn Limonade: its facilitator, APWOLIM's delegate and two more organisations', the CASEC's official, a mayor's office with an official whose mandate ended, a facilitator of Petite-Anse. */
async function world() {
  const f = actorByEmail(db, "animateur@makon.ht");
  const admin = actorByEmail(db, "admin@makon.ht");
  const apwolim = db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  const org = (name: string) => must(registerOrganisation(db, f, LIMONADE, { name, type: "base", legallyRecognised: false, ledByWoman: false, ledByYouth: false }, SINCE, NOW)).id;
  const fanmOrg = org("Gwoupman Fanm Vanyan Limonad");
  const jenOrg = org("Asosyasyon Jèn Limonad");
  const fanm = await delegateAccount(f, fanmOrg, "Mirlande Jean", "fanm@makon.ht");
  const jen = await delegateAccount(f, jenOrg, "Kervens Joseph", "jen@makon.ht");
  must(await createAccount(db, admin, { name: "Animatè Pòtlan", email: "potlan@makon.ht", password: "potlan secret 2026", role: "facilitator", spaceId: PETITE_ANSE }, NOW));
  const casecId = db.select().from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  const mairieId = must(registerAuthority(db, admin, LIMONADE, { kind: "municipal_council", name: "Mairie de Limonade" }, NOW)).id;
  must(
    await registerOfficial(
      db,
      admin,
      LIMONADE,
      { name: "Ancien Maire", sex: "male", birthYear: 1960, ageGroup: null, disability: false, preferredLanguage: "fr", namedPublicly: true },
      { authorityId: mairieId, title: "Maire", mandateStart: "2016-01-01", mandateEnd: `${YEAR - 1}-12-31` },
      { createAccount: true, accountEmail: "ancien-maire@makon.ht", accountPassword: "makon-secret-2026" },
      NOW,
    ),
  );
  return {
    f,
    admin,
    rose: actorByEmail(db, "delegue@makon.ht"),
    casec: actorByEmail(db, "casec@makon.ht"),
    oldMayor: actorByEmail(db, "ancien-maire@makon.ht"),
    elsewhere: actorByEmail(db, "potlan@makon.ht"),
    fanm,
    jen,
    apwolim,
    fanmOrg,
    jenOrg,
    casecId,
    mairieId,
  };
}

beforeEach(async () => {
  ({ db, close } = await demoDatabase());
  published = [];
  deps = { db, realtime: { ...offlineRealtimePort(db), publish: (events) => void published.push(...events) } };
  w = await world();
});
afterEach(() => close());

const input = (extra: Partial<RecordCommitment> = {}): RecordCommitment => ({
  authorityId: w.casecId,
  officialId: null,
  office: "Bureau du CASEC",
  title: "Réparer la fontaine de Roucou",
  text: "Le CASEC répare la fontaine et rétablit l'eau.",
  theme: "water",
  motionId: null,
  meetingId: null,
  sectionCode: "HT0313-01",
  dueDate: `${YEAR}-09-30`,
  budgetHtg: 250_000,
  beneficiaries: 1200,
  beneficiariesNote: "",
  breakdown: null,
  isPublic: true,
  ...extra,
});
const record = (by: Actor = w.f, extra: Partial<RecordCommitment> = {}) => must(recordCommitment(deps, by, LIMONADE, input(extra), NOW)).id;
const row = (id: number) => db.select().from(commitments).where(eq(commitments.id, id)).get()!;
const steps = (id: number) => db.select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).orderBy(commitmentUpdates.id).all();
const written = () => ({
  commitments: db.select({ n: count() }).from(commitments).get()!.n,
  updates: db.select({ n: count() }).from(commitmentUpdates).get()!.n,
  audit: db.select({ n: count() }).from(auditLog).get()!.n,
});
const claimed = (id: number) => {
  must(postProgress(deps, w.casec, id, { move: "claim", note: "Fontèn nan ap koule.", percent: undefined, link: undefined }, [], NOW + DAY));
  return id;
};

describe("recording a commitment", () => {
  it("is done by a facilitator, an administrator, or the official for their own authority, with its first step", () => {
    const byFacilitator = record(w.f);
    expect(row(byFacilitator)).toMatchObject({ state: "pledged", dueDate: `${YEAR}-09-30`, originalDueDate: `${YEAR}-09-30`, pledgedOn: localDate(NOW), budgetHtg: 250_000 });
    expect(steps(byFacilitator)).toMatchObject([{ move: "record", actorKind: "meeting", toState: "pledged", actorId: w.f.userId }]);
    const byOfficial = record(w.casec);
    expect(steps(byOfficial)[0]).toMatchObject({ actorKind: "authority" });
    expect(record(w.admin)).toBeGreaterThan(0);
  });

  it("takes the meeting's day as the day it was promised", () => {
    const meetingId = must(planMeeting(db, w.f, LIMONADE, { kind: "ordinary", title: "Reyinyon", startsAt: NOW - 10 * DAY, endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, NOW - 20 * DAY)).id;
    const id = record(w.f, { meetingId });
    expect(row(id).pledgedOn).toBe(localDate(NOW - 10 * DAY));
  });

  it("refuses delegates, another authority's officials, a mandate that ended, and other spaces' facilitators, writing nothing", () => {
    const before = written();
    for (const actor of [w.rose, w.fanm, w.elsewhere, w.oldMayor, null]) expect(recordCommitment(deps, actor, LIMONADE, input(), NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(recordCommitment(deps, w.casec, LIMONADE, input({ authorityId: w.mairieId }), NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(recordCommitment(deps, w.oldMayor, LIMONADE, input({ authorityId: w.mairieId }), NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(written()).toEqual(before);
  });

  it("refuses what does not hold together, each on its field, writing nothing", () => {
    const otherCommune = must(registerAuthority(db, w.admin, PETITE_ANSE, { kind: "municipal_council", name: "Mairie de Petite-Anse" }, NOW)).id;
    const before = written();
    const cases: [Partial<RecordCommitment>, CommitmentCode, string][] = [
      [{ authorityId: otherCommune }, "authority_not_found", "authorityId"],
      [{ officialId: 999_999 }, "official_not_found", "officialId"],
      [{ office: "" }, "responsible_required", "office"],
      [{ motionId: 999_999 }, "motion_not_found", "motionId"],
      [{ meetingId: 999_999 }, "meeting_not_found", "meetingId"],
      [{ sectionCode: "HT0111-01" }, "section_outside", "sectionCode"],
      [{ dueDate: `${YEAR}-01-02` }, "due_before_pledge", "dueDate"],
    ];
    for (const [extra, code, field] of cases) expect(recordCommitment(deps, w.f, LIMONADE, input(extra), NOW)).toEqual({ ok: false, code, field });
    expect(written()).toEqual(before);
  });

  it("reads its form: whole numbers with spaces, a breakdown of who benefits, and refuses a bad date", () => {
    const form = { authorityId: String(w.casecId), officialId: "", office: "Bureau", title: "T", text: "X", theme: "water", motionId: "", meetingId: "", sectionCode: "", dueDate: `${YEAR}-12-01`, budgetHtg: "1 250 000", beneficiaries: "", beneficiariesNote: "", isPublic: "on", ben_female_u18: "40", ben_male_u18: "" };
    const parsed = RecordCommitmentSchema.parse(form);
    expect(parsed).toMatchObject({ budgetHtg: 1_250_000, beneficiaries: null, sectionCode: null, isPublic: true });
    expect(parsed.breakdown?.female.u18).toBe(40);
    expect(parsed.breakdown?.male.u18).toBe(0);
    expect(RecordCommitmentSchema.safeParse({ ...form, dueDate: "31/12/2026" }).success).toBe(false);
    expect(RecordCommitmentSchema.safeParse({ ...form, budgetHtg: "-5" }).success).toBe(false);
  });
});

describe("the authority's news", () => {
  it("moves a pledge to in progress with a percentage, then to claimed done, each an appended step", () => {
    const id = record();
    must(postProgress(deps, w.casec, id, { move: "update", note: "Tiyo yo achte.", percent: 40, link: "https://example.org/devis.pdf" }, [], NOW + DAY));
    expect(row(id).state).toBe("in_progress");
    claimed(id);
    expect(row(id)).toMatchObject({ state: "claimed_done", claimRound: 1 });
    expect(steps(id).map((s) => [s.move, s.actorKind, s.toState, s.percent])).toEqual([
      ["record", "meeting", "pledged", null],
      ["update", "authority", "in_progress", 40],
      ["claim", "authority", "claimed_done", 100],
    ]);
  });

  it("is refused to delegates, other spaces' facilitators, a mandate that ended, and an empty note, writing nothing", () => {
    const id = record(w.f, { authorityId: w.mairieId });
    const before = written();
    const news = { move: "update" as const, note: "Nou la.", percent: undefined, link: undefined };
    for (const actor of [w.rose, w.elsewhere, w.oldMayor, w.casec, null]) expect(postProgress(deps, actor, id, news, [], NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(postProgress(deps, w.f, id, { ...news, note: "" }, [], NOW)).toEqual({ ok: false, code: "nothing_to_say", field: "note" });
    expect(postProgress(deps, w.f, id, { move: "abandon", note: "", percent: undefined, link: undefined }, [], NOW)).toEqual({ ok: false, code: "reason_required", field: "note" });
    expect(written()).toEqual(before);
  });

  it("lets a facilitator post news for the meeting, and an official give it up with a reason", () => {
    const id = record();
    must(postProgress(deps, w.f, id, { move: "update", note: "Le CASEC a annoncé les travaux en réunion.", percent: 10, link: undefined }, [], NOW));
    expect(steps(id).at(-1)).toMatchObject({ actorKind: "meeting", toState: "in_progress" });
    must(postProgress(deps, w.casec, id, { move: "abandon", note: "Pa gen lajan nan bidjè a.", percent: undefined, link: undefined }, [], NOW));
    expect(row(id).state).toBe("abandoned");
    expect(postProgress(deps, w.casec, id, { move: "update", note: "Encore", percent: undefined, link: undefined }, [], NOW)).toMatchObject({ ok: false, code: "wrong_state" });
  });
});

describe("the people verify", () => {
  it("verifies a claim when two organisations confirm and none disputes, once per organisation", () => {
    const id = claimed(record());
    must(answerClaim(deps, w.rose, id, { organisationId: w.apwolim, answer: "confirm", comment: "Nou wè dlo a." }, NOW + 2 * DAY));
    expect(row(id).state).toBe("claimed_done");
    expect(answerClaim(deps, w.rose, id, { organisationId: w.apwolim, answer: "dispute", comment: "Non" }, NOW + 2 * DAY)).toEqual({ ok: false, code: "already_answered" });
    must(answerClaim(deps, w.fanm, id, { organisationId: w.fanmOrg, answer: "confirm", comment: "" }, NOW + 2 * DAY));
    expect(row(id).state).toBe("verified");
    const page = commitmentPage(db, null, id, NOW + 2 * DAY)!;
    expect(page).toMatchObject({ state: "verified", confirmations: 2, disputes: 0, verifiedOn: localDate(NOW + 2 * DAY) });
    expect(page.timeline.filter((s) => s.move === "confirm").map((s) => s.who)).toEqual(["Association des producteurs de lait de Limonade", "Gwoupman Fanm Vanyan Limonad"]);
  });

  it("counts 'no news' from the authority's last word: the people's answers do not restart it", () => {
    const id = claimed(record());
    must(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "dispute", comment: "Dlo a pa rive." }, NOW + 50 * DAY));
    // 61 days after the claim, 12 after the dispute.
    expect(commitmentPage(db, null, id, NOW + 62 * DAY)).toMatchObject({ state: "disputed", noNews: true, lastNewsDay: localDate(NOW + DAY) });
    must(postProgress(deps, w.casec, id, { move: "update", note: "N ap tounen.", percent: undefined, link: undefined }, [], NOW + 62 * DAY));
    expect(commitmentPage(db, null, id, NOW + 62 * DAY)).toMatchObject({ state: "disputed", noNews: false });
  });

  it("puts a disputed claim back to the meeting, with its reason; a new claim opens a new round", () => {
    const id = claimed(record());
    expect(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "dispute", comment: "" }, NOW + 2 * DAY)).toEqual({ ok: false, code: "reason_required", field: "comment" });
    must(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "dispute", comment: "Dlo a pa rive Bois-de-Lance." }, NOW + 2 * DAY));
    expect(row(id).state).toBe("disputed");
    // Other organisations are still heard; only a meeting (or a new claim) settles it.
    must(answerClaim(deps, w.rose, id, { organisationId: w.apwolim, answer: "confirm", comment: "" }, NOW + 2 * DAY));
    must(answerClaim(deps, w.fanm, id, { organisationId: w.fanmOrg, answer: "confirm", comment: "" }, NOW + 2 * DAY));
    expect(row(id).state).toBe("disputed");
    expect(commitmentPage(db, null, id, NOW + 2 * DAY)).toMatchObject({ confirmations: 2, disputes: 1 });
    expect(commitmentsToReview(db, LIMONADE, NOW + 3 * DAY).map((c) => c.id)).toContain(id);
    // The official claims again: the youth organisation may answer the new claim.
    claimed(id);
    expect(row(id).claimRound).toBe(2);
    must(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "confirm", comment: "Kounye a li rive." }, NOW + 4 * DAY));
    expect(row(id).state).toBe("claimed_done");
  });

  it("is refused to whoever is not seated for the organisation, and outside a claim", () => {
    const id = record();
    expect(answerClaim(deps, w.rose, id, { organisationId: w.apwolim, answer: "confirm", comment: "" }, NOW)).toEqual({ ok: false, code: "wrong_state" });
    claimed(id);
    const before = written();
    for (const actor of [w.casec, w.f, w.elsewhere, w.fanm, null]) expect(answerClaim(deps, actor, id, { organisationId: w.apwolim, answer: "confirm", comment: "" }, NOW + 2 * DAY)).toEqual({ ok: false, code: "not_seated", field: "organisationId" });
    expect(written()).toEqual(before);
  });
});

describe("what the meeting decides", () => {
  /** A meeting of the space, planned, or under way from `at`. */
  const meeting = (at: number, start = true) => {
    const id = must(planMeeting(db, w.f, LIMONADE, { kind: "ordinary", title: "Reyinyon", startsAt: at, endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, NOW)).id;
    if (start) must(changeMeetingStatus(deps, w.f, id, "start", { now: at }));
    return id;
  };

  it("sets a new due date as an event that keeps the original", () => {
    const id = record();
    const meetingId = meeting(NOW);
    must(decideInMeeting(deps, w.f, id, { decision: "reschedule", note: "Lapli yo.", dueDate: `${YEAR}-11-30`, meetingId }, NOW));
    expect(row(id)).toMatchObject({ dueDate: `${YEAR}-11-30`, originalDueDate: `${YEAR}-09-30`, state: "pledged" });
    expect(steps(id).at(-1)).toMatchObject({ move: "reschedule", dueDate: `${YEAR}-11-30`, previousDueDate: `${YEAR}-09-30` });
    expect(decideInMeeting(deps, w.f, id, { decision: "reschedule", note: "", dueDate: `${YEAR}-11-30`, meetingId }, NOW)).toEqual({ ok: false, code: "same_due_date", field: "dueDate" });
    expect(decideInMeeting(deps, w.f, id, { decision: "reschedule", note: "", dueDate: undefined, meetingId }, NOW)).toEqual({ ok: false, code: "due_date_required", field: "dueDate" });
  });

  it("is a meeting's: one of the space's, under way or held, never a planned one or another space's", () => {
    const id = claimed(record());
    const planned = meeting(NOW + 5 * DAY, false);
    const before = written();
    expect(decideInMeeting(deps, w.f, id, { decision: "verify", note: "", dueDate: undefined, meetingId: planned }, NOW)).toEqual({ ok: false, code: "meeting_not_held", field: "meetingId" });
    expect(decideInMeeting(deps, w.f, id, { decision: "verify", note: "", dueDate: undefined, meetingId: 999_999 }, NOW)).toEqual({ ok: false, code: "meeting_not_found", field: "meetingId" });
    expect(written()).toEqual(before);
  });

  it("upholds a dispute: the work goes back in progress with the meeting's reasons; the authority's news alone leaves a dispute open", () => {
    const id = claimed(record());
    must(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "dispute", comment: "Pa fini." }, NOW + 2 * DAY));
    must(postProgress(deps, w.casec, id, { move: "update", note: "N ap fini l semèn sa a.", percent: 90, link: undefined }, [], NOW + 2 * DAY));
    expect(row(id).state).toBe("disputed");
    must(decideInMeeting(deps, w.f, id, { decision: "dispute", note: "Do kay la manke.", dueDate: undefined, meetingId: meeting(NOW + 3 * DAY) }, NOW + 3 * DAY));
    expect(row(id).state).toBe("in_progress");
    expect(steps(id).at(-1)).toMatchObject({ move: "dispute", actorKind: "meeting", fromState: "disputed", toState: "in_progress", note: "Do kay la manke." });
  });

  it("verifies a disputed claim, with the meeting it was decided in", () => {
    const id = claimed(record());
    must(answerClaim(deps, w.jen, id, { organisationId: w.jenOrg, answer: "dispute", comment: "Pa fini." }, NOW + 2 * DAY));
    const meetingId = meeting(NOW + 3 * DAY);
    published = [];
    must(decideInMeeting(deps, w.f, id, { decision: "verify", note: "Vizit sou plas.", dueDate: undefined, meetingId }, NOW + 3 * DAY));
    expect(row(id).state).toBe("verified");
    expect(steps(id).at(-1)).toMatchObject({ move: "verify", actorKind: "meeting", meetingId });
    // The live meeting's screens follow.
    expect(published).toEqual([{ type: "commitment.changed", meetingId }]);
  });

  it("is refused to the official, delegates and other spaces' facilitators, writing nothing", () => {
    const id = record();
    const meetingId = meeting(NOW);
    const before = written();
    for (const actor of [w.casec, w.rose, w.elsewhere, null]) expect(decideInMeeting(deps, actor, id, { decision: "not_done", note: "", dueDate: undefined, meetingId }, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(decideInMeeting(deps, w.f, id, { decision: "verify", note: "", dueDate: undefined, meetingId }, NOW)).toEqual({ ok: false, code: "wrong_state" });
    expect(written()).toEqual(before);
  });
});

describe("reading commitments", () => {
  it("keeps a non-public commitment from the public and other spaces, and tells each reader what they may do", () => {
    const id = record(w.f, { isPublic: false });
    expect(commitmentPage(db, null, id, NOW)).toBeNull();
    expect(commitmentPage(db, w.elsewhere, id, NOW)).toBeNull();
    expect(commitmentPage(db, w.rose, id, NOW)?.actions).toMatchObject({ asAuthority: [], asMeeting: [], answerFor: [] });
    expect(commitmentPage(db, w.casec, id, NOW)?.actions.asAuthority).toEqual(["update", "claim", "abandon"]);
    expect(commitmentPage(db, w.f, id, NOW)?.actions.asMeeting).toEqual(["update", "claim", "partly", "not_done", "abandon", "reschedule"]);
    claimed(id);
    expect(commitmentPage(db, w.rose, id, NOW + DAY)?.actions.answerFor).toEqual([{ id: w.apwolim, name: "Association des producteurs de lait de Limonade" }]);
    // Its audit entries are internal, as it is.
    expect(db.select().from(auditLog).where(eq(auditLog.subjectType, "commitment")).all().every((e) => e.visibility === "internal")).toBe(true);
  });

  it("lists an official's commitments while the mandate lasts, and the review's due, overdue, disputed and claimed ones", () => {
    const late = record(w.f, { dueDate: `${YEAR}-06-20` });
    const soon = record(w.f, { dueDate: localDate(NOW + 30 * DAY) });
    const far = record(w.f, { dueDate: `${YEAR}-12-31` });
    const mayor = record(w.f, { authorityId: w.mairieId });
    expect(myCommitments(db, w.casec, NOW).map((c) => c.id).sort()).toEqual([late, soon, far].sort());
    expect(myCommitments(db, w.oldMayor, NOW)).toEqual([]);
    const today = NOW + 20 * DAY;
    const review = commitmentsToReview(db, LIMONADE, today);
    expect(review.map((c) => c.id)).toEqual([late, soon]);
    expect(review[0]).toMatchObject({ overdueDays: daysLate(`${YEAR}-06-20`, today) });
    expect(mayor).toBeGreaterThan(0);
  });

  it("keeps every step: the updates table refuses to be changed or emptied", () => {
    const id = record();
    expect(() => db.update(commitmentUpdates).set({ note: "rewritten" }).where(eq(commitmentUpdates.commitmentId, id)).run()).toThrow(/append-only/);
    expect(() => db.delete(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).run()).toThrow(/append-only/);
  });

  it("has a message in both languages for every refusal", () => {
    const codes: CommitmentCode[] = ["forbidden", "not_found", "space_not_found", "authority_not_found", "official_not_found", "responsible_required", "motion_not_found", "meeting_not_found", "section_outside", "due_before_pledge", "not_allowed", "wrong_state", "reason_required", "already_answered", "not_seated", "due_date_required", "same_due_date", "nothing_to_say"];
    const fr = messagesFor("fr", ["common", "commitments"]);
    const ht = messagesFor("ht", ["common", "commitments"]);
    for (const code of codes) {
      const key = commitmentMessage(code);
      expect(fr[key], code).toBeTruthy();
      expect(ht[key], code).toBeTruthy();
      expect(ht[key], code).not.toBe(fr[key]);
    }
  });
});

const daysLate = (due: string, now: number) => Math.round((Date.parse(`${localDate(now)}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY);
