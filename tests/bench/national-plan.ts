/**
 * The national day's timetable and what the bench process and its phone workers tell each
 * other. Every time is a moment of the clock they share: `performance.timeOrigin +
 * performance.now()`, the system's wall clock read once when each process started, then
 * advanced by its monotonic clock (sub-millisecond; processes on one machine agree on it).
 */
import type { NationalMeeting } from "./seed-national";
import { percentile } from "./stats";

export const clock = () => performance.timeOrigin + performance.now();

/** The event-loop monitors' timer (ms): a sample is the time between two of its runs, so the delay is a sample less this. */
export const LOOP_RESOLUTION_MS = 10;

export const DAY = {
  /** Every phone joins within this, spread evenly (meetings interleaved). */
  joinMs: 60_000,
  /** Meetings start one after another over this. */
  startSpreadMs: 60_000,
  /** A meeting's arrivals during the day (door and phones) come within this after its start. */
  rushMs: 30_000,
  /** From its start plus this, each meeting changes its current item every 3–5 s... */
  firstChangeAfterMs: 2_000,
  changeEveryMs: [3_000, 5_000] as const,
  /** ...until this moment of the day. */
  changesUntilMs: 150_000,
  /** Ten meetings open a poll at this moment of the day (once their arrivals are all answered)... */
  voteAtMs: 90_000,
  /** ...and their phones vote within the minute after it. */
  voteMs: 60_000,
  votingMeetings: 10,
} as const;

export interface PhonePlan {
  cookie: string;
  joinAt: number;
  /** When she checks herself in from her phone; null if she arrives another way. */
  selfAt: number | null;
  /** When she votes; null if her meeting does not vote. */
  ballotAt: number | null;
}

export interface PhonesInput {
  url: string;
  meetings: { meetingId: number; phones: PhonePlan[] }[];
  voteOpensAt: number;
  syncTimeoutMs: number;
}

export interface PhoneTimes {
  syncedAt: number | null;
  /** Each current item the phone showed (its id, -1 for none) and when it received it. */
  shown: [number, number][];
  bytes: number;
}

export interface PhonesResult {
  /** By meeting, in the order of the input, then by phone. */
  phones: PhoneTimes[][];
  selfTimes: number[];
  ballotTimes: number[];
  selfSent: number;
  selfFailed: number;
  /** Of those, whose four sends all failed on the network. */
  selfGaveUp: number;
  ballotsSent: number;
  ballotsRefused: number;
  /** Phones of a voting meeting that could not vote: not synced, or the poll not shown, within the wait. */
  ballotsUnsent: number;
  /** Phone sockets closed (then opened again by y-websocket) before the end of the day. */
  reconnects: number;
  /** Posts sent again after the network failed on the way. */
  retries: number;
  problems: string[];
  /** The phones' tasks had not all ended when the bench finished the day. */
  unfinished: boolean;
  loopDelayP99Ms: number;
  cpuMs: number;
  /** Its garbage-collection pauses, [start, end] on the shared clock. */
  gcPauses: [number, number][];
}

/** A change of the current item the console sent, and when. */
export interface SentChange {
  itemId: number;
  sentAt: number;
}

/** The same draws on every run: the day's jitter from a fixed seed (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MeetingPlan {
  meeting: NationalMeeting;
  startsAt: number;
  votes: boolean;
  /** When each phone joins, checks itself in, votes; and when the door checks in those who arrive there (by person). */
  phones: PhonePlan[];
  door: { personId: number; at: number }[];
}

/** The day from `t0`: who joins, arrives and votes when, meeting by meeting. */
export function planDay(meetings: readonly NationalMeeting[], t0: number): MeetingPlan[] {
  const count = meetings.length;
  const phonesInAll = meetings.reduce((n, m) => n + m.phones.length, 0);
  const votingEvery = Math.max(1, Math.floor(count / DAY.votingMeetings));
  return meetings.map((meeting, m) => {
    const startsAt = t0 + (m * DAY.startSpreadMs) / count;
    const votes = m % votingEvery === 0 && m / votingEvery < DAY.votingMeetings;
    const arriving = meeting.phones.filter((p) => p.arrival !== "before").length;
    let arrival = 0;
    const door: { personId: number; at: number }[] = [];
    const phones = meeting.phones.map((phone, p): PhonePlan => {
      let selfAt: number | null = null;
      if (phone.arrival !== "before") {
        const at = startsAt + (arrival++ * DAY.rushMs) / arriving;
        if (phone.arrival === "door") door.push({ personId: phone.personId, at });
        else selfAt = at;
      }
      return {
        cookie: phone.cookie,
        // Meetings interleaved: the phones of every meeting arrive throughout the minute.
        joinAt: t0 + ((p * count + m) * DAY.joinMs) / phonesInAll,
        selfAt,
        ballotAt: votes ? t0 + DAY.voteAtMs + 2_000 + (p * (DAY.voteMs - 2_000)) / meeting.phones.length : null,
      };
    });
    return { meeting, startsAt, votes, phones, door };
  });
}

