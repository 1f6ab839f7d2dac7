import http from "node:http";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { commandSender } from "../../app/components/realtime.client";
import type { RoomPoll } from "../../app/modules/live/projections";
import { readLiveState } from "../../app/modules/live/live-doc";
import { benchClient, sleep, whenDoc, within, type BenchClient } from "./clients";
import { cpuMs, mean, percentile, rssBytes } from "./stats";
import type { RunningProcess } from "./servers";
import { doorCandidates, selfCheckInPhones } from "./seed-checkin";
import { formKey, IDEMPOTENCY_FIELD } from "../../app/modules/idempotency";

const liveOf = (client: BenchClient) => readLiveState(client.doc.getMap("live"));

export interface JoinResult {
  clients: BenchClient[];
  /** Time until every phone is synced. */
  allSyncedMs: number;
  /** Bytes each phone received until every phone was synced, and one more second. */
  bytesPerPhone: number;
  /** Server CPU from the first phone opening until all are synced, and one more second, per phone. */
  cpuMsPerPhone: number;
}

/** N phones open the same document at once. */
export async function join(server: RunningProcess, docName: string, cookies: readonly (string | undefined)[], presence: boolean): Promise<JoinResult> {
  const cpuBefore = cpuMs(server.pid);
  const started = performance.now();
  const clients = cookies.map((cookie) => benchClient(server.url + "/realtime", docName, { cookie, presence }));
  const synced = await within(Promise.all(clients.map((c) => c.synced)), 120_000, `${clients.length} phones syncing`);
  const allSyncedMs = Math.max(...synced) - started;
  await sleep(1_000);
  return { clients, allSyncedMs, bytesPerPhone: mean(clients.map((c) => c.received())), cpuMsPerPhone: (cpuMs(server.pid) - cpuBefore) / clients.length };
}

export interface FanoutResult {
  p50: number;
  p95: number;
  max: number;
  cpuMsPerChange: number;
  bytesPerPhonePerChange: number;
}

/**
 * Changes the current agenda item `changes` times; each time, how long until every phone
 * shows it. `change(itemId)` makes the change the way each server takes it. The first
 * `warmup` changes are not timed: both servers' code paths are compiled by then.
 */
export async function fanout(server: RunningProcess, phones: readonly BenchClient[], itemIds: readonly number[], change: (itemId: number) => Promise<void>, changes = 50, warmup = 10): Promise<FanoutResult> {
  const times: number[] = [];
  let cpuBefore = 0;
  let bytesBefore: number[] = [];
  for (let i = -warmup; i < changes; i++) {
    if (i === 0) {
      cpuBefore = cpuMs(server.pid);
      bytesBefore = phones.map((p) => p.received());
    }
    const target = itemIds[(i + warmup + 1) % itemIds.length]!;
    const shown = phones.map((p) => whenDoc(p.doc, () => liveOf(p)?.item?.id === target));
    const started = performance.now();
    await change(target);
    const at = await within(Promise.all(shown), 30_000, `change ${i} reaching every phone (process ${server.pid})`);
    if (i >= 0) times.push(Math.max(...at) - started);
    await sleep(50);
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    cpuMsPerChange: (cpuMs(server.pid) - cpuBefore) / changes,
    bytesPerPhonePerChange: mean(phones.map((p, i) => p.received() - bytesBefore[i]!)) / changes,
  };
}

/** Bytes per second each phone receives while nothing happens. */
export async function idle(phones: readonly BenchClient[], seconds: number): Promise<number> {
  const before = phones.map((p) => p.received());
  await sleep(seconds * 1000);
  return mean(phones.map((p, i) => p.received() - before[i]!)) / seconds;
}

export interface BurstResult {
  recorded: number;
  p95: number;
  max: number;
  /** From the first check-in until the live panel shows the final count. */
  panelMs: number;
  /** From the last response until the panel shows the final count. */
  panelLagMs: number;
  /** Over all check-ins, the three ways'. */
  cpuMsPerCheckIn: number;
  /** Each way apart, one after the other: the door's walk-ins (its pages' sockets)... */
  door: BurstWay;
  /** ...the known delegates tapped at the door (its pages' sockets)... */
  known: BurstWay;
  /** ...and the delegates checking themselves in from their phones. */
  self: BurstWay;
}

export interface BurstWay {
  count: number;
  p95: number;
  cpuMsPerCheckIn: number;
}

/** Each post carries its form's key, as the page's forms do (the server keeps each answer under it). */
const KEY_SEED = `bench${Date.now()}`;

