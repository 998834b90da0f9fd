import { boundedFflate, preInflated, readHeader, type Inflate } from '@/lib/pack/container';
import { crc32Hex } from '@/lib/pack/crc32';
import { PACK_LIMITS, type PackSection } from '@/lib/pack/format';

const DEFERRED = /^(index|excludes1|mue|aoc|ptp\.|icd\.short$)/;

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

/** Whether this runtime has the browser's raw-DEFLATE decoder. */
function hasNativeInflate(): boolean {
  if (typeof DecompressionStream !== 'function') return false;
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

const PREFIX = 16;

/**
 * A code pack read from its response as the bytes arrive, for the bundled pack (13.7 MB: 0.5–1.4 s
 * to arrive from the extension's files on this project's machine, with the CPU idle meanwhile):
 * each section the first analysis reads is CRC-checked and handed to the native inflater as soon
 * as its bytes are in, so inflation overlaps the transfer instead of following it. The result is
 * what `nativeInflater` gives on the whole bytes (the deferred sections are inflated afterwards,
 * a section asked for before it is ready is inflated by fflate). A response that does not match
 * its header's layout (damaged, truncated, too long) is read whole and goes the ordinary way, so
 * the loader refuses it with its usual message. With `omit` (the background's analysis copy), reading
 * stops once every other section is in: the pack writes the omitted ones last (lib/pack/load-order.ts),
 * so their bytes (the PTP rows, the Index: over half the file) are never transferred, and asking for
 * one of them is an error, never a silent wrong answer.
 */
export async function readPackPreInflated(
  res: Response,
  omit?: RegExp,
): Promise<{ bytes: Uint8Array; inflate: Inflate | undefined }> {
  const whole = async (bytes: Uint8Array) => {
    performance.mark('cc:pack-fetched');
    return { bytes, inflate: await nativeInflater(bytes) };
  };
  if (!res.body || !hasNativeInflate()) return whole(new Uint8Array(await res.arrayBuffer()));
  const reader = res.body.getReader();
  const head: Uint8Array[] = [];
  let out: Uint8Array | undefined;
  let got = 0;
  let base = 0;
  let sections: PackSection[] = [];
  let next = 0;
  /** Where the last section not omitted ends: reading stops there when sections are omitted. */
  let neededEnd = 0;
  let partial = false;
  const done = new Map<number, Uint8Array>();
  const served = new Set<number>();
  const checked = new Set<number>();
  const started: Promise<void>[] = [];
  const run = (s: PackSection) => {
    const data = out!.subarray(base + s.offset, base + s.offset + s.length);
    if (crc32Hex(data) !== s.crc32) return Promise.resolve();
    checked.add(data.byteOffset);
    return inflateRawNative(data).then(
      (raw) => {
        const key = data.byteOffset;
        if (raw.length === s.rawLength && !served.has(key)) done.set(key, raw);
      },
      () => undefined,
    );
  };
  const startArrived = () => {
    for (; next < sections.length && base + sections[next]!.offset + sections[next]!.length <= got; next++) {
      if (!DEFERRED.test(sections[next]!.name)) started.push(run(sections[next]!));
    }
  };
  const concat = (parts: Uint8Array[]) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  };
  /** The layout does not hold: the rest is read as it is and the ordinary path judges it. */
  const readRest = async (first: Uint8Array[]) => {
    const parts = [...first];
    for (;;) {
      const { done: end, value } = await reader.read();
      if (end) break;
      parts.push(value);
    }
    return whole(concat(parts));
  };
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    if (!out) {
      head.push(value);
      const joined = concat(head);
      if (joined.length < PREFIX) continue;
      const headerLength = new DataView(joined.buffer, joined.byteOffset, joined.byteLength).getUint32(8, true);
      if (headerLength > PACK_LIMITS.headerBytes) return readRest([joined]);
      if (joined.length < PREFIX + headerLength) continue;
      let total: number;
      try {
        const read = readHeader(joined);
        base = read.base;
        sections = read.header.sections;
        total = base + sections.reduce((m, s) => Math.max(m, s.offset + s.length), 0);
      } catch {
        return readRest([joined]);
      }
      if (joined.length > total) return readRest([joined]);
      neededEnd = base + sections.reduce((m, s) => (omit?.test(s.name) ? m : Math.max(m, s.offset + s.length)), 0);
      out = new Uint8Array(total);
      out.set(joined);
      got = joined.length;
    } else {
      if (got + value.length > out.length) return readRest([out.subarray(0, got), value]);
      out.set(value, got);
      got += value.length;
    }
    startArrived();
    if (omit && got >= neededEnd && got < out.length) {
      partial = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  if (!out || (got !== out.length && !partial)) return whole(out ? out.subarray(0, got) : concat(head));
  performance.mark('cc:pack-fetched');
  await Promise.all(started);
  // Deferred sections (their CRC too) after the caller has started.
  const arrived = (s: PackSection) => base + s.offset + s.length <= got;
  setTimeout(() => void Promise.all(sections.filter((s) => DEFERRED.test(s.name) && arrived(s)).map(run)), 0);
  const notRead = (data: Uint8Array) => partial && data.buffer === out!.buffer && data.byteOffset >= got;
  const inflate: Inflate = (data, maxLength) => {
    if (notRead(data)) throw new Error("not read: this copy holds only the sections a note's analysis reads");
    served.add(data.byteOffset);
    const hit = data.buffer === out!.buffer ? done.get(data.byteOffset) : undefined;
    if (hit) {
      done.delete(data.byteOffset);
      return hit;
    }
    return boundedFflate(data, maxLength);
  };
  // A section never read is not CRC-checked (its bytes are not there): asking for it fails in `inflate`.
  inflate.verified = (data) => notRead(data) || (data.buffer === out!.buffer && checked.has(data.byteOffset));
  return { bytes: out, inflate };
}
