import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sha256Hex } from '../../lib/util/sha256';
import { writeAtomic } from '../io';
import { PROJECT_ROOT } from '../paths';
import { print, UsageError, type GlobalOptions } from '../output';

const ManifestSchema = z.object({
  about: z.string().optional(),
  files: z.array(
    z.strictObject({
      id: z.string(),
      system: z.string(),
      release: z.string(),
      url: z.string().url(),
      file: z.string().regex(/^[\w.-]+$/),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
      size: z.number().int().positive().optional(),
      pinned: z.boolean(),
      note: z.string().optional(),
    }),
  ),
});
export type ReleaseManifest = z.infer<typeof ManifestSchema>;

export interface FetchOutcome {
  id: string;
  file: string;
  status: 'downloaded' | 'already present' | 'skipped (not pinned)';
  sha256?: string;
  bytes?: number;
}

export interface FetchOptions {
  manifest?: string;
  out?: string;
  baseUrl?: string;
  allowUnpinned?: boolean;
  fetchImpl?: typeof fetch;
}

/**
 * Downloads the manifest's official release files and keeps each only if its sha256 matches the
 * pinned value (written to a temporary name, then renamed). This sends no note content anywhere:
 * it requests public code-set files by fixed URL.
 */
export async function fetchReleases(o: FetchOptions): Promise<FetchOutcome[]> {
  const manifestPath = o.manifest ?? path.join(PROJECT_ROOT, 'data/release-manifest.json');
  const manifest = ManifestSchema.parse(JSON.parse(await fs.readFile(manifestPath, 'utf8')));
  const outDir = o.out ?? path.join(PROJECT_ROOT, '.cache/codesets');
  const doFetch = o.fetchImpl ?? fetch;
  const outcomes: FetchOutcome[] = [];
  for (const entry of manifest.files) {
    const target = path.join(outDir, entry.file);
    if (!entry.pinned && !o.allowUnpinned) {
      outcomes.push({ id: entry.id, file: target, status: 'skipped (not pinned)' });
      continue;
    }
    const existing = await fs.readFile(target).catch(() => undefined);
    if (existing && entry.sha256 && (await sha256Hex(new Uint8Array(existing))) === entry.sha256) {
      outcomes.push({ id: entry.id, file: target, status: 'already present', sha256: entry.sha256, bytes: existing.length });
      continue;
    }
    const url = o.baseUrl ? new URL(new URL(entry.url).pathname, o.baseUrl).toString() : entry.url;
    const res = await doFetch(url);
    if (!res.ok) throw new UsageError(`${entry.id}: download of ${url} failed (HTTP ${res.status})`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const hash = await sha256Hex(bytes);
    if (entry.sha256 && hash !== entry.sha256) {
      throw new UsageError(`${entry.id}: ${url} has sha256 ${hash}, expected the pinned ${entry.sha256}; the file was not kept`);
    }
    await writeAtomic(target, bytes);
    outcomes.push({ id: entry.id, file: target, status: 'downloaded', sha256: hash, bytes: bytes.length });
  }
  return outcomes;
}

export async function codesetFetch(o: FetchOptions, opts: GlobalOptions): Promise<void> {
  const outcomes = await fetchReleases(o);
  print(opts, outcomes, () =>
    outcomes.map((x) => `${x.status.padEnd(22)} ${x.id}  ${x.file}${x.sha256 ? `  sha256 ${x.sha256}` : ''}`).join('\n'),
  );
}
