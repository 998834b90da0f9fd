import { describe, expect, it } from 'vitest';
import { findTotalTime, levelByMdm, levelByTime, levelEncounter, mdmLevel, prolonged, type MdmLevel, type VisitKind } from '../../../lib/em/em';

describe('E/M by total time: every boundary (2021+ office rules, time met or exceeded; 2023 hospital)', () => {
  it.each([
    ['new', 14, undefined],
    ['new', 15, '99202'],
    ['new', 29, '99202'],
    ['new', 30, '99203'],
    ['new', 44, '99203'],
    ['new', 45, '99204'],
    ['new', 59, '99204'],
    ['new', 60, '99205'],
    ['new', 120, '99205'],
    ['established', 9, undefined],
    ['established', 10, '99212'],
    ['established', 19, '99212'],
    ['established', 20, '99213'],
    ['established', 29, '99213'],
    ['established', 30, '99214'],
    ['established', 39, '99214'],
    ['established', 40, '99215'],
    ['initial', 39, undefined],
    ['initial', 40, '99221'],
    ['initial', 54, '99221'],
    ['initial', 55, '99222'],
    ['initial', 75, '99223'],
    ['subsequent', 24, undefined],
    ['subsequent', 25, '99231'],
    ['subsequent', 35, '99232'],
    ['subsequent', 50, '99233'],
    ['same-day', 44, undefined],
    ['same-day', 45, '99234'],
    ['same-day', 70, '99235'],
    ['same-day', 85, '99236'],
    ['discharge', 30, '99238'],
    ['discharge', 31, '99239'],
  ] as [VisitKind, number, string | undefined][])('%s patient, %i minutes -> %s', (kind, minutes, code) => {
    expect(levelByTime(kind, minutes)).toBe(code);
  });
});

describe('MDM: two of three elements', () => {
  it.each([
    ['high', 'high', 'straightforward', 'high'],
    ['high', 'low', 'straightforward', 'low'],
    ['moderate', 'moderate', 'low', 'moderate'],
    ['moderate', 'low', 'high', 'moderate'],
    ['low', 'low', 'straightforward', 'low'],
    ['straightforward', 'straightforward', 'high', 'straightforward'],
    ['high', 'moderate', 'low', 'moderate'],
  ] as MdmLevel[][])('problems %s, data %s, risk %s -> %s', (p, d, r, want) => {
    expect(mdmLevel(p!, d!, r!)).toBe(want);
  });

  it.each([
    ['established', 'straightforward', '99212'],
    ['established', 'low', '99213'],
    ['established', 'moderate', '99214'],
    ['established', 'high', '99215'],
    ['new', 'moderate', '99204'],
    ['initial', 'low', '99221'],
    ['subsequent', 'moderate', '99232'],
  ] as [VisitKind, MdmLevel, string][])('%s + %s MDM -> %s', (kind, mdm, code) => {
    expect(levelByMdm(kind, mdm)).toBe(code);
  });
});

describe('prolonged services', () => {
  it.each([
    ['established', 54, 0, 0],
    ['established', 55, 1, 0],
    ['established', 69, 1, 1],
    ['established', 70, 2, 1],
    ['new', 74, 0, 0],
    ['new', 75, 1, 0],
    ['new', 89, 1, 1],
  ] as [VisitKind, number, number, number][])('%s, %i min -> 99417 x%i, G2212 x%i', (kind, minutes, cpt, medicare) => {
    expect(prolonged(kind, minutes)).toEqual({ cpt, medicare });
  });
});

describe('reading the note', () => {
  it.each([
    ['I spent 42 minutes on the date of the encounter.', 42],
    ['Total time 35 min including documentation.', 35],
    ['Total time spent: 25 minutes.', 25],
    ['45 minutes were spent reviewing records and counselling.', 45],
    ['Follow up in 2 weeks.', undefined],
  ])('%s -> %s minutes', (note, minutes) => {
    expect(findTotalTime(note)?.minutes).toBe(minutes);
  });

  it('levels a visit by the higher of time and MDM, with evidence and what the next level needs', () => {
    const r = levelEncounter('Type 2 diabetes, not at goal. Ordered A1c. Increase metformin. Total time 25 minutes.', 'established');
    expect(r.byTime).toBe('99213');
    expect(r.mdm).toMatchObject({ problems: 'moderate', data: 'moderate', risk: 'moderate', level: 'moderate' });
    expect(r).toMatchObject({ code: '99214', basis: 'mdm', label: 'established patient office visit, level 4' });
    expect(r.nextLevel).toMatch(/99215 needs 40 minutes/);
    expect(r.mdm.evidence.problems[0]?.text).toBe('not at goal');
  });
});
