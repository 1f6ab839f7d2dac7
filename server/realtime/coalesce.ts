/**
 * Coalesces bursts of the same server write: the first call runs at once; calls within the
 * next `intervalMs` are folded into one run at the end of the interval (the latest wins).
 * A door check-in burst then rewrites a meeting's figures once per interval (see the hub's
 * coalescers), not once per person, and a single check-in still shows at once.
 */
export function createCoalescer(intervalMs: number, onError: (error: Error) => void) {
  const lastRun = new Map<string, number>();
  const waiting = new Map<string, { run: () => void; timer: NodeJS.Timeout }>();

  const runNow = (key: string, run: () => void) => {
    lastRun.set(key, Date.now());
    try {
      run();
    } catch (error) {
      onError(error as Error);
    }
  };

  return {
    schedule(key: string, run: () => void): void {
      const pending = waiting.get(key);
      if (pending) {
        pending.run = run;
        return;
      }
      // Never more than one interval: a clock set back (a laptop's clock corrected on a
      // generator's restart) would otherwise hold the write for as long as it went back.
      const wait = Math.min(intervalMs, (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + intervalMs - Date.now());
      if (wait <= 0) return runNow(key, run);
      const timer = setTimeout(() => {
        const latest = waiting.get(key)!;
        waiting.delete(key);
        runNow(key, latest.run);
      }, wait);
      waiting.set(key, { run, timer });
    },
    /** Runs at once, in place of what was waiting for `key` (the write a room waits for). */
    now(key: string, run: () => void): void {
      const pending = waiting.get(key);
      if (pending) {
        clearTimeout(pending.timer);
        waiting.delete(key);
      }
      runNow(key, run);
    },
    /** Runs what is waiting now (on shutdown, before the database closes). */
    flush(): void {
      for (const [key, { run, timer }] of waiting) {
        clearTimeout(timer);
        waiting.delete(key);
        runNow(key, run);
      }
    },
  };
}
