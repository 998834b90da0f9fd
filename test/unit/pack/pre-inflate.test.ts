import { inflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack } from '../../../lib/pack/code-pack';
import { preInflated } from '../../../lib/pack/container';
import { fixtureInputs } from '../../helpers/fixtures';

describe('sections inflated up front by an async (native) inflater', () => {
  it('serves every section from the async results, never the fallback, with the same answers', async () => {
    const { bytes } = await compilePack(fixtureInputs('fy2026'));
    const asyncInflate = vi.fn(async (d: Uint8Array) => new Uint8Array(inflateRawSync(d)));
    const fallback = vi.fn((d: Uint8Array) => new Uint8Array(inflateRawSync(d)));
    const pack = loadPack(bytes, 'x', await preInflated(bytes, asyncInflate, fallback));
    expect(pack.lookup('E11.22')).toMatchObject({ code: 'E11.22', billable: true });
    expect(pack.search('type 2 diabetes chronic kidney disease', 3)[0]?.code).toBe('E11.22');
    expect(asyncInflate).toHaveBeenCalledTimes(pack.header.sections.length);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('a section the async inflater got wrong is inflated again by the fallback', async () => {
    const { bytes } = await compilePack(fixtureInputs('fy2026'));
    const fallback = vi.fn((d: Uint8Array) => new Uint8Array(inflateRawSync(d)));
    const pack = loadPack(bytes, 'x', await preInflated(bytes, async () => new Uint8Array(1), fallback));
    expect(pack.lookup('E11.22')?.code).toBe('E11.22');
    expect(fallback).toHaveBeenCalled();
  });

  it('a file that is not a pack fails with the loader message', async () => {
    await expect(preInflated(new TextEncoder().encode('hello, not a pack'), async (d) => d)).rejects.toThrow(
      /not a ChartCoder code pack/,
    );
  });
});
