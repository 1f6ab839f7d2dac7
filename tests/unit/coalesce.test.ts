import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "../../server/realtime/coalesce";

describe("coalesced server writes", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first write at once and folds a burst into one later write with the latest data", () => {
    const runs: string[] = [];
    const c = createCoalescer(100, () => undefined);
    c.schedule("m1", () => runs.push("a"));
    expect(runs).toEqual(["a"]);
    c.schedule("m1", () => runs.push("b"));
    c.schedule("m1", () => runs.push("c"));
    // Another meeting is not held back by the first one's burst.
    c.schedule("m2", () => runs.push("x"));
    expect(runs).toEqual(["a", "x"]);
    vi.advanceTimersByTime(100);
    expect(runs).toEqual(["a", "x", "c"]);
    vi.advanceTimersByTime(500);
    c.schedule("m1", () => runs.push("d"));
    expect(runs).toEqual(["a", "x", "c", "d"]);
  });

  it("runs a write wanted now at once, in place of the one waiting", () => {
    const runs: string[] = [];
    const c = createCoalescer(1_000, () => undefined);
    c.schedule("m1", () => runs.push("a"));
    c.schedule("m1", () => runs.push("b"));
    vi.advanceTimersByTime(300);
    c.now("m1", () => runs.push("last"));
    expect(runs).toEqual(["a", "last"]);
    // What waited is dropped: nothing runs when its time comes.
    vi.advanceTimersByTime(700);
    expect(runs).toEqual(["a", "last"]);
    // The interval counts from the write run now (at 300 ms), not from the first.
    c.schedule("m1", () => runs.push("c"));
    expect(runs).toEqual(["a", "last"]);
    vi.advanceTimersByTime(299);
    expect(runs).toEqual(["a", "last"]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual(["a", "last", "c"]);
  });

  it("holds a write no longer than its interval when the clock is set back", () => {
    const runs: string[] = [];
    const c = createCoalescer(100, () => undefined);
    c.schedule("m1", () => runs.push("a"));
    vi.setSystemTime(Date.now() - 3_600_000);
    c.schedule("m1", () => runs.push("b"));
    vi.advanceTimersByTime(100);
    expect(runs).toEqual(["a", "b"]);
  });

  it("flushes what waits, and reports a failing write without stopping the others", () => {
    const errors: string[] = [];
    const runs: string[] = [];
    const c = createCoalescer(100, (e) => errors.push(e.message));
    c.schedule("m1", () => runs.push("a"));
    c.schedule("m1", () => {
      throw new Error("database closed");
    });
    c.schedule("m2", () => runs.push("x"));
    c.schedule("m2", () => runs.push("y"));
    c.flush();
    expect(errors).toEqual(["database closed"]);
    expect(runs).toEqual(["a", "x", "y"]);
  });
});
