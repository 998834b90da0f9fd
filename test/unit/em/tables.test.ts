import { describe, expect, it } from 'vitest';
import {
  emLabel,
  familyOfCode,
  levelByMdm,
  levelByTime,
  mdmLevel,
  prolonged,
  type Family,
  type MdmLevel,
} from '../../../lib/em/em';
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
    ['nursing-initial', 24, undefined],
    ['nursing-initial', 25, '99304'],
    ['nursing-initial', 34, '99304'],
    ['nursing-initial', 35, '99305'],
    ['nursing-initial', 49, '99305'],
    ['nursing-initial', 50, '99306'],
    ['nursing-subsequent', 9, undefined],
    ['nursing-subsequent', 10, '99307'],
    ['nursing-subsequent', 14, '99307'],
    ['nursing-subsequent', 15, '99308'],
    ['nursing-subsequent', 29, '99308'],
    ['nursing-subsequent', 30, '99309'],
    ['nursing-subsequent', 44, '99309'],
    ['nursing-subsequent', 45, '99310'],
    ['nursing-discharge', 10, '99315'],
    ['nursing-discharge', 30, '99315'],
    ['nursing-discharge', 31, '99316'],
    ['home-new', 14, undefined],
    ['home-new', 15, '99341'],
    ['home-new', 29, '99341'],
    ['home-new', 30, '99342'],
    ['home-new', 59, '99342'],
    ['home-new', 60, '99344'],
    ['home-new', 74, '99344'],
    ['home-new', 75, '99345'],
    ['home-established', 19, undefined],
    ['home-established', 20, '99347'],
    ['home-established', 29, '99347'],
    ['home-established', 30, '99348'],
    ['home-established', 39, '99348'],
    ['home-established', 40, '99349'],
    ['home-established', 59, '99349'],
    ['home-established', 60, '99350'],
    // Critical care: 30 minutes or more; beyond 74 the add-on code counts (see prolonged below).
    ['critical-care', 29, undefined],
    ['critical-care', 30, '99291'],
    ['critical-care', 74, '99291'],
    ['critical-care', 200, '99291'],
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
    ['nursing-initial', ['99304', '99304', '99305', '99306']],
    ['nursing-subsequent', ['99307', '99308', '99309', '99310']],
    ['home-new', ['99341', '99342', '99344', '99345']],
    ['home-established', ['99347', '99348', '99349', '99350']],
  ];
  for (const [family, codes] of rows)
    (['straightforward', 'low', 'moderate', 'high'] as MdmLevel[]).forEach((m, i) =>
      cases.push([family, m, codes[i]!]),
    );
  it.each(cases)('%s + %s MDM -> %s', (family, mdm, code) => {
    expect(levelByMdm(family, mdm)).toBe(code);
  });

  it.each(['discharge', 'nursing-discharge', 'critical-care'] as Family[])('%s is not levelled by MDM', (family) => {
    expect(levelByMdm(family, 'high')).toBeUndefined();
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

  /** Medicare's own prolonged codes start later than CPT's (CMS 2023 physician fee schedule). */
  it.each([
    ['initial', 89, '99418', 0, 'G0316', 0],
    ['initial', 90, '99418', 1, 'G0316', 1],
    ['subsequent', 64, '99418', 0, 'G0316', 0],
    ['subsequent', 65, '99418', 1, 'G0316', 1],
    ['same-day', 100, '99418', 1, 'G0316', 0],
    ['same-day', 110, '99418', 1, 'G0316', 1],
    ['nursing-initial', 64, '99418', 0, 'G0317', 0],
    ['nursing-initial', 65, '99418', 1, 'G0317', 0],
    ['nursing-initial', 94, '99418', 2, 'G0317', 0],
    ['nursing-initial', 95, '99418', 3, 'G0317', 1],
    ['nursing-initial', 110, '99418', 4, 'G0317', 2],
    ['nursing-subsequent', 59, '99418', 0, 'G0317', 0],
    ['nursing-subsequent', 60, '99418', 1, 'G0317', 0],
    ['nursing-subsequent', 84, '99418', 2, 'G0317', 0],
    ['nursing-subsequent', 85, '99418', 2, 'G0317', 1],
    ['home-new', 89, '99417', 0, 'G0318', 0],
    ['home-new', 90, '99417', 1, 'G0318', 0],
    ['home-new', 139, '99417', 4, 'G0318', 0],
    ['home-new', 140, '99417', 4, 'G0318', 1],
    ['home-established', 74, '99417', 0, 'G0318', 0],
    ['home-established', 75, '99417', 1, 'G0318', 0],
    ['home-established', 109, '99417', 3, 'G0318', 0],
    ['home-established', 110, '99417', 3, 'G0318', 1],
    // Critical care add-on: each 30 minutes from 75 (CPT), only full 30 minutes past 74 for Medicare.
    ['critical-care', 74, '99292', 0, '99292', 0],
    ['critical-care', 75, '99292', 1, '99292', 0],
    ['critical-care', 103, '99292', 1, '99292', 0],
    ['critical-care', 104, '99292', 1, '99292', 1],
    ['critical-care', 105, '99292', 2, '99292', 1],
    ['critical-care', 133, '99292', 2, '99292', 1],
    ['critical-care', 134, '99292', 2, '99292', 2],
    ['critical-care', 135, '99292', 3, '99292', 2],
  ] as [Family, number, string, number, string, number][])(
    '%s, %i min -> %s x%i, %s x%i',
    (family, minutes, code, cpt, medicareCode, medicare) => {
      expect(prolonged(family, minutes)).toEqual({ code, cpt, medicareCode, medicare });
    },
  );

  it('no prolonged code for the emergency department or the discharge day', () => {
    expect(prolonged('ed', 200)).toEqual({ cpt: 0, medicare: 0 });
    expect(prolonged('discharge', 200)).toEqual({ cpt: 0, medicare: 0 });
    expect(prolonged('nursing-discharge', 200)).toEqual({ cpt: 0, medicare: 0 });
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
    ['99304', 'nursing-initial', 0],
    ['99306', 'nursing-initial', 2],
    ['99310', 'nursing-subsequent', 3],
    ['99316', 'nursing-discharge', 1],
    ['99344', 'home-new', 2],
    ['99347', 'home-established', 0],
    ['99291', 'critical-care', 0],
  ] as [string, Family, number][])('%s is %s, rank %i', (code, family, rank) => {
    expect(familyOfCode(code)).toEqual({ family, rank });
  });

  it('unknown codes have no family; labels are our own words', () => {
    expect(familyOfCode('99211')).toBeUndefined();
    expect(familyOfCode('20610')).toBeUndefined();
    // Deleted in 2023 (home visits renumbered; domiciliary codes folded into home or residence).
    expect(familyOfCode('99343')).toBeUndefined();
    expect(familyOfCode('99318')).toBeUndefined();
    // The critical-care add-on is a unit count, not a level.
    expect(familyOfCode('99292')).toBeUndefined();
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
    ['Critical care time: 45 minutes, excluding procedures.', 45],
    ['I provided 110 minutes of critical care today.', 110],
    ['Follow up in 2 weeks.', undefined],
    ['She passed out for about 3 to 4 minutes.', undefined],
    ['Episodes lasting about 5 minutes with facial drooping.', undefined],
  ])('%s -> %s minutes', (note, minutes) => {
    expect(findTotalTime(note)?.minutes).toBe(minutes);
  });
});
