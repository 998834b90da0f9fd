import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compilePack } from '../../lib/pack/compile';
import { fixtureInputs } from '../helpers/fixtures';
import { openDb, readSettings } from '../../utils/db';
import { activateImportedPack, loadActivePack, useBundledPack } from '../../utils/release-store';

describe('imported releases: verified, stored in chunks, swapped atomically', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    fakeBrowser.reset();
  });

  it('a good pack becomes active; a bad one is refused and the active one stays', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const bundled = await compilePack(fixtureInputs('fy2026'));
    vi.stubGlobal('fetch', vi.fn(async () => new Response(bundled.bytes as Uint8Array<ArrayBuffer>)));
    const imported = await compilePack(fixtureInputs('fy2020'));
    const id = await activateImportedPack(imported.bytes, ['icd10cm_order_2020.txt'], db);
    const active = await loadActivePack(db);
    expect(active.origin).toBe('imported');
    expect(active.pack.currentIcdRelease?.label).toBe('FY2020');

    const truncated = imported.bytes.slice(0, imported.bytes.length - 100);
    await expect(activateImportedPack(truncated, ['broken'], db)).rejects.toThrow();
    expect((await readSettings(db)).activeRelease).toBe(id);
    expect((await loadActivePack(db)).pack.currentIcdRelease?.label).toBe('FY2020');

    await useBundledPack(db);
    const back = await loadActivePack(db);
    expect(back.origin).toBe('bundled');
    expect((await readSettings(db)).previousRelease).toBe(id);
    db.close();
  });

  it('a stored release that went missing falls back to the bundled pack with a warning', async () => {
    const db = openDb(`rs-${Math.random()}`);
    const bundled = await compilePack(fixtureInputs('fy2026'));
    vi.stubGlobal('fetch', vi.fn(async () => new Response(bundled.bytes as Uint8Array<ArrayBuffer>)));
    await db.settings.put({ key: 'activeRelease', value: 'gone' });
    const a = await loadActivePack(db);
    expect(a.origin).toBe('bundled');
    expect(a.warning).toMatch(/release gone is not stored/);
    db.close();
  });
});
