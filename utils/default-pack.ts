import { loadPack, type CodePack } from '@/lib/pack/code-pack';
import { ANALYSIS_OMITS } from '@/lib/pack/load-order';
import { readPackPreInflated } from './native-inflate';

/**
 * The code pack bundled at build time (public/packs/default.ccpack), loaded once per page life:
 * whole, or (for the background's analysis service) without the sections a note's analysis never
 * reads — the NCCI tables and the Alphabetic Index, which the pack stores last.
 */
const pending = new Map<'whole' | 'analysis', Promise<CodePack>>();

export function loadDefaultPack(view: 'whole' | 'analysis' = 'whole'): Promise<CodePack> {
  let p = pending.get(view);
  if (p) return p;
  p = (async () => {
    performance.mark('cc:pack-fetch-start');
    // Cast: WXT types public paths from public/ at prepare time, and the pack is generated at build time.
    const url = (browser.runtime.getURL as (path: string) => string)('/packs/default.ccpack');
    const res = await fetch(url);
    performance.mark('cc:pack-response');
    if (!res.ok)
      throw new Error(`the bundled code pack is missing (${res.status}); rebuild the extension with "npm run build"`);
    // Sections are inflated as their bytes arrive (the transfer takes most of a second).
    const { bytes, inflate } = await readPackPreInflated(res, view === 'analysis' ? ANALYSIS_OMITS : undefined);
    performance.mark('cc:pack-inflated');
    return loadPack(bytes, view === 'analysis' ? 'bundled code pack (analysis copy)' : 'bundled code pack', inflate);
  })().catch((e: unknown) => {
    // Not cached: a long-lived background asks again on its next request.
    pending.delete(view);
    throw e;
  });
  pending.set(view, p);
  return p;
}
