import { gunzipSync, unzipSync } from 'fflate';
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

/** Gunzips `.gz` and opens `.zip` (nested zips too, as CMS ships NCCI quarters) with fflate. */
export function expandArchives(files: InputFile[]): InputFile[] {
  const out: InputFile[] = [];
  for (const f of files) {
    const name = baseName(f.path).toLowerCase();
    if (name.endsWith('.gz')) {
      let bytes: Uint8Array;
      try {
        bytes = gunzipSync(f.bytes);
      } catch (e) {
        throw new CodesetError(f.path, `not a readable gzip file (${e instanceof Error ? e.message : String(e)})`);
      }
      out.push(...expandArchives([{ ...f, path: f.path.replace(/\.gz$/i, ''), bytes }]));
    } else if (name.endsWith('.zip')) {
      let members: Record<string, Uint8Array>;
      try {
        members = unzipSync(f.bytes);
      } catch (e) {
        throw new CodesetError(f.path, `not a readable zip archive (${e instanceof Error ? e.message : String(e)})`);
      }
      const inner = Object.entries(members)
        .filter(([m]) => !m.endsWith('/') && !m.startsWith('__MACOSX/'))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([m, bytes]) => ({ path: `${f.path}!${m}`, bytes, suppliedSha256: f.suppliedSha256, archive: f.archive ?? f.path }));
      if (inner.length === 0) throw new CodesetError(f.path, 'the zip archive is empty');
      out.push(...expandArchives(inner));
    } else {
      out.push(f);
    }
  }
  return out;
}