/**
 * One walk-in as the loaded door page sends it on its live socket: the form's answers, the last
 * row the page shows (the answer brings the rows after it) and the key the page drew for her.
 */
async function checkInWalkIn(send: ReturnType<typeof commandSender>, meetingId: number, i: number, since: number): Promise<void> {
  const name = `Moun ${i + 1}`;
  const entry = `bench${meetingId}x${String(i).padStart(10, "0")}`;
  const reply = await send("walk-in", { since: String(since), entry, name, sex: i % 2 ? "male" : "female", ageGroup: "25_35", organisationId: "", role: "observer" });
  if (!reply) throw new Error(`walk-in ${i}: the page's socket is not open`);
  if (reply.error !== null || (reply.value as { name?: string }).name !== name) throw new Error(`walk-in ${i}: ${reply.error}`);
}

/** How many door pages a burst's known delegates are tapped at. */
const DOOR_PAGES = 10;

/** A known delegate tapped at the door, as its loaded page sends it on its live socket; `expect` is the refusal looked for, if any. */
async function checkInKnown(send: ReturnType<typeof commandSender>, personId: number, since: number, expect: string | null = null): Promise<void> {
  const reply = await send("check-in", { personId: String(personId), since: String(since) });
  if (!reply) throw new Error(`door check-in of ${personId}: the page's socket is not open`);
  if (reply.error !== expect) throw new Error(`door check-in of ${personId}: ${reply.error ?? "recorded"}`);
}

/**
 * A delegate checking herself in as her phone's page does it: the button's post, whose answer
 * says she is on the list (one request); or a redirect to her page, which the phone then reads
 * as a browser does (`GET /arrivee/1.data?_routes=routes%2Farrivee.%24meetingId`, the layout's
 * data not read again after a post): when she is already on it, and for every check-in before
 * this page answered in one request (kept so that figures from before can be measured again).
 */
async function checkInSelf(origin: string, meetingId: number, cookie: string, i: number): Promise<void> {
  const posted = await fetch(`${origin}/arrivee/${meetingId}.data`, { method: "POST", body: new URLSearchParams({ [IDEMPOTENCY_FIELD]: formKey(KEY_SEED, `self${meetingId}`, i) }), headers: { cookie } });
  const answer = await posted.text();
  if (posted.status === 200 && answer.includes("done")) return;
  const target = /"(\/arrivee\/\d+)(?:\?(\w*))?"/.exec(answer);
  if (posted.status !== 202 || !target) throw new Error(`self check-in ${i}: HTTP ${posted.status}`);
  const query = new URLSearchParams(target[2]);
  query.set("_routes", "routes/arrivee.$meetingId");
  const page = await fetch(`${origin}${target[1]}.data?${query}`, { headers: { cookie } });
  await page.text();
  if (page.status !== 200) throw new Error(`self check-in ${i}, the page after: HTTP ${page.status}`);
}

/**
 * N check-ins at the start of a meeting, at a steady pace over `seconds`: a third walk-ins
 * and a third known delegates, each sent from one of the door's pages on its live socket, and
 * a third delegates checking themselves in from their phones (each way timed apart, server CPU
 * per check-in of each). Before, ten
 * untimed ones of each way at another meeting, where the delegates are already on the list
 * (the server's code paths compiled, as at any door).
 */
