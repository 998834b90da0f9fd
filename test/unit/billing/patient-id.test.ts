import { describe, expect, it } from 'vitest';
import { checkPatientIds, editDistance, normalizeName, parseDob } from '../../../lib/billing/patient-id';

const TODAY = '2026-11-22';
const chart = { name: 'Testpatient, Alex', dob: '1961-04-09', memberId: 'ZX1234567' };
const rules = (form: Parameters<typeof checkPatientIds>[1]) => checkPatientIds(chart, form, TODAY).map((f) => f.rule);

describe('patient identification: chart header vs billing form', () => {
  it('the same patient written differently raises nothing', () => {
    expect(rules({ name: 'ALEX TESTPATIENT', dob: '04/09/1961', memberId: 'zx-123-4567' })).toEqual([]);
  });
  it('a misspelled name', () => {
    expect(rules({ name: 'Testpatinet, Alex', dob: '1961-04-09', memberId: 'ZX1234567' })).toEqual([
      'patient-name-misspelled',
    ]);
  });
  it('another patient', () => {
    expect(rules({ name: 'Lee, Morgan', dob: '1961-04-09', memberId: 'ZX1234567' })).toEqual(['patient-name-mismatch']);
  });
  it('transposed digits in the member id are named as such', () => {
    const f = checkPatientIds(chart, { ...chart, memberId: 'ZX1243567' }, TODAY);
    expect(f.map((x) => x.rule)).toEqual(['patient-member-id-mismatch']);
    expect(f[0]!.message).toMatch(/transposed/);
  });
  it('month and day swapped in the date of birth', () => {
    const f = checkPatientIds(chart, { ...chart, dob: '1961-09-04' }, TODAY);
    expect(f[0]!.message).toMatch(/month and day swapped/);
  });
  it.each([
    ['1961-02-30', /does not exist/],
    ['2027-01-01', /in the future/],
    ['1861-01-01', /older than 130/],
    ['yesterday', /not a date/],
  ])('impossible date of birth %s', (dob, why) => {
    const f = checkPatientIds(chart, { ...chart, dob }, TODAY).filter((x) => x.rule === 'patient-dob-impossible');
    expect(f[0]?.message).toMatch(why);
  });
  it('a missing field on the form is a warning', () => {
    const f = checkPatientIds(chart, { name: chart.name, dob: chart.dob }, TODAY);
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['patient-field-missing', 'warning']]);
  });
  it('helpers', () => {
    expect(editDistance('1234', '1324')).toBe(1);
    expect(normalizeName('Smith, John A.')).toBe(normalizeName('john smith'));
    expect(parseDob('2/3/1990', TODAY).iso).toBe('1990-02-03');
  });
});
