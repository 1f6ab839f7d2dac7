/**
 * The national day (issue 16): 50 meetings in 50 commune spaces at once against one
 * production server, 200 phones each. This process is the facilitators (consoles, doors,
 * polls) and the observer (server CPU, memory, event-loop delay, the database afterwards);
 * the phones run in worker processes (national-phones.ts). See tests/bench/README.md.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import { commandSender } from "../../app/components/realtime.client";
import { ROOT } from "../setup/root";
import { tempDir } from "../setup/temp-dir";
import { benchClient, sleep, whenDoc, within, type BenchClient } from "./clients";
import { clock, DAY, fanoutBesidePhonePauses, fanoutFigures, fanoutP95Between, keyedPost, LOOP_RESOLUTION_MS, planDay, random, type MeetingPlan, type PhonesInput, type PhonesResult, type SentChange } from "./national-plan";
import type { Row } from "./report";
import { seedNational } from "./seed-national";
import { pin, startOurs, type RunningProcess } from "./servers";
import { coreBusyPercent, coreTicks, cpuMs, mean, percentile, rssBytes } from "./stats";

export const NATIONAL = { meetings: 50, phones: 200, rush: 50, workers: 5 } as const;

/**
 * The server's main thread (its event loop) so far, from the scheduler (ms): the CPU it used,
 * and how long it waited, runnable, for its core — behind the server's own other threads
 * (garbage collection, file system) or other processes on that core.
 */
function mainThread(pids: readonly number[]): { cpuMs: number; waitMs: number } {
  let cpuMs = 0;
  let waitMs = 0;
  for (const pid of pids) {
    const [cpu, wait] = readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ").map(Number);
    cpuMs += cpu! / 1e6;
    waitMs += wait! / 1e6;
  }
  return { cpuMs, waitMs };
}

/** The server's processes together: CPU (ms) and resident memory (bytes). */
const serverCpuMs = (server: RunningProcess) => server.pids.reduce((n, pid) => n + cpuMs(pid), 0);
const serverRss = (server: RunningProcess) => server.pids.reduce((n, pid) => n + rssBytes(pid), 0);

const until = (at: number) => sleep(Math.max(0, at - clock()));

/** The next message of `type` from a worker, within `ms`. */
function message<T>(child: ChildProcess, type: string, ms: number): Promise<T> {
  return within(
    new Promise<T>((resolve, reject) => {
      const listener = (m: { type: string; result?: T }) => {
        if (m.type !== type) return;
        child.off("message", listener);
        resolve(m.result as T);
      };
      child.on("message", listener);
      child.once("exit", (code) => reject(new Error(`phone worker exited with ${code}`)));
    }),
    ms,
    `phone worker: ${type}`,
  );
}

/**
 * How late the server's event loop ran since its previous reading (its /healthz, read from
 * this machine): of several serving processes, the latest of them.
 */
async function serverLoopDelay(server: RunningProcess, processes: number): Promise<{ p99Ms: number; maxMs: number }> {
  const readings = await Promise.all(
    Array.from({ length: processes }, async (_, index) => {
      // A connection of its own: one kept alive may be another process's.
      const answer = await new Promise<string>((resolve, reject) => {
        get(server.url + (processes > 1 ? `/healthz?process=${index}` : "/healthz"), { agent: false }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk));
          res.on("end", () => resolve(body));
        }).on("error", reject);
      });
      const health = JSON.parse(answer) as { process?: number; eventLoopDelay?: { p99Ms: number; maxMs: number } };
      if (!health.eventLoopDelay || (processes > 1 && health.process !== index)) throw new Error("/healthz gives no event-loop delay");
      return health.eventLoopDelay;
    }),
  );
  return { p99Ms: Math.max(...readings.map((r) => r.p99Ms)), maxMs: Math.max(...readings.map((r) => r.maxMs)) };
}

/** A door's check-in page: its live socket's commands, and the last row of the list it shows. */
interface Door {
  send: ReturnType<typeof commandSender>;
  since: number;
}

