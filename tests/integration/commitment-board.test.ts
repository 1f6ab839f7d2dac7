import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { authorities } from "../../db/schema/index";
import type { Deps } from "../../app/modules/deps.server";
import type { Result } from "../../app/modules/result";
import { localDate } from "../../app/modules/dates";
import { parseCsv } from "../../app/modules/csv/csv";
import { daysBetween } from "../../app/modules/commitments/commitment-state";
import { registerAuthority } from "../../app/modules/authorities/authorities.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { createAccount } from "../../app/modules/users/users.server";
import { draftMotion, submitMotion } from "../../app/modules/motions/motions.server";
import { changeMeetingStatus, planMeeting } from "../../app/modules/meetings/meetings.server";
import { createSpace } from "../../app/modules/spaces/spaces.server";
import type { RecordCommitment } from "../../app/modules/commitments/commitments.schemas";
import { answerClaim, decideInMeeting, postProgress, recordCommitment } from "../../app/modules/commitments/commitments.server";
import type { StoredEvidence } from "../../app/modules/evidence/evidence-files.server";
import { actorByEmail } from "../setup/test-db";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

/**
 * The public accountability boards (a space's, a commune's) and their CSV, over HTTP against
 * the real server, with commitments made through the commands: what the public sees and what
 * it never does, the filters, the figures, and both languages.
 */
const DAY = 86_400_000;
const LIMONADE = 1;
const NOW = Date.now();
const at = (days: number) => NOW + days * DAY;
const day = (days: number) => localDate(at(days));

let server: TestServer;
let deps: Deps;
let cookies: { facilitator: string; rose: string; casec: string; elsewhere: string };
let roucou: number;
let testAuthority: number;
/** The commitments, by what each shows. */
const ids = {} as Record<"open" | "secret" | "roucou" | "formula" | "disputed" | "confirmed" | "meeting" | "late" | "soon", number>;
let motion: { id: number; number: string };

const hex = () => randomBytes(16).toString("hex");
const photo = (): StoredEvidence => {
  const name = hex();
  return { kind: "photo", file: `${name}.jpg`, thumb: `${name}-t.jpg`, mime: "image/jpeg", bytes: 120_000, width: 1600, height: 1200, originalName: "foto.jpg" };
};
const OPEN_PHOTO = photo();
const SECRET_PHOTO = photo();
const SECRET_TITLE = "Kanal prive Bois de Lance 7Q4";
const SECRET_NOTE = "Nòt prive sou kanal la X9Z";
const FORMULA = '=HYPERLINK("http://evil.example","klike")';

const must = <T,>(result: Result<T, string>): T => {
  if (!result.ok) throw new Error(result.code);
  return result.value;
};

const input = (authorityId: number, title: string, dueDate: string, extra: Partial<RecordCommitment> = {}): RecordCommitment => ({
  authorityId,
  officialId: null,
  office: "Biwo CASEC la",
  title,
  text: "Sa yo pwomèt la, an detay.",
  theme: "water",
  motionId: null,
  meetingId: null,
  sectionCode: null,
  dueDate,
  budgetHtg: null,
  beneficiaries: null,
  beneficiariesNote: "",
  breakdown: null,
  isPublic: true,
  ...extra,
});

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
/** The body as a reader sees it (apostrophes and quotes decoded). */
const text = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  return (await response.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
};
const ht = (cookie?: string) => (cookie ? `${cookie}; makon_lang=ht` : "makon_lang=ht");
/** The commitments a board page lists, in its order. */
const listed = (html: string) => [...html.matchAll(/data-commitment="(\d+)"/g)].map((m) => Number(m[1]));
const figure = (html: string, key: string) => Number(new RegExp(`data-figure="${key}"><dt>[^<]*</dt><dd>([^<]*)</dd>`).exec(html)?.[1]);
const csvRows = async (path: string, cookie?: string) => {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  // Named after the space or the commune, its accents dropped, not its letters.
  if (path.startsWith("/espaces/1/")) expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="engagements-Makon-Limonade-\d{4}-\d\d-\d\d\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { body, rows: parseCsv(body.replace(/^\uFEFF/, ""), ";").map((r) => r.fields) };
};

