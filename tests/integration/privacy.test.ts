import { decode } from "turbo-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { attendance, authorities, meetingSessions, meetings, organisations, people, sessions, speakingTurns, users } from "../../db/schema/index";
import { recordCommitment } from "../../app/modules/commitments/commitments.server";
import { createReport, publishReport } from "../../app/modules/reports/reports.server";
import { runConsoleAction } from "../../app/modules/live/live.server";
import { loadActor } from "../../app/modules/auth/session.server";
import type { Deps } from "../../app/modules/deps.server";
import { attendanceCandidates } from "../../app/modules/meetings/attendance.server";
import { addAgendaItem, changeMeetingStatus, planMeeting, recordAttendance, type AttendanceInput } from "../../app/modules/meetings/meetings.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import { isMinor, maskCount, maskTally, nameablePublicly } from "../../app/modules/people/privacy";
import { tallyBySexAndAge } from "../../app/modules/people/disaggregation";
import { attendeesFor, figuresFor, type AttendeeRecord } from "../../app/modules/meetings/views";
import { attendanceFigures } from "../../app/modules/meetings/attendance-figures";
import { createAccount } from "../../app/modules/users/users.server";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";
import { upgradeOutcome, waitFor } from "../setup/realtime-client";
import { WebSocket } from "ws";

/**
 * What each audience gets from every page: the HTML and its `.data` (Remix single fetch),
 * searched raw for values planted in the database. A loader returns a view model built for
 * its audience; whatever it returns is readable by anyone who can load the page, shown or not.
 *
 * The audiences: the public (anonymous, and a facilitator of another space, who is nobody in
 * this one), the space's members (a delegate, an official), its facilitator, an administrator.
 */
type Role = "anonymous" | "delegate" | "official" | "facilitator" | "otherFacilitator" | "admin";
const ROLES: readonly Role[] = ["anonymous", "delegate", "official", "facilitator", "otherFacilitator", "admin"];
const MEMBERS: readonly Role[] = ["delegate", "official", "facilitator", "admin"];
const RUNNERS: readonly Role[] = ["facilitator", "admin"];

let server: TestServer;
const cookies = {} as Record<Role, string | null>;
const pages: string[] = [];
/** Sentinels and where each may appear: roles × pages ("*" every page of the list). */
interface Sentinel {
  what: string;
  patterns: (string | RegExp)[];
  allowed: Partial<Record<Role, "*" | string[]>>;
  /**
   * A number: looked for in what the page says and what its data holds, decoded — the raw
   * data stream also holds its own references, numbered up to the count of values it carries.
   */
  number?: true;
}
const sentinels: Sentinel[] = [];
const ids = {} as {
  planned: string;
  live: string;
  secretClosed: string;
  publicClosed: string;
  liveToken: string;
  closedTokens: string[];
  organisationPage: string;
  publicCommitment: string;
  internalCommitment: string;
  draftReport: string;
  publishedReport: string;
};

const CONTACT = { name: "Contact Sentinelle Kontak", phone: "+509 3999 1111", normalised: "+50939991111", email: "secret-contact@example.ht" };
const SECRET_MINUTES = "PROCES-VERBAL-SECRET";
const PUBLIC_MINUTES = "PROCES-VERBAL-PIBLIK";
const DELPHINE = "Delphine Sentinelle"; // adult delegate, not consenting, born 1987, with a disability
const MINOR_DELEGATE = "Mineur Konsanti Sentinelle"; // a minor who said yes: never named publicly
const MINOR_WALKIN = "Ti Mineur Sentinelle";
const DISABLED_WALKIN = "Andikape Sentinelle";
const ADULT_WALKIN = "Moun Lambda Sentinelle";
const ROSE = "Rose-Andrée Louis"; // the demo delegate, consenting adult
const WILNER = "Wilner Saint-Fleur"; // an official
const INTERNAL_COMMITMENT = "Angajman Entèn Sentinelle"; // a commitment the space keeps to its members
const DRAFT_REPORT = "Rapò Bouyon Sentinelle"; // a report its authors are still writing