export async function burst(server: RunningProcess, input: { databasePath: string; spaceId: number; meetingId: number; warmupMeetingId: number; cookie: string; count: number; seconds: number }): Promise<BurstResult> {
  const doorCount = Math.ceil(input.count / 3);
  const knownCount = Math.ceil((input.count - doorCount) / 2);
  const selfCount = input.count - doorCount - knownCount;
  const phones = await selfCheckInPhones(input.databasePath, { spaceId: input.spaceId, meetingId: input.meetingId, count: Math.max(selfCount, 10) });
  const known = doorCandidates(input.databasePath, { spaceId: input.spaceId, meetingId: input.meetingId, count: knownCount });
  // A rush at a big meeting's door: several door pages (laptops, phones) at once, each sending
  // its taps on its live socket (within a socket's budget of commands).
  const doorPages = Array.from({ length: DOOR_PAGES }, () => benchClient(server.url + "/realtime", `meeting:${input.meetingId}:live`, { cookie: input.cookie, presence: false }));
  const warmupPage = benchClient(server.url + "/realtime", `meeting:${input.warmupMeetingId}:live`, { cookie: input.cookie, presence: false });
  await within(Promise.all([...doorPages, warmupPage].map((p) => p.synced)), 10_000, "door pages syncing");
  const doorSends = doorPages.map((p) => commandSender(p.provider));
  // The door's pages hold the rows they were loaded with and those each answer brought: the last
  // of them is the last row recorded before the burst, then one more for each answer received
  // (at any of the pages: close enough for what an answer carries).
  const before = new Database(input.databasePath, { readonly: true });
  const lastRow = (before.prepare("select coalesce(max(id), 0) as id from attendance").get() as { id: number }).id;
  before.close();
  let answered = 0;
  const warmupSend = commandSender(warmupPage.provider);
  for (let i = 0; i < 10; i++) await checkInWalkIn(warmupSend, input.warmupMeetingId, i, lastRow);
  for (let i = 0; i < 10; i++) await checkInSelf(server.url, input.warmupMeetingId, phones[i]!, i);
  // Everyone is on the warm-up meeting's list already: each tap is answered so.
  for (let i = 0; i < 10; i++) await checkInKnown(warmupSend, known[i % known.length]!, lastRow, "attendance.error.alreadyPresent");
  warmupPage.destroy();
  const panel = benchClient(server.url + "/realtime", `meeting:${input.meetingId}:console`, { cookie: input.cookie, presence: false });
  await within(panel.synced, 10_000, "panel syncing");
  const shown = whenDoc(panel.doc, () => panel.doc.getMap("attendance").get("count") === input.count);
  let lastResponse = 0;
  const paced = async (count: number, send: (i: number) => Promise<void>): Promise<BurstWay & { times: number[] }> => {
    const times: number[] = [];
    const cpuBefore = cpuMs(server.pid);
    const requests = Array.from({ length: count }, async (_, i) => {
      await sleep((i * input.seconds * 1000) / input.count);
      const sent = performance.now();
      await send(i);
      lastResponse = performance.now();
      times.push(lastResponse - sent);
    });
    await within(Promise.all(requests), 120_000, "check-in burst");
    return { count, p95: percentile(times, 95), cpuMsPerCheckIn: (cpuMs(server.pid) - cpuBefore) / count, times };
  };
  const cpuBefore = cpuMs(server.pid);
  const started = performance.now();
  const { times: doorTimes, ...door } = await paced(doorCount, async (i) => {
    await checkInWalkIn(doorSends[i % DOOR_PAGES]!, input.meetingId, i, lastRow + answered);
    answered++;
  });
  const { times: knownTimes, ...knownWay } = await paced(knownCount, async (i) => {
    await checkInKnown(doorSends[i % DOOR_PAGES]!, known[i]!, lastRow + answered);
    answered++;
  });
  const { times: selfTimes, ...self } = await paced(selfCount, (i) => checkInSelf(server.url, input.meetingId, phones[i]!, i));
  const panelAt = await within(shown, 30_000, "panel showing the final count");
  const cpuMsPerCheckIn = (cpuMs(server.pid) - cpuBefore) / input.count;
  panel.destroy();
  for (const page of doorPages) page.destroy();
  const db = new Database(input.databasePath, { readonly: true });
  const recorded = (db.prepare("select count(*) as n from attendance where meeting_id = ?").get(input.meetingId) as { n: number }).n;
  db.close();
  const times = [...doorTimes, ...knownTimes, ...selfTimes];
  // run.ts prints the figures over the three ways; each way's own are printed here.
  for (const [way, r] of [["door walk-ins", door], ["known delegates at the door", knownWay], ["self check-ins from phones", self]] as const) {
    console.log(`  burst N=${input.count} ${way}: ${r.count}, response p95 ${r.p95.toFixed(1)} ms, server CPU per check-in ${r.cpuMsPerCheckIn.toFixed(2)} ms`);
  }
  return { recorded, p95: percentile(times, 95), max: Math.max(...times), panelMs: panelAt - started, panelLagMs: Math.max(0, panelAt - lastResponse), cpuMsPerCheckIn, door, known: knownWay, self };
}

export interface MinutesResult {
  converged: boolean;
  persistedIdentical: boolean;
  edits: number;
  p95: number;
  length: number;
}

