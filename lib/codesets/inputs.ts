import { Gunzip, unzipSync } from 'fflate';
import { crc32 } from '../pack/crc32';
import { CodesetError } from './errors';

/** A file handed to the compiler: from disk (CLI), a file picker (options page) or a fetch. */
export interface InputFile {
  /** Display path: the given path, or `archive.zip!member` for a zip member. */
  path: string;
  bytes: Uint8Array;
  /** sha256 of the file as the user supplied it (the zip itself for a member). */
  suppliedSha256?: string;
  /** Display path of the archive this came out of, if any. */
  archive?: string;
}

export function baseName(path: string): string {
  const p = path.split('!').pop() ?? path;
  return p.split(/[\\/]/).pop() ?? p;
}

const MB = 1024 * 1024;

/**
 * What one import may expand to, checked while inflating (a gzip stream is counted chunk by
 * chunk; a zip member's size is read from the central directory before anything is allocated, its
 * inflated bytes can never exceed it, and its CRC-32 is checked after). The largest official file
 * today is the NCCI PTP practitioner table, ~175 MB as text; all of ../shared/data/codesets
 * expands to ~266 MB. The CLI and the options page's compile worker use the same limits.
 */
export interface ImportLimits {
  /** One file after decompression (also a plain file read from disk). */
  perFileBytes: number;
  /** Every file of one import after decompression, together. */
  totalBytes: number;
  /** Members of one zip archive. */
  zipMembers: number;
  /** Archives inside archives (CMS ships NCCI quarters as a zip of zips: depth 2). */
  nesting: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  perFileBytes: 256 * MB,
  totalBytes: 512 * MB,
  zipMembers: 5000,
  nesting: 4,
};

export function formatBytes(n: number): string {
  return n >= MB ? `${Math.round(n / MB)} MB` : `${Math.round(n / 1024)} kB`;
}

/** Running total of one import. */
class Budget {
  used = 0;
  constructor(readonly limits: ImportLimits) {}

  /** Refuses a file (its size known or declared) over the per-file limit or the remaining total. */
  take(path: string, bytes: number, what = 'is'): void {
    if (bytes > this.limits.perFileBytes) {
      throw new CodesetError(
        path,
        `${what} ${formatBytes(bytes)}, over the limit of ${formatBytes(this.limits.perFileBytes)} per file; no official release file is that large`,
      );
    }
    if (this.used + bytes > this.limits.totalBytes) {
      throw new CodesetError(
        path,
        `the files of this import expand to more than ${formatBytes(this.limits.totalBytes)} together (the limit); import fewer files at once`,
      );
    }
    this.used += bytes;
  }
}

/**
 * Gunzips in 32 kB steps (multi-member files too), counting the output and stopping as soon as a
 * limit is passed: at most one step's expansion (DEFLATE: ~1032:1) is ever held beyond the limit.
 * The trailer's declared size is not trusted (it is the size modulo 4 GB, of the last member only).
 */
function gunzipBounded(f: InputFile, budget: Budget): Uint8Array {
  const max = Math.min(budget.limits.perFileBytes, budget.limits.totalBytes - budget.used);
  if (f.bytes.length < 18 || f.bytes[0] !== 0x1f || f.bytes[1] !== 0x8b)
    throw new CodesetError(f.path, 'not a readable gzip file (no gzip signature)');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const g = new Gunzip((chunk) => {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  });
  const STEP = 32 * 1024;
  try {
    for (let at = 0; at < f.bytes.length && size <= max; at += STEP)
      g.push(f.bytes.subarray(at, at + STEP), at + STEP >= f.bytes.length);
  } catch (e) {
    throw new CodesetError(f.path, `not a readable gzip file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (size > max) budget.take(f.path, max + 1, 'expands to more than');
  budget.take(f.path, size, 'expands to');
  return concatChunks(chunks, size);
}

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

interface ZipEntry {
  crc: number;
}

/** The CRC-32 of every central-directory entry, in order (fflate does not check them). */
function zipCrcs(data: Uint8Array): ZipEntry[] {
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
  const out: ZipEntry[] = [];
  for (let i = 0; i < count && offset + 46 <= data.length; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) break;
    out.push({ crc: view.getUint32(offset + 16, true) });
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

function unzipBounded(f: InputFile, budget: Budget): [string, Uint8Array][] {
  const crcs = zipCrcs(f.bytes);
  const wanted = (name: string) => !name.endsWith('/') && !name.startsWith('__MACOSX/');
  const readable = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      if (e instanceof CodesetError) throw e;
      throw new CodesetError(f.path, `not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
    }
  };
  // First pass: the central directory only (nothing inflated), so every member's declared size is
  // checked against the limits before the first one is unpacked.
  let members = 0;
  readable(() =>
    unzipSync(f.bytes, {
      filter: (m) => {
        if (!wanted(m.name)) return false;
        if (++members > budget.limits.zipMembers)
          throw new CodesetError(
            f.path,
            `has more than ${budget.limits.zipMembers} members (the limit); not an official release archive`,
          );
        // fflate inflates into a buffer of exactly the declared size: the declared size is the bound.
        budget.take(`${f.path}!${m.name}`, m.originalSize, m.compression === 0 ? 'is' : 'expands to');
        return false;
      },
    }),
  );
  let index = -1;
  const order: number[] = [];
  const names = new Set<string>();
  const files = readable(() =>
    unzipSync(f.bytes, {
      filter: (m) => {
        index++;
        if (!wanted(m.name)) return false;
        if (names.has(m.name))
          throw new CodesetError(f.path, `has two members named ${m.name}; not an official release archive`);
        names.add(m.name);
        order.push(index);
        return true;
      },
    }),
  );
  const entries = Object.entries(files);
  entries.forEach(([name, bytes], i) => {
    const expected = crcs[order[i] ?? -1]?.crc;
    if (expected !== undefined && crc32(bytes) !== expected)
      throw new CodesetError(
        `${f.path}!${name}`,
        'is damaged (CRC-32 of the unpacked member differs from the zip directory)',
      );
  });
  return entries;
}

/**
 * Gunzips `.gz` and opens `.zip` (nested zips too, as CMS ships NCCI quarters) with fflate, within
 * `limits` (see ImportLimits): a limit passed is a CodesetError naming the file, before the memory
 * is taken.
 */
export function expandArchives(files: InputFile[], limits: ImportLimits = IMPORT_LIMITS): InputFile[] {
  const budget = new Budget(limits);
  const expand = (list: InputFile[], depth: number): InputFile[] => {
    const out: InputFile[] = [];
    for (const f of list) {
      const name = baseName(f.path).toLowerCase();
      const archive = name.endsWith('.gz') || name.endsWith('.zip');
      if (archive && depth >= limits.nesting)
        throw new CodesetError(
          f.path,
          `archives nested more than ${limits.nesting} deep (the limit); not an official release archive`,
        );
      if (name.endsWith('.gz')) {
        const bytes = gunzipBounded(f, budget);
        out.push(...expand([{ ...f, path: f.path.replace(/\.gz$/i, ''), bytes }], depth + 1));
      } else if (name.endsWith('.zip')) {
        const inner = unzipBounded(f, budget)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([m, bytes]) => ({
            path: `${f.path}!${m}`,
            bytes,
            suppliedSha256: f.suppliedSha256,
            archive: f.archive ?? f.path,
          }));
        if (inner.length === 0) throw new CodesetError(f.path, 'the zip archive is empty');
        out.push(...expand(inner, depth + 1));
      } else {
        if (depth === 0) budget.take(f.path, f.bytes.length);
        out.push(f);
      }
    }
    return out;
  };
  return expand(files, 0);
}
