import '@/utils/zod-jitless';
import { BillingAdaptersFileSchema, NoteAdaptersFileSchema, adapterFor } from '@/lib/capture/adapter-schema';
import adaptersJson from '@/data/portals/note-adapters.json';
import billingJson from '@/data/portals/billing-adapters.json';
import { CodedSummarySchema } from '@/lib/summary/schema';
import { fillChargeEntry, readBilledCodes, readBillingPatient } from '@/utils/fill/fill-form';
import { captureNote, type Capture } from '@/utils/capture/capture';
import { clearHighlight, highlightSpans } from '@/utils/capture/highlight';
import { ToContentSchema, type BillingMessage, type NoteMessage } from '@/utils/messages';

/**
 * Runs in every frame of an enabled EHR site (registered at run time for the origins the user
 * granted, all frames). It only reads the note and paints highlights: the code pack and the engine
 * stay in the side panel (STACK.md trap 5), and nothing here touches the network.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    const adapters = NoteAdaptersFileSchema.parse(adaptersJson).adapters;
    const billingAdapters = BillingAdaptersFileSchema.parse(billingJson).adapters;
    // A charge-entry page is a billing form, not a note: report the form instead of analysing it.
    const billing = adapterFor(billingAdapters, location.origin + location.pathname);
    const reportBilling = () => {
      if (!billing) return;
      const msg: BillingMessage = { type: 'cc:billing', frameUrl: location.href, adapter: billing.id, adapterName: billing.name, patient: readBillingPatient(document, billing), billedCodes: readBilledCodes(document, billing) };
      browser.runtime.sendMessage(msg).catch(() => {});
    };
    let last: { id: string; capture: Capture } | undefined;
    let lastText = '';
    let seq = 0;

    const capture = (force: boolean) => {
      if (billing) return reportBilling();
      const adapter = adapterFor(adapters, location.origin + location.pathname);
      const c = captureNote(document, adapter);
      if (!c) return;
      if (!force && c.text === lastText) return;
      lastText = c.text;
      const id = `${Date.now().toString(36)}-${++seq}`;
      last = { id, capture: c };
      const msg: NoteMessage = {
        type: 'cc:note',
        captureId: id,
        frameUrl: location.href,
        source: c.source,
        label: c.label,
        text: c.text,
        truncated: c.truncated,
        ...(c.adapter ? { adapter: c.adapter } : {}),
        ...(c.header ? { header: c.header } : {}),
        capturedAt: performance.timeOrigin + performance.now(),
      };
      // No listener (panel closed) is normal: the next capture request re-sends.
      browser.runtime.sendMessage(msg).catch(() => {});
    };

    // Re-capture when the note changes (typing, SPA patient switch, selection), debounced so a
    // busy page costs one capture per pause, not one per mutation.
    let timer: number | undefined;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = ctx.setTimeout(() => capture(false), 400);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
    ctx.addEventListener(document, 'selectionchange', schedule);
    ctx.addEventListener(document, 'input', schedule, { capture: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      lastText = '';
      schedule();
    });
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
            observer.observe(sr, { subtree: true, childList: true, characterData: true });
          }
          roots.push(sr);
        }
      }
    };
    watchShadows();
    ctx.setInterval(watchShadows, 2000);

    browser.runtime.onMessage.addListener((raw: unknown) => {
      const parsed = ToContentSchema.safeParse(raw);
      if (!parsed.success) return undefined;
      const m = parsed.data;
      if (m.type === 'cc:capture') {
        capture(true);
        return Promise.resolve({ ok: true });
      }
      if (m.type === 'cc:fill') {
        if (!billing) return Promise.resolve({ error: 'this page has no billing adapter' });
        const summary = CodedSummarySchema.safeParse(m.summary);
        if (!summary.success) return Promise.resolve({ error: summary.error.issues.map((i) => i.message).join('; ') });
        const report = fillChargeEntry(document, billing, summary.data);
        reportBilling();
        return Promise.resolve(report);
      }
      if (m.type === 'cc:clear') {
        clearHighlight(document);
        return Promise.resolve({ ok: true });
      }
      if (!last || last.id !== m.captureId) return Promise.resolve({ painted: 0, method: 'stale' });
      return Promise.resolve(highlightSpans(document, last.capture, m.spans, m.scroll));
    });

    capture(true);
  },
});
