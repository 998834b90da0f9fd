import { boundedFflate, type Inflate } from './inflate';
import { checkSize, readHeader, stored } from './container-header';
import { crc32Hex } from './crc32';
import type { PackSection } from './format';

/**
 * Inflates the pack's sections with an asynchronous (e.g. the browser's native DecompressionStream)
 * inflater and returns a synchronous Inflate that serves those results, so a page uses native code
 * while the pack API stays synchronous. Sections named by `defer` (large ones not needed to start,
 * like the 24 MB PTP table) are inflated in the background after the others; if one is asked for
 * before it is ready, or the async result is wrong, `fallback` inflates it. Keyed by byte offset.
 * A section whose CRC-32 does not match is never handed to the async inflater: the synchronous
 * path then refuses it with the loader's message when it is used.
 */
export async function preInflated(
  bytes: Uint8Array,
  inflateAsync: (data: Uint8Array) => Promise<Uint8Array>,
  fallback: Inflate = boundedFflate,
  defer: (section: string) => boolean = () => false,
): Promise<Inflate> {
  // The same checks as decodePack: a file that is not a pack fails here with the same message.
  const { header, base } = readHeader(bytes);
  checkSize(header, base, bytes, 'code pack');
  const done = new Map<number, Uint8Array>();
  const served = new Set<number>();
  const checked = new Set<number>();
  const run = (s: PackSection) => {
    const data = stored(bytes, base, s);
    if (crc32Hex(data) !== s.crc32) return Promise.resolve();
    checked.add(data.byteOffset);
    return inflateAsync(data).then(
      (out) => {
        const key = bytes.byteOffset + base + s.offset;
        if (out.length === s.rawLength && !served.has(key)) done.set(key, out);
      },
      () => undefined,
    );
  };
  await Promise.all(header.sections.filter((s) => !defer(s.name)).map(run));
  // Deferred sections (their CRC too) after the caller has started.
  setTimeout(() => void Promise.all(header.sections.filter((s) => defer(s.name)).map(run)), 0);
  const inflate: Inflate = (data, maxLength) => {
    served.add(data.byteOffset);
    const hit = done.get(data.byteOffset);
    if (hit) {
      done.delete(data.byteOffset);
      return hit;
    }
    return fallback(data, maxLength);
  };
  inflate.verified = (data) => checked.has(data.byteOffset);
  return inflate;
}
