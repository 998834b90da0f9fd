import '@/utils/zod-jitless';
import { BillingAdaptersFileSchema, NoteAdaptersFileSchema, adapterFor } from '@/lib/capture/adapter-schema';
import adaptersJson from '@/data/portals/note-adapters.json';
import billingJson from '@/data/portals/billing-adapters.json';
import { CodedSummarySchema } from '@/lib/summary/schema';
import { fillChargeEntry, readBilledCodes, readBillingPatient } from '@/utils/content/fill/fill-form';
import { readFrame, type Capture } from '@/utils/content/capture/capture';
import { debounceMaxWait } from '@/utils/content/capture/debounce';
import { startLifecycle } from '@/utils/content/capture/lifecycle';
import { createProbe, frameHiddenReason } from '@/utils/content/capture/visibility';
import { clearHighlight, highlightSpans } from '@/utils/content/capture/highlight';
import { sendRuntime, ToContentSchema, type BillingMessage, type FillReply, type NoteMessage } from '@/utils/messages';

/** The frames this page embeds and whether the coder can see them (for cross-origin children; Firefox's runtime.getFrameId). */
function embeddedFrames(doc: Document): { frameId: number; hidden: boolean }[] {
  const runtime = browser.runtime as { getFrameId?: (target: Element) => number };
  if (typeof runtime.getFrameId !== 'function') return [];
  const probe = createProbe(doc);
  const out: { frameId: number; hidden: boolean }[] = [];
  for (const el of Array.from(doc.querySelectorAll('iframe, frame')).slice(0, 100)) {
    let frameId: number;
    try {
      frameId = runtime.getFrameId(el);
    } catch {
      continue;
    }
    if (frameId < 0) continue;
    const r = el.getBoundingClientRect();
    out.push({ frameId, hidden: !probe.shown(el) || r.width < 2 || r.height < 2 });
  }
  return out;
}