beforeAll(async () => {
  server = await startTestServer();
  deps = { db: server.db, realtime: server.realtime };
  const f = actorByEmail(server.db, "animateur@makon.ht");
  const admin = actorByEmail(server.db, "admin@makon.ht");
  const casec = actorByEmail(server.db, "casec@makon.ht");
  const rose = actorByEmail(server.db, "delegue@makon.ht");
  const authority = (name: string) => server.db.select().from(authorities).where(eq(authorities.name, name)).get()!.id;
  const casec1 = authority("CASEC de la 1re section de Limonade");
  const apwolim = rose.seats!.find((s) => s.spaceId === LIMONADE)!.organisationId;
  // A motion of APWOLIM's, submitted (numbered): the public one below answers it.
  const motionId = must(draftMotion(deps, rose, LIMONADE, { organisationId: apwolim, title: "Fontèn Bòdmè", text: "Nou mande CASEC la repare fontèn nan.", rationale: "", theme: "water", authorityId: casec1 }, NOW)).id;
  motion = { id: motionId, number: must(submitMotion(deps, rose, motionId, NOW)).number };

  // A second organisation whose delegate confirms claims beside APWOLIM's.
  const organisationId = must(registerOrganisation(server.db, f, LIMONADE, { name: "Asosyasyon Jèn Tablo", type: "youth", legallyRecognised: false, ledByWoman: false, ledByYouth: true }, "2020-01-01", NOW)).id;
  must(
    await registerDelegate(
      server.db,
      f,
      LIMONADE,
      { name: "Jòj Tablo", sex: "male", birthYear: 1996, ageGroup: null, disability: false, preferredLanguage: null },
      { organisationId, seat: "titular", fromDate: "2020-01-01" },
      { createAccount: true, accountEmail: "tablo@makon.ht", accountPassword: "makon-secret-2026" },
      NOW,
    ),
  );
  const second = actorByEmail(server.db, "tablo@makon.ht");

  // The CASEC's own: a public one under way with a photo, answering a motion; a members-only one with its own note and photo.
  ids.open = must(recordCommitment(deps, casec, LIMONADE, input(casec1, "Repare fontèn Bòdmè", day(60), { motionId: motion.id, sectionCode: "HT0313-01" }), at(-20))).id;
  must(postProgress(deps, casec, ids.open, { move: "update", note: "Travay la kòmanse: tiyo yo rive, bòs yo ap travay depi lendi.", percent: 40, link: undefined }, [OPEN_PHOTO], at(-2)));
  ids.secret = must(recordCommitment(deps, f, LIMONADE, input(casec1, SECRET_TITLE, day(90), { theme: "roads", isPublic: false }), at(-10))).id;
  must(postProgress(deps, casec, ids.secret, { move: "update", note: SECRET_NOTE, percent: 10, link: undefined }, [SECRET_PHOTO], at(-1)));
  ids.disputed = must(recordCommitment(deps, f, LIMONADE, input(casec1, "Netwaye kanal Bòdmè", day(20), { theme: "environment" }), at(-12))).id;
  must(postProgress(deps, casec, ids.disputed, { move: "claim", note: "Kanal la pwòp.", percent: undefined, link: undefined }, [], at(-3)));
  must(answerClaim(deps, rose, ids.disputed, { organisationId: apwolim, answer: "dispute", comment: "Fatra toujou bouche kanal la." }, at(-1)));
  ids.formula = must(recordCommitment(deps, f, LIMONADE, input(casec1, FORMULA, day(30), { theme: "other" }), NOW)).id;

  // Under an authority of their own, for exact figures: two confirmed (by two organisations; by a meeting), one overdue, one due soon.
  testAuthority = must(registerAuthority(server.db, admin, LIMONADE, { kind: "state_service", name: "Sèvis tès tablo" }, NOW)).id;
  ids.confirmed = must(recordCommitment(deps, f, LIMONADE, input(testAuthority, "Klinik mobil Bòdmè", day(30), { theme: "health" }), at(-40))).id;
  must(postProgress(deps, f, ids.confirmed, { move: "claim", note: "Klinik la pase.", percent: undefined, link: undefined }, [], at(-30)));
  must(answerClaim(deps, rose, ids.confirmed, { organisationId: apwolim, answer: "confirm", comment: "" }, NOW));
  must(answerClaim(deps, second, ids.confirmed, { organisationId, answer: "confirm", comment: "" }, NOW));
  ids.meeting = must(recordCommitment(deps, f, LIMONADE, input(testAuthority, "Pwen dlo lekòl", day(30), { theme: "health" }), at(-20))).id;
  must(postProgress(deps, f, ids.meeting, { move: "claim", note: "", percent: undefined, link: undefined }, [], at(-15)));
  const held = must(planMeeting(server.db, f, LIMONADE, { kind: "ordinary", title: "Reyinyon tablo", startsAt: NOW, endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, NOW)).id;
  must(changeMeetingStatus(deps, f, held, "start", { now: NOW }));
  must(changeMeetingStatus(deps, f, held, "close", { now: NOW }));
  must(decideInMeeting(deps, f, ids.meeting, { decision: "verify", note: "", dueDate: undefined, meetingId: held }, NOW));
  ids.late = must(recordCommitment(deps, f, LIMONADE, input(testAuthority, "Pave wout Kan Kòk", day(-5), { theme: "roads" }), at(-100))).id;
  ids.soon = must(recordCommitment(deps, f, LIMONADE, input(testAuthority, "Limyè sou plas la", day(7), { theme: "roads" }), NOW)).id;

  must(await createAccount(server.db, admin, { name: "Animatè Pòtlan", email: "potlan@makon.ht", password: "makon-secret-2026", role: "facilitator", spaceId: 2 }, NOW));

  // Another space of the commune: Limonade's 3rd section, its CASEC's promise.
  roucou = must(
    createSpace(server.db, admin, { name: "Makòn Roucou", level: "section", communeCode: "HT0313", sectionCode: "HT0313-03", setting: "rural", status: "active", votingBase: "organisation", quorumPercent: 50, majorityRule: "simple", titularSeats: 1, substituteSeats: 1 }, NOW),
  ).id;
  const casec3 = must(registerAuthority(server.db, admin, roucou, { kind: "casec", name: "CASEC de la 3e section de Limonade", sectionCode: "HT0313-03" }, NOW)).id;
  ids.roucou = must(recordCommitment(deps, admin, roucou, input(casec3, "Pon Roucou", day(45), { theme: "roads" }), NOW)).id;

  cookies = {
    facilitator: await signInCookie(server.url, "animateur@makon.ht"),
    rose: await signInCookie(server.url, "delegue@makon.ht"),
    casec: await signInCookie(server.url, "casec@makon.ht"),
    elsewhere: await signInCookie(server.url, "potlan@makon.ht", "makon-secret-2026"),
  };
});
afterAll(() => server.stop());

describe("a space's board", () => {
  it("shows the public commitments to anyone, with their photos' thumbnails, and never a members-only one, its news or its photos", async () => {
    const html = await text("/espaces/1/engagements");
    expect(html).toContain("Repare fontèn Bòdmè");
    expect(html).toContain(`href="/espaces/1/engagements/${ids.open}"`);
    expect(html).toMatch(new RegExp(`<img src="/preuves/${OPEN_PHOTO.thumb}" width="240" height="180" alt="[^"]+" loading="lazy"/>`));
    expect(html).toContain("Travay la kòmanse");
    for (const path of ["/espaces/1/engagements", "/espaces/1/engagements.data", "/espaces/1/engagements.csv", "/redevabilite/HT0313", "/redevabilite/HT0313.data", "/redevabilite/HT0313.csv"]) {
      const body = await text(path);
      expect(body, path).not.toContain(SECRET_TITLE);
      expect(body, path).not.toContain(SECRET_NOTE);
      expect(body, path).not.toContain(SECRET_PHOTO.thumb);
      expect(body, path).not.toContain(SECRET_PHOTO.file);
      expect(body, path).not.toContain(`/engagements/${ids.secret}`);
    }
    // Nor to a facilitator of another space.
    const elsewhere = await text("/espaces/1/engagements", cookies.elsewhere);
    expect(elsewhere).toContain("Repare fontèn Bòdmè");
    expect(elsewhere).not.toContain(SECRET_TITLE);
  });

  it("shows the members-only ones to the space's members and the authority's official, marked as such", async () => {
    for (const cookie of [cookies.rose, cookies.facilitator, cookies.casec]) {
      const html = await text("/espaces/1/engagements", cookie);
      expect(html).toContain(SECRET_TITLE);
      expect(html).toContain(`/preuves/${SECRET_PHOTO.thumb}`);
      expect(html).toContain("Réservé aux membres");
      const { body } = await csvRows("/espaces/1/engagements.csv", cookie);
      expect(body).toContain(SECRET_TITLE);
    }
  });

  it("offers recording to the facilitator and the authority's official only", async () => {
    const link = 'href="/espaces/1/engagements/nouveau"';
    expect(await text("/espaces/1/engagements")).not.toContain(link);
    expect(await text("/espaces/1/engagements", cookies.rose)).not.toContain(link);
    expect(await text("/espaces/1/engagements", cookies.facilitator)).toContain(link);
    expect(await text("/espaces/1/engagements", cookies.casec)).toContain(link);
    // The CASEC of Limonade's 1st section has no authority in Roucou's territory (its 3rd section).
    expect(await text(`/espaces/${roucou}/engagements`, cookies.casec)).not.toContain(`href="/espaces/${roucou}/engagements/nouveau"`);
  });

  it("says on each line how it stands: late, due soon, no news, confirmed by how many, the motion it answers", async () => {
    const html = await text("/espaces/1/engagements");
    const line = (id: number) => html.split('<li data-commitment="').find((part) => part.startsWith(`${id}"`)) ?? "";
    const lateBy = daysBetween(day(-5), localDate(NOW));
    expect(line(ids.late)).toContain(`En retard de ${lateBy} j`);
    expect(line(ids.late)).toContain("Sans nouvelles depuis 60 j");
    expect(line(ids.late)).toContain("Promis");
    expect(line(ids.soon)).toContain("Échéance proche");
    expect(line(ids.confirmed)).toContain("Fait — confirmé");
    expect(line(ids.confirmed)).toContain("fait — confirmé par 2 organisations");
    expect(line(ids.meeting)).toContain("Vérifié en réunion");
    expect(line(ids.disputed)).toContain("Contesté");
    expect(line(ids.disputed)).toContain("contesté par 1 organisation(s)");
    expect(line(ids.open)).toContain("Réalisé à 40 %");
    expect(line(ids.open)).toContain("Nouvelles");
    expect(line(ids.open)).toContain("Biwo CASEC la");
    expect(line(ids.open)).toContain(`href="/espaces/1/motions/${motion.id}"`);
    expect(line(ids.open)).toContain(`Répond à la motion ${motion.number}`);
    // The most overdue first.
    expect(listed(html)[0]).toBe(ids.late);
  });

  it("narrows the list and its figures with the filters, and the CSV follows them", async () => {
    const mine = [ids.confirmed, ids.meeting, ids.late, ids.soon].sort();
    const byAuthority = await text(`/espaces/1/engagements?authority=${testAuthority}`);
    expect(listed(byAuthority).sort()).toEqual(mine);
    expect(figure(byAuthority, "made")).toBe(4);
    expect(figure(byAuthority, "claimedDone")).toBe(2);
    expect(figure(byAuthority, "confirmed")).toBe(2);
    expect(figure(byAuthority, "overdue")).toBe(1);
    const waits = [daysBetween(day(-40), localDate(NOW)), daysBetween(day(-20), localDate(NOW))];
    expect(byAuthority).toMatch(new RegExp(`data-testid="board-median">[^]*?<strong>${(waits[0]! + waits[1]!) / 2} jours</strong>`));
    expect(byAuthority).toContain(`href="/espaces/1/engagements.csv?authority=${testAuthority}"`);
    expect(byAuthority).toContain(`<option value="${testAuthority}" selected="">Sèvis tès tablo</option>`);
    // A way back to the whole list.
    expect(byAuthority).toMatch(/<a [^>]*href="\/espaces\/1\/engagements">Tout afficher<\/a>/);

    expect(listed(await text(`/espaces/1/engagements?authority=${testAuthority}&state=overdue`))).toEqual([ids.late]);
    expect(listed(await text(`/espaces/1/engagements?authority=${testAuthority}&state=verified`)).sort()).toEqual([ids.confirmed, ids.meeting].sort());
    expect(listed(await text(`/espaces/1/engagements?authority=${testAuthority}&theme=roads`)).sort()).toEqual([ids.late, ids.soon].sort());
    expect(listed(await text(`/espaces/1/engagements?authority=${testAuthority}&year=${localDate(NOW).slice(0, 4)}`)).length).toBeGreaterThanOrEqual(3);
    const none = await text("/espaces/1/engagements?year=2001");
    expect(listed(none)).toEqual([]);
    expect(none).toContain("Aucun engagement.");
    // Unreadable filters are no filter.
    expect(listed(await text("/espaces/1/engagements?state=nonsense&authority=abc&year=soon"))).toEqual(listed(await text("/espaces/1/engagements")));

    const { rows } = await csvRows(`/espaces/1/engagements.csv?authority=${testAuthority}&state=overdue`);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([ids.late]);
  });

  it("exports one line per commitment, formulas neutralised", async () => {
    const { body, rows } = await csvRows("/espaces/1/engagements.csv");
    expect(body.startsWith("\uFEFF")).toBe(true);
    expect(rows[0]).toEqual([
      "Identifiant",
      "Espace",
      "Engagement",
      "Thème",
      "Autorité",
      "Responsable",
      "État",
      "Promis le",
      "Échéance",
      "Échéance d'origine",
      "Jours de retard",
      "Réalisé (%)",
      "Confirmations",
      "Contestations",
      "Dernières nouvelles le",
      "Motion",
      "Page publique",
    ]);
    const open = rows.find((r) => Number(r[0]) === ids.open)!;
    expect(open).toEqual([
      String(ids.open),
      "Makòn Limonade",
      "Repare fontèn Bòdmè",
      "Eau",
      "CASEC de la 1re section de Limonade",
      "Biwo CASEC la",
      "En cours",
      day(-20),
      day(60),
      day(60),
      "",
      "40",
      "0",
      "0",
      day(-2),
      motion.number,
      `/espaces/1/engagements/${ids.open}`,
    ]);
    const late = rows.find((r) => Number(r[0]) === ids.late)!;
    expect(late[10]).toBe(String(daysBetween(day(-5), localDate(NOW))));
    expect(rows.find((r) => Number(r[0]) === ids.confirmed)![12]).toBe("2");
    // A title a spreadsheet would run is written as text.
    const formula = rows.find((r) => Number(r[0]) === ids.formula)!;
    expect(formula[2]).toBe(`'${FORMULA}`);
    expect(rows.every((r) => r.every((cell) => !/^[=+@]/.test(cell)))).toBe(true);
    // In Kreyòl for a reader who reads Kreyòl.
    const kreyol = await csvRows("/espaces/1/engagements.csv", ht());
    expect(kreyol.rows[0]![0]).toBe("Idantifyan");
    expect(kreyol.rows.find((r) => Number(r[0]) === ids.open)![6]).toBe("Ap fèt");
  });
});

describe("a commune's board", () => {
  it("lists the commitments of every space of the commune, each naming its space, with links to each space's board", async () => {
    const html = await text("/redevabilite/HT0313");
    expect(listed(html)).toEqual(expect.arrayContaining([ids.open, ids.roucou, ids.late]));
    expect(listed(html)).not.toContain(ids.secret);
    expect(html).toContain("Pon Roucou");
    expect(html).toContain("Espace : Makòn Roucou");
    expect(html).toContain("Espace : Makòn Limonade");
    expect(html).toContain(`href="/espaces/${roucou}/engagements/${ids.roucou}"`);
    expect(html).toContain('href="/espaces/1/engagements"');
    expect(html).toContain(`href="/espaces/${roucou}/engagements"`);
    expect(html).toContain('href="/redevabilite/HT0313.csv"');
    // Members see their own space's members-only ones there too.
    expect(listed(await text("/redevabilite/HT0313", cookies.rose))).toContain(ids.secret);

    const { rows } = await csvRows("/redevabilite/HT0313.csv");
    expect(rows.find((r) => Number(r[0]) === ids.roucou)?.[1]).toBe("Makòn Roucou");
    expect(rows.find((r) => Number(r[0]) === ids.open)?.[1]).toBe("Makòn Limonade");
    const filtered = await csvRows(`/redevabilite/HT0313.csv?authority=${testAuthority}`);
    expect(filtered.rows.length).toBe(5);
  });

  it("is linked from the space's page, the space's board and the commune's page", async () => {
    expect(await text("/espaces/1")).toContain('href="/espaces/1/engagements"');
    expect(await text("/espaces/1/engagements")).toContain('href="/redevabilite/HT0313"');
    expect(await text("/geographie/HT03/HT0313")).toContain('href="/redevabilite/HT0313"');
  });

  it("answers 404 for a code that is not a known commune's", async () => {
    for (const path of ["/redevabilite/HT9999", "/redevabilite/ht0313x", "/redevabilite/HT0313-01", "/redevabilite/HT9999.csv", "/redevabilite/nope.csv", "/espaces/999/engagements", "/espaces/999/engagements.csv"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("both languages", () => {
  it("have every word of the boards and their links, signed out and signed in", async () => {
    const pages = ["/espaces/1/engagements", `/espaces/1/engagements?authority=${testAuthority}`, `/espaces/${roucou}/engagements`, "/redevabilite/HT0313", "/espaces/1", "/geographie/HT03/HT0313"];
    for (const cookie of [undefined, cookies.facilitator]) {
      for (const path of pages) {
        const fr = await text(path, cookie);
        const kreyol = await text(path, ht(cookie));
        expect(fr, path).not.toContain("⟦");
        expect(kreyol, path).not.toContain("⟦");
        expect(kreyol).toContain('lang="ht"');
      }
    }
    const kreyol = await text("/espaces/1/engagements", ht());
    expect(kreyol).toContain("An chif");
    expect(kreyol).toContain("An reta");
    expect(kreyol).toContain("fèt — 2 òganizasyon konfime");
    expect(await text("/geographie/HT03/HT0313", ht())).toContain("Angajman tout komin Limonade an");
  });
});
