import type { AuditAction } from "../../app/modules/audit/actions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, delegateSeats, membershipCounts, organisationContacts, organisations, spaceMemberships, users } from "../../db/schema/index";
import type { Db } from "../../db/client";
import { normalizePhone } from "../../app/modules/auth/phone";
import { parseCsv } from "../../app/modules/csv/csv";
import { readDelegateRows, readOrganisationRows } from "../../app/modules/organisations/import-rows";
import {
  admitOrganisation,
  archiveOrganisation,
  deleteOrganisation,
  getOrganisation,
  importOrganisations,
  leaveSpace,
  listMembers,
  recordMembershipCount,
  registerOrganisation,
  updateOrganisation,
} from "../../app/modules/organisations/organisations.server";
import type { OrganisationInput } from "../../app/modules/organisations/organisations.schemas";
import { endSeat, importDelegates, listDelegates, registerDelegate } from "../../app/modules/people/people.server";
import type { PersonInput } from "../../app/modules/people/people.schemas";
import { listAuthorities, registerAuthority, registerOfficial } from "../../app/modules/authorities/authorities.server";
import { createSpace, getSpace, updateSpace } from "../../app/modules/spaces/spaces.server";
import type { SpaceInput } from "../../app/modules/spaces/spaces.schemas";
import { signIn } from "../../app/modules/auth/sign-in.server";
import { createAccount } from "../../app/modules/users/users.server";
import { loadGrants } from "../../app/modules/auth/session.server";
import { notDemo, actorByEmail, demoDatabase } from "../setup/test-db";

let db: Db;
let close: () => void;
beforeEach(async () => ({ db, close } = await demoDatabase()));
afterEach(() => close());

const LIMONADE = 1;
const PETITE_ANSE = 2;
const org = (name: string, extra: Partial<OrganisationInput> = {}): OrganisationInput => ({
  name,
  type: "muso",
  legallyRecognised: false,
  ledByWoman: false,
  ledByYouth: false,
  ...extra,
});
const person = (name: string, extra: Partial<PersonInput> = {}): PersonInput => ({ name, sex: "female", birthYear: 1995, ageGroup: null, disability: false, preferredLanguage: null, ...extra });
const noAccount = { createAccount: false, accountPassword: "" };
const audits = (action: AuditAction) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("spaces", () => {
  const input: SpaceInput = {
    name: "Makòn Trou-du-Nord",
    level: "commune",
    communeCode: "HT0431",
    setting: "rural",
    status: "active",
    votingBase: "delegate",
    quorumPercent: 60,
    majorityRule: "two_thirds",
    titularSeats: 2,
    substituteSeats: 1,
  };

  it("is created and configured by an administrator only, audited before → after", () => {
    expect(createSpace(db, actorByEmail(db, "animateur@makon.ht"), input, 1)).toEqual({ ok: false, code: "forbidden" });
    const admin = actorByEmail(db, "admin@makon.ht");
    const created = createSpace(db, admin, input, 1);
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number } }).value.id;
    expect(getSpace(db, id)).toMatchObject({ communeName: "Trou-du-Nord", departmentName: "Nord-Est", quorumPercent: 60, territorySections: [{ code: "HT0431-01" }, { code: "HT0431-02" }, { code: "HT0431-03" }] });
    expect(updateSpace(db, admin, id, { ...input, status: "dormant", quorumPercent: 40 }, 2)).toEqual({ ok: true, value: null });
    const update = audits("space.update")[0]!;
    expect(update.before).toMatchObject({ status: "active", quorumPercent: 60 });
    expect(update.after).toMatchObject({ status: "dormant", quorumPercent: 40 });
    expect(updateSpace(db, actorByEmail(db, "animateur@makon.ht"), id, input, 3)).toEqual({ ok: false, code: "forbidden" });
  });

  it("keeps a section-level space inside its commune", () => {
    const admin = actorByEmail(db, "admin@makon.ht");
    expect(createSpace(db, admin, { ...input, level: "section", sectionCode: "HT0311-01" }, 1)).toMatchObject({ ok: false, code: "section_not_found" });
    const ok = createSpace(db, admin, { ...input, level: "section", sectionCode: "HT0431-02" }, 1);
    const space = getSpace(db, (ok as { value: { id: number } }).value.id)!;
    expect(space.territorySections.map((s) => s.code)).toEqual(["HT0431-02"]);
  });
});

