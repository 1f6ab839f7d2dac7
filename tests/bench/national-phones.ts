/**
 * The national day's phones, in a worker process of their own (forked by national.ts, pinned
 * to the phones' core): each joins its meeting's live document at its time, records every
 * change of the current item it shows (time stamped on receipt), checks itself in from its
 * phone if it arrives that way, and casts its ballot if its meeting votes. Times are read
 * from the clock every process of the bench shares (`clock`), so the bench compares them
 * with its own. On "finish" it sends what it saw and closes its phones.
 */
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { commandSender } from "../../app/components/realtime.client";
import type { RoomPoll } from "../../app/modules/live/projections";
import { benchClient, sleep, whenDoc, within, type BenchClient } from "./clients";
import { clock, keyedPost, LOOP_RESOLUTION_MS, type PhonesInput, type PhonesResult } from "./national-plan";

const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
/** This process's garbage-collection pauses, from start to end on the shared clock: every phone of its meetings waits through them. */
const gcPauses: [number, number][] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcPauses.push([performance.timeOrigin + entry.startTime, performance.timeOrigin + entry.startTime + entry.duration]);
});

interface Phone {
  client: BenchClient | null;
  syncedAt: number | null;
  /** Each change of the current item this phone showed: the item and when. */
  shown: [number, number][];
}

const CHOICES = ["yes", "no", "abstain", "yes"] as const;
const itemOf = (client: BenchClient) => (client.doc.getMap("live").get("item") as { id: number } | null | undefined)?.id ?? -1;
const pollOf = (client: BenchClient) => client.doc.getMap("vote").get("poll") as RoomPoll | null | undefined;
const until = (at: number) => sleep(Math.max(0, at - clock()));

let phones: Phone[][] = [];
const selfTimes: number[] = [];
const ballotTimes: number[] = [];
const counts = { reconnects: 0, retries: 0, selfSent: 0, selfFailed: 0, selfGaveUp: 0, ballotsSent: 0, ballotsRefused: 0, ballotsUnsent: 0 };
/** The first few of what went wrong, each said once. */
const problems = new Set<string>();
const problem = (what: string, error: unknown) => problems.size < 10 && problems.add(`${what}: ${error instanceof Error ? error.message : String(error)}`);
let tasks: Promise<unknown> = Promise.resolve();
let cpuBefore = process.cpuUsage();

/** A phone opens its meeting's live document, and notes each item it shows from then on. */
async function join(input: PhonesInput, meetingId: number, cookie: string, phone: Phone): Promise<void> {
  const client = benchClient(input.url + "/realtime", `meeting:${meetingId}:live`, { cookie, presence: false });
  phone.client = client;
  client.provider.on("connection-close", () => counts.reconnects++);
  let last: number | null = null;
  client.doc.on("update", () => {
    const item = itemOf(client);
    if (item !== last) phone.shown.push([(last = item), clock()]);
  });
  // However late: the day's figures say how many had synced by its end, and how long it took them.
  void client.synced.then(() => (phone.syncedAt = clock()));
}

/** The self check-in button's post as the loaded page sends it (its form's key included), and the page it is sent to when she was already on the list. */
async function checkInSelf(input: PhonesInput, meetingId: number, cookie: string, key: string): Promise<void> {
  counts.selfSent++;
  const sent = clock();
  try {
    const path = `${input.url}/arrivee/${meetingId}`;
    const posted = await keyedPost(`${path}.data`, new URLSearchParams({ _cle: key }), cookie, () => counts.retries++);
    // The page's answer says she is on the list: one request, the page reads nothing more.
    if (posted.status === 200 && posted.text.includes("done")) {
      selfTimes.push(clock() - sent);
      return;
    }
    // Already on the list (a post sent again after its answer was lost): her page, read again.
    if (posted.status !== 202 || posted.location !== `/arrivee/${meetingId}?ok`) throw new Error(`HTTP ${posted.status} to ${posted.location}`);
    const page = await fetch(`${path}.data?ok`, { headers: { cookie } });
    await page.text();
    if (page.status !== 200) throw new Error(`HTTP ${page.status}`);
    selfTimes.push(clock() - sent);
  } catch (error) {
    counts.selfFailed++;
    if (error instanceof TypeError) counts.selfGaveUp++;
    problem("self check-in", error);
  }
}

/** Once the poll is open on the phone, it asks whether it may vote (as the page does), then votes at its time. */
async function vote(input: PhonesInput, phone: Phone, ballotAt: number, choice: string): Promise<void> {
  await until(input.voteOpensAt);
  let send: ReturnType<typeof commandSender>;
  let client: BenchClient;
  try {
    const deadline = clock() + input.syncTimeoutMs;
    while ((!phone.client || phone.syncedAt === null) && clock() < deadline) await sleep(100);
    if (!phone.client || phone.syncedAt === null) throw new Error("phone not synced before its vote");
    client = phone.client;
    await within(
      whenDoc(client.doc, () => pollOf(client)?.state === "open"),
      input.syncTimeoutMs,
      "the open poll on the phone",
    );
    send = commandSender(client.provider);
    await send("ballot-status", {});
  } catch (error) {
    counts.ballotsUnsent++;
    problem("ballot not sent", error);
    return;
  }
  try {
    await until(ballotAt);
    const sent = clock();
    counts.ballotsSent++;
    const reply = await send("ballot", { pollId: String(pollOf(client)!.id), choice });
    ballotTimes.push(clock() - sent);
    if (!reply || reply.error !== null) {
      counts.ballotsRefused++;
      problem("ballot", reply ? reply.error : "socket not open");
    }
  } catch (error) {
    counts.ballotsRefused++;
    problem("ballot", error);
  }
}

function start(input: PhonesInput): void {
  loopDelay.enable();
  gcObserver.observe({ entryTypes: ["gc"] });
  cpuBefore = process.cpuUsage();
  phones = input.meetings.map((m) => m.phones.map(() => ({ client: null, syncedAt: null, shown: [] })));
  const all: Promise<void>[] = [];
  input.meetings.forEach((meeting, m) =>
    meeting.phones.forEach((plan, p) => {
      const phone = phones[m]![p]!;
      all.push(until(plan.joinAt).then(() => join(input, meeting.meetingId, plan.cookie, phone)));
      if (plan.selfAt !== null) all.push(until(plan.selfAt).then(() => checkInSelf(input, meeting.meetingId, plan.cookie, `natphone${meeting.meetingId}x${p}.arrivee.0`)));
      if (plan.ballotAt !== null) all.push(vote(input, phone, plan.ballotAt, CHOICES[p % CHOICES.length]!));
    }),
  );
  tasks = Promise.all(all);
}

async function finish(timeoutMs: number): Promise<PhonesResult> {
  let unfinished = false;
  await within(tasks, timeoutMs, "the phones' day").catch(() => (unfinished = true));
  loopDelay.disable();
  gcObserver.disconnect();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    phones: phones.map((list) => list.map((p) => ({ syncedAt: p.syncedAt, shown: p.shown, bytes: p.client?.received() ?? 0 }))),
    selfTimes,
    ballotTimes,
    ...counts,
    problems: [...problems],
    unfinished,
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcPauses,
  };
}

process.on("message", (message: { type: "start"; input: PhonesInput } | { type: "finish"; timeoutMs: number }) => {
  if (message.type === "start") {
    start(message.input);
    process.send!({ type: "started" });
  } else {
    void finish(message.timeoutMs).then((result) => {
      for (const list of phones) for (const p of list) p.client?.destroy();
      process.send!({ type: "result", result }, () => process.exit(0));
    });
  }
});

process.send!({ type: "loaded" });
