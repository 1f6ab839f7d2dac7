import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { encodeCommand, MESSAGE_COMMAND, MESSAGE_COMMAND_REPLY, readReply } from "../../app/modules/realtime/commands";
import { attendance, meetingSessions, speakingTurns } from "../../db/schema/index";
import { registerOrganisation } from "../../app/modules/organisations/organisations.server";
import { registerDelegate } from "../../app/modules/people/people.server";
import { readLiveState } from "../../app/modules/live/live-doc";
import { liveMeetingsFor } from "../../app/modules/live/live.server";
import { actorByEmail } from "../setup/test-db";
import { commandSocket as sharedCommandSocket, connectProvider, synced, upgradeOutcome, waitFor } from "../setup/realtime-client";
import { signInCookie, startTestServer, type TestServer } from "../setup/test-server";

let server: TestServer;
let facilitator: string;
let admin: string;
let official: string;
let rose: string;
let paul: string;
let meetingPath: string;
let meetingId: number;
let token: string;
const cleanups: (() => void)[] = [];

const post = (path: string, form: Record<string, string | number>, cookie?: string) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    body: new URLSearchParams(Object.entries(form).map(([k, v]) => [k, String(v)])),
    headers: cookie ? { Cookie: cookie } : {},
    redirect: "manual",
  });
const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const act = (form: Record<string, string | number>, cookie = facilitator) => post(`${meetingPath}/console`, form, cookie);
const ask = (intent: "request" | "withdraw", cookie: string) => post(`${meetingPath}/direct`, { intent }, cookie);

const attendanceId = (name: string) => server.db.select().from(attendance).where(and(eq(attendance.meetingId, meetingId), eq(attendance.name, name))).get()!.id;
const turns = () => server.db.select().from(speakingTurns).where(eq(speakingTurns.meetingId, meetingId)).orderBy(asc(speakingTurns.id)).all();
const turnOf = (name: string, state: string) => turns().find((t) => t.attendanceId === attendanceId(name) && t.state === state)!.id;

/** A live-document client: a phone signed in, or the projector with the screen's link. */
function liveClient(options: { cookie?: string; screenToken?: string }) {
  const c = connectProvider(server.url, `meeting:${meetingId}:live`, options.cookie ?? "", undefined, options.screenToken ? { ecran: options.screenToken } : undefined);
  cleanups.push(() => c.provider.destroy());
  return { ...c, state: () => readLiveState(c.doc.getMap("live")) };
}

beforeAll(async () => {
  server = await startTestServer();
  [facilitator, admin, official] = await Promise.all(["animateur@makon.ht", "admin@makon.ht", "casec@makon.ht"].map((e) => signInCookie(server.url, e)));
  const f = actorByEmail(server.db, "animateur@makon.ht");
  const now = Date.now();
  const org = (name: string, type: "muso" | "youth") => {
    const r = registerOrganisation(server.db, f, 1, { name, type, legallyRecognised: false, ledByWoman: false, ledByYouth: false }, "2026-01-01", now);
    if (!r.ok) throw new Error(r.code);
    return r.value.id;
  };
  const muso = org("MUSO Lespwa", "muso");
  const youth = org("Jèn Limonad", "youth");
  const seat = async (name: string, sex: "female" | "male", birthYear: number, organisationId: number, kind: "titular" | "substitute", email?: string) => {
    const r = await registerDelegate(
      server.db,
      f,
      1,
      { name, sex, birthYear, ageGroup: null, disability: false, preferredLanguage: null },
      { organisationId, seat: kind, fromDate: "2026-01-01" },
      email ? { createAccount: true, accountEmail: email, accountPassword: "delegate password" } : { createAccount: false, accountPassword: "" },
      now,
    );
    if (!r.ok) throw new Error(r.code);
  };
  await seat("Rose Louis", "female", 1999, muso, "titular", "rose@makon.ht");
  await seat("Paul Charles", "male", 1960, youth, "titular", "paul@makon.ht");
  await seat("Kenson Michel", "male", 2004, muso, "substitute");
  rose = await signInCookie(server.url, "rose@makon.ht", "delegate password");
  paul = await signInCookie(server.url, "paul@makon.ht", "delegate password");

});

/**
 * Every test runs its own live meeting, so that none depends on what another left: two
 * agenda items, Rose, Paul and Kenson ticked at the door (the CASEC member is not), open.
 */