/**
 * The door's check-in of a delegate on its list, as the loaded check-in page sends it: on the
 * page's live socket when it is open (the answer holds the rows after the page's last one, which
 * the page then shows), the form's post otherwise (with its key, sent again after a network failure).
 */
async function doorCheckIn(server: RunningProcess, plan: MeetingPlan, door: Door, personId: number, onRetry: () => void): Promise<"socket" | "post"> {
  const { spaceId, meetingId, facilitatorCookie } = plan.meeting;
  const input = { personId: String(personId), since: String(door.since) };
  const reply = await door.send("check-in", input);
  if (reply) {
    // No answer within 5 s: the page says so, and the list shows whether she is on it.
    if (reply.error) throw new Error(`door check-in: ${reply.error}`);
    door.since = Math.max(door.since, ...(reply.value as { change: { rows: { id: number }[] } }).change.rows.map((r) => r.id));
    return "socket";
  }
  const body = new URLSearchParams({ intent: "known", ...input, _cle: `nat${meetingId}door.p${personId}.0` });
  const answer = await keyedPost(`${server.url}/espaces/${spaceId}/reunions/${meetingId}/presences.data`, body, facilitatorCookie, onRetry);
  if (answer.status !== 200 || !answer.text.includes("attendance.checkedIn")) throw new Error(`door check-in: HTTP ${answer.status}`);
  return "post";
}

/** The console's poll form, as the facilitator sends it: a secret ballot on phones. */
async function openPoll(server: RunningProcess, plan: MeetingPlan): Promise<void> {
  const { spaceId, meetingId, facilitatorCookie } = plan.meeting;
  const body = new URLSearchParams({ intent: "poll-open", question: "Èske n dakò ak plan dlo a?", motionId: "", method: "secret", majority: "simple", presenceQuorumPercent: "", turnoutQuorumPercent: "", countdownMinutes: "", _cle: `nat${meetingId}console.poll.0` });
  const response = await fetch(`${server.url}/espaces/${spaceId}/reunions/${meetingId}/console.data`, { method: "POST", body, headers: { cookie: facilitatorCookie } });
  const answer = await response.text();
  if (response.status !== 200 || !answer.includes("polls.done.opened")) throw new Error(`poll not opened: HTTP ${response.status} ${answer.slice(0, 200)}`);
}

