import { describe, expect, it } from "vitest";
import { buildLiveState, itemSpentMs, placeOf, totalsNow, type LiveTurnRow } from "../../app/modules/live/live-state";
import { suggestNext, type Speaker } from "../../app/modules/live/priority";
import { applyQueueAction, queued, type Turn } from "../../app/modules/live/queue";
import { parityFigures, secondsLeft, speakingTotals, type SpokenTurn } from "../../app/modules/live/speaking-time";

const MIN = 60_000;
const turn = (sex: SpokenTurn["sex"], ageGroup: SpokenTurn["ageGroup"], startedAt: number, endedAt: number | null): SpokenTurn => ({ sex, ageGroup, startedAt, endedAt });

describe("speaking time", () => {
  it("is zero for nobody, with shares of zero rather than a division by zero", () => {
    const parity = parityFigures(speakingTotals([], 0));
    expect(parity.totalMs).toBe(0);
    expect(parity.time.women).toEqual({ count: 0, share: 0 });
  });

  it("adds up time and turns by sex and by youth, a running turn counting up to now", () => {
    const turns = [turn("female", "25_35", 0, 2 * MIN), turn("male", "36_59", 2 * MIN, 5 * MIN), turn("female", "60p", 5 * MIN, null)];
    const totals = speakingTotals(turns, 6 * MIN);
    expect(totals.women).toEqual({ ms: 3 * MIN, turns: 2 });
    expect(totals.men).toEqual({ ms: 3 * MIN, turns: 1 });
    expect(totals.young).toEqual({ ms: 2 * MIN, turns: 1 });
    expect(totals.notYoung).toEqual({ ms: 4 * MIN, turns: 2 });
    expect(totals.all).toEqual({ ms: 6 * MIN, turns: 3 });
    const parity = parityFigures(totals);
    expect(parity.time.women.share).toBe(0.5);
    expect(parity.turns.women.share).toBeCloseTo(2 / 3);
    // A minute later the running turn has grown; the finished ones have not.
    expect(speakingTotals(turns, 7 * MIN).women.ms).toBe(4 * MIN);
  });

  it("keeps unstated sex and unknown age apart, never guessed", () => {
    const totals = speakingTotals([turn(null, null, 0, MIN)], MIN);
    expect(totals.sexUnstated).toEqual({ ms: MIN, turns: 1 });
    expect(totals.ageUnknown).toEqual({ ms: MIN, turns: 1 });
    expect(totals.women.ms + totals.men.ms).toBe(0);
    expect(totals.young.ms + totals.notYoung.ms).toBe(0);
  });

  it("adds to totals already counted, as screens do with the turn under way", () => {
    const base = speakingTotals([turn("male", "18_24", 0, MIN)], 0);
    expect(speakingTotals([turn("female", "18_24", MIN, null)], 3 * MIN, base)).toMatchObject({ women: { ms: 2 * MIN, turns: 1 }, young: { ms: 3 * MIN, turns: 2 } });
    expect(base.women.ms).toBe(0);
  });

  it("counts down a turn's limit, below zero when over time", () => {
    expect(secondsLeft({ startedAt: 0, limitSeconds: 120 }, 30_000)).toBe(90);
    expect(secondsLeft({ startedAt: 0, limitSeconds: 120 }, 125_000)).toBe(-5);
  });
});