beforeEach(async () => {
  const created = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "ordinary", title: "Reyinyon dirèk", startsAt: "2026-12-05T09:00", place: "Lekòl" }, facilitator);
  meetingPath = created.headers.get("location")!;
  meetingId = Number(meetingPath.split("/").pop());
  for (const title of ["Nouvèl", "Dlo potab"]) await post(meetingPath, { intent: "agenda-add", title, kind: "discussion", plannedMinutes: "20" }, facilitator);
  const page = await (await get(`${meetingPath}/presences`, facilitator)).text();
  for (const name of ["Rose Louis", "Paul Charles", "Kenson Michel"]) {
    const personId = new RegExp(`name="personId" value="(\\d+)"/><button type="submit" class="tap"><span class="name">${name}`).exec(page)![1]!;
    expect((await post(`${meetingPath}/presences`, { intent: "known", personId }, facilitator)).status).toBe(200);
  }
  expect((await post(meetingPath, { intent: "start" }, facilitator)).status).toBe(200);
  token = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()!.screenToken;
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(() => server.stop());

describe("the shared screen's link", () => {
  it("opens the meeting's screen and its live document without an account, and nothing else", async () => {
    expect(token).toMatch(/^[2-9a-hjkmnp-z]{12}$/);
    expect(await (await get(`${meetingPath}/console`, facilitator)).text()).toContain(`/ecran/${token}`);
    const screen = await get(`/ecran/${token}`);
    expect(screen.status).toBe(200);
    const html = await screen.text();
    expect(html).toContain("Reyinyon dirèk");
    expect(html).toContain("Nouvèl");
    expect((await get("/ecran/not-the-right-token-at-all")).status).toBe(404);

    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:live?ecran=${token}`)).toBe("open");
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:live?ecran=wrong${token}`)).toBe(401);
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:minutes?ecran=${token}`)).toBe(401);
    expect(await upgradeOutcome(server.url, `/realtime/space:1:notes?ecran=${token}`)).toBe(401);

    const projector = liveClient({ screenToken: token });
    await synced(projector.provider);
    expect(projector.state()).toMatchObject({ status: "live", item: { title: "Nouvèl", number: 1, of: 2 }, speaker: null });
    // The projector only reads.
    projector.doc.getMap("live").set("status", "hacked");
    await new Promise((r) => setTimeout(r, 150));
    const check = liveClient({ cookie: facilitator });
    await synced(check.provider);
    expect(check.state()).toMatchObject({ status: "live" });
  });
});

describe("the console and the screen for a projector", () => {
  it("shows the screen's link in groups with a QR code, and the link typed with its spaces opens the screen", async () => {
    const html = await (await get(`${meetingPath}/console`, facilitator)).text();
    expect(html).toContain('data-testid="screen-qr"');
    expect(html).toMatch(/src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(html).toContain(`<span class="token-group">${token.slice(0, 4)}</span>`);
    const typed = await get(`/ecran/${token.slice(0, 4)}%20${token.slice(4, 8)}%20${token.slice(8)}`);
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe(`/ecran/${token}`);
  });

  it("narrows the people to add by a search without accents, before JavaScript (GET ?qui=)", async () => {
    const all = await (await get(`${meetingPath}/console`, facilitator)).text();
    for (const name of ["Rose Louis", "Paul Charles", "Kenson Michel"]) expect(all).toMatch(new RegExp(`<option value="\\d+"[^>]*>${name}`));
    const found = await (await get(`${meetingPath}/console?qui=KENSÓN`, facilitator)).text();
    expect(found).toMatch(/<option value="\d+" selected="">Kenson Michel/);
    expect(found).not.toMatch(/<option value="\d+"[^>]*>Rose Louis/);
    expect(found).not.toMatch(/<option value="\d+"[^>]*>Paul Charles/);
  });

  it("puts the phones' requests first on the console, with their count", async () => {
    expect((await ask("request", rose)).status).toBeLessThan(400);
    const html = await (await get(`${meetingPath}/console`, facilitator)).text();
    const requests = html.indexOf('data-testid="console-requests"');
    expect(requests).toBeGreaterThan(0);
    expect(requests).toBeLessThan(html.indexOf('id="console-speakers"'));
    expect(html).toContain('data-testid="requests-count" aria-hidden="true">1<');
  });
});

describe("a meeting live now", () => {
  it("comes first on the home and space pages of the space's own people, phone or console", async () => {
    const home = await (await get("/", rose)).text();
    expect(home).toContain('data-testid="live-now"');
    expect(home).toContain(`href="${meetingPath}/direct"`);
    expect(home.indexOf('data-testid="live-now"')).toBeLessThan(home.indexOf("<h1"));
    expect(await (await get("/", facilitator)).text()).toContain(`href="${meetingPath}/console"`);
    const space = await (await get("/espaces/1", rose)).text();
    expect(space.indexOf('data-testid="live-now"')).toBeGreaterThan(0);
    expect(space.indexOf('data-testid="live-now"')).toBeLessThan(space.indexOf("<h1"));
    // Not for visitors, nor on another space's page.
    expect(await (await get("/")).text()).not.toContain('data-testid="live-now"');
    expect(await (await get("/espaces/2", rose)).text()).not.toContain('data-testid="live-now"');
    expect(liveMeetingsFor(server.db, { userId: "nobody", grants: [{ role: "delegate", spaceId: 2 }] })).toEqual([]);
    expect(liveMeetingsFor(server.db, actorByEmail(server.db, "rose@makon.ht"))).toContainEqual(expect.objectContaining({ id: meetingId, spaceId: 1, runs: false }));
    // Once closed, it is no longer live.
    await post(meetingPath, { intent: "close", confirm: "1" }, facilitator);
    expect(liveMeetingsFor(server.db, actorByEmail(server.db, "rose@makon.ht")).some((m) => m.id === meetingId)).toBe(false);
  });
});

/** A raw socket on one of the meeting's documents, sending commands and reading replies. */
async function commandSocket(options: { cookie?: string; screenToken?: string; doc?: "live" | "console" }) {
  const opened = await sharedCommandSocket(server.url, `meeting:${meetingId}:${options.doc ?? "console"}`, options.cookie ?? "", { params: options.screenToken ? { ecran: options.screenToken } : undefined });
  cleanups.push(opened.close);
  return { socket: opened.socket, send: async (input: Record<string, string>, name = "console") => (await opened.send(name, input)) as { error: string | null; value?: unknown } };
}

describe("the console's figures", () => {
  it("count the people present and those with a disability, in both languages", async () => {
    expect((await post(`${meetingPath}/presences`, { intent: "walkin", name: "Jean Fils", sex: "male", ageGroup: "36_59", disability: "on", organisationId: "", role: "observer" }, facilitator)).status).toBe(200);
    const fr = await (await get(`${meetingPath}/console`, facilitator)).text();
    expect(fr).toContain("4 personnes présentes, dont 1 en situation de handicap.");
    const ht = await (await fetch(`${server.url}${meetingPath}/console`, { headers: { Cookie: `${facilitator}; makon_lang=ht` } })).text();
    expect(ht).toContain("4 moun prezan, ladan yo 1 ki gen yon andikap.");
  });
});

describe("console actions on the live socket", () => {
  it("are validated and applied like the console's form, and refused to anyone else with a reason", async () => {
    const console_ = await commandSocket({ cookie: facilitator });
    const kenson = attendanceId("Kenson Michel");
    expect(await console_.send({ intent: "add", attendanceId: String(kenson) })).toEqual({ error: null });
    expect(turns().filter((t) => t.attendanceId === kenson && t.state === "queued")).toHaveLength(1);
    expect(await console_.send({ intent: "add", attendanceId: String(kenson) })).toEqual({ error: "live.error.alreadyWaiting" });
    expect(await console_.send({ intent: "fly" })).toEqual({ error: "error.invalid" });
    // Nobody else opens the console's document; the live one takes no console command.
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:console`, { cookie: rose })).toBe(403);
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:console`, { cookie: official })).toBe(403);
    expect(await upgradeOutcome(server.url, `/realtime/meeting:${meetingId}:console?ecran=${token}`)).toBe(401);
    for (const options of [{ cookie: rose }, { cookie: official }, { screenToken: token }]) {
      const other = await commandSocket({ ...options, doc: "live" });
      expect(await other.send({ intent: "withdraw", turnId: String(turnOf("Kenson Michel", "queued")) })).toEqual({ error: "error.invalid" });
    }
    expect(await console_.send({ intent: "withdraw", turnId: String(turnOf("Kenson Michel", "queued")) })).toEqual({ error: null });
    expect(turns().filter((t) => t.attendanceId === kenson && t.state === "queued")).toEqual([]);
  });

  it("closes a socket that sends a malformed command, and the server goes on", async () => {
    const console_ = await commandSocket({ cookie: facilitator });
    const closed = new Promise<number>((resolve) => console_.socket.once("close", resolve));
    console_.socket.send(Uint8Array.of(MESSAGE_COMMAND, 3, 0x7b, 0x7b, 0x7b));
    expect(await closed).toBe(1003);
    const again = await commandSocket({ cookie: facilitator });
    expect(await again.send({ intent: "limit", seconds: "180" })).toEqual({ error: null });
  });

  it("slows down a client that floods commands, then disconnects it, and the others go on", async () => {
    const flood = await commandSocket({ cookie: facilitator });
    const closed = new Promise<number>((resolve) => flood.socket.once("close", resolve));
    const replies: (string | null)[] = [];
    flood.socket.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === MESSAGE_COMMAND_REPLY) replies.push((readReply(decoder).reply as { error: string | null }).error);
    });
    for (let i = 0; i < 200; i++) flood.socket.send(encodeCommand(1000 + i, { name: "console", input: { intent: "limit", seconds: "180" } }));
    expect(await closed).toBe(4429);
    // The budget's worth went through; then refusals with a reason; then the socket closed.
    expect(replies.filter((r) => r === null).length).toBeGreaterThanOrEqual(40);
    expect(replies.filter((r) => r === null).length).toBeLessThan(50);
    expect(replies).toContain("error.tooFast");
    const other = await commandSocket({ cookie: facilitator });
    expect(await other.send({ intent: "limit", seconds: "180" })).toEqual({ error: null });
  });
});

describe("a delegate's phone on the live socket", () => {
  it("asks to speak and withdraws with the same checks as the phone's form, and learns who it is", async () => {
    const phone = await commandSocket({ cookie: rose, doc: "live" });
    expect(await phone.send({}, "whoami")).toEqual({ error: null, value: { attendanceId: attendanceId("Rose Louis") } });
    expect(await phone.send({ intent: "request" }, "delegate")).toEqual({ error: null });
    expect(turns().filter((t) => t.attendanceId === attendanceId("Rose Louis") && t.state === "requested")).toHaveLength(1);
    expect(await phone.send({ intent: "request" }, "delegate")).toEqual({ error: "live.error.youAreWaiting" });
    expect(await phone.send({ intent: "withdraw" }, "delegate")).toEqual({ error: null });
    expect(await phone.send({ intent: "shout" }, "delegate")).toEqual({ error: "error.invalid" });
    expect(await phone.send({ intent: "request" }, "nonsense")).toEqual({ error: "error.invalid" });
    // Not checked in: no request, and no attendance row to be told of.
    const absent = await commandSocket({ cookie: official, doc: "live" });
    expect(await absent.send({ intent: "request" }, "delegate")).toEqual({ error: "live.error.youAreNotPresent" });
    expect(await absent.send({}, "whoami")).toEqual({ error: null, value: { attendanceId: null } });
    const projector = await commandSocket({ screenToken: token, doc: "live" });
    expect(await projector.send({ intent: "request" }, "delegate")).toEqual({ error: "error.forbidden" });
    expect(turns().filter((t) => t.state === "requested")).toEqual([]);
    // The door's check-in on the same socket: a phone, an official and the projector check nobody in.
    const rows = () => server.db.select({ id: attendance.id }).from(attendance).where(eq(attendance.meetingId, meetingId)).all().length;
    const before = rows();
    for (const socket of [phone, absent, projector]) {
      expect(await socket.send({ personId: "1", since: "0" }, "check-in")).toEqual({ error: "error.forbidden" });
      expect(await socket.send({ since: "0", entry: "a1b2c3d4e5f60718293a4b5c", name: "Moun", sex: "female", ageGroup: "25_35", organisationId: "", role: "observer" }, "walk-in")).toEqual({ error: "error.forbidden" });
    }
    expect(rows()).toBe(before);
  });
});

describe("the console and the delegates' phones", () => {
  it("run the speakers' list, with every screen following the server's live document", async () => {
    const projector = liveClient({ screenToken: token });
    const phone = liveClient({ cookie: rose });
    await Promise.all([synced(projector.provider), synced(phone.provider)]);

    expect((await act({ intent: "add", attendanceId: attendanceId("Paul Charles") })).status).toBe(200);
    await waitFor(() => projector.state()?.queue.map((p) => p.name).join() === "Paul Charles", 5_000, "queue on the screen");

    // Rose asks from her phone; the console accepts; she then goes before Paul.
    expect((await ask("request", rose)).status).toBe(200);
    await waitFor(() => phone.state()?.requests.some((p) => p.name === "Rose Louis") ?? false, 5_000, "request");
    const direct = await (await get(`${meetingPath}/direct`, rose)).text();
    expect(direct).toContain("Demande envoyée");
    expect((await act({ intent: "accept", turnId: turnOf("Rose Louis", "requested") })).status).toBe(200);
    expect((await act({ intent: "move", turnId: turnOf("Rose Louis", "queued"), direction: "up" })).status).toBe(200);
    await waitFor(() => projector.state()?.queue.map((p) => p.name).join() === "Rose Louis,Paul Charles", 5_000, "reordered");
    expect(await (await get(`${meetingPath}/direct`, rose)).text()).toContain("Vous êtes n° 1 dans la file.");

    expect((await act({ intent: "start", turnId: turnOf("Rose Louis", "queued") })).status).toBe(200);
    await waitFor(() => projector.state()?.speaker?.name === "Rose Louis", 5_000, "speaker on the screen");
    expect(projector.state()!.speaker).toMatchObject({ limitSeconds: 180, sex: "female", ageGroup: "25_35" });
    expect((await act({ intent: "start", turnId: turnOf("Paul Charles", "queued") })).status).toBe(200);
    await waitFor(() => projector.state()?.speaker?.name === "Paul Charles", 5_000, "next speaker");
    // Rose's finished turn is in the totals the parity bar starts from.
    expect(projector.state()!.spoken.women.turns).toBe(1);
    expect((await act({ intent: "stop" })).status).toBe(200);
    await waitFor(() => projector.state()?.speaker === null && projector.state()!.spoken.all.turns === 2, 5_000, "stopped");

    const recorded = turns().filter((t) => t.state === "done");
    expect(recorded).toHaveLength(2);
    const first = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()!.currentItemId;
    expect(recorded.every((t) => t.agendaItemId === first && t.endedAt! >= t.startedAt!)).toBe(true);

    // The agenda moves, the rules and the screen change.
    const second = (await (await get(`${meetingPath}/console`, facilitator)).text()).match(/name="itemId" value="(\d+)"/)![1]!;
    expect((await act({ intent: "item", itemId: second })).status).toBe(200);
    expect((await act({ intent: "limit", seconds: 120 })).status).toBe(200);
    expect((await act({ intent: "priority", rule: "women" })).status).toBe(200);
    expect((await act({ intent: "message", text: "Mosyon 3: konstwi yon sitèn" })).status).toBe(200);
    expect((await act({ intent: "screen-locale", locale: "ht" })).status).toBe(200);
    await waitFor(() => projector.state()?.item?.title === "Dlo potab" && projector.state()!.message === "Mosyon 3: konstwi yon sitèn" && projector.state()!.locale === "ht", 5_000, "screen settings");
    expect(projector.state()!.turnLimitSeconds).toBe(120);
    expect((await act({ intent: "message-clear" })).status).toBe(200);
    await waitFor(() => projector.state()?.message === null, 5_000, "message cleared");
    const nouvel = server.db.select().from(meetingSessions).where(eq(meetingSessions.meetingId, meetingId)).get()!;
    expect(nouvel.currentItemId).toBe(Number(second));

    // Rose asks again, then withdraws from her phone.
    expect((await ask("request", rose)).status).toBe(200);
    expect((await ask("withdraw", rose)).status).toBe(200);
    await waitFor(() => phone.state()?.requests.length === 0, 5_000, "withdrawn");
  });

  it("suggests a woman after two men, and the facilitator decides", async () => {
    await act({ intent: "priority", rule: "women" });
    // Kenson and Paul speak; Rose waits behind a man.
    for (const name of ["Kenson Michel", "Paul Charles"]) {
      await act({ intent: "add", attendanceId: attendanceId(name) });
      await act({ intent: "start", turnId: turnOf(name, "queued") });
    }
    await act({ intent: "stop" });
    await act({ intent: "add", attendanceId: attendanceId("Kenson Michel") });
    await act({ intent: "add", attendanceId: attendanceId("Rose Louis") });
    const console = await (await get(`${meetingPath}/console`, facilitator)).text();
    expect(console).toContain("Les deux dernières personnes à parler n&#x27;étaient pas des femmes : donner la parole à Rose Louis ?");
    expect((await act({ intent: "move", turnId: turnOf("Rose Louis", "queued"), direction: "top" })).status).toBe(200);
    expect((await (await get(`${meetingPath}/console`, facilitator)).text())).not.toContain("donner la parole à Rose Louis ?");
    await act({ intent: "withdraw", turnId: turnOf("Rose Louis", "queued") });
    await act({ intent: "withdraw", turnId: turnOf("Kenson Michel", "queued") });
  });

  it("refuses actions out of order, from people not present, from non-facilitators and on a meeting not live, with a reason", async () => {
    const before = turns().length;
    const stop = await act({ intent: "stop" });
    expect(stop.status).toBe(409);
    expect(await stop.text()).toContain("Aucun tour de parole en cours.");
    const outsider = await act({ intent: "add", attendanceId: 999_999 });
    expect(outsider.status).toBe(409);
    expect(await outsider.text()).toContain("n&#x27;est pas sur la liste de présence");
    expect((await act({ intent: "fly" })).status).toBe(400);
    expect((await act({ intent: "limit", seconds: 7 })).status).toBe(400);
    // The CASEC member was not checked in: no request from them.
    const absent = await ask("request", official);
    expect(absent.status).toBe(409);
    expect(await absent.text()).toContain("pas sur la liste de présence");
    expect((await ask("withdraw", paul)).status).toBe(409);
    // Delegates and officials never drive the console.
    for (const cookie of [rose, official]) expect((await act({ intent: "add", attendanceId: attendanceId("Kenson Michel") }, cookie)).status).toBe(403);
    expect((await get(`${meetingPath}/console`, rose)).status).toBe(403);
    // A meeting that has not started.
    const planned = await post("/espaces/1/reunions/nouvelle", { intent: "meeting", kind: "training", title: "Fòmasyon", startsAt: "2026-12-20T09:00" }, facilitator);
    const notLive = await post(`${planned.headers.get("location")}/console`, { intent: "stop" }, facilitator);
    expect(notLive.status).toBe(409);
    expect(await notLive.text()).toContain("La séance n&#x27;est pas en cours.");
    expect(turns().length).toBe(before);
  });

  it("applies two facilitators' simultaneous actions one after the other, never corrupting the list", async () => {
    const kenson = attendanceId("Kenson Michel");
    const adds = await Promise.all([...Array(6)].map((_, i) => act({ intent: "add", attendanceId: kenson }, i % 2 ? admin : facilitator)));
    expect(adds.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const turnId = turnOf("Kenson Michel", "queued");
    const starts = await Promise.all([act({ intent: "start", turnId }, facilitator), act({ intent: "start", turnId }, admin)]);
    expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);
    const waiting = turns().filter((t) => t.state === "queued" || t.state === "speaking" || t.state === "requested");
    expect(waiting.map((t) => [t.attendanceId, t.state])).toEqual([[kenson, "speaking"]]);
    const stops = await Promise.all([act({ intent: "stop" }, facilitator), act({ intent: "stop" }, admin)]);
    expect(stops.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("keep the turns when the meeting closes, and add the speaking record to the printable page", async () => {
    // Kenson has spoken; Rose is speaking; Paul waits for an answer to his request.
    await act({ intent: "add", attendanceId: attendanceId("Kenson Michel") });
    await act({ intent: "start", turnId: turnOf("Kenson Michel", "queued") });
    await act({ intent: "add", attendanceId: attendanceId("Rose Louis") });
    await act({ intent: "start", turnId: turnOf("Rose Louis", "queued") });
    await ask("request", paul);
    expect((await post(meetingPath, { intent: "close", confirm: "1" }, facilitator)).status).toBe(200);
    const all = turns();
    expect(all.filter((t) => t.state === "speaking" || t.state === "requested" || t.state === "queued")).toEqual([]);
    const spoken = all.filter((t) => t.state === "done");
    expect(spoken.length).toBe(2);
    expect(spoken.every((t) => t.startedAt !== null && t.endedAt !== null && t.agendaItemId !== null)).toBe(true);
    const printable = await (await get(`${meetingPath}/imprimer`, rose)).text();
    expect(printable).toContain("Prises de parole (2)");
    expect(printable).toContain("Temps de parole");
    expect((await act({ intent: "stop" })).status).toBe(409);
    expect((await ask("request", rose)).status).toBe(409);
    // Who spoke stays on the attendance list.
    expect((await post(`${meetingPath}/presences`, { intent: "remove", confirm: "1", attendanceId: attendanceId("Rose Louis") }, admin)).status).toBe(400);
  });
});
