import { describe, expect, it } from 'vitest';
import { compilePack } from '../../lib/pack/compile';
import { loadPack } from '../../lib/pack/code-pack';
import { readHeader } from '../../lib/pack/container';
import { readPackPreInflated } from '../../utils/native-inflate';
import { fixtureInputs } from '../helpers/fixtures';
import { ANALYSIS_OMITS } from '../../lib/pack/load-order';

/** A response whose body arrives in pieces of `size` bytes (as the browser streams an extension file); `sent` counts the bytes pulled. */
function chunked(bytes: Uint8Array, size: number, sent = { bytes: 0 }): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      sent.bytes += Math.min(size, bytes.length - at);
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Response(body);
}

const build = async () => (await compilePack(fixtureInputs('fy2026'))).bytes;

describe('the bundled pack read as it arrives (sections inflated during the transfer)', () => {
  it('gives the same pack as the whole bytes, whatever the piece size; sections served from the native inflation, CRC checked once', async () => {
    const bytes = await build();
    const { header, base } = readHeader(bytes);
    for (const size of [7, 4096, 65_536, bytes.length]) {
      const { bytes: got, inflate } = await readPackPreInflated(chunked(bytes, size));
      expect(got).toEqual(bytes);
      expect(inflate).toBeDefined();
      const first = header.sections.find((s) => s.name === 'icd.codes')!;
      expect(inflate!.verified?.(got.subarray(base + first.offset, base + first.offset + first.length))).toBe(true);
      const pack = loadPack(got, 'bundled code pack', inflate);
      expect(pack.lookup('E11.22')).toMatchObject({ code: 'E11.22', billable: true });
      expect(pack.lookup('E11.22')).toEqual(loadPack(bytes).lookup('E11.22'));
    }
  });

  it('the analysis copy stops reading before the sections it omits (written last), answers the same, and refuses an omitted section', async () => {
    const bytes = await build();
    const { header, base } = readHeader(bytes);
    const omitted = header.sections.filter((s) => ANALYSIS_OMITS.test(s.name));
    expect(omitted.length).toBeGreaterThan(0);
    const firstOmitted = base + Math.min(...omitted.map((s) => s.offset));
    const sent = { bytes: 0 };
    const { bytes: got, inflate } = await readPackPreInflated(chunked(bytes, 64, sent), ANALYSIS_OMITS);
    expect(sent.bytes).toBeLessThan(bytes.length);
    expect(sent.bytes).toBeLessThanOrEqual(firstOmitted + 64);
    const copy = loadPack(got, 'analysis copy', inflate);
    expect(copy.lookup('E11.22')).toEqual(loadPack(bytes).lookup('E11.22'));
    expect(copy.excludes1Between('E11.9', 'E10.9')).toEqual(loadPack(bytes).excludes1Between('E11.9', 'E10.9'));
    const ptp = omitted.find((s) => s.name.startsWith('ptp.'));
    if (ptp) expect(() => copy.ptpEdits('12002', '99213')).toThrowError(/ptp\.\w+ cannot be inflated \(not read/);
    // Without `omit` the whole pack is read, as before.
    const whole = { bytes: 0 };
    expect((await readPackPreInflated(chunked(bytes, 4096, whole))).bytes).toEqual(bytes);
    expect(whole.bytes).toBe(bytes.length);
  });

  it('a damaged, truncated or over-long pack is refused with the loader’s usual message', async () => {
    const bytes = await build();
    const { header, base } = readHeader(bytes);
    const flipped = bytes.slice();
    const s = header.sections.find((x) => x.name === 'icd.codes')!;
    flipped[base + s.offset + 3]! ^= 0x10;
    const damaged = await readPackPreInflated(chunked(flipped, 4096));
    expect(damaged.inflate?.verified?.(damaged.bytes.subarray(base + s.offset, base + s.offset + s.length))).toBe(
      false,
    );
    expect(() => loadPack(damaged.bytes, 'bundled code pack', damaged.inflate).lookup('E11.22')).toThrowError(
      /section icd\.codes checksum mismatch/,
    );

    await expect(readPackPreInflated(chunked(bytes.subarray(0, bytes.length - 10), 4096))).rejects.toThrowError(
      /truncated/,
    );
    const longer = new Uint8Array(bytes.length + 5);
    longer.set(bytes);
    await expect(readPackPreInflated(chunked(longer, 4096))).rejects.toThrowError(/trailing bytes/);
    await expect(
      readPackPreInflated(chunked(new TextEncoder().encode('not a pack at all, just text'), 8)),
    ).rejects.toThrowError(/not a ChartCoder code pack/);
  });
});