describe("priority suggestion", () => {
  const man: Speaker = { sex: "male", ageGroup: "36_59" };
  const youngMan: Speaker = { sex: "male", ageGroup: "18_24" };
  const woman: Speaker = { sex: "female", ageGroup: "60p" };
  const queue = [
    { id: 1, ...man },
    { id: 2, ...woman },
    { id: 3, ...youngMan },
  ];

  it("suggests the first woman waiting when the last two speakers were not women", () => {
    expect(suggestNext("women", [man, man], queue)).toEqual({ entry: queue[1], reason: "woman" });
  });

  it("suggests nothing when a woman spoke among the last two, the rule is off, or too few have spoken", () => {
    expect(suggestNext("women", [man, woman], queue)).toBeNull();
    expect(suggestNext("none", [man, man], queue)).toBeNull();
    expect(suggestNext("women", [man], queue)).toBeNull();
  });

  it("suggests nothing when the head of the queue already fits, or nobody waiting fits", () => {
    expect(suggestNext("women", [man, man], [queue[1]!, queue[0]!])).toBeNull();
    expect(suggestNext("women", [man, man], [queue[0]!, queue[2]!])).toBeNull();
  });

  it("follows young people the same way, and either with the combined rule", () => {
    expect(suggestNext("youth", [man, woman], queue)).toEqual({ entry: queue[2], reason: "young" });
    expect(suggestNext("women_or_youth", [man, man], queue)).toEqual({ entry: queue[1], reason: "woman" });
    expect(suggestNext("women_or_youth", [woman, man], queue)).toEqual({ entry: queue[2], reason: "young" });
    expect(suggestNext("women_or_youth", [man, man], [queue[2]!, queue[0]!])).toBeNull();
  });
});

describe("speakers' list", () => {
  const list: Turn[] = [
    { id: 1, attendanceId: 11, state: "queued", position: 1 },
    { id: 2, attendanceId: 12, state: "queued", position: 2 },
    { id: 3, attendanceId: 13, state: "requested", position: 3 },
    { id: 4, attendanceId: 14, state: "done", position: 0 },
  ];
  const apply = (turns: Turn[], action: Parameters<typeof applyQueueAction>[1]) => applyQueueAction(turns, action, 1000);
  /** The list after applying an action's changes, as the command would write them. */
  function after(turns: Turn[], action: Parameters<typeof applyQueueAction>[1]): Turn[] {
    const result = apply(turns, action);
    if (!result.ok) throw new Error(result.code);
    const next = turns.map((t) => ({ ...t, ...result.changes.updates.find((u) => u.id === t.id) }));
    const insert = result.changes.insert;
    return insert ? [...next, { id: 99, ...insert }] : next;
  }

  it("puts a facilitator's addition at the end of the queue and a delegate's request aside", () => {
    expect(queued(after(list, { type: "add", attendanceId: 15 })).map((t) => t.attendanceId)).toEqual([11, 12, 15]);
    expect(after(list, { type: "request", attendanceId: 15 }).find((t) => t.id === 99)!.state).toBe("requested");
  });

  it("refuses anyone already waiting or speaking, but lets someone who spoke ask again", () => {
    expect(apply(list, { type: "add", attendanceId: 11 })).toEqual({ ok: false, code: "already_waiting" });
    expect(apply(list, { type: "request", attendanceId: 13 })).toEqual({ ok: false, code: "already_waiting" });
    expect(apply(list, { type: "request", attendanceId: 14 }).ok).toBe(true);
  });

  it("accepts a request to the end of the queue, once", () => {
    const accepted = after(list, { type: "accept", turnId: 3 });
    expect(queued(accepted).map((t) => t.id)).toEqual([1, 2, 3]);
    expect(apply(accepted, { type: "accept", turnId: 3 })).toEqual({ ok: false, code: "not_requested" });
  });

  it("reorders the queue up, down and to the top", () => {
    expect(queued(after(list, { type: "move", turnId: 2, direction: "up" })).map((t) => t.id)).toEqual([2, 1]);
    expect(queued(after(list, { type: "move", turnId: 1, direction: "down" })).map((t) => t.id)).toEqual([2, 1]);
    expect(queued(after(list, { type: "move", turnId: 2, direction: "top" })).map((t) => t.id)).toEqual([2, 1]);
    expect(apply(list, { type: "move", turnId: 1, direction: "up" })).toEqual({ ok: true, changes: { updates: [] } });
    expect(apply(list, { type: "move", turnId: 3, direction: "up" })).toEqual({ ok: false, code: "not_queued" });
  });

  it("starts a turn, ending the one under way, and refuses to start it twice", () => {
    const first = after(list, { type: "start", turnId: 1 });
    expect(first.find((t) => t.id === 1)).toMatchObject({ state: "speaking", startedAt: 1000 });
    const second = after(first, { type: "start", turnId: 2 });
    expect(second.find((t) => t.id === 1)).toMatchObject({ state: "done", endedAt: 1000 });
    expect(second.find((t) => t.id === 2)!.state).toBe("speaking");
    // A second facilitator pressing the same button a moment later.
    expect(apply(second, { type: "start", turnId: 2 })).toEqual({ ok: false, code: "not_queued" });
  });

  it("refuses to stop when nobody speaks, and to withdraw what is not waiting", () => {
    expect(apply(list, { type: "stop" })).toEqual({ ok: false, code: "no_turn_running" });
    expect(apply(list, { type: "withdraw", turnId: 4 })).toEqual({ ok: false, code: "not_waiting" });
    expect(apply(list, { type: "withdraw", turnId: 42 })).toEqual({ ok: false, code: "not_found" });
    expect(after(list, { type: "withdraw", turnId: 3 }).find((t) => t.id === 3)!.state).toBe("withdrawn");
  });

  it("takes a withdrawal back: the speaker returns to their place, a declined request to the requests, never twice", () => {
    const removed = after(list, { type: "withdraw", turnId: 1 });
    expect(queued(removed).map((t) => t.id)).toEqual([2]);
    expect(queued(after(removed, { type: "restore", turnId: 1, to: "queued" })).map((t) => t.id)).toEqual([1, 2]);
    const declined = after(list, { type: "withdraw", turnId: 3 });
    expect(after(declined, { type: "restore", turnId: 3, to: "requested" }).find((t) => t.id === 3)!.state).toBe("requested");
    // Only a withdrawn turn comes back, and not when its person is waiting again already.
    expect(apply(list, { type: "restore", turnId: 1, to: "queued" })).toEqual({ ok: false, code: "not_withdrawn" });
    const askedAgain = after(removed, { type: "add", attendanceId: 11 });
    expect(apply(askedAgain, { type: "restore", turnId: 1, to: "queued" })).toEqual({ ok: false, code: "already_waiting" });
  });
});