/** Editors typing into the minutes at once; every edit timed until each other editor has it. */
export async function minutes(server: RunningProcess, input: { databasePath: string; meetingId: number; cookie: string; editors: number; perSecond: number; seconds: number }): Promise<MinutesResult> {
  const name = `meeting:${input.meetingId}:minutes`;
  const editors = Array.from({ length: input.editors }, () => benchClient(server.url + "/realtime", name, { cookie: input.cookie, presence: true }));
  await within(Promise.all(editors.map((e) => e.synced)), 20_000, "editors syncing");
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  for (const editor of editors) {
    editor.doc.getText("body").observe((event, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== "string") continue;
        for (const match of op.insert.matchAll(/⟨(\d+-\d+)⟩/g)) latencies.push(now - sentAt.get(match[1]!)!);
      }
    });
  }
  const rounds = input.perSecond * input.seconds;
  await Promise.all(
    editors.map(async (editor, e) => {
      // Editors start out of step, as people do.
      await sleep((e * 1000) / input.perSecond / input.editors);
      const text = editor.doc.getText("body");
      for (let k = 0; k < rounds; k++) {
        const id = `${e}-${k}`;
        sentAt.set(id, performance.now());
        text.insert(Math.floor(Math.random() * (text.length + 1)), ` ⟨${id}⟩`);
        await sleep(1000 / input.perSecond);
      }
    }),
  );
  const texts = () => editors.map((e) => e.doc.getText("body").toString());
  let converged = true;
  try {
    await within(
      (async () => {
        while (new Set(texts()).size !== 1) await sleep(50);
      })(),
      15_000,
      "minutes converging",
    );
  } catch {
    converged = false;
  }
  const final = texts()[0]!;
  for (const editor of editors) editor.destroy();
  // What a restart would load: the stored rows of the document, merged.
  const db = new Database(input.databasePath, { readonly: true });
  const rows = db.prepare("select \"update\" from document_updates where doc_name = ? order by id").all(name) as { update: Buffer }[];
  db.close();
  const stored = new Y.Doc();
  if (rows.length) Y.applyUpdate(stored, Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update))));
  return {
    converged,
    persistedIdentical: stored.getText("body").toString() === final,
    edits: rounds * input.editors,
    p95: percentile(latencies, 95),
    length: final.length,
  };
}

export interface MemoryResult {
  rssBeforeMb: number;
  rssOpenMb: number;
  rssAfterMb: number;
  kbPerOpenDocument: number;
  openAfterClose: number | null;
}

/** Opens `names.length` documents (one client each, in batches), then closes them all. */
export async function memory(server: RunningProcess, names: readonly string[], cookie: string | undefined, openDocuments: (() => Promise<number>) | null): Promise<MemoryResult> {
  await sleep(500);
  const before = rssBytes(server.pid);
  const clients: BenchClient[] = [];
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100).map((name) => benchClient(server.url + "/realtime", name, { cookie, presence: false }));
    await within(Promise.all(batch.map((c) => c.synced)), 30_000, "documents opening");
    clients.push(...batch);
  }
  await sleep(1_000);
  const open = rssBytes(server.pid);
  for (const client of clients) client.destroy();
  let openAfterClose: number | null = null;
  if (openDocuments) {
    const deadline = performance.now() + 10_000;
    while ((openAfterClose = await openDocuments()) > 0 && performance.now() < deadline) await sleep(100);
  }
  await sleep(1_000);
  const after = rssBytes(server.pid);
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return { rssBeforeMb: mb(before), rssOpenMb: mb(open), rssAfterMb: mb(after), kbPerOpenDocument: Math.round((open - before) / names.length / 102.4) / 10, openAfterClose };
}

/**
 * HTTP requests this process makes (it is the only client of the servers): `fetch`, and
 * `http.request`, which a WebSocket that reconnects would also go through for its upgrade.
 */
let httpRequests = 0;
const plainFetch = globalThis.fetch;
globalThis.fetch = (...args: Parameters<typeof fetch>) => (httpRequests++, plainFetch(...args));
const plainRequest = http.request;
(http as { request: typeof http.request }).request = ((...args: Parameters<typeof http.request>) => (httpRequests++, plainRequest(...args))) as typeof http.request;

export interface VoteResult {
  /** From the database after the burst: the poll's counters, and the voters marked as having voted. */
  counted: number;
  votersMarked: number;
  refused: number;
  p50: number;
  p95: number;
  max: number;
  /** From the last ballot's answer until every phone and the screen show the final count. */
  shownAfterLastMs: number;
  /** From the first ballot until every phone and the screen show the final count. */
  shownAfterFirstMs: number;
  httpRequests: number;
  cpuMsPerBallot: number;
}

const CHOICES = ["yes", "no", "abstain", "yes"] as const;
const roomPoll = (client: BenchClient) => client.doc.getMap("vote").get("poll") as RoomPoll | null | undefined;

/**
 * N phones, each following the meeting's live document, cast one ballot each within
 * `seconds`, as the phone page does: the `ballot` command on that document's socket. The
 * shared screen follows the same document by its link. Timed: each ballot's answer, and
 * until every phone and the screen show that N have voted.
 */
