import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/rules/em-level-not-supported';
import { EncounterSchema } from '../../../lib/checks/schema';
import type { CodePack } from '../../../lib/pack/code-pack';

/*
 * em-level-not-supported speaks only where the leveller levels the billed family from the note:
 * never on a nursing-facility discharge or on critical care (their own time rules), while a clearly
 * over-levelled office visit is still flagged.
 */
const fires = (code: string, note: string, setting: 'office' | 'hospital' = 'hospital') =>
  rule.run({
    encounter: EncounterSchema.parse({
      dateOfService: '2026-01-02',
      setting,
      diagnoses: [],
      services: [{ code, line: 1 }],
      note,
    }),
    // The rule reads only the note; it asks nothing of the pack.
    pack: {} as CodePack,
  }).length > 0;

const SHORT_VISIT =
  'SUBJECTIVE: Mild sore throat for two days.\nASSESSMENT: Viral pharyngitis.\nPLAN: Salt-water gargles, fluids.';
const FACILITY_DISCHARGE =
  'NURSING FACILITY DISCHARGE\nThe resident is discharged from the skilled nursing facility to home with her daughter.\nASSESSMENT: Hip fracture after repair, walking with a walker.\nPLAN: Home physical therapy.';
const SHORT_CRITICAL_CARE =
  'CRITICAL CARE NOTE\nSeptic shock on norepinephrine; lactate rising.\nCritical care time: 20 minutes.\nASSESSMENT: Septic shock.\nPLAN: Titrate pressors, broad-spectrum antibiotics.';
const NO_TIME_CRITICAL_CARE =
  'CRITICAL CARE NOTE\nHypoxic respiratory failure on high-flow oxygen.\nASSESSMENT: Respiratory failure.\nPLAN: Intubate if worse.';

describe('em-level-not-supported: families the leveller does not level are never flagged', () => {
  it.each([
    ['99316 nursing-facility discharge without time', '99316', FACILITY_DISCHARGE],
    ['99316 nursing-facility discharge on a minimal note', '99316', SHORT_VISIT],
    ['99315 nursing-facility discharge', '99315', SHORT_VISIT],
    ['99291 critical care with 20 minutes documented', '99291', SHORT_CRITICAL_CARE],
    ['99291 critical care without time', '99291', NO_TIME_CRITICAL_CARE],
    ['99292 critical care add-on on a minimal note', '99292', SHORT_VISIT],
  ])('%s', (_name, code, note) => {
    expect(fires(code, note)).toBe(false);
  });
});

describe('em-level-not-supported: still flags a clear over-level where the leveller applies', () => {
  it.each([
    ['99215 on a self-limited problem', '99215', SHORT_VISIT, 'office'],
    ['99233 on a self-limited problem', '99233', SHORT_VISIT, 'hospital'],
  ] as const)('%s', (_name, code, note, setting) => {
    expect(fires(code, note, setting)).toBe(true);
  });

  it('99212 on the same note is not flagged', () => {
    expect(fires('99212', SHORT_VISIT, 'office')).toBe(false);
  });
});
