import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, openDb, readSettings } from '../../utils/db';
import { loadReview } from '../../utils/review-store';

/** Every schema version has a fixture profile; opening it with today's code migrates it forward. */
const DIR = path.resolve('test/fixtures/db');
const SCHEMAS: Record<number, Record<string, string>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4 };
type Fixture = { version: number; tables: Record<string, Record<string, unknown>[]> };
const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

/** Writes a fixture profile with the schema of ITS version only (what an old extension left behind). */
async function seed(name: string, fx: Fixture, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
  const old = new Dexie(name, deps);
  for (let v = 1; v <= fx.version; v++) old.version(v).stores(SCHEMAS[v]!);
  await old.open();
  for (const [table, rows] of Object.entries(fx.tables)) {
    const fixed = rows.map((r) =>
      'data' in r && Array.isArray(r.data) ? { ...r, data: new Uint8Array(r.data as number[]) } : r,
    );
    await old.table(table).bulkAdd(fixed);
  }
  old.close();
}

describe('Dexie schema migration chain', () => {
  it('has one fixture per schema version, up to the current one', () => {
    const current = openDb('probe', { indexedDB: new IDBFactory(), IDBKeyRange });
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: current.verno }, (_, i) => i + 1));
  });

  it('v1 -> current: settings split into rows, note text dropped (no opt-in), data kept', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await seed('m1', fixtures.find((f) => f.version === 1)!, deps);
    const db = openDb('m1', deps);
    const s = await readSettings(db);
    expect(s).toMatchObject({
      setting: 'hospital',
      auditRetentionDays: 90,
      userLabel: 'coder A',
      activeRelease: 'rel1',
      storeNoteText: false,
    });
    expect(await db.settings.get('settings')).toBeUndefined();
    const r = await db.reviews.get('r1');
    expect(r).toMatchObject({ noteSha256: 'ab', noteLength: 11 });
    expect(r?.noteText).toBeUndefined();
    expect((await db.packChunks.toArray())[0]?.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.audit.count()).toBe(0);
    db.close();
  });

  it('v3 -> current: hand-offs kept, an empty table of saved reviews added, the visit family read from the note by default', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await seed('m3', fixtures.find((f) => f.version === 3)!, deps);
    const db = openDb('m3', deps);
    expect((await db.handoffs.get('r3'))?.origin).toBe('https://ehr.example.org');
    expect(await db.reviewStates.count()).toBe(0);
    expect((await readSettings(db)).visitKind).toBe('auto');
    db.close();
  });

  it('v4 (current) opens as is: the saved review of a chart is restored, a stored visit family kept', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const fx = fixtures.find((f) => f.version === 4)!;
    await seed('m4', fx, deps);
    const db = openDb('m4', deps);
    const key = fx.tables.reviewStates![0]!.key as string;
    const saved = await loadReview(key, '0a', db);
    expect(saved?.state.diagnoses).toEqual(['E11.9']);
    expect(saved?.review.id).toBe('r4');
    expect(saved?.noteChanged).toBe(false);
    expect((await loadReview(key, 'ff', db))?.noteChanged).toBe(true);
    expect(await loadReview('another chart', '0a', db)).toBeUndefined();
    expect((await readSettings(db)).visitKind).toBe('established');
    db.close();
  });

  it('v2 -> current keeps settings, audit and CPT rows', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    await seed('m2', fixtures.find((f) => f.version === 2)!, deps);
    const db = openDb('m2', deps);
    expect((await readSettings(db)).userLabel).toBe('coder B');
    expect(await db.audit.where('reviewId').equals('r2').count()).toBe(1);
    expect((await db.cpt.get('99999'))?.descriptor).toBe('user-supplied descriptor');
    db.close();
  });

  it('a stored setting of the wrong type falls back to its default instead of blocking', async () => {
    const db = openDb('bad', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.settings.bulkPut([
      { key: 'auditRetentionDays', value: 'forever' },
      { key: 'userLabel', value: 'x' },
    ]);
    expect(await readSettings(db)).toMatchObject({ auditRetentionDays: 400, userLabel: 'x' });
    db.close();
  });
});
