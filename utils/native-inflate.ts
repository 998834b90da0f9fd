import { preInflated, type Inflate } from '@/lib/pack/container';
import { PACK_LIMITS } from '@/lib/pack/format';

const DEFERRED = /^(index|excludes1|mue|aoc|ptp\.)/;

/**
 * One section through DecompressionStream, fed and read directly. Measured in this project's
 * Chromium: a Blob's stream() (and Response.arrayBuffer) round-trips the bytes through the
 * browser's blob store and made the first sections take ~0.75 s instead of ~0.3 s. Stops past the
 * largest section a pack may declare; the caller checks the exact declared size.
 */
export async function inflateRawNative(data: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  void writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > PACK_LIMITS.sectionRawBytes) {
      await reader.cancel();
      throw new Error(`inflates past ${PACK_LIMITS.sectionRawBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The browser's own raw-DEFLATE decoder (DecompressionStream 'deflate-raw', Chrome 103+ /
 * Firefox 113+) for the pack's sections, in parallel, before the pack is used; where it is missing
 * (or in tests) the pure fflate path stays. Same bytes either way: the section sizes are checked.
 * The sections the first analysis does not read (the Alphabetic Index, Excludes1, the NCCI edits:
 * ~36 MB raw of ~70) are inflated after the others, or at once (fflate) if asked for first.
 */
export async function nativeInflater(bytes: Uint8Array): Promise<Inflate | undefined> {
  if (typeof DecompressionStream !== 'function') return undefined;
  try {
    new DecompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  return preInflated(bytes, inflateRawNative, undefined, (name) => DEFERRED.test(name));
}