describe("live state", () => {
  const row = (id: number, state: LiveTurnRow["state"], extra: Partial<LiveTurnRow> = {}): LiveTurnRow => ({
    id,
    attendanceId: id + 10,
    state,
    position: id,
    startedAt: null,
    endedAt: null,
    limitSeconds: null,
    name: `P${id}`,
    organisation: null,
    sex: "female",
    ageGroup: "25_35",
    ...extra,
  });
  const state = buildLiveState({
    meeting: { status: "live", screenLocale: "ht", currentItemId: 8, currentItemSince: 10 * MIN, turnLimitSeconds: 120, screenMessage: null },
    agenda: [
      { id: 7, title: "Nouvèl", plannedMinutes: 10, spentMs: 12 * MIN },
      { id: 8, title: "Dlo", plannedMinutes: 30, spentMs: 2 * MIN },
    ],
    turns: [
      row(1, "done", { startedAt: 0, endedAt: 3 * MIN, sex: "male", ageGroup: "60p" }),
      row(2, "speaking", { startedAt: 12 * MIN, limitSeconds: 180 }),
      row(3, "queued", { position: 5 }),
      row(4, "queued", { position: 4 }),
      row(5, "requested"),
      row(6, "withdrawn"),
    ],
  });

  it("holds the current item, the speaker, the queue in order and the requests", () => {
    expect(state.item).toMatchObject({ id: 8, title: "Dlo", number: 2, of: 2 });
    expect(itemSpentMs(state.item!, 15 * MIN)).toBe(7 * MIN);
    expect(state.speaker).toMatchObject({ turnId: 2, name: "P2", startedAt: 12 * MIN, limitSeconds: 180 });
    expect(state.queue.map((p) => p.turnId)).toEqual([4, 3]);
    expect(state.requests.map((p) => p.turnId)).toEqual([5]);
    expect(state.locale).toBe("ht");
  });

  it("carries finished turns as totals; the running one is added at each screen's now", () => {
    expect(state.spoken.men).toEqual({ ms: 3 * MIN, turns: 1 });
    expect(totalsNow(state, 14 * MIN)).toMatchObject({ women: { ms: 2 * MIN, turns: 1 }, all: { ms: 5 * MIN, turns: 2 } });
  });

  it("tells each person where they stand", () => {
    expect(placeOf(state, 12)).toEqual({ kind: "speaking" });
    expect(placeOf(state, 13)).toEqual({ kind: "queued", place: 2, turnId: 3 });
    expect(placeOf(state, 15)).toEqual({ kind: "requested", turnId: 5 });
    expect(placeOf(state, 16)).toEqual({ kind: "none" });
  });
});

