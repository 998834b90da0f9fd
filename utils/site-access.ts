/**
 * Site access is per EHR origin, granted by the user at run time (optional_host_permissions).
 * The capture script is registered for exactly the granted origins, in all frames, so that
 * same-origin iframes and about:blank/srcdoc frames of the note are read too.
 */
export const CAPTURE_SCRIPT_ID = 'chartcoder-capture';
export const CAPTURE_SCRIPT_FILE = '/content-scripts/content.js';
/** A one-line script at document start that wakes the background's analysis service (entrypoints/page-start.content.ts). */
export const PAGE_START_SCRIPT_ID = 'chartcoder-page-start';
export const PAGE_START_SCRIPT_FILE = '/content-scripts/page-start.js';

/** "https://ehr.example.org/anything" -> "https://ehr.example.org/*" (a host permission pattern). */
export function originPattern(input: string): string {
  const url = new URL(/^[a-z]+:\/\//i.test(input) ? input : `https://${input}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('only http(s) sites can be enabled');
  return `${url.protocol}//${url.hostname}/*`;
}

export function siteOrigins(origins: string[] | undefined): string[] {
  return (origins ?? []).filter((o) => /^https?:\/\/[^*/]+\/\*$/.test(o));
}

export async function syncContentScripts(opts: { injectOpenTabs?: boolean } = {}): Promise<string[]> {
  const sites = siteOrigins((await browser.permissions.getAll()).origins);
  const ids = [CAPTURE_SCRIPT_ID, PAGE_START_SCRIPT_ID];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (!sites.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((e) => e.id) });
    return sites;
  }
  const scripts = [
    {
      id: CAPTURE_SCRIPT_ID,
      js: [CAPTURE_SCRIPT_FILE],
      matches: sites,
      allFrames: true,
      runAt: 'document_idle' as const,
      ...(import.meta.env.FIREFOX ? {} : { matchOriginAsFallback: true }),
    },
    { id: PAGE_START_SCRIPT_ID, js: [PAGE_START_SCRIPT_FILE], matches: sites, runAt: 'document_start' as const },
  ];
  const have = new Set(existing.map((e) => e.id));
  const update = scripts.filter((x) => have.has(x.id));
  const add = scripts.filter((x) => !have.has(x.id));
  if (update.length) await browser.scripting.updateContentScripts(update);
  if (add.length) await browser.scripting.registerContentScripts(add);
  if (opts.injectOpenTabs) {
    const tabs = await browser.tabs.query({ url: sites });
    for (const t of tabs) {
      if (t.id === undefined) continue;
      await browser.scripting
        .executeScript({ target: { tabId: t.id, allFrames: true }, files: [CAPTURE_SCRIPT_FILE] })
        .catch(() => {});
    }
  }
  return sites;
}