const everywhere = (roles: readonly Role[]): Partial<Record<Role, "*">> => Object.fromEntries(roles.map((r) => [r, "*"]));
const only = (roles: readonly Role[], pagesAllowed: string[]): Partial<Record<Role, string[]>> => Object.fromEntries(roles.map((r) => [r, pagesAllowed]));

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server;
  const now = Date.now();
  const deps: Deps = { db, realtime: server.realtime };
  const userId = (email: string) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  const admin = loadActor(db, userId("admin@makon.ht"));
  const facilitator = loadActor(db, userId("animateur@makon.ht"));
  const must = <T,>(r: { ok: true; value: T } | { ok: false; code: string }): T => {
    if (!r.ok) throw new Error(r.code);
    return r.value;
  };

  // A facilitator of another space of the same commune, made by an administrator.
  const other = must(
    createSpace(db, admin, { name: "Makòn Lòt Bò", level: "commune", communeCode: "HT0313", setting: "rural", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 }, now),
  );
  must(await createAccount(db, admin, { name: "Animatè Lòt Bò", email: "lot-bo@makon.ht", password: "lot-bo secret 2026", role: "facilitator", spaceId: other.id }, now));

  // The register: a second organisation, its contact, delegates with what must stay private.
  const apwolim = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  const muso = must(registerOrganisation(db, facilitator, 1, { name: "MUSO Sentinelle", acronym: "MSN", type: "muso", legallyRecognised: false, ledByWoman: true, ledByYouth: true }, "2026-01-01", now));
  db.$client
    .prepare("INSERT OR REPLACE INTO organisation_contacts (space_id, organisation_id, contact_name, phone, email, updated_at) VALUES (1, ?, ?, ?, ?, ?)")
    .run(apwolim, CONTACT.name, CONTACT.phone, CONTACT.email, now);
  const year = new Date(now).getUTCFullYear();
  const delphine = must(
    await registerDelegate(
      db,
      facilitator,
      1,
      { name: DELPHINE, sex: "female", birthYear: 1987, ageGroup: null, disability: true, phone: "+50937772222", preferredLanguage: null },
      { organisationId: apwolim, seat: "substitute", fromDate: "2026-01-01" },
      { createAccount: false, accountPassword: "" },
      now,
    ),
  );
  must(
    await registerDelegate(
      db,
      facilitator,
      1,
      { name: MINOR_DELEGATE, sex: "male", birthYear: year - 15, ageGroup: null, disability: false, preferredLanguage: null, namedPublicly: true },
      { organisationId: muso.id, seat: "titular", fromDate: "2026-01-01" },
      { createAccount: false, accountPassword: "" },
      now,
    ),
  );
  // The demo delegate agreed to be named; the demo official is named as an official.
  db.update(people).set({ namedPublicly: true }).where(eq(people.name, ROSE)).run();

  const meeting = (title: string, published: boolean) => {
    const id = must(planMeeting(db, facilitator, 1, { kind: "ordinary", title, startsAt: now - 3600_000, endsAt: null, place: "Lekòl", published, facilitatorIds: [facilitator.userId], authorityIds: [] }, now));
    must(addAgendaItem(deps, facilitator, id.id, { kind: "discussion", title: "Nouvèl", plannedMinutes: 10 }, now));
    return id.id;
  };
  const planned = meeting("Planifye Sekrè", false);
  const live = meeting("Dirèk Sekrè", false);
  const secretClosed = meeting("Fèmen Sekrè", false);
  const publicClosed = meeting("Fèmen Piblik", true);
  for (const id of [live, secretClosed, publicClosed]) must(changeMeetingStatus(deps, facilitator, id, "start", { now }));

  // At the published meeting: known people (a consenting adult, an official, a non-consenting
  // adult, a consenting minor) and walk-ins (a minor, a person with a disability, an adult).
  const space = { id: 1, communeCode: "HT0313" };
  const candidates = attendanceCandidates(db, space, now);
  for (const name of [ROSE, WILNER, DELPHINE, MINOR_DELEGATE]) {
    const c = candidates.find((x) => x.name === name)!;
    must(recordAttendance(deps, facilitator, publicClosed, c, now));
  }
  const walkIn = (name: string, extra: Partial<AttendanceInput>): AttendanceInput => ({ personId: null, name, sex: "female", ageGroup: "25_35", disability: false, organisationId: null, role: "observer", ...extra });
  must(recordAttendance(deps, facilitator, publicClosed, walkIn(MINOR_WALKIN, { ageGroup: "u18", sex: "male" }), now));
  must(recordAttendance(deps, facilitator, publicClosed, walkIn(DISABLED_WALKIN, { disability: true, ageGroup: "36_59" }), now));
  must(recordAttendance(deps, facilitator, publicClosed, walkIn(ADULT_WALKIN, {}), now));
  must(recordAttendance(deps, facilitator, secretClosed, walkIn(ADULT_WALKIN, {}), now));
  must(recordAttendance(deps, facilitator, live, walkIn(ADULT_WALKIN, {}), now));
  // Two turns of speech: a consenting adult's and a non-consenting one's (named to members only).
  for (const name of [ROSE, DELPHINE]) {
    const row = db.select().from(attendance).where(eq(attendance.name, name)).all().find((r) => r.meetingId === publicClosed)!;
    must(runConsoleAction(deps, facilitator, publicClosed, { type: "add", attendanceId: row.id }, now));
    const turn = db.select().from(speakingTurns).where(eq(speakingTurns.attendanceId, row.id)).get()!;
    must(runConsoleAction(deps, facilitator, publicClosed, { type: "start", turnId: turn.id }, now));
    must(runConsoleAction(deps, facilitator, publicClosed, { type: "stop" }, now + 60_000));
  }
  for (const id of [secretClosed, publicClosed]) must(changeMeetingStatus(deps, facilitator, id, "close", { now }));
  // Minutes as approval freezes them (the public reads minutes only once approved).
  db.update(meetings).set({ minutesMarkdown: SECRET_MINUTES, minutesHtml: `<p>${SECRET_MINUTES}</p>`, minutesApprovedAt: now }).where(eq(meetings.id, secretClosed)).run();
  db.update(meetings).set({ minutesMarkdown: PUBLIC_MINUTES, minutesHtml: `<p>${PUBLIC_MINUTES}</p>`, minutesApprovedAt: now }).where(eq(meetings.id, publicClosed)).run();
  expect(db.select().from(attendance).where(eq(attendance.meetingId, publicClosed)).all()).toHaveLength(7);

  // Two commitments of the CASEC: one public, one for the space's members only.
  const casec = db.select({ id: authorities.id }).from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  const commitment = (title: string, isPublic: boolean) =>
    must(
      recordCommitment(
        deps,
        facilitator,
        1,
        { authorityId: casec, officialId: null, office: "Biwo CASEC", title, text: `${title}: tèks la.`, theme: "water", motionId: null, meetingId: null, sectionCode: null, dueDate: `${year + 1}-06-30`, budgetHtg: null, beneficiaries: null, beneficiariesNote: "", breakdown: null, isPublic },
        now,
      ),
    ).id;
  const publicCommitment = commitment("Angajman Piblik", true);
  const internalCommitment = commitment(INTERNAL_COMMITMENT, false);

  // Two reports of the space for this year: one still a draft, one published (its figures count the published meeting's people).
  const report = (title: string) => must(createReport(deps, facilitator, { scope: { kind: "space", spaceId: 1 }, period: { kind: "year", year }, template: "periodic", locale: "ht", title }, now)).id;
  const draftReport = report(DRAFT_REPORT);
  const publishedReport = report("Rapò Piblik");
  must(publishReport(deps, facilitator, publishedReport, now));

  const token = (id: number) => db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, id)).get()!.screenToken;
  const path = (id: number) => `/espaces/1/reunions/${id}`;
  Object.assign(ids, {
    planned: path(planned),
    live: path(live),
    secretClosed: path(secretClosed),
    publicClosed: path(publicClosed),
    liveToken: token(live),
    closedTokens: [token(secretClosed), token(publicClosed)],
    organisationPage: `/espaces/1/organisations/${apwolim}`,
    publicCommitment: `/espaces/1/engagements/${publicCommitment}`,
    internalCommitment: `/espaces/1/engagements/${internalCommitment}`,
    draftReport: `/rapports/${draftReport}`,
    publishedReport: `/rapports/${publishedReport}`,
  });

  cookies.anonymous = null;
  cookies.delegate = await signInCookie(server.url, "delegue@makon.ht");
  cookies.official = await signInCookie(server.url, "casec@makon.ht");
  cookies.facilitator = await signInCookie(server.url, "animateur@makon.ht");
  cookies.otherFacilitator = await signInCookie(server.url, "lot-bo@makon.ht", "lot-bo secret 2026");
  cookies.admin = await signInCookie(server.url, "admin@makon.ht");

  const personId = db.select({ id: people.id }).from(people).where(eq(people.name, DELPHINE)).get()!.id;
  expect(personId).toBe(delphine.personId);
  const delegateUser = userId("delegue@makon.ht");
  pages.push(
    "/",
    "/connexion",
    "/compte",
    "/geographie",
    "/geographie/HT03",
    "/geographie/HT03/HT0313",
    "/espaces/nouveau",
    "/espaces/1",
    "/espaces/1/reglages",
    "/espaces/1/import",
    "/espaces/1/autorites",
    "/espaces/1/delegues/nouveau",
    "/espaces/1/organisations/nouvelle",
    ids.organisationPage,
    `/espaces/1/personnes/${personId}/compte`,
    "/espaces/1/reunions/nouvelle",
    ids.planned,
    `${ids.planned}/modifier`,
    ids.live,
    `${ids.live}/presences`,
    `${ids.live}/console`,
    `${ids.live}/direct`,
    ids.secretClosed,
    `${ids.secretClosed}/imprimer`,
    `${ids.secretClosed}/presences`,
    ids.publicClosed,
    `${ids.publicClosed}/imprimer`,
    `${ids.publicClosed}/presences`,
    `/ecran/${ids.liveToken}`,
    ...ids.closedTokens.map((t) => `/ecran/${t}`),
    "/espaces/1/engagements",
    "/espaces/1/engagements/nouveau",
    ids.publicCommitment,
    ids.internalCommitment,
    "/redevabilite/HT0313",
    "/mes-engagements",
    "/rapports",
    "/rapports/nouveau",
    ids.draftReport,
    ids.publishedReport,
    `${ids.publishedReport}/imprimer`,
    "/admin/comptes",
    "/admin/comptes/nouveau",
    `/admin/comptes/${delegateUser}`,
  );

  // Pages where a meeting's detail (attendees, per person) is shown.
  const attendancePages = [ids.secretClosed, `${ids.secretClosed}/imprimer`, `${ids.secretClosed}/presences`, ids.publicClosed, `${ids.publicClosed}/imprimer`, `${ids.publicClosed}/presences`, `${ids.live}/presences`, "/espaces/1"];
  const passwordHashes = db.select({ hash: users.passwordHash }).from(users).all().map((u) => u.hash);
  sentinels.push(
    {
      what: "an organisation's contact (name, phone, e-mail)",
      patterns: [CONTACT.name, CONTACT.phone, CONTACT.normalised, CONTACT.email],
      allowed: only(RUNNERS, [ids.organisationPage]),
    },
    { what: "the screen token of a live unpublished meeting", patterns: [ids.liveToken], allowed: { ...only(RUNNERS, [`${ids.live}/console`, `/ecran/${ids.liveToken}`]), ...only(["anonymous", "delegate", "official", "otherFacilitator"], [`/ecran/${ids.liveToken}`]) } },
    { what: "the screen token of a closed meeting", patterns: ids.closedTokens, allowed: {} },
    { what: "the frozen minutes of an unpublished meeting", patterns: [SECRET_MINUTES], allowed: only(MEMBERS, [ids.secretClosed, `${ids.secretClosed}/imprimer`]) },
    { what: "the titles of unpublished meetings", patterns: ["Planifye Sekrè", "Fèmen Sekrè"], allowed: everywhere(MEMBERS) },
    { what: "the title of a live unpublished meeting", patterns: ["Dirèk Sekrè"], allowed: { ...everywhere(MEMBERS), ...only(["anonymous", "otherFacilitator"], [`/ecran/${ids.liveToken}`]) } },
    { what: "a delegate's birth year", patterns: [/(?<![\w.-])1987(?![\w])/], allowed: everywhere(RUNNERS), number: true },
    { what: "a delegate's phone", patterns: ["+50937772222", "+509 3777 2222"], allowed: everywhere(RUNNERS) },
    { what: "anyone's disability, person by person", patterns: [/\\*"disability\\*"/], allowed: everywhere(RUNNERS) },
    { what: "anyone's sex and age group, person by person", patterns: [/\\*"ageGroup\\*"/, /\\*"birthYear\\*"/], allowed: { ...only(["anonymous", "otherFacilitator", "delegate", "official"], pages.filter((p) => !attendancePages.includes(p) && !p.startsWith("/ecran/") && !p.endsWith("/direct"))), ...everywhere(RUNNERS) } },
    { what: "people not named publicly (a non-consenting adult, minors, walk-ins)", patterns: [DELPHINE, MINOR_DELEGATE, MINOR_WALKIN, DISABLED_WALKIN, ADULT_WALKIN], allowed: everywhere(MEMBERS) },
    { what: "a facilitator's account id", patterns: [facilitator.userId], allowed: everywhere(RUNNERS) },
    // Its own account page shows a user their id; an address that names it echoes it (a redirect to sign in); her
    // phone keys its ballot outbox by it (a phone passed to another delegate never sends her ballot as theirs).
    {
      what: "a delegate's account id",
      patterns: [delegateUser],
      allowed: { ...only(ROLES, [`/admin/comptes/${delegateUser}`]), delegate: ["/compte", `/admin/comptes/${delegateUser}`, ...pages.filter((p) => p.endsWith("/direct"))], admin: "*" },
    },
    { what: "a delegate's account e-mail", patterns: ["delegue@makon.ht"], allowed: { delegate: "*", facilitator: [`/espaces/1/personnes/${personId}/compte`], admin: "*" } },
    { what: "rows' bookkeeping (who recorded a check-in, raw minutes, tokens by name)", patterns: [/\\*"recordedBy\\*"/, /\\*"minutesMarkdown\\*"/, /\\*"screenToken\\*"/], allowed: {} },
    { what: "a commitment kept to the space's members", patterns: [INTERNAL_COMMITMENT], allowed: everywhere(MEMBERS) },
    { what: "a report's draft", patterns: [DRAFT_REPORT], allowed: only(RUNNERS, ["/rapports", ids.draftReport]) },
    { what: "password hashes", patterns: [...passwordHashes, /\\*"passwordHash\\*"/], allowed: {} },
  );
});
afterAll(() => server.stop());

