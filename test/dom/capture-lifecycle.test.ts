import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounceMaxWait } from '../../utils/content/capture/debounce';
import { startLifecycle } from '../../utils/content/capture/lifecycle';

afterEach(() => vi.useRealTimers());

describe('re-capture cannot be postponed forever by a busy page', () => {
  it('a change every 150 ms still yields a capture within the maximum wait (2 s), and a quiet page waits 400 ms', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounceMaxWait(fn, 400, 2000, {
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (id) => clearTimeout(id as number),
      now: () => Date.now(),
    });
    // A clock ticking every 150 ms for 5 s.
    for (let t = 0; t < 5000; t += 150) {
      d.schedule();
      vi.advanceTimersByTime(150);
    }
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);
    fn.mockClear();
    d.schedule();
    vi.advanceTimersByTime(399);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('the capture script stops only on an authentic signal', () => {
  it('a page event on document (WXT’s "content script started" message re-dispatched) does not stop it', () => {
    const scope = {};
    const life = startLifecycle(() => true, scope);
    const heard = vi.fn();
    life.listen(document, 'input', heard);
    for (const name of [
      'chartcoder:content:wxt:content-script-started',
      'abcdefghijklmnop:content:wxt:content-script-started',
    ]) {
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'spoofed' } }));
    }
    window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'spoofed' }, '*');
    document.dispatchEvent(new Event('input'));
    expect(life.alive()).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('a newer copy in the same isolated world retires the older one; a lost extension context stops it', () => {
    const scope = {};
    const first = startLifecycle(() => true, scope);
    const stopped = vi.fn();
    first.onStop(stopped);
    const second = startLifecycle(() => true, scope);
    expect(first.alive()).toBe(false);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(first.reason).toMatch(/newer copy/);
    expect(second.alive()).toBe(true);
    let extension = true;
    const third = startLifecycle(() => extension, {});
    extension = false;
    expect(third.alive()).toBe(false);
    expect(third.reason).toMatch(/extension/);
  });
});
