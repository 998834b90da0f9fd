import { loadPack, type CodePack } from '@/lib/pack/code-pack';
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

/**
 * Stores a compiled pack and makes it the active one in ONE transaction: either the new release
 * is complete and active, or nothing changed and the previous release still answers. The pack is
 * verified (loaded) before anything is written. One previous release is kept for rollback.
 */
export async function activateImportedPack(bytes: Uint8Array, files: string[], d: ChartCoderDb = db()): Promise<string> {
  const pack = loadPack(bytes, 'imported pack');
  if (!pack.currentIcdRelease) throw new Error('the imported files hold no ICD-10-CM release with titles (add the order or codes file); the current code set stays in use');
  const id = (await sha256Hex(bytes)).slice(0, 24);
  const label = pack.sources.map((s) => `${s.system} ${s.release}`).filter((v, i, a) => a.indexOf(v) === i).join(' · ');
  await d.transaction('rw', d.releases, d.packChunks, d.settings, async () => {
    const settings = await readSettings(d);
    await d.packChunks.where('releaseId').equals(id).delete();
    const chunks: { releaseId: string; seq: number; data: Uint8Array }[] = [];
    for (let off = 0, seq = 0; off < bytes.length; off += CHUNK, seq++) chunks.push({ releaseId: id, seq, data: bytes.slice(off, off + CHUNK) });
    await d.packChunks.bulkPut(chunks);
    await d.releases.put({ id, importedAt: new Date().toISOString(), label, sources: pack.sources, files, bytes: bytes.length, chunks: chunks.length });
    const keep = new Set([id, settings.activeRelease].filter(Boolean) as string[]);
    for (const r of await d.releases.toArray()) {
      if (!keep.has(r.id)) {
        await d.packChunks.where('releaseId').equals(r.id).delete();
        await d.releases.delete(r.id);
      }
    }
    await writeSettings({ activeRelease: id, ...(settings.activeRelease && settings.activeRelease !== id ? { previousRelease: settings.activeRelease } : {}) }, d);
  });
  return id;
}

export async function readImportedPackBytes(id: string, d: ChartCoderDb = db()): Promise<Uint8Array> {
  const rel = await d.releases.get(id);
  if (!rel) throw new Error(`release ${id} is not stored`);
  const chunks = await d.packChunks.where('releaseId').equals(id).sortBy('seq');
  if (chunks.length !== rel.chunks) throw new Error(`release ${id} is incomplete (${chunks.length}/${rel.chunks} chunks)`);
  const out = new Uint8Array(rel.bytes);
  let off = 0;
  for (const c of chunks) {
    out.set(c.data, off);
    off += c.data.length;
  }
  return out;
}

/** Switch back to the bundled pack (imported releases stay stored). */
export async function useBundledPack(d: ChartCoderDb = db()) {
  const s = await readSettings(d);
  await d.settings.delete('activeRelease');
  if (s.activeRelease) await writeSettings({ previousRelease: s.activeRelease }, d);
}

/** The pack this page answers from: the imported release the user activated, else the bundled one. */
export async function loadActivePack(d: ChartCoderDb = db()): Promise<ActivePack> {
  const { activeRelease } = await readSettings(d).catch(() => ({ activeRelease: undefined }));
  if (activeRelease) {
    try {
      const bytes = await readImportedPackBytes(activeRelease, d);
      const pack = loadPack(bytes, 'imported pack', await nativeInflater(bytes));
      return { pack, origin: 'imported', releaseId: activeRelease };
    } catch (e) {
      return { pack: await loadDefaultPack(), origin: 'bundled', warning: `imported release could not be loaded (${e instanceof Error ? e.message : String(e)}); using the bundled code sets` };
    }
  }
  return { pack: await loadDefaultPack(), origin: 'bundled' };
}

/** Pages tell each other when the active release changed (options -> open side panels). */
export const RELEASE_CHANNEL = 'chartcoder-release';