describe("organisations", () => {
  it("are registered and admitted by a facilitator of the space only", () => {
    const facilitator = actorByEmail(db, "animateur@makon.ht");
    const registered = registerOrganisation(db, facilitator, LIMONADE, org("MUSO Lespwa", { sectionCode: "HT0313-02", ledByWoman: true }), "2026-01-10", 1);
    expect(registered.ok).toBe(true);
    expect(notDemo(listMembers(db, LIMONADE)).map((m) => [m.name, m.joinedOn, m.sectionName])).toEqual([["MUSO Lespwa", "2026-01-10", "Bois de Lance"]]);
    for (const email of ["delegue@makon.ht", "casec@makon.ht"]) {
      expect(registerOrganisation(db, actorByEmail(db, email), LIMONADE, org("X"), "2026-01-10", 1)).toEqual({ ok: false, code: "forbidden" });
    }
    // A facilitator of Limonade cannot change Petite-Anse.
    expect(registerOrganisation(db, facilitator, PETITE_ANSE, org("Y"), "2026-01-10", 1)).toEqual({ ok: false, code: "forbidden" });
    expect(registerOrganisation(db, facilitator, LIMONADE, org("Z", { sectionCode: "HT0311-01" }), "2026-01-10", 1)).toMatchObject({ ok: false, code: "section_outside_territory" });
    expect(notDemo(db.select().from(organisations).all()).map((o) => o.name)).toEqual(["MUSO Lespwa"]);
    expect(audits("organisation.register").filter((a) => a.actorId === facilitator.userId)).toHaveLength(1);
  });

  it("filters members by type, section and leadership", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    registerOrganisation(db, f, LIMONADE, org("A", { type: "women", sectionCode: "HT0313-01", ledByWoman: true }), "2026-01-01", 1);
    registerOrganisation(db, f, LIMONADE, org("B", { type: "youth", sectionCode: "HT0313-02", ledByYouth: true }), "2026-01-01", 1);
    registerOrganisation(db, f, LIMONADE, org("C", { type: "women", sectionCode: "HT0313-02" }), "2026-01-01", 1);
    const names = (filter: Parameters<typeof listMembers>[2]) => notDemo(listMembers(db, LIMONADE, filter)).map((m) => m.name);
    expect(names({ type: "women" })).toEqual(["A", "C"]);
    expect(names({ sectionCode: "HT0313-02" })).toEqual(["B", "C"]);
    expect(names({ ledByWoman: true })).toEqual(["A"]);
    expect(names({ ledByYouth: true, type: "youth" })).toEqual(["B"]);
  });

  it("leave with their history kept, delegates leaving with them, and may join again or another space", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = (registerOrganisation(db, f, LIMONADE, org("Kòperativ"), "2025-01-01", 1) as { value: { id: number } }).value.id;
    await registerDelegate(db, f, LIMONADE, person("Rose"), { organisationId: id, seat: "titular", fromDate: "2025-02-01" }, noAccount, 1);
    expect(leaveSpace(db, f, LIMONADE, id, "2024-12-31", 2)).toMatchObject({ ok: false, code: "left_before_joined" });
    expect(leaveSpace(db, f, LIMONADE, id, "2026-03-31", 2)).toEqual({ ok: true, value: null });
    expect(notDemo(listMembers(db, LIMONADE))).toEqual([]);
    expect(db.select().from(spaceMemberships).where(eq(spaceMemberships.organisationId, id)).get()).toMatchObject({ joinedOn: "2025-01-01", leftOn: "2026-03-31" });
    expect(db.select().from(delegateSeats).where(eq(delegateSeats.organisationId, id)).get()).toMatchObject({ toDate: "2026-03-31" });
    expect(leaveSpace(db, f, LIMONADE, id, "2026-04-01", 3)).toMatchObject({ code: "not_member" });
    expect(admitOrganisation(db, f, LIMONADE, id, "2026-06-01", 4)).toEqual({ ok: true, value: null });
    expect(admitOrganisation(db, f, LIMONADE, id, "2026-06-02", 4)).toMatchObject({ code: "already_member" });
    expect(db.select().from(spaceMemberships).where(eq(spaceMemberships.organisationId, id)).all()).toHaveLength(2);
  });

  it("refuses to delete one with history and archives it instead", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const mistake = (registerOrganisation(db, f, LIMONADE, org("Erreur de saisie"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    expect(deleteOrganisation(db, f, LIMONADE, mistake, 2)).toEqual({ ok: true, value: null });
    const kept = (registerOrganisation(db, f, LIMONADE, org("Gwoupman"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    await registerDelegate(db, f, LIMONADE, person("Jean", { sex: "male" }), { organisationId: kept, seat: "titular", fromDate: "2026-01-02" }, noAccount, 1);
    expect(deleteOrganisation(db, f, LIMONADE, kept, 3)).toMatchObject({ ok: false, code: "has_history" });
    expect(archiveOrganisation(db, f, LIMONADE, kept, "2026-05-01", 4)).toEqual({ ok: true, value: null });
    expect(notDemo(listMembers(db, LIMONADE))).toEqual([]);
    expect(notDemo(listDelegates(db, LIMONADE, "2026-04-30")).map((d) => d.name)).toEqual(["Jean"]);
    expect(notDemo(listDelegates(db, LIMONADE, "2026-05-02"))).toEqual([]);
    expect(audits("organisation.delete")).toHaveLength(1);
    expect(audits("organisation.archive")).toHaveLength(1);
  });

  it("are edited by a facilitator with the change audited", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = (registerOrganisation(db, f, LIMONADE, org("Asosyasyon"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    expect(updateOrganisation(db, f, LIMONADE, id, org("Asosyasyon Jèn Limonad", { type: "youth", ledByYouth: true }), 2)).toEqual({ ok: true, value: null });
    const audit = audits("organisation.update")[0]!;
    expect(audit.before).toMatchObject({ name: "Asosyasyon", type: "muso" });
    expect(audit.after).toMatchObject({ name: "Asosyasyon Jèn Limonad", type: "youth" });
    expect(updateOrganisation(db, actorByEmail(db, "delegue@makon.ht"), LIMONADE, id, org("Hack"), 3)).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("an organisation shared by two spaces of one commune", () => {
  /** A second space of Limonade's commune (Bois de Lance), made by an administrator. */
  const boisDeLance = () => {
    const created = createSpace(
      db,
      actorByEmail(db, "admin@makon.ht"),
      { name: "Makòn Bois de Lance", level: "section", communeCode: "HT0313", sectionCode: "HT0313-02", setting: "rural", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 },
      1,
    );
    return (created as { value: { id: number } }).value.id;
  };
  const contactRows = (organisationId: number) =>
    db
      .select({ spaceId: organisationContacts.spaceId, contactName: organisationContacts.contactName, phone: organisationContacts.phone, email: organisationContacts.email })
      .from(organisationContacts)
      .where(eq(organisationContacts.organisationId, organisationId))
      .all()
      .sort((a, b) => a.spaceId - b.spaceId);
  const limonadeContact = { contactName: "Anita Joseph", phone: "+50937112233", email: "anita@example.ht" };
  /** An organisation of Limonade with its contact and a titular delegate, admitted by Bois de Lance with its own contact. */
  const shared = async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const admin = actorByEmail(db, "admin@makon.ht");
    const other = boisDeLance();
    const id = (registerOrganisation(db, f, LIMONADE, org("Kòperativ Lèt", { ...limonadeContact }), "2026-01-01", 1) as { value: { id: number } }).value.id;
    await registerDelegate(db, f, LIMONADE, person("Rose"), { organisationId: id, seat: "titular", fromDate: "2026-01-02" }, noAccount, 1);
    expect(admitOrganisation(db, admin, other, id, "2026-02-01", 2, { contactName: "Jean Pòl", phone: "+50937445566" })).toEqual({ ok: true, value: null });
    return { f, admin, other, id };
  };

  it("keeps each space's own contact: registering writes it, admitting shows none of the other space's", async () => {
    const { admin, other, id } = await shared();
    expect(contactRows(id)).toEqual([
      { spaceId: LIMONADE, ...limonadeContact },
      { spaceId: other, contactName: "Jean Pòl", phone: "+50937445566", email: null },
    ]);
    const mine = (spaceId: number) => listMembers(db, spaceId).find((m) => m.id === id)!;
    expect(mine(LIMONADE)).toMatchObject(limonadeContact);
    expect(mine(other)).toMatchObject({ contactName: "Jean Pòl", phone: "+50937445566", email: null });
    expect(getOrganisation(db, other, id)).toMatchObject({ contactName: "Jean Pòl", phone: "+50937445566", email: null });
    expect(getOrganisation(db, LIMONADE, id)).toMatchObject(limonadeContact);
    // Admitted without a contact: none, not Limonade's.
    const third = (registerOrganisation(db, actorByEmail(db, "animateur@makon.ht"), LIMONADE, org("MUSO", { contactName: "Lòt moun" }), "2026-01-01", 1) as { value: { id: number } }).value.id;
    admitOrganisation(db, admin, other, third, "2026-02-01", 2);
    expect(getOrganisation(db, other, third)).toMatchObject({ contactName: null, phone: null, email: null });
    // The register's public audit entry carries no contact.
    expect(JSON.stringify(audits("organisation.register"))).not.toContain("Anita");
  });

  it("is edited from any space it is a current member of, the change audited in each; the contact only in its own", async () => {
    const { admin, other, id } = await shared();
    expect(updateOrganisation(db, admin, other, id, org("Kòperativ Lèt Limonad", { type: "cooperative", contactName: "Jean Pòl", phone: "+50937000099" }), 3)).toEqual({ ok: true, value: null });
    expect(db.select().from(organisations).where(eq(organisations.id, id)).get()).toMatchObject({ name: "Kòperativ Lèt Limonad", type: "cooperative" });
    const shares = audits("organisation.update").filter((a) => a.subjectType === "organisation" && a.subjectId === String(id));
    expect(shares.map((a) => a.spaceId).sort()).toEqual([LIMONADE, other].sort());
    for (const entry of shares) {
      expect(entry.before).toMatchObject({ name: "Kòperativ Lèt", type: "muso" });
      expect(entry.after).toMatchObject({ name: "Kòperativ Lèt Limonad", type: "cooperative", fromSpaceId: other });
      expect(JSON.stringify(entry)).not.toContain("+50937");
    }
    // Bois de Lance's contact changed in Bois de Lance only; Limonade's is untouched.
    expect(contactRows(id)).toEqual([
      { spaceId: LIMONADE, ...limonadeContact },
      { spaceId: other, contactName: "Jean Pòl", phone: "+50937000099", email: null },
    ]);
    // Each contact written (Limonade's at registering, Bois de Lance's at admission and now) is audited in its own space.
    const contactAudits = audits("organisation.update").filter((a) => a.subjectType === "organisation_contact");
    expect(contactAudits.map((a) => [a.spaceId, a.at])).toEqual([
      [LIMONADE, 1],
      [other, 2],
      [other, 3],
    ]);
    expect(getOrganisation(db, LIMONADE, id)!.lastSharedChange).toMatchObject({ spaceId: other, spaceName: "Makòn Bois de Lance", at: 3 });
    // Once it has left Bois de Lance, Bois de Lance no longer edits it.
    expect(leaveSpace(db, admin, other, id, "2026-03-01", 4)).toEqual({ ok: true, value: null });
    expect(updateOrganisation(db, admin, other, id, org("Hack"), 5)).toMatchObject({ ok: false, code: "not_member" });
    expect(db.select().from(organisations).where(eq(organisations.id, id)).get()!.name).toBe("Kòperativ Lèt Limonad");
  });

  it("is not archived while another space counts it as a member; leaving ends only this space's membership and seats", async () => {
    const { f, admin, other, id } = await shared();
    await registerDelegate(db, admin, other, person("Jan", { sex: "male" }), { organisationId: id, seat: "titular", fromDate: "2026-02-02" }, noAccount, 2);
    const state = () => ({
      organisation: db.select({ archivedAt: organisations.archivedAt }).from(organisations).where(eq(organisations.id, id)).get(),
      memberships: db.select({ spaceId: spaceMemberships.spaceId, leftOn: spaceMemberships.leftOn }).from(spaceMemberships).where(eq(spaceMemberships.organisationId, id)).all(),
      seats: db.select({ spaceId: delegateSeats.spaceId, toDate: delegateSeats.toDate }).from(delegateSeats).where(eq(delegateSeats.organisationId, id)).all(),
      audit: db.select().from(auditLog).all().length,
    });
    const before = state();
    expect(archiveOrganisation(db, admin, other, id, "2026-03-01", 3)).toEqual({ ok: false, code: "member_elsewhere" });
    expect(archiveOrganisation(db, f, LIMONADE, id, "2026-03-01", 3)).toEqual({ ok: false, code: "member_elsewhere" });
    expect(deleteOrganisation(db, admin, other, id, 3)).toMatchObject({ ok: false, code: "has_history" });
    expect(state()).toEqual(before);
    // Bois de Lance leaves: Limonade's membership and Rose's seat stay open.
    expect(leaveSpace(db, admin, other, id, "2026-03-01", 4)).toEqual({ ok: true, value: null });
    const left = state();
    expect(left.memberships).toEqual(expect.arrayContaining([{ spaceId: LIMONADE, leftOn: null }, { spaceId: other, leftOn: "2026-03-01" }]));
    expect(left.seats).toEqual(expect.arrayContaining([{ spaceId: LIMONADE, toDate: null }, { spaceId: other, toDate: "2026-03-01" }]));
    // The counts show in Limonade too: a space it has left adds none; Limonade's go in its history.
    const count = { countedOn: "2026-03-02", women: 9, men: 2, byAgeGroup: {} };
    expect(recordMembershipCount(db, admin, other, id, count, 4)).toEqual({ ok: false, code: "not_member" });
    expect(db.select().from(membershipCounts).where(eq(membershipCounts.organisationId, id)).all().filter((c) => c.countedOn === "2026-03-02")).toEqual([]);
    expect(recordMembershipCount(db, f, LIMONADE, id, count, 4)).toEqual({ ok: true, value: null });
    expect(db.select({ spaceId: auditLog.spaceId }).from(auditLog).where(and(eq(auditLog.action, "organisation.count"), eq(auditLog.subjectId, String(id)))).all()).toEqual([{ spaceId: LIMONADE }]);
    // Now a member of Limonade only: Limonade archives it; Bois de Lance's ended rows stay as they were.
    expect(archiveOrganisation(db, f, LIMONADE, id, "2026-05-01", 5)).toEqual({ ok: true, value: null });
    const archived = state();
    expect(archived.organisation!.archivedAt).toBe(5);
    expect(archived.memberships).toEqual(expect.arrayContaining([{ spaceId: LIMONADE, leftOn: "2026-05-01" }, { spaceId: other, leftOn: "2026-03-01" }]));
    expect(archived.seats).toEqual(expect.arrayContaining([{ spaceId: LIMONADE, toDate: "2026-05-01" }, { spaceId: other, toDate: "2026-03-01" }]));
  });

  it("archiving ends only this space's open rows even when another space's were left open by mistake", async () => {
    const { f, other, id } = await shared();
    // A row another space should have closed (a bug, an import): archiving here must not close it.
    db.update(spaceMemberships).set({ leftOn: "2026-03-01" }).where(eq(spaceMemberships.spaceId, other)).run();
    db.insert(delegateSeats).values({ spaceId: other, organisationId: id, personId: db.select().from(delegateSeats).get()!.personId, seat: "titular", fromDate: "2026-02-02", createdAt: 1 }).run();
    expect(archiveOrganisation(db, f, LIMONADE, id, "2026-05-01", 5)).toEqual({ ok: true, value: null });
    const seats = db.select({ spaceId: delegateSeats.spaceId, toDate: delegateSeats.toDate }).from(delegateSeats).where(eq(delegateSeats.organisationId, id)).all();
    expect(seats).toEqual(expect.arrayContaining([{ spaceId: LIMONADE, toDate: "2026-05-01" }, { spaceId: other, toDate: null }]));
  });

  it("deleting one entered by mistake removes its contact too", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = (registerOrganisation(db, f, LIMONADE, org("Erè", { phone: "+50937121212" }), "2026-01-01", 1) as { value: { id: number } }).value.id;
    expect(contactRows(id)).toHaveLength(1);
    expect(deleteOrganisation(db, f, LIMONADE, id, 2)).toEqual({ ok: true, value: null });
    expect(contactRows(id)).toEqual([]);
  });

  it("an import writes each row's contact for the importing space", () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const { rows, errors } = readOrganisationRows(parseCsv("Nom;Type;Contact;Téléphone\nFanm Vanyan;Groupement de femmes;Mari;3711 2233\nMUSO Lespwa;MUSO;;\n"), {
      sections: getSpace(db, LIMONADE)!.territorySections,
      memberNames: [],
      today: "2026-11-22",
      thisYear: 2026,
      normalizePhone,
    });
    expect(errors).toEqual([]);
    expect(importOrganisations(db, f, LIMONADE, rows, 1)).toEqual({ ok: true, value: { count: 2 } });
    const members = notDemo(listMembers(db, LIMONADE));
    expect(members.map((m) => [m.name, m.contactName, m.phone])).toEqual([
      ["Fanm Vanyan", "Mari", "+50937112233"],
      ["MUSO Lespwa", null, null],
    ]);
    expect(contactRows(members[0]!.id)).toEqual([{ spaceId: LIMONADE, contactName: "Mari", phone: "+50937112233", email: null }]);
  });
});

describe("delegates", () => {
  it("take the seats the space's rules give, and may get an account in one step", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const id = (registerOrganisation(db, f, LIMONADE, org("Fanm Vanyan"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    const seat = (kind: "titular" | "substitute") => ({ organisationId: id, seat: kind, fromDate: "2026-02-01" });
    const first = await registerDelegate(db, f, LIMONADE, person("Nadège", { phone: "+50937445566" }), seat("titular"), { createAccount: true, accountEmail: "nadege@makon.ht", accountPassword: "nadege secret pass" }, 1);
    expect(first.ok).toBe(true);
    expect(await registerDelegate(db, f, LIMONADE, person("Second"), seat("titular"), noAccount, 1)).toMatchObject({ ok: false, code: "seats_full" });
    expect(await registerDelegate(db, f, LIMONADE, person("Suppléante"), seat("substitute"), noAccount, 1)).toMatchObject({ ok: true });
    // The account signs in, with the delegate role in this space.
    expect(await signIn(db, { identifier: "nadege@makon.ht", password: "nadege secret pass", address: "1", now: 0 })).toMatchObject({ ok: true });
    const account = db.select().from(users).where(eq(users.email, "nadege@makon.ht")).get()!;
    expect(actorByEmail(db, "nadege@makon.ht").grants).toEqual([{ role: "delegate", spaceId: LIMONADE }]);
    expect(account.phone).toBe("+50937445566");
    // A taken contact: an administrator is told, and nothing is written; a facilitator gets
    // exactly the answer they would get without asking for an account.
    const taken = { createAccount: true, accountEmail: "delegue@makon.ht", accountPassword: "long password" };
    expect(await registerDelegate(db, actorByEmail(db, "admin@makon.ht"), LIMONADE, person("Autre"), seat("substitute"), taken, 1)).toMatchObject({ ok: false, code: "email_taken" });
    expect(await registerDelegate(db, f, LIMONADE, person("Autre"), seat("substitute"), taken, 1)).toEqual(await registerDelegate(db, f, LIMONADE, person("Autre"), seat("substitute"), noAccount, 1));
    expect(notDemo(listDelegates(db, LIMONADE, "2026-03-01")).map((d) => [d.name, d.seat, d.ageGroup, d.hasAccount])).toEqual([
      ["Nadège", "titular", "25_35", true],
      ["Suppléante", "substitute", "25_35", false],
    ]);
    const seatId = notDemo(listDelegates(db, LIMONADE, "2026-03-01"))[0]!.seatId;
    expect(endSeat(db, f, LIMONADE, seatId, "2026-01-01", 2)).toMatchObject({ code: "dates_reversed" });
    expect(endSeat(db, f, LIMONADE, seatId, "2026-06-30", 2)).toEqual({ ok: true, value: null });
    expect(await registerDelegate(db, f, LIMONADE, person("Remplaçante"), { ...seat("titular"), fromDate: "2026-07-01" }, noAccount, 3)).toMatchObject({ ok: true });
  });

  it("are refused for an organisation that is not a member, or from someone not facilitating", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    expect(await registerDelegate(db, f, LIMONADE, person("A"), { organisationId: 999, seat: "titular", fromDate: "2026-01-01" }, noAccount, 1)).toMatchObject({ code: "not_member" });
    expect(await registerDelegate(db, actorByEmail(db, "casec@makon.ht"), LIMONADE, person("A"), { organisationId: 1, seat: "titular", fromDate: "2026-01-01" }, noAccount, 1)).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("imports", () => {
  const orgContext = () => ({ sections: getSpace(db, LIMONADE)!.territorySections, memberNames: notDemo(listMembers(db, LIMONADE)).map((m) => m.name), today: "2026-11-22", thisYear: 2026, normalizePhone });

  it("write all rows or none", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const { rows, errors } = readOrganisationRows(parseCsv("Nom;Type;Section;Femmes;Hommes\nFanm Vanyan;Groupement de femmes;2;30;0\nMUSO Lespwa;MUSO;Roucou;12;8\n"), orgContext());
    expect(errors).toEqual([]);
    expect(importOrganisations(db, f, LIMONADE, rows, 1)).toEqual({ ok: true, value: { count: 2 } });
    expect(notDemo(listMembers(db, LIMONADE)).map((m) => [m.name, m.count?.women, m.count?.men])).toEqual([
      ["Fanm Vanyan", 30, 0],
      ["MUSO Lespwa", 12, 8],
    ]);
    // Three delegates for an organisation with one titular seat: nothing is written.
    const orgs = notDemo(listMembers(db, LIMONADE)).map((m) => ({ id: m.id, name: m.name, acronym: m.acronym }));
    const delegates = readDelegateRows(parseCsv("Nom;Sexe;Organisation\nA;F;Fanm Vanyan\nB;F;MUSO Lespwa\nC;H;Fanm Vanyan\n"), { organisations: orgs, today: "2026-11-22", thisYear: 2026, normalizePhone });
    expect(delegates.errors).toEqual([]);
    expect(importDelegates(db, f, LIMONADE, delegates.rows, 2)).toMatchObject({ ok: false, code: "seats_full", line: 4 });
    expect(notDemo(listDelegates(db, LIMONADE, "2026-11-22"))).toEqual([]);
    expect(importDelegates(db, f, LIMONADE, delegates.rows.slice(0, 2), 2)).toEqual({ ok: true, value: { count: 2 } });
    expect(notDemo(listDelegates(db, LIMONADE, "2026-11-22")).map((d) => d.name)).toEqual(["A", "B"]);
    expect(importOrganisations(db, actorByEmail(db, "delegue@makon.ht"), LIMONADE, rows, 3)).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("authorities", () => {
  it("are registered with officials, who may get an account in one step", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const casec = registerAuthority(db, f, LIMONADE, { kind: "casec", name: "CASEC Bois de Lance", sectionCode: "HT0313-02" }, 1);
    expect(casec.ok).toBe(true);
    const authorityId = (casec as { value: { id: number } }).value.id;
    expect(registerAuthority(db, f, LIMONADE, { kind: "casec", name: "CASEC ailleurs", sectionCode: "HT0311-01" }, 1)).toMatchObject({ code: "section_outside_territory" });
    expect(registerAuthority(db, actorByEmail(db, "casec@makon.ht"), LIMONADE, { kind: "asec", name: "ASEC" }, 1)).toEqual({ ok: false, code: "forbidden" });
    const official = await registerOfficial(
      db,
      f,
      LIMONADE,
      person("Wilfrid Jean", { sex: "male", phone: "+50937887766" }),
      { authorityId, title: "Président du CASEC", mandateStart: "2024-01-01", mandateEnd: "2027-12-31" },
      { createAccount: true, accountPassword: "official password" },
      2,
    );
    expect(official).toMatchObject({ ok: true });
    const userId = (official as { value: { userId: string } }).value.userId;
    expect(loadGrants(db, userId)).toEqual([{ role: "official", spaceId: LIMONADE }]);
    const listed = notDemo(listAuthorities(db, getSpace(db, LIMONADE)!));
    expect(listed).toMatchObject([{ name: "CASEC Bois de Lance", sectionName: "Bois de Lance", officials: [{ name: "Wilfrid Jean", title: "Président du CASEC", hasAccount: true }] }]);
    expect(await signIn(db, { identifier: "3788 7766", password: "official password", address: "1", now: 0 })).toMatchObject({ ok: true });
  });
});

describe("every register command", () => {
  it("refuses delegates, officials and facilitators of another space, writing nothing", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const orgId = (registerOrganisation(db, f, LIMONADE, org("Gwoupman"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    await registerDelegate(db, f, LIMONADE, person("Rose"), { organisationId: orgId, seat: "titular", fromDate: "2026-01-02" }, noAccount, 1);
    const authorityId = (registerAuthority(db, f, LIMONADE, { kind: "asec", name: "ASEC" }, 1) as { value: { id: number } }).value.id;
    const seatId = notDemo(listDelegates(db, LIMONADE, "2026-02-01"))[0]!.seatId;
    const auditCount = db.select().from(auditLog).all().length;
    // The facilitator of another space: a new facilitator account for Petite-Anse.
    const admin = actorByEmail(db, "admin@makon.ht");
    await createAccount(db, admin, { name: "Autre animatrice", email: "autre@makon.ht", password: "long password 123", role: "facilitator", spaceId: PETITE_ANSE }, 1);
    const refused = ["delegue@makon.ht", "casec@makon.ht", "autre@makon.ht"].map((email) => actorByEmail(db, email));
    for (const actor of refused) {
      const results = [
        registerOrganisation(db, actor, LIMONADE, org("X"), "2026-01-01", 2),
        updateOrganisation(db, actor, LIMONADE, orgId, org("X"), 2),
        admitOrganisation(db, actor, LIMONADE, orgId, "2026-01-01", 2),
        leaveSpace(db, actor, LIMONADE, orgId, "2026-03-01", 2),
        deleteOrganisation(db, actor, LIMONADE, orgId, 2),
        archiveOrganisation(db, actor, LIMONADE, orgId, "2026-03-01", 2),
        recordMembershipCount(db, actor, LIMONADE, orgId, { countedOn: "2026-01-01", women: 1, men: 1, byAgeGroup: {} }, 2),
        importOrganisations(db, actor, LIMONADE, [], 2),
        await registerDelegate(db, actor, LIMONADE, person("X"), { organisationId: orgId, seat: "substitute", fromDate: "2026-01-02" }, noAccount, 2),
        importDelegates(db, actor, LIMONADE, [], 2),
        endSeat(db, actor, LIMONADE, seatId, "2026-03-01", 2),
        registerAuthority(db, actor, LIMONADE, { kind: "casec", name: "X" }, 2),
        await registerOfficial(db, actor, LIMONADE, person("X"), { authorityId, title: "X" }, noAccount, 2),
        createSpace(db, actor, { name: "X", level: "commune", communeCode: "HT0312", setting: "rural", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 }, 2),
      ];
      expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(results.map(() => "forbidden"));
    }
    // Only the account creation above was audited.
    expect(db.select().from(auditLog).all().length).toBe(auditCount + 1);
  });

  it("answer not_found for another space's organisation, seat or authority, writing nothing", async () => {
    const f = actorByEmail(db, "animateur@makon.ht");
    const admin = actorByEmail(db, "admin@makon.ht");
    // Petite-Anse's register, kept by an administrator.
    const theirs = (registerOrganisation(db, admin, PETITE_ANSE, org("Lòt"), "2026-01-01", 1) as { value: { id: number } }).value.id;
    await registerDelegate(db, admin, PETITE_ANSE, person("Lòt moun"), { organisationId: theirs, seat: "titular", fromDate: "2026-01-02" }, noAccount, 1);
    const theirSeat = listDelegates(db, PETITE_ANSE, "2026-02-01")[0]!.seatId;
    const theirAuthority = (registerAuthority(db, admin, PETITE_ANSE, { kind: "asec", name: "ASEC Ptit Ans" }, 1) as { value: { id: number } }).value.id;
    const auditCount = db.select().from(auditLog).all().length;
    const results = {
      update: updateOrganisation(db, f, LIMONADE, theirs, org("X"), 2),
      leave: leaveSpace(db, f, LIMONADE, theirs, "2026-03-01", 2),
      delete: deleteOrganisation(db, f, LIMONADE, theirs, 2),
      archive: archiveOrganisation(db, f, LIMONADE, theirs, "2026-03-01", 2),
      count: recordMembershipCount(db, f, LIMONADE, theirs, { countedOn: "2026-01-01", women: 1, men: 1, byAgeGroup: {} }, 2),
      seatThere: await registerDelegate(db, f, LIMONADE, person("X"), { organisationId: theirs, seat: "substitute", fromDate: "2026-01-02" }, noAccount, 2),
      endTheirSeat: endSeat(db, f, LIMONADE, theirSeat, "2026-03-01", 2),
      theirAuthority: await registerOfficial(db, f, LIMONADE, person("X"), { authorityId: theirAuthority, title: "X" }, noAccount, 2),
    };
    expect(Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r.ok ? "ok" : r.code]))).toEqual({
      update: "not_found",
      leave: "not_member",
      delete: "not_found",
      archive: "not_found",
      count: "not_found",
      seatThere: "not_member",
      endTheirSeat: "not_found",
      theirAuthority: "not_found",
    });
    expect(db.select().from(auditLog).all().length).toBe(auditCount);
  });
});
