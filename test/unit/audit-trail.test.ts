import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { enforceRetention, latestHandoff, logAudit, saveHandoff, startReview } from '../../utils/audit';
import { openDb, writeSettings } from '../../utils/db';

const fresh = () => openDb(`audit-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

describe('audit trail', () => {
  it('a review keeps a hash and the length of the note, not its text, unless the user opted in', async () => {
    const db = fresh();
    await writeSettings({ userLabel: 'coder A' }, db);
    const r = await startReview('Assessment: chest pain.', 'https://ehr.example.org', ['ICD-10-CM FY2026'], db);
    expect(r).toMatchObject({ user: 'coder A', noteLength: 23, releases: ['ICD-10-CM FY2026'] });
    expect(r.noteSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.reviews.get(r.id))?.noteText).toBeUndefined();
    await writeSettings({ storeNoteText: true }, db);
    const r2 = await startReview('Assessment: chest pain.', 'https://ehr.example.org', [], db);
    expect((await db.reviews.get(r2.id))?.noteText).toBe('Assessment: chest pain.');
    db.close();
  });

  it('records who did what to which code, with the override reason', async () => {
    const db = fresh();
    const r = await startReview('x', 'https://ehr.example.org', [], db);
    await logAudit(r, 'accepted', 'E11.22', undefined, db);
    await logAudit(r, 'replaced', 'E11.9', 'replaced by E11.22', db);
    await logAudit(
      r,
      'finding-overridden',
      'E11.22 N18.31',
      'ckd-stage-missing: stage documented in the lab report',
      db,
    );
    const rows = await db.audit.where('reviewId').equals(r.id).sortBy('id');
    expect(rows.map((x) => x.kind)).toEqual(['review-started', 'accepted', 'replaced', 'finding-overridden']);
    expect(rows[3]!.detail).toMatch(/stage documented/);
    db.close();
  });

  it('retention deletes entries, reviews and hand-offs older than the setting, keeps the rest', async () => {
    const db = fresh();
    await writeSettings({ auditRetentionDays: 30 }, db);
    await db.audit.bulkAdd([
      { at: '2026-01-01T00:00:00.000Z', reviewId: 'old', user: 'u', kind: 'accepted', code: 'I10' },
      { at: '2026-11-20T00:00:00.000Z', reviewId: 'new', user: 'u', kind: 'accepted', code: 'I10' },
    ]);
    await db.reviews.bulkAdd([
      {
        id: 'old',
        startedAt: '2026-01-01T00:00:00.000Z',
        origin: 'o',
        user: 'u',
        noteSha256: 'a',
        noteLength: 1,
        releases: [],
      },
      {
        id: 'new',
        startedAt: '2026-11-20T00:00:00.000Z',
        origin: 'o',
        user: 'u',
        noteSha256: 'b',
        noteLength: 1,
        releases: [],
      },
    ]);
    await db.handoffs.bulkAdd([
      { reviewId: 'old', at: '2026-01-01T00:00:00.000Z', user: 'u', origin: 'o', summary: { name: 'Doe' } },
      { reviewId: 'new', at: '2026-11-20T00:00:00.000Z', user: 'u', origin: 'o', summary: { name: 'Roe' } },
    ]);
    expect(await enforceRetention(new Date('2026-11-22T00:00:00Z'), db)).toBe(1);
    expect((await db.audit.toArray()).map((a) => a.reviewId)).toEqual(['new']);
    expect((await db.reviews.toArray()).map((a) => a.id)).toEqual(['new']);
    expect((await db.handoffs.toArray()).map((h) => h.reviewId)).toEqual(['new']);
    db.close();
  });

  it('hand-offs: the latest summary is the one the billing side gets', async () => {
    const db = fresh();
    await saveHandoff({ id: 'r1', user: 'u', origin: 'o' }, { version: 1, n: 1 }, db);
    await new Promise((r) => setTimeout(r, 5));
    await saveHandoff({ id: 'r2', user: 'u', origin: 'o' }, { version: 1, n: 2 }, db);
    expect((await latestHandoff(db))?.reviewId).toBe('r2');
    db.close();
  });
});
