import { describe, expect, it } from 'vitest';
import { indexOfSorted, lowerBound } from '../../../lib/domain/sorted';
import { coversDate, lastPerRelease, nearest, releaseLabels, releaseOrder } from '../../../lib/domain/releases';
import { codeSystemOf } from '../../../lib/domain/code-system';
import { isSetting, SETTINGS } from '../../../lib/domain/setting';
import { FAMILIES, isFamily } from '../../../lib/domain/visit-family';

describe('the one binary search', () => {
  const codes = ['99213', 'A00.0', 'E11.9', 'E11.9', 'J45.909'];
  it.each([
    ['99213', 0],
    ['E11.9', 2],
    ['J45.909', 4],
    ['E11', -1],
    ['ZZZ', -1],
    ['', -1],
  ])('%s is at %i', (key, at) => expect(indexOfSorted(codes, key)).toBe(at));

  it('finds the first position where the predicate turns false, or the length', () => {
    const keys = [1, 3, 3, 3, 7];
    expect(lowerBound(keys.length, (i) => keys[i]! < 3)).toBe(1);
    expect(lowerBound(keys.length, (i) => keys[i]! < 8)).toBe(5);
    expect(lowerBound(0, () => true)).toBe(0);
  });
});

describe('release vocabulary', () => {
  it('orders labels by their numbers', () => {
    expect(['FY2026 April update', 'FY2026', 'FY2021'].sort(releaseOrder)).toEqual([
      'FY2021',
      'FY2026',
      'FY2026 April update',
    ]);
    expect(releaseLabels([{ release: 'FY2026' }, { release: 'FY2021' }, { release: 'FY2026' }])).toEqual([
      'FY2021',
      'FY2026',
    ]);
  });

  it('covers a date inside the effective dates, both ends included', () => {
    const fy = { effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' };
    expect([coversDate(fy, '2025-10-01'), coversDate(fy, '2026-09-30'), coversDate(fy, '2025-09-30')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps one item per system and release, the last given, in order of last appearance', () => {
    const items = [
      { system: 'ICD-10-CM', release: 'FY2026', file: 'order' },
      { system: 'HCPCS', release: '2026 Q1', file: 'anweb' },
      { system: 'ICD-10-CM', release: 'FY2026', file: 'tabular' },
    ];
    expect(lastPerRelease(items).map((x) => x.file)).toEqual(['anweb', 'tabular']);
  });
});

describe('code systems, settings and visit families', () => {
  it.each([
    ['E11.22', 'ICD-10-CM'],
    ['I10', 'ICD-10-CM'],
    ['M1A.0X10', 'ICD-10-CM'],
    ['J1885', 'HCPCS'],
    ['E1122', 'HCPCS'],
    ['99214', 'CPT'],
    ['0001F', 'CPT'],
    ['0075T', 'CPT'],
    ['E11..22', undefined],
    ['9921', undefined],
  ])('%s is %s by its shape', (code, system) => expect(codeSystemOf(code)).toBe(system));

  it('names settings and families once', () => {
    expect(SETTINGS).toEqual(['office', 'hospital']);
    expect([isSetting('office'), isSetting('clinic')]).toEqual([true, false]);
    expect([isFamily('ed'), isFamily('emergency')]).toEqual([true, false]);
    expect(FAMILIES).toContain('critical-care');
  });

  it('answers from the nearest release when none covers the date (the later of two equally near)', () => {
    const fy = (y: number) => ({ release: `FY${y}`, effectiveFrom: `${y - 1}-10-01`, effectiveTo: `${y}-09-30` });
    expect(nearest([fy(2021), fy(2026)], '2024-03-01')?.release).toBe('FY2026');
    expect(nearest([fy(2021), fy(2026)], '2019-03-01')?.release).toBe('FY2021');
  });
});
