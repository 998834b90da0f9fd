import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePack } from '../../lib/pack/compile';
import { fixtureInputs } from '../helpers/fixtures';

describe('bundled default pack loader (extension page side)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    fakeBrowser.reset();
  });

  it('fetches the pack from the extension origin once per page life', async () => {
    const { bytes } = await compilePack(fixtureInputs('fy2026'));
    const fetchMock = vi.fn(async () => new Response(bytes as Uint8Array<ArrayBuffer>));
    vi.stubGlobal('fetch', fetchMock);
    const { loadDefaultPack } = await import('../../utils/default-pack');
    const [a, b] = await Promise.all([loadDefaultPack(), loadDefaultPack()]);
    expect(a).toBe(b);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toMatch(
      /^chrome-extension:\/\/[^/]+\/packs\/default\.ccpack$/,
    );
    expect(a.lookup('E11.22')).toMatchObject({ code: 'E11.22', billable: true });
  });

  it('says how to fix a missing pack', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const { loadDefaultPack } = await import('../../utils/default-pack');
    await expect(loadDefaultPack()).rejects.toThrowError(/bundled code pack is missing \(404\).*npm run build/);
  });
});