/**
 * Runs in every frame of an enabled EHR site (registered at run time for the origins the user
 * granted, all frames). It only reads the note and paints highlights: the code pack and the engine
 * stay in the side panel (STACK.md trap 5), and nothing here touches the network.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  // WXT announces each start to the page with window.postMessage: the page has no business
  // knowing the event name that retires a copy of this script (lifecycle.ts).
  noScriptStartedPostMessage: true,
  main() {
    // Not WXT's ctx: a page can invalidate that one by re-dispatching its "started" event.
    const life = startLifecycle(() => browser.runtime?.id !== undefined);
    const adapters = NoteAdaptersFileSchema.parse(adaptersJson).adapters;
    const billingAdapters = BillingAdaptersFileSchema.parse(billingJson).adapters;
    // A charge-entry page is a billing form, not a note: report the form instead of analysing it.
    const billing = adapterFor(billingAdapters, location.origin + location.pathname);
    const send = (msg: NoteMessage | BillingMessage) => {
      if (!life.alive()) return;
      // No listener (panel closed) is normal: the next capture request re-sends.
      sendRuntime(msg).catch(() => {});
    };
    const reportBilling = () => {
      if (!billing) return;
      send({
        type: 'cc:billing',
        frameUrl: location.href,
        adapter: billing.id,
        adapterName: billing.name,
        patient: readBillingPatient(document, billing),
        billedCodes: readBilledCodes(document, billing),
      });
    };
    let last: { id: string; capture: Capture } | undefined;
    let lastKey = '';
    let seq = 0;

    /** Reads what this frame shows the coder and tells the panel when it changed (or when asked). */
    const capture = (force: boolean) => {
      if (!life.alive()) return;
      if (billing) return reportBilling();
      const hidden = frameHiddenReason(window);
      const reading = hidden ? {} : readFrame(document, adapterFor(adapters, location.origin + location.pathname));
      const c = reading.note;
      const childFrames = hidden ? [] : embeddedFrames(document);
      // Focus in a child frame means the coder clicked or typed there; the top frame has it by default.
      const focused = !hidden && window !== window.top && document.hasFocus();
      const key = JSON.stringify([
        c?.text ?? '',
        c?.source,
        c?.label,
        reading.header,
        reading.encounter,
        hidden ?? '',
        childFrames,
        focused,
      ]);
      if (!force && key === lastKey) return;
      lastKey = key;
      const id = `${Date.now().toString(36)}-${++seq}`;
      last = c ? { id, capture: c } : undefined;
      const chart = {
        ...(reading.header ? { header: reading.header } : {}),
        ...(reading.encounter ? { encounter: reading.encounter } : {}),
        ...(window === window.top ? { top: true } : {}),
        ...(focused ? { focused: true } : {}),
        ...(childFrames.length ? { childFrames } : {}),
      };
      const msg: NoteMessage = c
        ? {
            type: 'cc:note',
            captureId: id,
            frameUrl: location.href,
            source: c.source,
            label: c.label,
            text: c.text,
            truncated: c.truncated,
            ...(c.adapter ? { adapter: c.adapter } : {}),
            ...chart,
            capturedAt: performance.timeOrigin + performance.now(),
          }
        : {
            type: 'cc:note',
            captureId: id,
            frameUrl: location.href,
            source: 'none',
            label: hidden ?? reading.noNote ?? 'no note on this page',
            text: '',
            truncated: false,
            ...chart,
            capturedAt: performance.timeOrigin + performance.now(),
          };
      send(msg);
    };

    // Re-capture when the note changes (typing, SPA patient switch, selection, a tab shown or
    // hidden), debounced so a busy page costs one capture per pause, and at most 2 s late while
    // the page keeps changing (a clock ticking every 150 ms would postpone a plain debounce forever).
    const debounced = debounceMaxWait(() => capture(false), 400, 2000);
    life.onStop(() => debounced.cancel());
    const schedule = () => debounced.schedule();
    const observer = new MutationObserver(schedule);
    const OBSERVE: MutationObserverInit = {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'open'],
    };
    observer.observe(document.documentElement, OBSERVE);
    life.onStop(() => observer.disconnect());
    life.listen(document, 'selectionchange', schedule);
    life.listen(document, 'input', schedule, { capture: true });
    // This frame shown or hidden by its parent (a tab switch resizes a display:none iframe to 0×0).
    life.listen(window, 'resize', schedule);
    // The coder moved into or out of this frame: with several notes on screen, the focused one wins.
    life.listen(window, 'focus', schedule);
    life.listen(window, 'blur', schedule);
    // In-app navigation (pushState, hash): read again; the panel keeps the review while the chart is the same.
    let url = location.href;
    const urlChanged = () => {
      if (location.href === url) return;
      url = location.href;
      lastKey = '';
      schedule();
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav) life.listen(nav, 'navigatesuccess', urlChanged);
    life.listen(window, 'popstate', urlChanged);
    life.listen(window, 'hashchange', urlChanged);
    // Whether the frame can be seen also changes with the parent's styles, which this frame does not observe.
    let wasHidden = frameHiddenReason(window);
    life.setInterval(() => {
      urlChanged();
      const hidden = frameHiddenReason(window);
      if (hidden !== wasHidden) {
        wasHidden = hidden;
        schedule();
      }
    }, 1000);
    // Shadow roots (nested ones too) are not seen by the document observer: observe each as it
    // appears. Bounded walk, so a page with a huge DOM costs a fixed amount every 2 s.
    const watched = new WeakSet<ShadowRoot>();
    const watchShadows = () => {
      const roots: (Document | ShadowRoot)[] = [document];
      let seen = 0;
      while (roots.length && seen < 50_000) {
        const root = roots.pop()!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
        for (let n = walker.nextNode(); n && seen < 50_000; n = walker.nextNode(), seen++) {
          const sr = (n as Element).shadowRoot;
          if (!sr) continue;
          if (!watched.has(sr)) {
            watched.add(sr);
            observer.observe(sr, OBSERVE);
          }
          roots.push(sr);
        }
      }
    };
    watchShadows();
    life.setInterval(watchShadows, 2000);

    const onMessage = (raw: unknown) => {
      if (!life.alive()) return undefined;
      const parsed = ToContentSchema.safeParse(raw);
      if (!parsed.success) return undefined;
      const m = parsed.data;
      if (m.type === 'cc:capture') {
        capture(true);
        return Promise.resolve({ ok: true });
      }
      if (m.type === 'cc:fill') {
        if (!billing) return Promise.resolve<FillReply>({ error: 'this page has no billing adapter' });
        const summary = CodedSummarySchema.safeParse(m.summary);
        if (!summary.success)
          return Promise.resolve<FillReply>({ error: summary.error.issues.map((i) => i.message).join('; ') });
        const report = fillChargeEntry(document, billing, summary.data);
        reportBilling();
        return Promise.resolve<FillReply>(report);
      }
      if (m.type === 'cc:clear') {
        clearHighlight(document);
        return Promise.resolve({ ok: true });
      }
      if (!last || last.id !== m.captureId) return Promise.resolve({ painted: 0, method: 'stale' });
      return Promise.resolve(highlightSpans(document, last.capture, m.spans, m.scroll));
    };
    browser.runtime.onMessage.addListener(onMessage);
    life.onStop(() => {
      browser.runtime?.onMessage?.removeListener(onMessage);
      clearHighlight(document);
    });

    capture(true);
  },
});
