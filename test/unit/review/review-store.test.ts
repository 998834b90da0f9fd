import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { emptyReview, reduceReview } from '../../../lib/review';
import { enforceRetention, handoffFor, saveHandoff, startReview } from '../../../utils/audit';
import { openDb, writeSettings } from '../../../utils/db';
import { loadReview, saveReview } from '../../../utils/review-store';

const fresh = () => openDb(`review-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const chart = (key: string) =>
  reduceReview(reduceReview(emptyReview(), { type: 'open-chart', key, banner: { name: 'Doe, Jane' } }).state, {
    type: 'add',
    code: 'I10',
    system: 'ICD-10-CM',
  }).state;

describe('saved reviews (Dexie)', () => {
  it('saves a chart’s review and restores it by key; says when the note changed', async () => {
    const db = fresh();
    const r = await startReview('note', 'https://ehr.example.org', [], db);
    await saveReview(r, chart('k1'), 'sha-1', db);
    const back = await loadReview('k1', 'sha-1', db);
    expect(back?.state.diagnoses).toEqual(['I10']);
    expect(back?.review.id).toBe(r.id);
    expect(back?.noteChanged).toBe(false);
    expect((await loadReview('k1', 'sha-2', db))?.noteChanged).toBe(true);
    expect(await loadReview('k2', 'sha-1', db)).toBeUndefined();
    db.close();
  });

  it('a damaged saved state, or one whose review expired, starts afresh', async () => {
    const db = fresh();
    const r = await startReview('note', 'https://ehr.example.org', [], db);
    await db.reviewStates.put({
      key: 'bad',
      reviewId: r.id,
      at: new Date().toISOString(),
      noteSha256: 's',
      state: { version: 9 },
    });
    expect(await loadReview('bad', 's', db)).toBeUndefined();
    await db.reviewStates.put({
      key: 'orphan',
      reviewId: 'gone',
      at: new Date().toISOString(),
      noteSha256: 's',
      state: chart('orphan'),
    });
    expect(await loadReview('orphan', 's', db)).toBeUndefined();
    db.close();
  });

  it('retention deletes saved reviews with the rest', async () => {
    const db = fresh();
    await writeSettings({ auditRetentionDays: 30 }, db);
    await db.reviewStates.put({
      key: 'old',
      reviewId: 'r',
      at: '2026-01-01T00:00:00.000Z',
      noteSha256: 's',
      state: chart('old'),
    });
    await db.reviewStates.put({
      key: 'new',
      reviewId: 'r',
      at: '2026-12-01T00:00:00.000Z',
      noteSha256: 's',
      state: chart('new'),
    });
    await enforceRetention(new Date('2026-12-05T00:00:00Z'), db);
    expect((await db.reviewStates.toArray()).map((x) => x.key)).toEqual(['new']);
    db.close();
  });

  it('the hand-off for a billing form is the latest of its patient, else the latest of all', async () => {
    const db = fresh();
    const a = await startReview('a', 'https://ehr.example.org', [], db);
    const b = await startReview('b', 'https://ehr.example.org', [], db);
    await saveHandoff(a, { patient: 'Jane' }, db);
    await new Promise((r) => setTimeout(r, 5));
    await saveHandoff(b, { patient: 'Richard' }, db);
    const same = (name: string) => (s: unknown) => (s as { patient: string }).patient === name;
    expect((await handoffFor(same('Jane'), db))?.reviewId).toBe(a.id);
    expect((await handoffFor(same('Richard'), db))?.reviewId).toBe(b.id);
    expect((await handoffFor(same('Nobody'), db))?.reviewId).toBe(b.id);
    db.close();
  });
});
