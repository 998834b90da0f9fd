import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built extension under test; CHARTCODER_EXTENSION_DIR points at another build (e.g. a baseline to compare). */
export const EXTENSION_DIR = path.resolve(process.env.CHARTCODER_EXTENSION_DIR ?? '.output/e2e/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PORT = Number(process.env.FIXTURE_PORT ?? 4873);
export const FIXTURES = `http://127.0.0.1:${PORT}`;
/** Same server under another host name: the extension has no access there (heap baseline). */
export const FIXTURES_NO_ACCESS = `http://localhost:${PORT}`;
export const SCREENSHOTS = path.resolve('.tmp/screenshots');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** Every request that tried to leave for an origin other than the fixture server and the extension. */
  blocked: string[];
  close(): Promise<void>;
}

export async function launch(): Promise<Harness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'cc-e2e-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const blocked: string[] = [];
  // PHI guard: anything not to the fixture server or the extension itself is recorded and refused.
  const allowed = (url: string) =>
    url.startsWith(`${FIXTURES}/`) ||
    url.startsWith(`${FIXTURES_NO_ACCESS}/`) ||
    url.startsWith('chrome-extension://') ||
    url.startsWith('data:') ||
    url.startsWith('blob:') ||
    url === 'about:blank';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    if (!allowed(req.url())) blocked.push(req.url());
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(sw.url()).host;
  // The e2e build holds host access to the fixture server: wait until the background has registered
  // the capture script for it (onInstalled), or a page opened at once would load without it.
  await sw.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
    ).chrome;
    for (let i = 0; i < 200 && !(await api.scripting.getRegisteredContentScripts()).length; i++)
      await new Promise((r) => setTimeout(r, 50));
  });
  return { context, extensionId, blocked, close: () => context.close() };
}

/**
 * Opens the side panel page bound to the tab showing `page` (as the real panel is bound to its tab).
 * The tab id is asked of the background service worker, so no other extension page loads (and
 * competes for the CPU) before the panel — a coder opens the panel straight from the chart.
 */
export async function openPanelFor(h: Harness, page: Page): Promise<Page> {
  const url = page.url();
  const [sw] = h.context.serviceWorkers();
  const tabId = await (sw ?? (await h.context.waitForEvent('serviceworker'))).evaluate(async (u) => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
    ).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  const panel = await h.context.newPage();
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** Text of every range in the page's evidence highlight (main world sees the same registry). */
export async function highlightedText(frame: { evaluate: Page['evaluate'] }): Promise<string[]> {
  return frame.evaluate(() => {
    const h = CSS.highlights.get('chartcoder-evidence');
    return h ? [...h].map((r) => r.toString()) : [];
  });
}
