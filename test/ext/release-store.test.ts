import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePack } from '../../lib/pack/compile';
import { fixtureInputs } from '../helpers/fixtures';
import { openDb, readSettings } from '../../utils/db';
import {
  activateImportedPack,
  loadActivePack,
  readImportedPackBytes,
  switchToBundledPack,
} from '../../utils/release-store';

describe('imported releases: verified, stored in chunks, swapped atomically', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    fakeBrowser.reset();
  });

  it('a good pack becomes active; a bad one is refused and the active one stays', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const bundled = await compilePack(fixtureInputs('fy2026'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(bundled.bytes as Uint8Array<ArrayBuffer>)),
    );
    const imported = await compilePack(fixtureInputs('fy2020'));
    const id = await activateImportedPack(imported.bytes, ['icd10cm_order_2020.txt'], db);
    const active = await loadActivePack(db);
    expect(active.origin).toBe('imported');
    expect(active.pack.currentIcdRelease?.label).toBe('FY2020');

    const truncated = imported.bytes.slice(0, imported.bytes.length - 100);
    await expect(activateImportedPack(truncated, ['broken'], db)).rejects.toThrow();
    expect((await readSettings(db)).activeRelease).toBe(id);
    expect((await loadActivePack(db)).pack.currentIcdRelease?.label).toBe('FY2020');

    await switchToBundledPack(db);
    const back = await loadActivePack(db);
    expect(back.origin).toBe('bundled');
    expect((await readSettings(db)).previousRelease).toBe(id);
    db.close();
  });

  it('a pack damaged in a section the loader reads late is refused before anything is written', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const good = await compilePack(fixtureInputs('fy2026'));
    const id = await activateImportedPack(good.bytes, ['icd10cm_order_2026.txt'], db);
    const damaged = (await compilePack(fixtureInputs('fy2020'))).bytes.slice();
    // The last byte belongs to the last section: loadPack inflates sections lazily and would not see it.
    damaged[damaged.length - 1]! ^= 0x10;
    await expect(activateImportedPack(damaged, ['icd10cm_order_2020.txt'], db)).rejects.toThrowError(
      /^imported pack: section .* checksum mismatch/,
    );
    expect((await readSettings(db)).activeRelease).toBe(id);
    expect(await db.releases.count()).toBe(1);
    db.close();
  });

  it('a short write of the chunks aborts the swap: the previous release stays active, one-line error', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const first = await compilePack(fixtureInputs('fy2026'));
    const id = await activateImportedPack(first.bytes, ['icd10cm_order_2026.txt'], db);
    const put = db.packChunks.bulkPut.bind(db.packChunks);
    // The storage drops the last byte of every chunk it is given.
    vi.spyOn(db.packChunks, 'bulkPut').mockImplementation(((
      rows: { releaseId: string; seq: number; data: Uint8Array }[],
    ) => put(rows.map((r) => ({ ...r, data: r.data.subarray(0, r.data.length - 1) })))) as never);
    const second = await compilePack(fixtureInputs('fy2020'));
    const err = await activateImportedPack(second.bytes, ['icd10cm_order_2020.txt'], db).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^the release was not stored intact \(.*\); the code sets in use stay active$/,
    );
    expect((err as Error).message).not.toContain('\n');
    vi.restoreAllMocks();
    expect((await readSettings(db)).activeRelease).toBe(id);
    expect((await db.releases.toArray()).map((r) => r.id)).toEqual([id]);
    expect((await loadActivePack(db)).pack.currentIcdRelease?.label).toBe('FY2026');
    db.close();
  });

  it('a stored chunk damaged later: the previous imported release answers, else the bundled one, with a one-line warning', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const bundled = await compilePack(fixtureInputs('fy2026'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(bundled.bytes as Uint8Array<ArrayBuffer>)),
    );
    const older = await compilePack(fixtureInputs('fy2026', 'ncci'));
    const olderId = await activateImportedPack(older.bytes, ['fy2026 + ncci'], db);
    const newer = await compilePack(fixtureInputs('fy2020'));
    const newerId = await activateImportedPack(newer.bytes, ['icd10cm_order_2020.txt'], db);
    expect((await readSettings(db)).previousRelease).toBe(olderId);
    const flip = async (releaseId: string) => {
      const chunk = (await db.packChunks.where('releaseId').equals(releaseId).sortBy('seq')).at(-1)!;
      const data = chunk.data.slice();
      data[data.length - 1]! ^= 0x01;
      await db.packChunks.put({ ...chunk, data });
    };
    await flip(newerId);
    await expect(readImportedPackBytes(newerId, db)).rejects.toThrowError(/checksum mismatch/);
    const a = await loadActivePack(db);
    expect(a).toMatchObject({ origin: 'imported', releaseId: olderId });
    expect(a.warning).toMatch(
      /^imported release could not be loaded \(stored release \w+: section .* checksum mismatch.*\); using the previous imported release$/,
    );
    expect(a.pack.sources.some((s) => s.system === 'NCCI-PTP')).toBe(true);
    await flip(olderId);
    const b = await loadActivePack(db);
    expect(b.origin).toBe('bundled');
    expect(b.warning).toMatch(/; using the bundled code sets$/);
    expect(b.warning).not.toContain('\n');
    db.close();
  });

  it('a stored release that went missing falls back to the bundled pack with a warning', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const bundled = await compilePack(fixtureInputs('fy2026'));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(bundled.bytes as Uint8Array<ArrayBuffer>)),
    );
    await db.settings.put({ key: 'activeRelease', value: 'gone' });
    const a = await loadActivePack(db);
    expect(a.origin).toBe('bundled');
    expect(a.warning).toMatch(/release gone is not stored/);
    db.close();
  });
});
