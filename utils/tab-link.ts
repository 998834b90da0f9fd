import {
  BillingMessageSchema,
  FillReplySchema,
  HighlightReplySchema,
  NoteMessageSchema,
  SOURCE_RANK,
  sendToTab,
  type BillingMessage,
  type FillReply,
  type NoteMessage,
} from './messages';

/** A capture as the panel keeps it: which frame of which tab it came from. */
export interface FrameCapture extends NoteMessage {
  tabId: number;
  frameId: number;
  receivedAt: number;
}

/**
 * The tab the panel works on: `?tab=<id>` when given (a panel opened for a tab, and the e2e
 * tests), else the active tab of the panel's window.
 */
export async function targetTabId(search = location.search): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Asks every frame of the tab to (re)capture; false when no capture script runs there. */
export async function requestCapture(tabId: number): Promise<boolean> {
  try {
    await sendToTab(tabId, { type: 'cc:capture' });
    return true;
  } catch {
    return false;
  }
}

/** Runs the capture script once in the tab (needs a host permission or activeTab from a user gesture). */
export async function captureOnce(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
    return true;
  } catch {
    return false;
  }
}

export function onNote(tabId: () => number | undefined, handler: (c: FrameCapture) => void): () => void {
  const listener = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
    const parsed = NoteMessageSchema.safeParse(raw);
    if (!parsed.success || sender.tab?.id === undefined || sender.tab.id !== tabId()) return undefined;
    handler({
      ...parsed.data,
      tabId: sender.tab.id,
      frameId: sender.frameId ?? 0,
      receivedAt: performance.timeOrigin + performance.now(),
    });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

const merged = new WeakMap<FrameCapture, FrameCapture>();
const rank = (c: FrameCapture) => (c.source === 'none' ? Infinity : SOURCE_RANK[c.source]);

/**
 * The note to analyse among the frames' captures: the preferred source (a selection, a focused
 * field, a portal adapter, the heuristic), then among equals the frame the coder is working in
 * (it has the focus), then the longest text. Frames that show no note (source 'none': a hidden tab, a page of menus) are never chosen. The
 * patient and encounter come first from the top frame's banner (an EHR that shows the chart in
 * tabs of iframes under one patient bar), then from the note's frame, then from any other frame.
 * The same object is returned while nothing it holds changed.
 */
export function bestCapture(captures: Iterable<FrameCapture>): FrameCapture | undefined {
  let best: FrameCapture | undefined;
  const all = [...captures];
  const hidden = hiddenFrames(all);
  for (const c of all) {
    if (c.source === 'none' || !c.text || hidden.has(c.frameId)) continue;
    if (!best) best = c;
    else {
      const d = rank(c) - rank(best) || Number(!c.focused) - Number(!best.focused);
      if (d < 0 || (d === 0 && c.text.length > best.text.length)) best = c;
    }
  }
  if (!best) return undefined;
  // The top frame's banner first (the chart's own bar above its tabs), then the note's frame, then the rest.
  const top = all.find((c) => c.top);
  const order = [...(top ? [top] : []), ...(top === best ? [] : [best]), ...all.filter((c) => c !== best && c !== top)];
  const header: NonNullable<FrameCapture['header']> = {};
  const encounter: NonNullable<FrameCapture['encounter']> = {};
  for (const o of order) {
    for (const [k, v] of Object.entries(o.header ?? {}))
      if (v && !header[k as keyof typeof header]) header[k as keyof typeof header] = v;
    for (const [k, v] of Object.entries(o.encounter ?? {}))
      if (v && !encounter[k as keyof typeof encounter]) encounter[k as keyof typeof encounter] = v;
  }
  const next: FrameCapture = {
    ...best,
    ...(Object.keys(header).length ? { header } : {}),
    ...(Object.keys(encounter).length ? { encounter } : {}),
  };
  const prev = merged.get(best);
  if (prev && JSON.stringify([prev.header, prev.encounter]) === JSON.stringify([next.header, next.encounter]))
    return prev;
  merged.set(best, next);
  return next;
}

/**
 * Frames their parent reports as hidden (or inside a hidden frame). A frame judges itself from
 * inside (viewport, same-origin <iframe> chain); a cross-origin frame cannot see its <iframe>
 * element's styles, so its parent's report decides.
 */
export function hiddenFrames(reports: Pick<FrameCapture, 'frameId' | 'childFrames'>[]): Set<number> {
  const parent = new Map<number, { parent: number; hidden: boolean }>();
  for (const r of reports)
    for (const c of r.childFrames ?? [])
      if (c.frameId !== r.frameId) parent.set(c.frameId, { parent: r.frameId, hidden: c.hidden });
  const out = new Set<number>();
  for (const r of reports) {
    const seen = new Set<number>();
    for (let id: number | undefined = r.frameId; id !== undefined && !seen.has(id); id = parent.get(id)?.parent) {
      seen.add(id);
      if (parent.get(id)?.hidden) {
        out.add(r.frameId);
        break;
      }
    }
  }
  return out;
}

/**
 * The chart a review belongs to: the site, the patient (name, DOB, record number as the banner
 * shows them) and the encounter (date of service, number). An in-app address change of the same
 * chart keeps the review; another patient or encounter starts a new one. Without any banner fact
 * the page address is all there is to tell charts apart.
 */
export function reviewKeyOf(c: Pick<FrameCapture, 'frameUrl' | 'header' | 'encounter'>): string {
  const url = new URL(c.frameUrl);
  const who = [c.header?.name, c.header?.dob, c.header?.memberId].map((v) => (v ?? '').trim().toLowerCase());
  const when = [c.encounter?.date, c.encounter?.id].map((v) => v ?? '');
  if (![...who, ...when].some(Boolean)) return `${url.origin}${url.pathname}${url.search}`;
  return JSON.stringify([url.origin, ...who, ...when]);
}

export async function highlightInPage(
  c: FrameCapture,
  spans: { start: number; end: number }[],
  scroll = true,
): Promise<{ painted: number; method: string } | undefined> {
  try {
    // Only offsets cross to the page (the schema there is strict).
    const only = spans.slice(0, 50).map(({ start, end }) => ({ start, end }));
    const reply = HighlightReplySchema.safeParse(
      await sendToTab(c.tabId, { type: 'cc:highlight', captureId: c.captureId, spans: only, scroll }, c.frameId),
    );
    return reply.success ? reply.data : undefined;
  } catch {
    return undefined;
  }
}

export async function clearInPage(c: FrameCapture): Promise<void> {
  await sendToTab(c.tabId, { type: 'cc:clear' }, c.frameId).catch(() => {});
}

export interface FrameBilling extends BillingMessage {
  tabId: number;
  frameId: number;
}

export function onBilling(tabId: () => number | undefined, handler: (b: FrameBilling) => void): () => void {
  const listener = (raw: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
    const parsed = BillingMessageSchema.safeParse(raw);
    if (!parsed.success || sender.tab?.id === undefined || sender.tab.id !== tabId()) return undefined;
    handler({ ...parsed.data, tabId: sender.tab.id, frameId: sender.frameId ?? 0 });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export async function fillInPage(b: FrameBilling, summary: unknown): Promise<FillReply> {
  try {
    const reply = FillReplySchema.safeParse(await sendToTab(b.tabId, { type: 'cc:fill', summary }, b.frameId));
    return reply.success ? reply.data : { error: 'the page answered the fill with something else' };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
