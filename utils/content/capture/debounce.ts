export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/**
 * Calls `fn` once the calls stop for `wait` ms, and at the latest `maxWait` ms after the first call
 * of a burst: a page element that changes every 150 ms (a clock, a timer, a live vitals feed)
 * would otherwise postpone a 400 ms debounce forever and the note would never be re-read.
 */
export function debounceMaxWait(
  fn: () => void,
  wait: number,
  maxWait: number,
  timers: Timers = realTimers,
): { schedule(): void; cancel(): void } {
  let timer: unknown;
  let burstStart: number | undefined;
  const fire = () => {
    timer = undefined;
    burstStart = undefined;
    fn();
  };
  return {
    schedule() {
      const now = timers.now();
      burstStart ??= now;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(fire, Math.max(0, Math.min(wait, burstStart + maxWait - now)));
    },
    cancel() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      burstStart = undefined;
    },
  };
}