export async function voteBurst(server: RunningProcess, input: { databasePath: string; meetingId: number; pollId: number; cookies: readonly string[]; screenToken: string; seconds: number }): Promise<VoteResult> {
  const n = input.cookies.length;
  const name = `meeting:${input.meetingId}:live`;
  const phones = input.cookies.map((cookie) => benchClient(server.url + "/realtime", name, { cookie, presence: false }));
  const screen = benchClient(server.url + "/realtime", name, { presence: false, params: { ecran: input.screenToken } });
  const followers = [...phones, screen];
  await within(Promise.all(followers.map((c) => c.synced)), 60_000, `${n} phones and the screen syncing`);
  await within(Promise.all(followers.map((c) => whenDoc(c.doc, () => roomPoll(c)?.id === input.pollId))), 10_000, "the open poll on every screen");
  const senders = phones.map((p) => commandSender(p.provider));
  // Warm-up, untimed and counting nothing: each phone asks for its own ballot, as the page does when a poll opens.
  await within(Promise.all(senders.map((send) => send("ballot-status", {}))), 30_000, "ballot status");
  await sleep(500);

  const shown = followers.map((c) => whenDoc(c.doc, () => roomPoll(c)?.votedByPhone === n));
  const times: number[] = [];
  let refused = 0;
  let firstSent = Infinity;
  let lastAnswer = 0;
  const requestsBefore = httpRequests;
  const cpuBefore = cpuMs(server.pid);
  await within(
    Promise.all(
      senders.map(async (send, i) => {
        await sleep((i * input.seconds * 1000) / n);
        const sent = performance.now();
        firstSent = Math.min(firstSent, sent);
        const reply = await send("ballot", { pollId: String(input.pollId), choice: CHOICES[i % CHOICES.length]! });
        if (!reply) throw new Error(`phone ${i}: socket not open`);
        const answered = performance.now();
        times.push(answered - sent);
        lastAnswer = Math.max(lastAnswer, answered);
        if (reply.error !== null) refused++;
      }),
    ),
    30_000,
    "ballot burst",
  );
  const shownAt = Math.max(...(await within(Promise.all(shown), 30_000, "the final count on every phone and the screen")));
  const requests = httpRequests - requestsBefore;
  const cpuMsPerBallot = (cpuMs(server.pid) - cpuBefore) / n;
  for (const c of followers) c.destroy();

  const db = new Database(input.databasePath, { readonly: true });
  const counted = db.prepare("select phone_yes + phone_no + phone_abstain from polls where id = ?").pluck().get(input.pollId) as number;
  const votersMarked = db.prepare("select count(*) from poll_voters where poll_id = ? and voted = 1").pluck().get(input.pollId) as number;
  db.close();
  return {
    counted,
    votersMarked,
    refused,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
    shownAfterLastMs: Math.max(0, shownAt - lastAnswer),
    shownAfterFirstMs: shownAt - firstSent,
    httpRequests: requests,
    cpuMsPerBallot,
  };
}

/**
 * The reference pattern: N phones and a screen in one shared document on the plain
 * y-websocket server; each phone writes its ballot as an entry of a Y.Map, at the same pace.
 * Timed until every client sees N entries.
 */
export async function referenceVoteBurst(server: RunningProcess, phones: number, seconds: number): Promise<{ shownAfterLastMs: number; shownAfterFirstMs: number }> {
  const clients = Array.from({ length: phones + 1 }, () => benchClient(server.url + "/realtime", "vote-burst", { presence: false }));
  await within(Promise.all(clients.map((c) => c.synced)), 60_000, "reference clients syncing");
  const ballots = (c: BenchClient) => c.doc.getMap("ballots");
  const shown = clients.map((c) => whenDoc(c.doc, () => ballots(c).size === phones));
  let firstWrite = Infinity;
  let lastWrite = 0;
  await Promise.all(
    clients.slice(0, phones).map(async (c, i) => {
      await sleep((i * seconds * 1000) / phones);
      const at = performance.now();
      firstWrite = Math.min(firstWrite, at);
      ballots(c).set(String(c.doc.clientID), CHOICES[i % CHOICES.length]!);
      lastWrite = Math.max(lastWrite, at);
    }),
  );
  const shownAt = Math.max(...(await within(Promise.all(shown), 30_000, "reference: every client seeing every ballot")));
  for (const c of clients) c.destroy();
  return { shownAfterLastMs: shownAt - lastWrite, shownAfterFirstMs: shownAt - firstWrite };
}
