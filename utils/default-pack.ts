import { loadPack, type CodePack } from '@/lib/pack/code-pack';
import { readPackPreInflated } from './native-inflate';

/** The code pack bundled at build time (public/packs/default.ccpack), loaded once per page life. */
let pending: Promise<CodePack> | undefined;

export function loadDefaultPack(): Promise<CodePack> {
  pending ??= (async () => {
    // Cast: WXT types public paths from public/ at prepare time, and the pack is generated at build time.
    const url = (browser.runtime.getURL as (path: string) => string)('/packs/default.ccpack');
    const res = await fetch(url);
    if (!res.ok)
      throw new Error(`the bundled code pack is missing (${res.status}); rebuild the extension with "npm run build"`);
    // Sections are inflated as their bytes arrive (the transfer takes most of a second).
    const { bytes, inflate } = await readPackPreInflated(res);
    performance.mark('cc:pack-inflated');
    return loadPack(bytes, 'bundled code pack', inflate);
  })().catch((e: unknown) => {
    // Not cached: a long-lived background asks again on its next request.
    pending = undefined;
    throw e;
  });
  return pending;
}
