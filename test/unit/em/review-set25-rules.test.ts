import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The E/M rules found on the coder's review of unseen notes (set 25). */
describe('set-25 E/M rules', () => {
  it('"seen today by me at Nursing Home" places the visit in the nursing facility', () => {
    const note = (place: string) =>
      `SUBJECTIVE: The patient was seen today by me ${place} for her multiple medical problems. The nurses report she has been confused at times.\nASSESSMENT: 1. Dementia. 2. Hypertension, stable.\nPLAN: Continue current medications.`;
    expect(levelEncounter(note('at Nursing Home')).kind).toBe('nursing-subsequent');
    expect(levelEncounter(note('in the office')).kind).not.toBe('nursing-subsequent');
  });
});