export interface FanoutFigures {
  /** For each change, from sending it until every phone of its meeting synced before it showed it. */
  perChange: number[];
  /** For each change and each of those phones, from sending it until that phone showed it. */
  perPhone: number[];
  /** For each change in `perChange`, from sending it until the first of those phones showed it. */
  firstPerChange: number[];
  /** Changes that some phone synced before them never showed. */
  missed: number;
  /** The same as `perChange`, with when each change was sent... */
  sentAt: number[];
  /** ...and its meeting (the index of its plan). */
  meeting: number[];
}

/** The p95 of the per-change fan-out of the changes sent in [from, to) ms after `t0`. */
export function fanoutP95Between(figures: FanoutFigures, t0: number, from: number, to: number): number {
  return percentile(figures.perChange.filter((_, i) => figures.sentAt[i]! - t0 >= from && figures.sentAt[i]! - t0 < to), 95);
}

/**
 * Matches the consoles' changes with what each phone showed. A phone counts for a change if
 * it had synced before the change was sent; it shows the change when it first receives the
 * change's item after the change was sent, and before the same item is sent again.
 */
export function fanoutFigures(changes: readonly SentChange[][], phones: readonly PhoneTimes[][]): FanoutFigures {
  const perChange: number[] = [];
  const perPhone: number[] = [];
  const firstPerChange: number[] = [];
  const sentAt: number[] = [];
  const meeting: number[] = [];
  let missed = 0;
  changes.forEach((list, m) => {
    list.forEach((change, k) => {
      const next = list.slice(k + 1).find((c) => c.itemId === change.itemId)?.sentAt ?? Infinity;
      let worst = 0;
      let first = Infinity;
      let lost = false;
      for (const phone of phones[m]!) {
        if (phone.syncedAt === null || phone.syncedAt > change.sentAt) continue;
        const shown = phone.shown.find(([item, at]) => item === change.itemId && at >= change.sentAt && at < next);
        if (!shown) {
          lost = true;
          continue;
        }
        perPhone.push(shown[1] - change.sentAt);
        worst = Math.max(worst, shown[1] - change.sentAt);
        first = Math.min(first, shown[1] - change.sentAt);
      }
      if (lost) missed++;
      else {
        perChange.push(worst);
        firstPerChange.push(first);
        sentAt.push(change.sentAt);
        meeting.push(m);
      }
    });
  });
  return { perChange, perPhone, firstPerChange, missed, sentAt, meeting };
}

/**
 * The fan-out of the changes during which the process holding their meeting's phones did not
 * stop for garbage collection (`pausesOf(m)`: that process's pauses), and how many did. A
 * pause in a simulated phones' process holds all of its 2,000 phones at once, where a real
 * phone's pause holds that phone alone: both figures are printed, side by side.
 */
export function fanoutBesidePhonePauses(figures: FanoutFigures, pausesOf: (meeting: number) => readonly [number, number][]): { p95: number; paused: number } {
  const clear: number[] = [];
  figures.perChange.forEach((ms, i) => {
    const from = figures.sentAt[i]!;
    const to = from + ms;
    if (!pausesOf(figures.meeting[i]!).some(([start, end]) => start < to && end > from)) clear.push(ms);
  });
  return { p95: percentile(clear, 95), paused: figures.perChange.length - clear.length };
}

/**
 * A form's post as the app's keyed forms send it: when the network fails on the way, sent
 * again with the same key after 1, 2, then 4 s (the server applies it once); at most four sends.
 */
export async function keyedPost(url: string, body: URLSearchParams, cookie: string, onRetry: () => void): Promise<{ status: number; location: string | null; text: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { method: "POST", body, headers: { cookie } });
      return { status: response.status, location: response.headers.get("location"), text: await response.text() };
    } catch (error) {
      if (attempt === 3) throw error;
      onRetry();
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
}
