import { gunzipBounded, listZip, readZipMember } from './archives';
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

export { concatChunks } from './archives';

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
 * A release file found among the inputs, not yet inflated: `load()` inflates it (within the
 * limits, counted on its first load) and keeps nothing, so the compiler holds one file's bytes at a
 * time instead of the whole import (~270 MB for ../shared/data/codesets).
 */
export interface ExpandedFile {
  path: string;
  suppliedSha256?: string;
  archive?: string;
  load(): Uint8Array;
  /** The first `n` bytes (fewer if the file is shorter), without inflating a gzip file whole. */
  head(n: number): Uint8Array;
}

/**
 * Lists the files inside `.gz` and `.zip` inputs (nested zips too, as CMS ships NCCI quarters)
 * within `limits` (see ImportLimits). A zip member's declared size is checked here, before anything
 * is inflated; a gzip file's size is only known by inflating it, so it is counted, and refused as
 * soon as it passes a limit, when it is loaded. Every refusal is a CodesetError naming the file.
 */
export function expandArchives(files: InputFile[], limits: ImportLimits = IMPORT_LIMITS): ExpandedFile[] {
  const budget = new Budget(limits);
  const expand = (f: ExpandedFile, depth: number, out: ExpandedFile[]): void => {
    const name = baseName(f.path).toLowerCase();
    const gz = name.endsWith('.gz');
    const zip = name.endsWith('.zip');
    if ((gz || zip) && depth >= limits.nesting)
      throw new CodesetError(
        f.path,
        `archives nested more than ${limits.nesting} deep (the limit); not an official release archive`,
      );
    if (gz) {
      const packed = f.load();
      let counted = false;
      const inflate = (stopAt?: number) => {
        const max = Math.min(limits.perFileBytes, counted ? Infinity : limits.totalBytes - budget.used);
        const out = gunzipBounded(f.path, packed, max, stopAt);
        if (!out) budget.take(f.path, max + 1, 'expands to more than');
        return out!;
      };
      const inner: ExpandedFile = {
        ...f,
        path: f.path.replace(/\.gz$/i, ''),
        load() {
          const out = inflate();
          if (!counted) budget.take(f.path, out.length, 'expands to');
          counted = true;
          return out;
        },
        head: (n) => inflate(n).slice(0, n),
      };
      expand(inner, depth + 1, out);
    } else if (zip) {
      const packed = f.load();
      let count = 0;
      const members = listZip(f.path, packed, (m) => {
        if (++count > limits.zipMembers)
          throw new CodesetError(
            f.path,
            `has more than ${limits.zipMembers} members (the limit); not an official release archive`,
          );
        budget.take(`${f.path}!${m.name}`, m.size, m.stored ? 'is' : 'expands to');
      });
      if (members.length === 0) throw new CodesetError(f.path, 'the zip archive is empty');
      for (const m of [...members].sort((a, b) => a.name.localeCompare(b.name))) {
        const load = () => readZipMember(f.path, packed, m);
        expand(
          {
            path: `${f.path}!${m.name}`,
            suppliedSha256: f.suppliedSha256,
            archive: f.archive ?? f.path,
            load,
            head: (n) => load().slice(0, n),
          },
          depth + 1,
          out,
        );
      }
    } else out.push(f);
  };
  const out: ExpandedFile[] = [];
  for (const f of files) {
    // A plain file counts its own size; an archive counts what it expands to.
    if (!/\.(gz|zip)$/i.test(f.path)) budget.take(f.path, f.bytes.length);
    expand({ ...f, load: () => f.bytes, head: (n) => f.bytes.subarray(0, n) }, 0, out);
  }
  return out;
}

/** Every file inflated at once: for tests and small imports (the compiler loads one at a time). */
export function expandAll(files: InputFile[], limits: ImportLimits = IMPORT_LIMITS): InputFile[] {
  return expandArchives(files, limits).map((f) => ({
    path: f.path,
    bytes: f.load(),
    ...(f.suppliedSha256 ? { suppliedSha256: f.suppliedSha256 } : {}),
    ...(f.archive ? { archive: f.archive } : {}),
  }));
}