describe("the live document", () => {
  it("gets only the fields that changed, and reads back whole", async () => {
    const Y = await import("yjs");
    const { readLiveState, writeFields } = await import("../../app/modules/live/live-doc");
    const doc = new Y.Doc();
    const map = doc.getMap("live");
    const base = buildLiveState({
      meeting: { status: "live", screenLocale: "fr", currentItemId: null, currentItemSince: null, turnLimitSeconds: 120, screenMessage: null },
      agenda: [],
      turns: [],
    });
    expect(readLiveState(map)).toBeNull();
    writeFields(map, { ...base });
    expect(readLiveState(map)).toEqual(base);
    const changed: string[][] = [];
    map.observe((event) => changed.push([...event.keysChanged]));
    writeFields(map, { ...base, message: "Poz" });
    writeFields(map, { ...base, message: "Poz" });
    expect(changed).toEqual([["message"]]);
    expect(readLiveState(map)!.message).toBe("Poz");
    // A field the projection no longer has is removed (an older server's, say).
    map.set("stale", 1);
    writeFields(map, { ...base, message: "Poz" });
    expect(map.has("stale")).toBe(false);
  });

  it("edits a long list where it changed: an arrival sends one entry, not the whole list", async () => {
    const Y = await import("yjs");
    const { writeFields } = await import("../../app/modules/live/live-doc");
    const doc = new Y.Doc();
    const map = doc.getMap("console");
    const person = (id: number) => ({ id, name: `Moun ${id} ak yon non ki long`, organisation: id % 3 ? `Òganizasyon ${id % 7}` : null });
    const lists = new Set(["present"]);
    // In one transaction, as the server rebuilds a projection: one update per rebuild.
    const write = (list: typeof present) => doc.transact(() => writeFields(map, { status: "live", present: list }, lists));
    // An older server stored the list whole: it becomes an editable list.
    map.set("present", [person(1)]);
    let present: ReturnType<typeof person>[] = Array.from({ length: 200 }, (_, i) => person(i + 1));
    const sizes: number[] = [];
    doc.on("update", (update: Uint8Array) => sizes.push(update.length));
    write(present);
    expect(map.toJSON()).toEqual({ status: "live", present });
    expect(sizes[0]).toBeGreaterThan(5_000);
    present = [...present, person(201)];
    write(present);
    expect(sizes[1]).toBeLessThan(200);
    // The same list again writes nothing.
    write(present);
    expect(sizes).toHaveLength(2);
    // Edits anywhere (a person joining the speakers' queue leaves the list, one returns, a name corrected), checked against the list whole.
    const edits: ((list: typeof present) => typeof present)[] = [
      (list) => list.filter((p) => p.id !== 57),
      (list) => [...list.slice(0, 10), person(57), ...list.slice(10)],
      (list) => list.map((p) => (p.id === 120 ? { ...p, name: "Non korije" } : p)),
      (list) => list.slice(5),
      (list) => [person(900), ...list, person(901)],
      () => [],
      () => [person(3), person(2)],
    ];
    for (const edit of edits) {
      present = edit(present);
      write(present);
      expect(map.toJSON().present).toEqual(present);
    }
    // A client applying the same updates reads the same list.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    expect(client.getMap("console").toJSON().present).toEqual(present);
  });
});
