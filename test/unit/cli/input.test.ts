import { describe, expect, it } from 'vitest';
import { intFlag, isoDate, notTextReason, shareFlag } from '../../../cli/input';
import { table, wrapText } from '../../../cli/output';

describe('strict CLI inputs', () => {
  it('dates must exist on the calendar', () => {
    expect(isoDate('2026-02-28', '--date')).toBe('2026-02-28');
    for (const bad of ['2026-13-45', '2026-02-30', '26-01-01', '2026-1-1', 'today', '1800-01-01'])
      expect(() => isoDate(bad, '--date')).toThrowError(/--date/);
  });

  it('numbers and shares in range', () => {
    expect(intFlag('8', '--batch', { min: 1, max: 1000 })).toBe(8);
    expect(intFlag(undefined, '--batch', { min: 1, max: 1000 }, 8)).toBe(8);
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', ''])
      expect(() => intFlag(bad, '--batch', { min: 1, max: 1000 })).toThrowError(
        /--batch must be a whole number from 1 to 1000/,
      );
    expect(shareFlag('0.2', '--inject', 0)).toBe(0.2);
    for (const bad of ['5', '-0.1', 'abc', '20%'])
      expect(() => shareFlag(bad, '--inject', 0)).toThrowError(/--inject must be a share from 0 to 1/);
  });

  it('text files are text: binary, UTF-16 and control-character files are refused', () => {
    expect(
      notTextReason(new TextEncoder().encode('Assessment: hypertension.\r\n\tPlan: lisinopril.\f')),
    ).toBeUndefined();
    expect(notTextReason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatch(/NUL/);
    expect(notTextReason(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toMatch(/UTF-16/);
    expect(notTextReason(new Uint8Array(100).fill(7))).toMatch(/control/);
  });

  it('text output wraps long cells instead of cutting them', () => {
    const long = 'Type 2 diabetes mellitus with diabetic chronic kidney disease and other specified complications';
    expect(wrapText(long, 30).join(' ')).toBe(long);
    expect(wrapText(long, 30).every((l) => l.length <= 30)).toBe(true);
    const t = table(
      [
        ['code', 'title'],
        ['E11.22', long],
      ],
      { 1: 40 },
    );
    expect(t.replace(/\s+/g, ' ')).toContain(long.replace(/\s+/g, ' ').split(' ').slice(0, 6).join(' '));
    expect(t.split('\n').length).toBeGreaterThan(2);
    expect(t).not.toMatch(/…/);
  });
});
