import { Gunzip, unzipSync } from 'fflate';
import { crc32 } from '../pack/crc32';
import { CodesetError } from './errors';

/*
 * The two archive formats release files come in, read within a byte bound. Nothing here keeps a
 * whole archive's contents: inputs.ts asks for one file at a time and drops it once parsed.
 */

const STEP = 32 * 1024;

/** One buffer from streamed chunks whose total size is known. */
export function concatChunks(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function checkGzip(path: string, bytes: Uint8Array): void {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new CodesetError(path, 'not a readable gzip file (no gzip signature)');
}

/**
 * Gunzips in 32 kB steps (multi-member files too), stopping as soon as the output passes `max`:
 * at most one step's expansion (DEFLATE: ~1032:1, ~33 MB) is held beyond the bound; returns
 * undefined then. The trailer's size (ISIZE, the last member's size modulo 4 GB) is only a hint:
 * when it is right, the output goes straight into one buffer of that size (no second copy of a
 * 175 MB table); when the stream outgrows it, the chunks are kept and joined at the end.
 * `stopAt` ends early once that many bytes are out (a file's first bytes, to tell what it is).
 */
export function gunzipBounded(path: string, bytes: Uint8Array, max: number, stopAt = Infinity): Uint8Array | undefined {
  checkGzip(path, bytes);
  const hint = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 4, true);
  let buf: Uint8Array | undefined = stopAt === Infinity && hint <= max ? new Uint8Array(hint) : undefined;
  let chunks: Uint8Array[] = [];
  let size = 0;
  const g = new Gunzip((chunk) => {
    if (size + chunk.length <= max) {
      if (buf && size + chunk.length <= buf.length) buf.set(chunk, size);
      else {
        if (buf) chunks = [buf.subarray(0, size)];
        buf = undefined;
        chunks.push(chunk);
      }
    }
    size += chunk.length;
  });
  try {
    for (let at = 0; at < bytes.length && size <= max && size < stopAt; at += STEP)
      g.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  } catch (e) {
    throw new CodesetError(path, `not a readable gzip file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (size > max) return undefined;
  if (buf) return size === buf.length ? buf : buf.slice(0, size);
  return concatChunks(chunks, size);
}

/** A zip member as listed in the central directory: nothing inflated yet. */
export interface ZipMember {
  name: string;
  /** Declared inflated size: fflate inflates into a buffer of exactly this size, so it is the bound. */
  size: number;
  stored: boolean;
  /** CRC-32 from the central directory (fflate does not check it). */
  crc: number | undefined;
}

/** The CRC-32 of every central-directory entry, in order. */
function zipCrcs(data: Uint8Array): number[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let e = data.length - 22;
  while (e > 0 && view.getUint32(e, true) !== 0x06054b50) e--;
  if (e <= 0 && (data.length < 22 || view.getUint32(0, true) !== 0x06054b50)) return [];
  let count = view.getUint16(e + 10, true);
  let offset = view.getUint32(e + 16, true);
  if (e >= 20 && view.getUint32(e - 20, true) === 0x07064b50) {
    const z = Number(view.getBigUint64(e - 12, true));
    if (z + 56 <= data.length && view.getUint32(z, true) === 0x06064b50) {
      count = Number(view.getBigUint64(z + 32, true));
      offset = Number(view.getBigUint64(z + 48, true));
    }
  }
  const out: number[] = [];
  for (let i = 0; i < count && offset + 46 <= data.length; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    out.push(view.getUint32(offset + 16, true));
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

function readable<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CodesetError) throw e;
    throw new CodesetError(path, `not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
  }
}

const wanted = (name: string) => !name.endsWith('/') && !name.startsWith('__MACOSX/');

/**
 * The members of a zip from its central directory only (nothing inflated), so every declared size
 * can be checked against the limits before the first member is unpacked. `onMember` may throw.
 */
export function listZip(path: string, bytes: Uint8Array, onMember: (m: ZipMember) => void): ZipMember[] {
  const crcs = zipCrcs(bytes);
  const out: ZipMember[] = [];
  const names = new Set<string>();
  let index = -1;
  readable(path, () =>
    unzipSync(bytes, {
      filter: (m) => {
        index++;
        if (!wanted(m.name)) return false;
        if (names.has(m.name))
          throw new CodesetError(path, `has two members named ${m.name}; not an official release archive`);
        names.add(m.name);
        const member = { name: m.name, size: m.originalSize, stored: m.compression === 0, crc: crcs[index] };
        onMember(member);
        out.push(member);
        return false;
      },
    }),
  );
  return out;
}

/** Inflates one member (only it) and checks its CRC-32 against the central directory. */
export function readZipMember(path: string, bytes: Uint8Array, m: ZipMember): Uint8Array {
  const files = readable(path, () => unzipSync(bytes, { filter: (e) => e.name === m.name }));
  const out = files[m.name];
  if (!out) throw new CodesetError(`${path}!${m.name}`, 'is missing from the zip archive');
  if (m.crc !== undefined && crc32(out) !== m.crc)
    throw new CodesetError(
      `${path}!${m.name}`,
      'is damaged (CRC-32 of the unpacked member differs from the zip directory)',
    );
  return out;
}
