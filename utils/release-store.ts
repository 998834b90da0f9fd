import { loadPack, type CodePack } from '@/lib/pack/code-pack';
import { verifyPack } from '@/lib/pack/container';
import { sha256Hex } from '@/lib/util/sha256';
import { db, readSettings, writeSettings, type ChartCoderDb } from './db';
import { loadDefaultPack } from './default-pack';
import { nativeInflater } from './native-inflate';

const CHUNK = 4 * 1024 * 1024;

export interface ActivePack {
  pack: CodePack;
  origin: 'bundled' | 'imported';
  releaseId?: string;
  /** Why an imported pack was not used (it stays stored; the bundled one answers meanwhile). */
  warning?: string;
}

const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Puts a stored release's chunks back together, in order; throws when one is missing. */
async function rebuild(id: string, d: ChartCoderDb): Promise<Uint8Array> {
  const rel = await d.releases.get(id);
  if (!rel) throw new Error(`release ${id} is not stored`);
  const chunks = await d.packChunks.where('releaseId').equals(id).sortBy('seq');
  if (chunks.length !== rel.chunks)
    throw new Error(`release ${id} is incomplete (${chunks.length}/${rel.chunks} chunks)`);
  const total = chunks.reduce((n, c) => n + c.data.length, 0);
  if (total !== rel.bytes) throw new Error(`release ${id} is ${total} bytes stored, not the ${rel.bytes} written`);
  const out = new Uint8Array(rel.bytes);
  let off = 0;
  for (const c of chunks) {
    out.set(c.data, off);
    off += c.data.length;
  }
  return out;
}

/**
 * Stores a compiled pack and makes it the active one in ONE transaction: either the new release
 * is complete and active, or nothing changed and the previous release still answers. The pack is
 * verified (every section's CRC-32, then loaded) before anything is written, and verified again as
 * read back from its stored chunks before it replaces the active one (a short or damaged write
 * aborts the transaction). One previous release is kept for rollback.
 */
export async function activateImportedPack(
  bytes: Uint8Array,
  files: string[],
  d: ChartCoderDb = db(),
): Promise<string> {
  verifyPack(bytes, 'imported pack');
  const pack = loadPack(bytes, 'imported pack');
  if (!pack.currentIcdRelease)
    throw new Error(
      'the imported files hold no ICD-10-CM release with titles (add the order or codes file); the current code set stays in use',
    );
  const id = (await sha256Hex(bytes)).slice(0, 24);
  const label = pack.sources
    .map((s) => `${s.system} ${s.release}`)
    .filter((v, i, a) => a.indexOf(v) === i)
    .join(' · ');
  await d.transaction('rw', d.releases, d.packChunks, d.settings, async () => {
    const settings = await readSettings(d);
    await d.packChunks.where('releaseId').equals(id).delete();
    const chunks: { releaseId: string; seq: number; data: Uint8Array }[] = [];
    for (let off = 0, seq = 0; off < bytes.length; off += CHUNK, seq++)
      chunks.push({ releaseId: id, seq, data: bytes.slice(off, off + CHUNK) });
    await d.packChunks.bulkPut(chunks);
    await d.releases.put({
      id,
      importedAt: new Date().toISOString(),
      label,
      sources: pack.sources,
      files,
      bytes: bytes.length,
      chunks: chunks.length,
    });
    // Synchronous check inside the transaction (an awaited digest here would let IndexedDB commit early).
    try {
      verifyPack(await rebuild(id, d), 'stored pack');
    } catch (e) {
      throw new Error(`the release was not stored intact (${oneLine(e)}); the code sets in use stay active`, {
        cause: e,
      });
    }
    const keep = new Set([id, settings.activeRelease].filter(Boolean) as string[]);
    for (const r of await d.releases.toArray()) {
      if (!keep.has(r.id)) {
        await d.packChunks.where('releaseId').equals(r.id).delete();
        await d.releases.delete(r.id);
      }
    }
    await writeSettings(
      {
        activeRelease: id,
        ...(settings.activeRelease && settings.activeRelease !== id ? { previousRelease: settings.activeRelease } : {}),
      },
      d,
    );
  });
  return id;
}

/**
 * A stored release put back together from its chunks and re-verified before use: every section's
 * CRC-32 (verifyPack) and the sha256 its id was made from. Throws one line naming what is wrong.
 */
export async function readImportedPackBytes(id: string, d: ChartCoderDb = db()): Promise<Uint8Array> {
  const bytes = await rebuild(id, d);
  verifyPack(bytes, `stored release ${id}`);
  if (!(await sha256Hex(bytes)).startsWith(id))
    throw new Error(`stored release ${id} does not hash to its id; it was changed after import`);
  return bytes;
}

/** Switch back to the bundled pack (imported releases stay stored). */
export async function switchToBundledPack(d: ChartCoderDb = db()) {
  const s = await readSettings(d);
  await d.settings.delete('activeRelease');
  if (s.activeRelease) await writeSettings({ previousRelease: s.activeRelease }, d);
}

async function openStored(id: string, d: ChartCoderDb): Promise<CodePack> {
  const bytes = await readImportedPackBytes(id, d);
  return loadPack(bytes, 'imported pack', await nativeInflater(bytes));
}

/**
 * The pack this page answers from: the imported release the user activated, else the bundled one.
 * A stored release that fails its checks is not used: the previous imported release answers if it
 * is intact, else the bundled one, and `warning` says why in one line (nothing is deleted).
 * `view: 'analysis'` (the background's analysis service) reads the bundled pack without the sections
 * a note's analysis never reads (utils/default-pack.ts); an imported release is always read whole.
 */
export async function loadActivePack(
  d: ChartCoderDb = db(),
  view: 'whole' | 'analysis' = 'whole',
): Promise<ActivePack> {
  const { activeRelease, previousRelease } = await readSettings(d).catch(() => ({
    activeRelease: undefined,
    previousRelease: undefined,
  }));
  performance.mark('cc:settings-read');
  if (!activeRelease) return { pack: await loadDefaultPack(view), origin: 'bundled' };
  let why: string;
  try {
    return { pack: await openStored(activeRelease, d), origin: 'imported', releaseId: activeRelease };
  } catch (e) {
    why = `imported release could not be loaded (${oneLine(e)})`;
  }
  if (previousRelease && previousRelease !== activeRelease) {
    try {
      const pack = await openStored(previousRelease, d);
      return {
        pack,
        origin: 'imported',
        releaseId: previousRelease,
        warning: `${why}; using the previous imported release`,
      };
    } catch {
      // Falls through to the bundled pack.
    }
  }
  return { pack: await loadDefaultPack(view), origin: 'bundled', warning: `${why}; using the bundled code sets` };
}

export { RELEASE_CHANNEL } from './release-channel';