const dataPath = (page: string) => (page === "/" ? "/_root.data" : `${page}.data`);

async function load(role: Role, url: string) {
  const cookie = cookies[role];
  const response = await fetch(`${server.url}${url}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

/** A page's text without its data stream, or its .data decoded: what the numbers in it are. */
async function decodedBody(url: string, body: string): Promise<string> {
  if (!url.endsWith(".data")) return body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "");
  // Remix's own types (redirects, error responses) come as plain objects: their values are what matters.
  const { value, done } = await decode(new Blob([body]).stream(), { plugins: [(type: string, ...values: unknown[]) => ({ value: { [type]: values } })] });
  await done;
  return JSON.stringify(value);
}

const matches = (body: string, pattern: string | RegExp) => (typeof pattern === "string" ? body.includes(pattern) : pattern.test(body));

/** Which of the texts a body holds and lacks, short enough to read when it fails. */
const holds = (body: string, texts: string[]) => Object.fromEntries(texts.map((t) => [t, body.includes(t)]));
const all = (texts: string[], value = true) => Object.fromEntries(texts.map((t) => [t, value]));

describe("every page and its .data, for each audience", () => {
  for (const role of ROLES) {
    it(`give ${role} nothing outside ${role}'s view`, async () => {
      const leaks: string[] = [];
      const sessionIds = server.db.select({ id: sessions.id }).from(sessions).all().map((s) => s.id);
      for (const page of pages) {
        for (const url of [page, dataPath(page)]) {
          const { status, body } = await load(role, url);
          expect({ url, status: status >= 500 ? status : "ok" }).toEqual({ url, status: "ok" });
          const decoded = await decodedBody(url, body);
          for (const s of sentinels) {
            const allowed = s.allowed[role];
            if (allowed === "*" || allowed?.includes(page)) continue;
            for (const p of s.patterns) if (matches(s.number ? decoded : body, p)) leaks.push(`${url} (${status}): ${s.what} [${String(p).slice(0, 40)}]`);
          }
          for (const id of sessionIds) if (body.includes(id)) leaks.push(`${url}: a session id`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }
});

/** The HTML of the element with that test id, up to the end of its section. */
const section = (body: string, testId: string): string => {
  const start = body.indexOf(`data-testid="${testId}"`);
  return start < 0 ? "" : body.slice(start, body.indexOf("</section>", start));
};
/** The text of an element with that test id (no markup inside). */
const testIdText = (html: string, testId: string): string => new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? "";
/** The table row holding that text. */
const rowWith = (html: string, text: string): string => html.split("<tr").find((row) => row.includes(text)) ?? "";

describe("what the public sees", () => {
  it("a commitment kept to the space's members: 404 to the public, left out of the boards and their CSV", async () => {
    for (const role of ["anonymous", "otherFacilitator"] as const) {
      for (const url of [ids.internalCommitment, dataPath(ids.internalCommitment)]) expect({ role, url, status: (await load(role, url)).status }).toEqual({ role, url, status: 404 });
      for (const url of ["/espaces/1/engagements.csv", "/redevabilite/HT0313.csv"]) {
        const { status, body } = await load(role, url);
        expect({ role, url, status, public: body.includes("Angajman Piblik"), internal: body.includes(INTERNAL_COMMITMENT) }).toEqual({ role, url, status: 200, public: true, internal: false });
      }
    }
    const { body } = await load("delegate", "/espaces/1/engagements.csv");
    expect(holds(body, ["Angajman Piblik", INTERNAL_COMMITMENT])).toEqual(all(["Angajman Piblik", INTERNAL_COMMITMENT]));
  });

  it("the space page: consenting adults and officials by name, the others counted, what is public said", async () => {
    for (const role of ["anonymous", "otherFacilitator"] as const) {
      const { status, body } = await load(role, "/espaces/1");
      expect(status).toBe(200);
      const shown = [ROSE, WILNER, "Fèmen Piblik", "Visible par tous"];
      expect(holds(body, shown)).toEqual(all(shown));
    }
  });

  it("the printable page of a published meeting: figures with small cells as < 5, named people only", async () => {
    const { status, body } = await load("anonymous", `${ids.publicClosed}/imprimer`);
    expect(status).toBe(200);
    const shown = [PUBLIC_MINUTES, ROSE, WILNER, "&lt; 5", "Visible par tous", "Personne non nommée"];
    expect(holds(body, shown)).toEqual(all(shown));
    const ht = await fetch(`${server.url}${ids.publicClosed}/imprimer`, { headers: { Cookie: "makon_lang=ht" } });
    expect(holds(await ht.text(), ["Tout moun ka wè"])).toEqual(all(["Tout moun ka wè"]));
  });

  it("the speaking record of a published meeting: small groups masked, an unnamed speaker only a place in the list", async () => {
    // Two turns of a minute, both by women: Rose (named) and Delphine (not named).
    for (const page of [ids.publicClosed, `${ids.publicClosed}/imprimer`]) {
      for (const role of ["anonymous", "otherFacilitator"] as const) {
        const { status, body } = await load(role, page);
        expect(status).toBe(200);
        const record = section(body, "speaking-record");
        expect({ page, role, turns: testIdText(record, "sex-turns"), time: testIdText(record, "sex-time") }).toEqual({ page, role, turns: "&lt; 5 / 2", time: "—" });
        const unnamed = rowWith(record, "Personne non nommée");
        expect(unnamed).toContain("Nouvèl");
        // No start time, no duration, no organisation: a place in the list and the item.
        expect({ page, time: /\d:\d\d/.test(unnamed), organisation: unnamed.includes("·") }).toEqual({ page, time: false, organisation: false });
        expect(rowWith(record, ROSE)).toContain("1:00");
      }
    }
    const ht = await fetch(`${server.url}${ids.publicClosed}`, { headers: { Cookie: "makon_lang=ht" } });
    const unnamedHt = rowWith(section(await ht.text(), "speaking-record"), "Moun san non");
    expect(unnamedHt).toContain("Nouvèl");
    expect(unnamedHt).not.toMatch(/\d:\d\d/);
    // Members and facilitators keep everything.
    for (const role of ["delegate", "facilitator"] as const) {
      const record = section((await load(role, ids.publicClosed)).body, "speaking-record");
      expect({ role, turns: testIdText(record, "sex-turns"), time: testIdText(record, "sex-time").includes("2:00") }).toEqual({ role, turns: "2 / 2", time: true });
      expect(rowWith(record, DELPHINE)).toContain("1:00");
      expect(record).not.toContain("Personne non nommée");
    }
  });

  it("unpublished meetings answer 404 to the public, their printable pages too", async () => {
    for (const page of [ids.planned, ids.live, ids.secretClosed, `${ids.secretClosed}/imprimer`]) {
      for (const url of [page, dataPath(page)]) expect({ url, status: (await load("anonymous", url)).status }).toEqual({ url, status: 404 });
    }
  });
});

describe("what members see", () => {
  it("names and organisations of attendees, not their sex, age or disability", async () => {
    const { status, body } = await load("delegate", `${ids.publicClosed}/imprimer.data`);
    expect(status).toBe(200);
    const names = [DELPHINE, MINOR_WALKIN, DISABLED_WALKIN, ROSE];
    expect(holds(body, names)).toEqual(all(names));
    const secret = await load("official", ids.secretClosed);
    expect(holds(secret.body, [SECRET_MINUTES])).toEqual(all([SECRET_MINUTES]));
  });

  it("the facilitators see everything the register keeps, and the console the screen's link", async () => {
    const presences = await load("facilitator", `${ids.publicClosed}/presences.data`);
    expect(/"disability"/.test(presences.body)).toBe(true);
    const console = await load("facilitator", `${ids.live}/console`);
    expect(holds(console.body, [`/ecran/${ids.liveToken}`])).toEqual(all([`/ecran/${ids.liveToken}`]));
  });
});

describe("the shared screen", () => {
  it("opens with its token while the meeting runs, and not once it is closed", async () => {
    expect((await load("anonymous", `/ecran/${ids.liveToken}`)).status).toBe(200);
    for (const token of ids.closedTokens) {
      const response = await fetch(`${server.url}/ecran/${token}`);
      const body = await response.text();
      expect({ status: response.status, ...holds(body, ["Cette réunion est terminée", "Reyinyon sa a fini", "Fèmen"]) }).toEqual({
        status: 410,
        "Cette réunion est terminée": true,
        "Reyinyon sa a fini": true,
        Fèmen: false,
      });
    }
  });

  it("its socket: refused once the meeting is closed, and closed when it closes", async () => {
    for (const token of ids.closedTokens) {
      const meetingId = Number(server.db.select().from(meetingSessions).where(eq(meetingSessions.screenToken, token)).get()!.meetingId);
      expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:live?ecran=${token}`)).not.toBe("open");
    }
    const liveId = Number(ids.live.split("/").pop());
    const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/realtime/meeting:${liveId}:live?ecran=${ids.liveToken}`);
    let closed = false;
    socket.on("close", () => (closed = true));
    await new Promise((resolve, reject) => {
      socket.on("open", resolve);
      socket.on("error", reject);
    });
    const facilitator = loadActor(server.db, server.db.select({ id: users.id }).from(users).where(eq(users.email, "animateur@makon.ht")).get()!.id);
    expect(changeMeetingStatus({ db: server.db, realtime: server.realtime }, facilitator, liveId, "close", { now: Date.now() })).toMatchObject({ ok: true });
    await waitFor(() => closed, 5_000, "the screen's socket to close");
    expect((await load("anonymous", `/ecran/${ids.liveToken}`)).status).toBe(410);
  });
});

describe("the rules behind the public view", () => {
  it("mask cells of one to four people, the cells that would give them away, and the shares they would reveal", () => {
    expect([0, 1, 4, 5, 12].map(maskCount)).toEqual([0, "<5", "<5", 5, 12]);
    const people: { sex: "female" | "male"; ageGroup: "25_35" | "u18" }[] = [...Array(6)].map(() => ({ sex: "female", ageGroup: "25_35" }));
    const tally = maskTally(tallyBySexAndAge([...people, { sex: "male", ageGroup: "u18" }]));
    expect(tally.total).toBe(7);
    // Women alone would be 7 minus the masked boy: hidden too (tests/unit/privacy-rules.test.ts).
    expect(tally.bySex).toEqual({ female: "hidden", male: "<5", unstated: 0 });
    expect(tally.bySexAndAge.male.u18).toBe("<5");
    expect(tally.women).toEqual({ count: "hidden", share: null });
    expect(tally.youth).toEqual({ count: "hidden", share: null });
    const few = maskTally(tallyBySexAndAge([{ sex: "female", ageGroup: "18_24" }]));
    expect(few.women).toEqual({ count: "<5", share: null });
  });

  it("name officials and consenting adults only; never a minor, never a walk-in", () => {
    const cases: [Parameters<typeof nameablePublicly>[0], boolean][] = [
      [{ known: true, official: false, namedPublicly: true, minor: false }, true],
      [{ known: true, official: true, namedPublicly: false, minor: false }, true],
      [{ known: true, official: false, namedPublicly: false, minor: false }, false],
      [{ known: true, official: false, namedPublicly: true, minor: true }, false],
      [{ known: true, official: true, namedPublicly: true, minor: true }, false],
      [{ known: false, official: false, namedPublicly: true, minor: false }, false],
    ];
    for (const [person, named] of cases) expect({ person, named: nameablePublicly(person) }).toEqual({ person, named });
    // Under 18 in the meeting's year by birth year, else by the age group recorded.
    expect([isMinor({ birthYear: 2009 }, 2026), isMinor({ birthYear: 2008 }, 2026), isMinor({ birthYear: null, ageGroup: "u18" }, 2026), isMinor({ ageGroup: "18_24" }, 2026)]).toEqual([true, false, true, false]);
  });

  it("give each audience its attendees and figures", () => {
    const row = (id: number, extra: Partial<AttendeeRecord>): AttendeeRecord => ({
      id, personId: id, name: `P${id}`, sex: "female", ageGroup: "25_35", disability: false, organisationId: null, role: "delegate", arrivedAt: 1,
      organisationName: null, organisationAcronym: null, namedPublicly: false, birthYear: null, personAgeGroup: null, official: false, ...extra,
    });
    const rows = [row(1, { namedPublicly: true }), row(2, { official: true }), row(3, { namedPublicly: true, birthYear: 2012 }), row(4, { namedPublicly: true, ageGroup: "u18" }), row(5, { personId: null }), row(6, { disability: true })];
    const shown = (audience: "public" | "member" | "facilitator") => attendeesFor(audience, rows, 2026);
    // Six counted, two named: the four others are the total minus the list, both public.
    expect(shown("public")).toEqual({ rows: [expect.objectContaining({ name: "P1" }), expect.objectContaining({ name: "P2" })], unnamed: 4 });
    expect(attendeesFor("public", rows.slice(2), 2026)).toEqual({ rows: [], unnamed: "<5" });
    expect(shown("public").rows.every((r) => r.register === undefined)).toBe(true);
    expect(shown("member").rows.map((r) => [r.name, r.register])).toEqual(rows.map((r) => [r.name, undefined]));
    expect(shown("facilitator").rows[5]!.register).toMatchObject({ disability: true, sex: "female", ageGroup: "25_35" });
    const figures = attendanceFigures({ rows, memberOrganisationIds: [], quorumPercent: 50 });
    expect(figuresFor("public", figures).withDisability).toBe("<5");
    expect(figuresFor("member", figures)).toBe(figures);
  });
});
