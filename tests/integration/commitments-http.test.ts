import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { existsSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import sharp from "sharp";
import { evidenceDir } from "../../app/modules/evidence/evidence-files.server";
import { changeMeetingStatus, planMeeting } from "../../app/modules/meetings/meetings.server";
import { commitmentEvidence, commitmentUpdates, commitments, organisations } from "../../db/schema/index";
import { localDate } from "../../app/modules/dates";
import { translate } from "../../app/modules/i18n/catalog.server";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { recordCommitment } from "../../app/modules/commitments/commitments.server";
import type { RecordCommitment } from "../../app/modules/commitments/commitments.schemas";
import { authorities } from "../../db/schema/index";
import { actorByEmail } from "../setup/test-db";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

const YEAR = Number(localDate(Date.now()).slice(0, 4));
const SINCE = `${YEAR}-01-01`;
const PASSWORD = "makon-secret-2026";

let server: TestServer;
let facilitator: string;
let rose: string;
let casec: string;
let fanm: string;
let casecId: number;
let apwolim: number;
let fanmOrg: number;

function must<T>(result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(result.code);
  return result.value;
}

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, rose, casec] = await Promise.all(["animateur@makon.ht", "delegue@makon.ht", "casec@makon.ht"].map((email) => signInCookie(server.url, email)));
  const f = actorByEmail(server.db, "animateur@makon.ht");
  apwolim = server.db.select().from(organisations).where(eq(organisations.acronym, "APWOLIM")).get()!.id;
  casecId = server.db.select().from(authorities).where(eq(authorities.name, "CASEC de la 1re section de Limonade")).get()!.id;
  fanmOrg = must(registerOrganisation(server.db, f, 1, { name: "Gwoupman Fanm Vanyan Limonad", acronym: "GFVL", type: "women", legallyRecognised: false, ledByWoman: true, ledByYouth: false }, SINCE, Date.now())).id;
  must(
    await registerDelegate(
      server.db,
      f,
      1,
      { name: "Mirlande Jean", sex: "female", birthYear: 1995, ageGroup: null, disability: false, preferredLanguage: null },
      { organisationId: fanmOrg, seat: "titular", fromDate: SINCE },
      { createAccount: true, accountEmail: "fanm@makon.ht", accountPassword: PASSWORD },
      Date.now(),
    ),
  );
  fanm = await signInCookie(server.url, "fanm@makon.ht", PASSWORD);
});
afterAll(() => server.stop());

const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const post = (path: string, body: URLSearchParams | FormData, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: "POST", body, headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers }, redirect: "manual" });
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

const input = (extra: Partial<RecordCommitment> = {}): RecordCommitment => ({
  authorityId: casecId,
  officialId: null,
  office: "Bureau du CASEC",
  title: "Réparer la fontaine de Roucou",
  text: "Le CASEC répare la fontaine.",
  theme: "water",
  motionId: null,
  meetingId: null,
  sectionCode: null,
  dueDate: `${YEAR + 1}-03-31`,
  budgetHtg: null,
  beneficiaries: null,
  beneficiariesNote: "",
  breakdown: null,
  isPublic: true,
  ...extra,
});
const recorded = (extra: Partial<RecordCommitment> = {}) => must(recordCommitment(server, actorByEmail(server.db, "animateur@makon.ht"), 1, input(extra), Date.now())).id;
/** The evidence files on disk, beside the database. */
const storedFiles = () => {
  const dir = evidenceDir(dirname(server.databasePath));
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};
const rows = () => ({
  commitments: server.db.select({ n: count() }).from(commitments).get()!.n,
  updates: server.db.select({ n: count() }).from(commitmentUpdates).get()!.n,
  evidence: server.db.select({ n: count() }).from(commitmentEvidence).get()!.n,
});