export async function nationalPhase(add: (row: Row) => void, size: { meetings: number; phones: number; rush: number; workers: number } = NATIONAL, processes = 1, spread = false): Promise<void> {
  const phoneCount = size.meetings * size.phones;
  console.log(`\nNational day: ${size.meetings} meetings × ${size.phones} phones, ${size.workers} phone workers, the server in ${processes} process${processes > 1 ? "es" : ""}${spread ? ", one per core" : ""}`);
  const dir = tempDir("makon-bench-");
  const databasePath = join(dir.path, "makon.db");
  const seedStarted = performance.now();
  const meetings = await seedNational(databasePath, size);
  console.log(`  seeded in ${Math.round((performance.now() - seedStarted) / 1000)} s`);
  const server = await startOurs(databasePath, processes, spread);
  // The server's last words, should it stop in the middle of the day.
  let serverOutput = "";
  server.child.stderr!.on("data", (chunk: Buffer) => (serverOutput = (serverOutput + chunk.toString()).slice(-4_000)));
  let stopping = false;
  server.child.once("exit", (code, signal) => {
    if (!stopping) console.error(`  the server stopped (${code ?? signal}) during the national day:\n${serverOutput}`);
  });
  const workers: ChildProcess[] = [];
  const consoles: BenchClient[] = [];
  const panels: BenchClient[] = [];
  const doorPages: BenchClient[] = [];
  let sampler: NodeJS.Timeout | undefined;
  let progress: NodeJS.Timeout | undefined;
  try {
    for (let w = 0; w < size.workers; w++) {
      const child = fork(join(ROOT, "tests/bench/national-phones.ts"), { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      pin(child.pid!, 1);
      workers.push(child);
    }
    await Promise.all(workers.map((w) => message(w, "loaded", 30_000)));
    // The facilitators are there first: each meeting's console, and the live panel where those that vote watch arrivals.
    for (const m of meetings) consoles.push(benchClient(server.url + "/realtime", `meeting:${m.meetingId}:console`, { cookie: m.facilitatorCookie, presence: false }));
    // Each meeting's door: its check-in page, open on the list as it was before the day (its last row), following the live figures on its socket.
    for (const m of meetings) doorPages.push(benchClient(server.url + "/realtime", `meeting:${m.meetingId}:live`, { cookie: m.facilitatorCookie, presence: false }));
    await within(Promise.all([...consoles, ...doorPages].map((c) => c.synced)), 30_000, "the consoles and doors syncing");
    const doors = meetings.map((m, i): Door => ({ send: commandSender(doorPages[i]!.provider), since: m.lastRowId }));

    const t0 = clock() + 2_000;
    const plans = planDay(meetings, t0);
    for (const plan of plans.filter((p) => p.votes)) panels.push(benchClient(server.url + "/realtime", `meeting:${plan.meeting.meetingId}:console`, { cookie: plan.meeting.facilitatorCookie, presence: false }));
    // Whole meetings to each worker: a meeting's phones share one process, as they share one fan-out.
    const perWorker = Math.ceil(plans.length / size.workers);
    const slices = workers.map((_, w) => plans.slice(w * perWorker, (w + 1) * perWorker));
    const voteOpensAt = t0 + DAY.voteAtMs;
    workers.forEach((worker, w) => {
      const input: PhonesInput = { url: server.url, meetings: slices[w]!.map((p) => ({ meetingId: p.meeting.meetingId, phones: p.phones })), voteOpensAt, syncTimeoutMs: 60_000 };
      worker.send({ type: "start", input });
    });

    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    await until(t0);
    await serverLoopDelay(server, processes);
    loopDelay.enable();
    const cpuStart = serverCpuMs(server);
    const primaryCpuStart = cpuMs(server.pid);
    const threadStart = mainThread(server.pids);
    const ownCpuStart = process.cpuUsage();
    let rssPeak = serverRss(server);
    let busiestSecondMs = 0;
    let lastCpu = cpuStart;
    // The cores' time at the start, once the first minute is over, and at the end (see the rows).
    const cores: ReturnType<typeof coreTicks>[] = [];
    sampler = setInterval(() => {
      const at = clock() - t0;
      if ((cores.length === 0 && at >= 0) || (cores.length === 1 && at >= DAY.joinMs)) cores.push(coreTicks());
      rssPeak = Math.max(rssPeak, serverRss(server));
      const now = serverCpuMs(server);
      busiestSecondMs = Math.max(busiestSecondMs, now - lastCpu);
      lastCpu = now;
    }, 1_000);
    progress = setInterval(() => console.log(`  ${Math.round((clock() - t0) / 1000)} s: server CPU ${Math.round(serverCpuMs(server) - cpuStart)} ms so far, its event loop waiting for the core ${Math.round(mainThread(server.pids).waitMs - threadStart.waitMs)} ms, RSS ${Math.round(serverRss(server) / 2 ** 20)} MB`), 30_000);

    /** What went wrong, said after the table (the first few of each). */
    const problems: string[] = [];
    const doorTimes: number[] = [];
    let doorFailed = 0;
    /** Door check-ins the page had to post, its socket not open. */
    let doorPosts = 0;
    let doorRetries = 0;
    /** Check-ins whose four sends all failed on the network (fetch's TypeError): they never reached the list. */
    let gaveUp = 0;
    const doorDone = new Map<number, Promise<unknown>>();
    plans.forEach((plan, m) => {
      const all = plan.door.map(async ({ personId, at }) => {
        await until(at);
        const sent = clock();
        try {
          if ((await doorCheckIn(server, plan, doors[m]!, personId, () => doorRetries++)) === "post") doorPosts++;
          doorTimes.push(clock() - sent);
        } catch (error) {
          doorFailed++;
          if (error instanceof TypeError) gaveUp++;
          problems.push(`door: ${String(error)}`);
        }
      });
      doorDone.set(plan.meeting.meetingId, Promise.all(all));
    });

    const jitter = random(16);
    const changes: SentChange[][] = plans.map(() => []);
    let changesRefused = 0;
    let changesUnanswered = 0;
    const changeAnswers: { sentAt: number; ms: number }[] = [];
    const changing = plans.map(async (plan, m) => {
      const send = commandSender(consoles[m]!.provider);
      const items = plan.meeting.agendaItemIds;
      let at = plan.startsAt + DAY.firstChangeAfterMs;
      for (let k = 1; at < t0 + DAY.changesUntilMs; k++) {
        await until(at);
        const itemId = items[k % items.length]!;
        const sentAt = clock();
        const reply = await send("console", { intent: "item", itemId: String(itemId) });
        changeAnswers.push({ sentAt, ms: clock() - sentAt });
        // A change left without an answer within the console's 5 s may still have been applied: the phones say whether it was.
        if (reply?.error === "live.error.noReply") changesUnanswered++;
        if (!reply || (reply.error !== null && reply.error !== "live.error.noReply")) changesRefused++;
        else changes[m]!.push({ itemId, sentAt });
        at += DAY.changeEveryMs[0] + jitter() * (DAY.changeEveryMs[1] - DAY.changeEveryMs[0]);
      }
    });

    let pollsOpened = 0;
    const voting = plans
      .filter((p) => p.votes)
      .map(async (plan, v) => {
        await until(voteOpensAt + v * 100);
        // The facilitator opens the vote once everyone is on the list: the poll's voters are those present when it opens.
        await doorDone.get(plan.meeting.meetingId);
        const panel = panels[v]!;
        const present = () => panel.doc.getMap("attendance").get("count");
        await within(whenDoc(panel.doc, () => present() === plan.meeting.phones.length), 60_000, "").catch(() => problems.push(`meeting ${plan.meeting.meetingId}: ${String(present())} present when its poll opened`));
        try {
          await openPoll(server, plan);
          pollsOpened++;
        } catch (error) {
          problems.push(`meeting ${plan.meeting.meetingId}: ${String(error)}`);
        }
      });

    await within(Promise.all([...doorDone.values(), ...changing, ...voting]), DAY.changesUntilMs + 120_000, "the facilitators' day");
    const results = await Promise.all(
      workers.map((w) => {
        const result = message<PhonesResult>(w, "result", 120_000);
        w.send({ type: "finish", timeoutMs: 60_000 });
        return result;
      }),
    );
    const dayMs = clock() - t0;
    cores.push(coreTicks());
    clearInterval(sampler);
    clearInterval(progress);
    const serverCpu = serverCpuMs(server) - cpuStart;
    const primaryCpu = cpuMs(server.pid) - primaryCpuStart;
    const thread = mainThread(server.pids);
    rssPeak = Math.max(rssPeak, serverRss(server));
    const serverLoop = await serverLoopDelay(server, processes);
    loopDelay.disable();
    const ownCpu = process.cpuUsage(ownCpuStart);
    stopping = true;
    await server.stop();

    const ids = meetings.map((m) => m.meetingId);
    const db = new Database(databasePath, { readonly: true });
    const attendanceRows = db.prepare(`select count(*) from attendance where meeting_id in (${ids.join(",")})`).pluck().get() as number;
    const ballots = db.prepare(`select coalesce(sum(phone_yes + phone_no + phone_abstain), 0) from polls where meeting_id in (${ids.join(",")})`).pluck().get() as number;
    db.close();

    // What each worker saw, put back in the order of the plans.
    const shown = results.flatMap((r) => r.phones);
    const fanout = fanoutFigures(changes, shown);
    const phones = shown.flat();
    const before = meetings.reduce((n, m) => n + m.phones.filter((p) => p.arrival === "before").length, 0);
    const checkInsSent = doorTimes.length + doorFailed + results.reduce((n, r) => n + r.selfSent, 0);
    const selfTimes = results.flatMap((r) => r.selfTimes);
    const ballotTimes = results.flatMap((r) => r.ballotTimes);
    const joinTimes = plans.flatMap((plan, m) => plan.phones.map((p, i) => (shown[m]![i]!.syncedAt ?? Infinity) - p.joinAt)).filter(Number.isFinite);
    const daySeconds = dayMs / 1000;
    const clientCpuMs = (ownCpu.user + ownCpu.system) / 1000 + results.reduce((n, r) => n + r.cpuMs, 0);
    const part = processes > 1 ? `national, ${processes} processes${spread ? ", one per core" : ""}` : "national";
    const row = (metric: string, ours: number | boolean, target?: Row["target"]) => add({ part, n: phoneCount, metric, ours, target });

    row("phones synced", phones.filter((p) => p.syncedAt !== null).length, { equals: phoneCount });
    row("phone join: until synced, p95 (ms)", percentile(joinTimes, 95));
    row("live changes sent (console, every 3-5 s per meeting)", fanout.perChange.length + fanout.missed + changesRefused);
    row("live changes refused", changesRefused, { equals: 0 });
    row("live changes the console had no answer for within 5 s", changesUnanswered, { equals: 0 });
    row("live changes some synced phone did not show before the same item was sent again", fanout.missed, { equals: 0 });
    row("fan-out to every phone of the meeting, p50 (ms)", percentile(fanout.perChange, 50));
    row("fan-out to every phone of the meeting, p95 (ms)", percentile(fanout.perChange, 95), { max: 100 });
    row("fan-out to every phone of the meeting, max (ms)", Math.max(...fanout.perChange));
    // When the slow ones happen: while phones join and meetings start, while they meet, while ten of them vote.
    row("fan-out p95, changes sent 0-60 s (phones joining, check-in rushes)", fanoutP95Between(fanout, t0, 0, DAY.joinMs));
    row("fan-out p95, changes sent 60-90 s", fanoutP95Between(fanout, t0, DAY.joinMs, DAY.voteAtMs));
    row("fan-out p95, changes sent 90-150 s (ten meetings voting)", fanoutP95Between(fanout, t0, DAY.voteAtMs, DAY.changesUntilMs));
    row("fan-out to one phone, p95 (ms)", percentile(fanout.perPhone, 95));
    // Where a change's time goes: the server answers the console once it has sent the change to
    // every phone, so the answer bounds the server's part (plus this process's own lag).
    const firstMinute = (at: number) => at - t0 < DAY.joinMs;
    row("fan-out to the first phone of the meeting, p95 (ms)", percentile(fanout.firstPerChange, 95));
    row("fan-out to the first phone, p95, changes sent 0-60 s", percentile(fanout.firstPerChange.filter((_, i) => firstMinute(fanout.sentAt[i]!)), 95));
    row("the console's answer to a change (sent once every phone was sent it), p95 (ms)", percentile(changeAnswers.map((a) => a.ms), 95));
    row("the console's answer, p95, changes sent 0-60 s", percentile(changeAnswers.filter((a) => firstMinute(a.sentAt)).map((a) => a.ms), 95));
    row("the console's answer, p95, changes sent 60-150 s", percentile(changeAnswers.filter((a) => !firstMinute(a.sentAt)).map((a) => a.ms), 95));
    // What the simulated phones' own pauses add (tests/bench/README.md, "How the figures stay fair").
    const pauses = results.flatMap((r) => r.gcPauses.map(([start, end]) => end - start));
    const besidePauses = fanoutBesidePhonePauses(fanout, (m) => results[Math.floor(m / perWorker)]!.gcPauses);
    row("phones' processes: garbage-collection pauses, whole day (ms, all processes)", pauses.reduce((a, b) => a + b, 0));
    row("phones' processes: longest garbage-collection pause (ms)", Math.max(0, ...pauses));
    row("live changes during which their phones' process paused for garbage collection", besidePauses.paused);
    row("fan-out p95 of the other changes (ms)", besidePauses.p95);
    row("check-ins sent (door + self)", checkInsSent);
    row("check-ins recorded (database)", attendanceRows - before, { equals: checkInsSent });
    row("check-in posts sent again after a network failure", doorRetries + results.reduce((n, r) => n + r.retries, 0));
    row("check-ins given up after four failed sends", gaveUp + results.reduce((n, r) => n + r.selfGaveUp, 0), { equals: 0 });
    row("door check-ins posted (the door page's socket not open)", doorPosts);
    row("door check-in answer p95 (ms)", percentile(doorTimes, 95));
    row("self check-in, post and page, p95 (ms)", percentile(selfTimes, 95));
    row("polls opened", pollsOpened, { equals: plans.filter((p) => p.votes).length });
    row("ballots sent", results.reduce((n, r) => n + r.ballotsSent, 0));
    row("ballots recorded (poll counters, database)", ballots, { equals: results.reduce((n, r) => n + r.ballotsSent, 0) });
    row("ballots refused or unanswered", results.reduce((n, r) => n + r.ballotsRefused, 0), { equals: 0 });
    row("voting phones that could not vote (not synced, or no poll shown, in 60 s)", results.reduce((n, r) => n + r.ballotsUnsent, 0), { equals: 0 });
    row("ballot answer p95 (ms)", percentile(ballotTimes, 95));
    row("server CPU (ms per s)", serverCpu / daySeconds);
    row("server CPU, busiest second (ms)", busiestSecondMs);
    row("server CPU, whole day (s)", serverCpu / 1000);
    if (processes > 1) row("of which the primary: routing connections, relaying events (s)", primaryCpu / 1000);
    row("server CPU of its main thread (the event loop), whole day (s)", (thread.cpuMs - threadStart.cpuMs) / 1000);
    row("server main thread runnable but waiting for its core, whole day (s)", (thread.waitMs - threadStart.waitMs) / 1000);
    row("server RSS peak (MB)", rssPeak / 2 ** 20);
    // Core 0 holds the server (with --spread, serving process 0 and the primary), core 1 the phones,
    // the consoles and the doors (with --spread, serving process 1 too); whatever else runs on
    // this machine counts where it ran.
    if (cores.length === 3) {
      const [early, late] = [coreBusyPercent(cores[0]!, cores[1]!), coreBusyPercent(cores[1]!, cores[2]!)];
      row("core 0 busy, 0-60 s (%)", early[0]!);
      row("core 0 busy, 60 s to the end (%)", late[0]!);
      row("core 1 busy, 0-60 s (%)", early[1]!);
      row("core 1 busy, 60 s to the end (%)", late[1]!);
    }
    row("server event-loop delay p99 (ms)", serverLoop.p99Ms, { max: 50 });
    row("server event-loop delay max (ms)", serverLoop.maxMs);
    row("bytes per phone, whole day", mean(phones.map((p) => p.bytes)));
    row("phone sockets closed and opened again (y-websocket: 30 s without a message)", results.reduce((n, r) => n + r.reconnects, 0));
    row("phones' processes: event-loop delay p99, worst (ms)", Math.max(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS), ...results.map((r) => r.loopDelayP99Ms)));
    row("phones' processes: CPU (ms per s, one core = 1000)", clientCpuMs / daySeconds);
    row("day, first join to last answer (s)", daySeconds);
    problems.push(...results.flatMap((r) => [...r.problems, ...(r.unfinished ? ["a phone worker's tasks had not ended"] : [])]));
    for (const problem of new Set(problems)) console.log(`  ${problem}`);
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
    for (const c of [...consoles, ...panels, ...doorPages]) c.destroy();
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    stopping = true;
    await server.stop();
    dir.remove();
  }
}
