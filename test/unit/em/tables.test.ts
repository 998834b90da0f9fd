import { describe, expect, it } from 'vitest';
import { emLabel, familyOfCode, levelByMdm, levelByTime, mdmLevel, prolonged, type Family, type MdmLevel } from '../../../lib/em/em';
import { findTotalTime } from '../../../lib/em/time';

/** Every time boundary of every family levelled by time (minimum met or exceeded). */
describe('E/M by total time: every boundary of every family', () => {
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
    ['initial', 74, '99222'],
    ['initial', 75, '99223'],
    ['subsequent', 24, undefined],
    ['subsequent', 25, '99231'],
    ['subsequent', 34, '99231'],
    ['subsequent', 35, '99232'],
    ['subsequent', 49, '99232'],
    ['subsequent', 50, '99233'],
    ['same-day', 44, undefined],
    ['same-day', 45, '99234'],
    ['same-day', 69, '99234'],
    ['same-day', 70, '99235'],
    ['same-day', 84, '99235'],
    ['same-day', 85, '99236'],
    ['discharge', 10, '99238'],
    ['discharge', 30, '99238'],
    ['discharge', 31, '99239'],
    ['office-consult', 19, undefined],
    ['office-consult', 20, '99242'],
    ['office-consult', 30, '99243'],
    ['office-consult', 39, '99243'],
    ['office-consult', 40, '99244'],
    ['office-consult', 54, '99244'],
    ['office-consult', 55, '99245'],
    ['inpatient-consult', 34, undefined],
    ['inpatient-consult', 35, '99252'],
    ['inpatient-consult', 45, '99253'],
    ['inpatient-consult', 59, '99253'],
    ['inpatient-consult', 60, '99254'],
    ['inpatient-consult', 79, '99254'],
    ['inpatient-consult', 80, '99255'],
    // The emergency department is levelled by MDM only: time never gives a level.
    ['ed', 120, undefined],
  ] as [Family, number, string | undefined][])('%s, %i minutes -> %s', (family, minutes, code) => {
    expect(levelByTime(family, minutes)).toBe(code);
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
    ['low', 'high', 'high', 'high'],
  ] as MdmLevel[][])('problems %s, data %s, risk %s -> %s', (p, d, r, want) => {
    expect(mdmLevel(p!, d!, r!)).toBe(want);
  });
});

/** Every MDM level of every family levelled by MDM (2023: the first hospital level covers straightforward and low). */
describe('E/M by MDM: every level of every family', () => {
  const cases: [Family, MdmLevel, string][] = [];
  const rows: [Family, string[]][] = [
    ['new', ['99202', '99203', '99204', '99205']],
    ['established', ['99212', '99213', '99214', '99215']],
    ['ed', ['99282', '99283', '99284', '99285']],
    ['initial', ['99221', '99221', '99222', '99223']],
    ['subsequent', ['99231', '99231', '99232', '99233']],
    ['same-day', ['99234', '99234', '99235', '99236']],
    ['office-consult', ['99242', '99243', '99244', '99245']],
    ['inpatient-consult', ['99252', '99253', '99254', '99255']],
  ];
  for (const [family, codes] of rows) (['straightforward', 'low', 'moderate', 'high'] as MdmLevel[]).forEach((m, i) => cases.push([family, m, codes[i]!]));
  it.each(cases)('%s + %s MDM -> %s', (family, mdm, code) => {
    expect(levelByMdm(family, mdm)).toBe(code);
  });

  it('discharge day is not levelled by MDM', () => {
    expect(levelByMdm('discharge', 'high')).toBeUndefined();
  });
});

describe('prolonged services beyond the top level', () => {
  it.each([
    ['established', 54, 0, 0],
    ['established', 55, 1, 0],
    ['established', 69, 1, 1],
    ['established', 70, 2, 1],
    ['established', 84, 2, 2],
    ['new', 74, 0, 0],
    ['new', 75, 1, 0],
    ['new', 89, 1, 1],
    ['new', 104, 2, 2],
  ] as [Family, number, number, number][])('%s, %i min -> 99417 x%i, G2212 x%i', (family, minutes, cpt, medicare) => {
    expect(prolonged(family, minutes)).toMatchObject({ code: '99417', cpt, medicareCode: 'G2212', medicare });
  });

  it.each([
    ['initial', 89, 0],
    ['initial', 90, 1],
    ['initial', 105, 2],
    ['subsequent', 64, 0],
    ['subsequent', 65, 1],
    ['same-day', 100, 1],
    ['inpatient-consult', 94, 0],
    ['inpatient-consult', 95, 1],
  ] as [Family, number, number][])('%s, %i min -> 99418 x%i', (family, minutes, cpt) => {
    expect(prolonged(family, minutes)).toMatchObject({ code: '99418', cpt });
  });

  it.each([
    ['office-consult', 69, 0],
    ['office-consult', 70, 1],
  ] as [Family, number, number][])('%s, %i min -> 99417 x%i', (family, minutes, cpt) => {
    expect(prolonged(family, minutes)).toMatchObject({ code: '99417', cpt, medicare: 0 });
  });

  it('no prolonged code for the emergency department or the discharge day', () => {
    expect(prolonged('ed', 200)).toEqual({ cpt: 0, medicare: 0 });
    expect(prolonged('discharge', 200)).toEqual({ cpt: 0, medicare: 0 });
  });
});

describe('codes, families and labels', () => {
  it.each([
    ['99214', 'established', 2],
    ['99202', 'new', 0],
    ['99285', 'ed', 3],
    ['99223', 'initial', 2],
    ['99239', 'discharge', 1],
    ['99244', 'office-consult', 2],
    ['99252', 'inpatient-consult', 0],
    ['99391', 'preventive', 0],
    ['99386', 'preventive', 5],
    ['92004', 'eye', 1],
    ['99456', 'disability', 1],
  ] as [string, Family, number][])('%s is %s, rank %i', (code, family, rank) => {
    expect(familyOfCode(code)).toEqual({ family, rank });
  });

  it('unknown codes have no family; labels are our own words', () => {
    expect(familyOfCode('99211')).toBeUndefined();
    expect(familyOfCode('20610')).toBeUndefined();
    expect(emLabel('99214')).toBe('established patient office visit, level 4');
    expect(emLabel('12345')).toBe('12345');
  });
});

describe('total time statements', () => {
  it.each([
    ['I spent 42 minutes on the date of the encounter.', 42],
    ['Total time 35 min including documentation.', 35],
    ['Total time spent: 25 minutes.', 25],
    ['Total time spent with the patient was 45 minutes, more than half in counseling.', 45],
    ['45 minutes were spent reviewing records and counselling.', 45],
    ['Approximate discharge time is 28 minutes.', 28],
    ['Greater than 30 minutes spent on discharge planning.', 31],
    ['Time spent: more than 30 minutes.', 31],
    ['I spent at least 40 minutes with the family.', 40],
    ['Total face-to-face time of 1 hour.', 60],
    ['Follow up in 2 weeks.', undefined],
    ['She passed out for about 3 to 4 minutes.', undefined],
    ['Episodes lasting about 5 minutes with facial drooping.', undefined],
  ])('%s -> %s minutes', (note, minutes) => {
    expect(findTotalTime(note)?.minutes).toBe(minutes);
  });
});
