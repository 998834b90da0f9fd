import { describe, expect, it } from 'vitest';
import { indexOfSorted, lowerBound } from '../../../lib/domain/sorted';
import { coversDate, lastPerRelease, releaseLabels, releaseOrder } from '../../../lib/domain/releases';

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
    expect(['FY2026 April update', 'FY2026', 'FY2021'].sort(releaseOrder)).toEqual(['FY2021', 'FY2026', 'FY2026 April update']);
    expect(releaseLabels([{ release: 'FY2026' }, { release: 'FY2021' }, { release: 'FY2026' }])).toEqual(['FY2021', 'FY2026']);
  });

  it('covers a date inside the effective dates, both ends included', () => {
    const fy = { effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' };
    expect([coversDate(fy, '2025-10-01'), coversDate(fy, '2026-09-30'), coversDate(fy, '2025-09-30')]).toEqual([true, true, false]);
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
