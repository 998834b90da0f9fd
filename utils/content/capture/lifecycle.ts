/**
 * The capture script's life, stopped only by authentic signals.
 *
 * WXT's ContentScriptContext invalidates a script when a CustomEvent named
 * `<extension id>:<entrypoint>:wxt:content-script-started` reaches `document` with another
 * instance's id (its way to retire an older copy). Any page script can dispatch that event: the
 * extension id is public and, unless `noScriptStartedPostMessage` is set, WXT even posts the event
 * name to the page. A page could thus turn capture off. This lifecycle does not listen to the page:
 * - the extension context is gone (runtime id undefined after an update, reload or removal);
 * - a newer copy of this script started in the same frame ("Read this page once" injects again):
 *   copies of one extension share its isolated world, which page scripts cannot reach, and hand
 *   over through a global there.
 */
export interface Lifecycle {
  /** False once stopped; checks the extension context each time. */
  alive(): boolean;
  stop(reason: string): void;
  onStop(cb: () => void): void;
  setTimeout(fn: () => void, ms: number): void;
  setInterval(fn: () => void, ms: number): void;
  /** addEventListener, removed when the lifecycle stops. */
  listen(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void;
  readonly reason: string | undefined;
}

const SLOT = Symbol.for('chartcoder.capture-lifecycle');

export function startLifecycle(extensionAlive: () => boolean, scope: object = globalThis): Lifecycle {
  const abort = new AbortController();
  let reason: string | undefined;
  const life: Lifecycle = {
    alive() {
      if (!abort.signal.aborted && !extensionAlive()) life.stop('the extension was updated, reloaded or removed');
      return !abort.signal.aborted;
    },
    stop(why) {
      if (abort.signal.aborted) return;
      reason = why;
      abort.abort(why);
      if ((scope as Record<symbol, unknown>)[SLOT] === life) delete (scope as Record<symbol, unknown>)[SLOT];
    },
    onStop(cb) {
      abort.signal.addEventListener('abort', cb, { once: true });
    },
    setTimeout(fn, ms) {
      const id = globalThis.setTimeout(() => life.alive() && fn(), ms);
      life.onStop(() => globalThis.clearTimeout(id));
    },
    setInterval(fn, ms) {
      const id = globalThis.setInterval(() => life.alive() && fn(), ms);
      life.onStop(() => globalThis.clearInterval(id));
    },
    listen(target, type, handler, options) {
      target.addEventListener(type, (e) => life.alive() && handler(e), { ...options, signal: abort.signal });
    },
    get reason() {
      return reason;
    },
  };
  const previous = (scope as Record<symbol, Lifecycle | undefined>)[SLOT];
  previous?.stop('a newer copy of the capture script started in this frame');
  (scope as Record<symbol, unknown>)[SLOT] = life;
  return life;
}
