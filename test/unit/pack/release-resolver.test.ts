import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack, type IcdLookup } from '../../../lib/pack/code-pack';
import { releaseStatement, resolveReleases } from '../../../lib/pack/release-resolver';
import { fixtureInputs } from '../../helpers/fixtures';

const FIXED = { createdAt: '2026-01-01T00:00:00.000Z' };

/* FY2020 and FY2026 code lists, FY2026 tabular; NCCI 2024 Q3 (+ AOC 2024 Q3) and 2026 Q3 tables; HCPCS 2026 Q1. */
describe('answers by date of service', () => {
  let pack: CodePack;
  beforeAll(async () => {
    pack = loadPack(
      (await compilePack(fixtureInputs('fy2020', 'fy2026', 'hcpcs', 'ncci', 'ncci-2026q3'), FIXED)).bytes,
    );
  });

  it('resolves each code system: the release in force, else the nearest loaded one', () => {
    const on = (dos: string) =>
      Object.fromEntries(
        resolveReleases(pack.header, dos).map((r) => [r.system, `${r.release}${r.inForce ? '' : ' (nearest)'}`]),
      );
    expect(on('2026-03-01')).toMatchObject({
      'ICD-10-CM': 'FY2026',
      HCPCS: '2026 JAN (Q1)',
      'NCCI-MUE': '2026 Q3 (nearest)',
      'NCCI-PTP': '2024 Q3 (nearest)',
    });
    expect(on('2026-08-01')).toMatchObject({
      'ICD-10-CM': 'FY2026',
      'NCCI-MUE': '2026 Q3',
      'NCCI-AOC': '2026 Q3',
      'NCCI-PTP': '2024 Q3 (nearest)',
    });
    expect(on('2020-03-01')).toMatchObject({ 'ICD-10-CM': 'FY2020' });
    // A 2024 date: FY2026 (one year off) rather than FY2020 (four years off).
    expect(on('2024-08-01')).toMatchObject({ 'ICD-10-CM': 'FY2026 (nearest)', 'NCCI-MUE': '2024 Q3' });
    // Index and table updates do not make a fiscal year's code list: ICD resolves over code lists only.
    expect(resolveReleases(pack.header, '2026-05-01').find((r) => r.system === 'ICD-10-CM')).toMatchObject({
      release: 'FY2026',
      inForce: true,
    });
  });

  it('says it in one line', () => {
    expect(pack.releaseStatement('2026-08-01')).toBe(
      'Date of service 2026-08-01: ICD-10-CM FY2026 · HCPCS 2026 JAN (Q1)* · PTP 2024 Q3* · MUE 2026 Q3 · add-on edits 2026 Q3 (* not in force on that date: the nearest loaded release answers; import the one in force)',
    );
    expect(
      releaseStatement(
        [
          {
            system: 'ICD-10-CM',
            release: 'FY2027',
            effectiveFrom: '2026-10-01',
            effectiveTo: '2027-09-30',
            inForce: true,
            basis: 'in force',
          },
        ],
        '2026-11-29',
      ),
    ).toBe('Date of service 2026-11-29: ICD-10-CM FY2027');
    expect(pack.dateWarnings('2026-08-01').join('\n')).toMatch(
      /^HCPCS: no loaded release covers the date of service 2026-08-01; answers come from 2026 JAN \(Q1\)/,
    );
    expect(pack.dateWarnings('2026-08-01').join('\n')).not.toMatch(/ICD-10-CM|NCCI-MUE/);
  });

  it('a view for an older date answers ICD-10-CM from that release: titles, billable flags, children', () => {
    expect(pack.currentIcdRelease?.label).toBe('FY2026');
    const v = pack.atDate('2020-03-01');
    expect(v.dateOfService).toBe('2020-03-01');
    expect(v.currentIcdRelease?.label).toBe('FY2020');
    expect(pack.codeInfo('N18.3')?.billable).toBe(false);
    expect(v.codeInfo('N18.3')).toMatchObject({ billable: true, children: [] });
    expect((v.lookup('N18.3') as IcdLookup).titleRelease).toBe('FY2020');
    expect(v.termSources().some((t) => t.code === 'N18.32')).toBe(false);
    expect(pack.termSources().some((t) => t.code === 'N18.32')).toBe(true);
    // The compiled match dictionary is the newest release's: an older view rebuilds its own.
    expect(v.sectionJson('dict')).toBeUndefined();
    expect(pack.atDate('2026-03-01').sectionJson('dict')).toEqual(pack.sectionJson('dict'));
  });

  it('a view picks the MUE and add-on quarter in force', () => {
    expect(pack.atDate('2024-08-01').mue('99213')?.source.release).toBe('2024 Q3');
    expect(pack.atDate('2026-08-01').mue('99213')?.source.release).toBe('2026 Q3');
    expect(pack.atDate('2024-08-01').addOnEdits('99292')[0]?.effective).toBe('2010-01-01');
    expect(pack.atDate('2026-08-01').addOnEdits('99292')[0]?.effective).toBe('2013-04-01');
  });

  it('says how a code stands on the date: subdivided with its replacements, or not yet in force', () => {
    expect(pack.icdStatusOn('N18.3', '2026-03-01')).toEqual({
      code: 'N18.3',
      release: 'FY2026',
      inRelease: true,
      billable: false,
      deleted: {
        previous: 'FY2020',
        nowHeader: true,
        replacements: [expect.objectContaining({ code: 'N18.30' }), expect.objectContaining({ code: 'N18.32' })],
      },
    });
    expect(pack.icdStatusOn('N18.3', '2020-03-01')?.deleted).toBeUndefined();
    expect(pack.icdStatusOn('N18.32', '2020-03-01')).toMatchObject({ inRelease: false, addedLater: 'FY2026' });
    expect(pack.icdStatusOn('E11.9', '2026-03-01')).toEqual({
      code: 'E11.9',
      release: 'FY2026',
      inRelease: true,
      billable: true,
    });
  });
});