/** A phone's photo: a JPEG carrying the GPS position of whoever took it. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "TecnoPhone", Model: "Spark 10" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "19/1 45/1 305/10", GPSLongitudeRef: "W", GPSLongitude: "72/1 15/1 0/1" } })
    .toBuffer();
}

describe("recording a commitment through its form", () => {
  it("records one for a facilitator, and for the official on their own authority", async () => {
    const body = form({ authorityId: String(casecId), officialId: "", office: "Bureau du CASEC", title: "Curer le canal de Dlo Bouyi", text: "Curage avant la saison des pluies.", theme: "environment", motionId: "", meetingId: "", sectionCode: "", dueDate: `${YEAR + 1}-04-30`, budgetHtg: "80 000", beneficiaries: "", beneficiariesNote: "", isPublic: "on" });
    const response = await post("/espaces/1/engagements/nouveau", body, facilitator);
    expect(response.status).toBe(302);
    const id = Number(response.headers.get("location")!.split("/").pop());
    expect(server.db.select().from(commitments).where(eq(commitments.id, id)).get()).toMatchObject({ title: "Curer le canal de Dlo Bouyi", budgetHtg: 80_000, state: "pledged" });
    expect((await post("/espaces/1/engagements/nouveau", body, casec)).status).toBe(302);
  });

  it("refuses delegates and the signed out, and says what is wrong in the reader's language, writing nothing", async () => {
    const before = rows();
    expect((await get("/espaces/1/engagements/nouveau", rose)).status).toBe(403);
    const body = form({ authorityId: String(casecId), office: "", title: "X", text: "Y", theme: "water", dueDate: `${YEAR + 1}-01-01`, isPublic: "on" });
    expect((await post("/espaces/1/engagements/nouveau", body, rose)).status).toBe(403);
    expect((await post("/espaces/1/engagements/nouveau", body)).status).toBe(302);
    const refused = await post("/espaces/1/engagements/nouveau", body, facilitator, { Cookie: `${facilitator}; makon_lang=ht` });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(translate("ht", "commitments.error.responsible"));
    expect(rows()).toEqual(before);
  });
});

describe("the official's news with a photo", () => {
  it("stores the photo without its GPS position, shows its thumbnail to the public, and serves it with its type and nosniff", async () => {
    const id = recorded();
    const body = new FormData();
    body.set("intent", "progress");
    body.set("move", "update");
    body.set("note", "Tiyo yo rive.");
    body.set("percent", "40");
    body.append("preuves", new File([new Uint8Array(await phonePhoto())], "IMG_2026.jpg", { type: "image/jpeg" }));
    const response = await post(`/espaces/1/engagements/${id}`, body, casec);
    expect(response.status).toBe(200);
    const stored = server.db.select().from(commitmentEvidence).where(eq(commitmentEvidence.commitmentId, id)).get()!;
    expect(stored).toMatchObject({ kind: "photo", mime: "image/jpeg", originalName: "IMG_2026.jpg" });
    const photo = await get(`/preuves/${stored.file}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(photo.headers.get("x-content-type-options")).toContain("nosniff");
    const bytes = Buffer.from(await photo.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("TecnoPhone"))).toBe(false);
    const page = await (await get(`/espaces/1/engagements/${id}`)).text();
    expect(page).toContain(`/preuves/${stored.thumb}`);
    expect(page).toContain("Tiyo yo rive.");
    expect(server.db.select().from(commitments).where(eq(commitments.id, id)).get()!.state).toBe("in_progress");
  });

  it("refuses a file that is not a photo nor a PDF, in Kreyòl, and keeps nothing", async () => {
    const id = recorded();
    const before = rows();
    const body = new FormData();
    body.set("intent", "progress");
    body.set("move", "update");
    body.set("note", "Gade foto a.");
    body.append("preuves", new File(["<html><script>alert(1)</script></html>"], "foto.jpg", { type: "image/jpeg" }));
    const response = await post(`/espaces/1/engagements/${id}`, body, `${casec}; makon_lang=ht`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("foto.jpg");
    expect(rows()).toEqual(before);
  });

  it("refuses an oversized body before reading it, with a message in the reader's language", async () => {
    const id = recorded();
    const before = rows();
    const big = new FormData();
    big.set("intent", "progress");
    big.set("move", "update");
    big.append("preuves", new File([new Uint8Array(33 * 1024 * 1024)], "gwo.jpg", { type: "image/jpeg" }));
    const response = await post(`/espaces/1/engagements/${id}`, big, `${casec}; makon_lang=ht`);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain(translate("ht", "error.request.tooLarge"));
    expect(rows()).toEqual(before);
  });

  it("refuses news from a delegate and from the signed out, writing nothing, not even a photo's file", async () => {
    const id = recorded();
    const before = rows();
    const files = storedFiles();
    const body = form({ intent: "progress", move: "claim", note: "Li fèt." });
    expect((await post(`/espaces/1/engagements/${id}`, body, rose)).status).toBe(403);
    expect((await post(`/espaces/1/engagements/${id}`, body)).status).toBe(302);
    const withPhoto = new FormData();
    withPhoto.set("intent", "progress");
    withPhoto.set("move", "update");
    withPhoto.append("preuves", new File([new Uint8Array(await phonePhoto())], "a.jpg", { type: "image/jpeg" }));
    expect((await post(`/espaces/1/engagements/${id}`, withPhoto, rose)).status).toBe(403);
    expect(rows()).toEqual(before);
    expect(storedFiles()).toEqual(files);
  });

  it("applies a multipart post sent twice (a retry after a drop) once", async () => {
    const id = recorded();
    const before = rows();
    const body = new FormData();
    body.set("_cle", "seedphoto1.r1.0");
    body.set("intent", "progress");
    body.set("move", "update");
    body.set("note", "Yon sèl fwa.");
    body.append("preuves", new File([new Uint8Array(await phonePhoto())], "a.jpg", { type: "image/jpeg" }));
    const first = await post(`/espaces/1/engagements/${id}`, body, casec, { Accept: "text/html" });
    const second = await post(`/espaces/1/engagements/${id}`, body, casec, { Accept: "text/html" });
    // The first is applied (and its page read after a redirect); the second is answered with that same page.
    expect([first.status, second.status]).toEqual([303, 200]);
    expect(rows()).toEqual({ ...before, updates: before.updates + 1, evidence: before.evidence + 1 });
  });
});

describe("the people's answer and a non-public commitment", () => {
  it("lets two organisations confirm a claim through their delegates: done — confirmed by 2 organisations", async () => {
    const id = recorded();
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "progress", move: "claim", note: "Fontèn nan koule." }), casec)).status).toBe(200);
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "answer", organisationId: String(apwolim), answer: "confirm", comment: "" }), rose)).status).toBe(200);
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "answer", organisationId: String(apwolim), answer: "confirm", comment: "" }), rose)).status).toBe(400);
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "answer", organisationId: String(apwolim), answer: "confirm", comment: "" }), fanm)).status).toBe(400);
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "answer", organisationId: String(fanmOrg), answer: "confirm", comment: "Nou wè l." }), fanm)).status).toBe(200);
    const page = await (await get(`/espaces/1/engagements/${id}`)).text();
    expect(page).toContain(translate("fr", "commitments.confirmedBy", { count: 2 }));
  });

  it("records what a meeting decided, naming a meeting of the space that is under way or held", async () => {
    const id = recorded();
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "progress", move: "claim", note: "Li fèt." }), casec)).status).toBe(200);
    // No meeting held yet: the page says a decision is a meeting's, and the form without one is refused in Kreyòl.
    expect(await (await get(`/espaces/1/engagements/${id}`, facilitator)).text()).toContain('data-testid="decide-no-meeting"');
    const noMeeting = await post(`/espaces/1/engagements/${id}`, form({ intent: "decide", decision: "verify", note: "", dueDate: "", meetingId: "" }), `${facilitator}; makon_lang=ht`);
    expect(noMeeting.status).toBe(400);
    expect(await noMeeting.text()).toContain(translate("ht", "commitments.error.meetingRequired"));
    const f = actorByEmail(server.db, "animateur@makon.ht");
    const meetingId = must(planMeeting(server.db, f, 1, { kind: "ordinary", title: "Reyinyon desizyon", startsAt: Date.now(), endsAt: null, place: "", published: true, facilitatorIds: [], authorityIds: [] }, Date.now())).id;
    const planned = await post(`/espaces/1/engagements/${id}`, form({ intent: "decide", decision: "verify", note: "", dueDate: "", meetingId: String(meetingId) }), `${facilitator}; makon_lang=ht`);
    expect(planned.status).toBe(400);
    expect(await planned.text()).toContain(translate("ht", "commitments.error.meetingNotHeld"));
    must(changeMeetingStatus(server, f, meetingId, "start", { now: Date.now() }));
    expect(await (await get(`/espaces/1/engagements/${id}`, facilitator)).text()).toContain("Reyinyon desizyon");
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "decide", decision: "verify", note: "", dueDate: "", meetingId: String(meetingId) }), rose)).status).toBe(403);
    expect((await post(`/espaces/1/engagements/${id}`, form({ intent: "decide", decision: "verify", note: "Nou tout wè l.", dueDate: "", meetingId: String(meetingId) }), facilitator)).status).toBe(200);
    expect(server.db.select().from(commitments).where(eq(commitments.id, id)).get()!.state).toBe("verified");
    must(changeMeetingStatus(server, f, meetingId, "close", { now: Date.now() }));
  });

  it("keeps a non-public commitment, its page and its files from the public and from other spaces", async () => {
    const id = recorded({ isPublic: false, title: "Engagement interne du CASEC" });
    const body = new FormData();
    body.set("intent", "progress");
    body.set("move", "update");
    body.set("note", "Note interne.");
    body.append("preuves", new File([new Uint8Array(await phonePhoto())], "interne.jpg", { type: "image/jpeg" }));
    expect((await post(`/espaces/1/engagements/${id}`, body, casec)).status).toBe(200);
    const stored = server.db.select().from(commitmentEvidence).where(eq(commitmentEvidence.commitmentId, id)).get()!;
    expect((await get(`/espaces/1/engagements/${id}`)).status).toBe(404);
    expect((await get(`/preuves/${stored.file}`)).status).toBe(404);
    expect((await get(`/preuves/${stored.thumb}`)).status).toBe(404);
    expect((await get(`/espaces/2/engagements/${id}`, facilitator)).status).toBe(404);
    expect((await get(`/espaces/1/engagements/${id}`, rose)).status).toBe(200);
    expect((await get(`/preuves/${stored.thumb}`, rose)).status).toBe(200);
    expect((await get("/preuves/..%2F..%2Fmakon.db")).status).toBe(404);
  });

  it("lists the official's commitments on their own page", async () => {
    const id = recorded({ title: "Lanp nan lari Bois-de-Lance" });
    const page = await (await get("/mes-engagements", casec)).text();
    expect(page).toContain("Lanp nan lari Bois-de-Lance");
    expect(page).toContain(`/espaces/1/engagements/${id}`);
    expect(await (await get("/mes-engagements", rose)).text()).not.toContain("Lanp nan lari Bois-de-Lance");
  });
});
