import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { unzipSync } from 'fflate';
import { sha256Hex } from '../../lib/util/sha256';
import { releaseLabelOn, type CodeSystem } from '../../lib/codesets/release';
import { RESOLVED_SYSTEMS } from '../../lib/pack/release-resolver';
import { loadPack } from '../../lib/pack/code-pack';
import { writeAtomic } from '../io';
import { readTextFile } from '../input';
import { packPath, PROJECT_ROOT } from '../paths';
import { CommandFailed, print, UsageError, type GlobalOptions } from '../output';
import { concatChunks, formatBytes, IMPORT_LIMITS } from '../../lib/codesets/inputs';

const ManifestSchema = z.object({
  about: z.string().optional(),
  files: z.array(
    z.strictObject({
      id: z.string(),
      system: z.string(),
      release: z.string(),
      url: z.string().url(),
      file: z.string().regex(/^[\w.-]+$/),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
      size: z.number().int().positive().optional(),
      pinned: z.boolean(),
      /** Checksums of members of a zip (e.g. the order file published with its own sha256), verified before the zip is kept. */
      members: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).optional(),
      note: z.string().optional(),
    }),
  ),
});
export type ReleaseManifest = z.infer<typeof ManifestSchema>;

export interface FetchOutcome {
  id: string;
  file: string;
  status: 'downloaded' | 'already present' | 'skipped (not pinned)';
  /** False for a file kept with --allow-unpinned that no recorded checksum vouches for. */
  verified?: boolean;
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
  const manifest = await readManifest(manifestPath);
  const outDir = o.out ?? path.join(PROJECT_ROOT, '.cache/codesets');
  const doFetch = o.fetchImpl ?? fetch;
  const outcomes: FetchOutcome[] = [];
  for (const entry of manifest.files) {
    const target = path.join(outDir, entry.file);
    if (!entry.pinned && !o.allowUnpinned) {
      outcomes.push({ id: entry.id, file: target, status: 'skipped (not pinned)' });
      continue;
    }
    if (entry.pinned && !entry.sha256 && !entry.members?.length) {
      throw new UsageError(
        `${entry.id}: the manifest pins it but records no sha256 (of the file or of a member) to verify it against`,
      );
    }
    const existing = await fs.readFile(target).catch(() => undefined);
    if (existing && entry.sha256 && (await sha256Hex(new Uint8Array(existing))) === entry.sha256) {
      outcomes.push({
        id: entry.id,
        file: target,
        status: 'already present',
        sha256: entry.sha256,
        bytes: existing.length,
      });
      continue;
    }
    const url = o.baseUrl ? new URL(new URL(entry.url).pathname, o.baseUrl).toString() : entry.url;
    const res = await doFetch(url).catch((e: unknown) => {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new CommandFailed(
        `${entry.id}: cannot download ${url} (${cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))}); check the network, or use --base-url for a local mirror`,
      );
    });
    if (!res.ok) throw new UsageError(`${entry.id}: download of ${url} failed (HTTP ${res.status})`);
    const bytes = await readBounded(res, `${entry.id}: ${url}`);
    const hash = await sha256Hex(bytes);
    if (entry.sha256 && hash !== entry.sha256) {
      throw new UsageError(
        `${entry.id}: ${url} has sha256 ${hash}, expected the pinned ${entry.sha256}; the file was not kept`,
      );
    }
    await verifyMembers(entry.id, url, bytes, entry.members ?? []);
    const verified = Boolean(entry.sha256 || entry.members?.length);
    await writeAtomic(target, bytes);
    outcomes.push({ id: entry.id, file: target, status: 'downloaded', verified, sha256: hash, bytes: bytes.length });
  }
  return outcomes;
}

async function readManifest(file: string) {
  const text = await readTextFile(file, 'manifest');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: the manifest is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `${file}: not a release manifest (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}

/** The response body, refused past the import limit for one file (streamed, so a huge body is never held). */
async function readBounded(res: Response, label: string): Promise<Uint8Array> {
  const max = IMPORT_LIMITS.perFileBytes;
  const declared = Number(res.headers.get('content-length'));
  if (declared > max)
    throw new CommandFailed(
      `${label} is ${formatBytes(declared)}, over the limit of ${formatBytes(max)} per file; not kept`,
    );
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new CommandFailed(`${label} is over the limit of ${formatBytes(max)} per file; not kept`);
    }
    chunks.push(value);
  }
  return concatChunks(chunks, size);
}

/** A zip member listed with its published checksum must be in the zip and match it. */
async function verifyMembers(
  id: string,
  url: string,
  bytes: Uint8Array,
  members: { path: string; sha256: string }[],
): Promise<void> {
  if (members.length === 0) return;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new UsageError(
      `${id}: ${url} is not a readable zip, so its members cannot be verified; the file was not kept`,
    );
  }
  for (const m of members) {
    const member = files[m.path];
    if (!member) throw new UsageError(`${id}: ${url} has no member ${m.path}; the file was not kept`);
    const hash = await sha256Hex(member);
    if (hash !== m.sha256)
      throw new UsageError(
        `${id}: ${m.path} in ${url} has sha256 ${hash}, expected the published ${m.sha256}; the file was not kept`,
      );
  }
}

export interface InForceToday {
  system: CodeSystem;
  /** The release in force on the date by the calendar. */
  inForce: string;
  /** The release of the pack that answers for the date, and whether it is the one in force. */
  packHas?: { release: string; inForce: boolean };
}

/** Which release is in force on a date for each code system, and whether the pack at `packFile` holds it. */
export async function releasesInForce(
  dos: string,
  packFile: string,
): Promise<{ date: string; pack?: string; systems: InForceToday[] }> {
  const bytes = await fs.readFile(packFile).catch(() => undefined);
  const pack = bytes ? loadPack(new Uint8Array(bytes), packFile) : undefined;
  const answering = pack?.releasesFor(dos) ?? [];
  const systems = RESOLVED_SYSTEMS.map((system) => {
    const a = answering.find((r) => r.system === system);
    return {
      system,
      inForce: releaseLabelOn(system, dos),
      ...(a ? { packHas: { release: a.release, inForce: a.inForce } } : {}),
    };
  });
  return { date: dos, ...(pack ? { pack: packFile } : {}), systems };
}

export async function codesetFetch(o: FetchOptions, opts: GlobalOptions): Promise<void> {
  const outcomes = await fetchReleases(o);
  const today = await releasesInForce(opts.date ?? new Date().toISOString().slice(0, 10), packPath(opts.pack));
  print(opts, { outcomes, inForce: today }, () =>
    [
      ...outcomes.map(
        (x) =>
          `${(x.verified === false ? 'downloaded, UNVERIFIED' : x.status).padEnd(24)} ${x.id}  ${x.file}${x.sha256 ? `  sha256 ${x.sha256}` : ''}`,
      ),
      '',
      `In force on ${today.date}${today.pack ? ` (pack ${today.pack})` : ' (no pack built yet)'}:`,
      ...today.systems.map((s) => {
        const has = s.packHas
          ? s.packHas.inForce
            ? 'the pack has it'
            : `the pack answers from ${s.packHas.release}`
          : 'not in the pack';
        return `  ${s.system.padEnd(10)} ${s.inForce.padEnd(14)} ${has}`;
      }),
    ].join('\n'),
  );
}
