import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack, type IcdLookup } from '../../../lib/pack/code-pack';
import { fixtureInputs } from '../../helpers/fixtures';

const FIXED = { createdAt: '2026-01-01T00:00:00.000Z' };

/*
 * FY2026 order file + FY2026 notes JSON (notes only) beside the FY2020 order file; NCCI 2024 Q3
 * tables beside the 2026 Q3 JSON conversions; the CMS-HCC 2026 mappings.
 */
describe('third-pass sources in a pack: notes JSON, quarterly NCCI tables, CMS-HCC', () => {
  let pack: CodePack;
  beforeAll(async () => {
    const order = fixtureInputs('fy2026').filter((f) => /order_2026/.test(f.path));
    const files = [...order, ...fixtureInputs('fy2026-notes', 'ncci', 'ncci-2026q3', 'hcc')];
    pack = loadPack((await compilePack(files, FIXED)).bytes);
  });

  it('FY2026 notes come from the JSON extraction, each tagged with its release', () => {
    expect(pack.icdReleases.find((r) => r.label === 'FY2026')).toMatchObject({ hasNotes: true, hasTitles: true });
    const e = pack.lookup('E11.22') as IcdLookup;
    expect(e.notesRelease).toBe('FY2026');
    expect(e.notes).toContainEqual({
      kind: 'excludes1',
      text: 'type 1 diabetes mellitus (E10.-)',
      from: 'E11',
      release: 'FY2026',
    });
    expect(e.notes).toContainEqual({
      kind: 'useAdditionalCode',
      text: 'code to identify stage of chronic kidney disease (N18.1-N18.6)',
      from: 'E11.22',
      release: 'FY2026',
    });
    // A code of the release with no notes node in its chain has no notes (the extraction lists only nodes with notes).
    expect((pack.lookup('R05.9') as IcdLookup).notes).toEqual([]);
    expect(pack.excludes1Between('E11.9', 'E10.9').map((p) => [p.from, p.release])).toEqual([
      ['E10', 'FY2026'],
      ['E11', 'FY2026'],
    ]);
    expect(pack.termSources()).toContainEqual(
      expect.objectContaining({ code: 'I10', text: 'high blood pressure', kind: 'inclusion' }),
    );
    expect(pack.sources.find((s) => s.kind === 'icd10cm-tabular-notes')).toMatchObject({
      release: 'FY2026',
      records: 5,
    });
  });

  it('MUE: the quarter in force on the date of service answers, the newest by default', () => {
    expect(pack.mue('99213')).toMatchObject({ value: 2, mai: 3, source: { release: '2026 Q3' } });
    expect(pack.mue('99213', 'practitioner', '2026-08-01')?.source.release).toBe('2026 Q3');
    expect(pack.mue('99213', 'practitioner', '2024-08-01')?.source.release).toBe('2024 Q3');
    // After the last quarter loaded: the newest earlier one answers.
    expect(pack.mue('99213', 'practitioner', '2026-11-29')?.source.release).toBe('2026 Q3');
    // 99214 is only in the 2026 Q3 fixture: a 2024 date does not borrow it.
    expect(pack.mue('99214', 'practitioner', '2024-08-01')).toBeUndefined();
    expect(pack.mue('99214')?.value).toBe(2);
  });

  it('AOC: rows of the quarter in force (no duplicates across quarters)', () => {
    expect(pack.addOnEdits('99292')).toEqual([
      { addOn: '99292', primary: '99291', type: 1, effective: '2013-04-01', deletion: null },
    ]);
    expect(pack.addOnEdits('99292', '2024-08-01')).toEqual([
      { addOn: '99292', primary: '99291', type: 1, effective: '2010-01-01', deletion: null },
    ]);
    expect(pack.addOnEdits('0054T')).toEqual([expect.objectContaining({ primary: null, type: 2 })]);
  });

  it('CMS-HCC: V28 category with label, model, payment year and the code years it covers', () => {
    expect(pack.hccOf('E11.22')).toEqual({
      category: 37,
      label: 'Diabetes with Chronic Complications',
      categories: [37],
      model: 'V28',
      paymentYear: 2026,
      codeYears: 'FY2024 and FY2025',
      release: 'PY2026 initial',
    });
    expect(pack.hccOf('E119')?.category).toBe(38);
    expect(pack.hccOf('I50.9')).toMatchObject({ category: 226, label: 'Heart Failure, Except End-Stage and Acute' });
    expect(pack.hccOf('E08.311')?.categories).toEqual([37, 298]);
    expect(pack.hccOf('F32.9')).toBeUndefined();
    expect(pack.hccMapping).toMatchObject({
      release: 'PY2026 initial',
      paymentYear: 2026,
      source: { system: 'CMS-HCC' },
    });
  });
});
