import { preInflated, type Inflate } from '@/lib/pack/container';

/**
 * The browser's own raw-DEFLATE decoder (DecompressionStream 'deflate-raw', Chrome 103+ /
 * Firefox 113+) for every pack section, in parallel, before the pack is used; where it is missing
 * (or in tests) the pure fflate path stays. Same bytes either way: the section sizes are checked.
 */
export async function nativeInflater(bytes: Uint8Array): Promise<Inflate | undefined> {
  if (typeof DecompressionStream !== 'function') return undefined;
  try {
    new DecompressionStream('deflate-raw');
  } catch {
    return undefined;
  }
  return preInflated(
    bytes,
    async (data) => {
      const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
    undefined,
    // The PTP table (24 MB raw) is needed only once two service lines are checked: not before the first suggestions.
    (name) => name === 'ptp.rows',
  );
}
