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

  it('"my plan is to readmit" and a transfer here from another hospital are the admission', () => {
    const visit = (plan: string) =>
      `SUBJECTIVE: She had pneumonia last month and now has a temperature of 102.\nASSESSMENT: Fever, rule out recurrent bacteremia.\nPLAN: ${plan}`;
    expect(
      levelEncounter(
        visit('My plan is to readmit the patient to control her temperature. I am going to observe her overnight.'),
      ).kind,
    ).toBe('initial');
    expect(levelEncounter(visit('Tylenol as needed; return if the fever persists.')).kind).not.toBe('initial');
    const transfer =
      'CHIEF COMPLAINT: Newly diagnosed acute lymphoblastic leukemia.\nHISTORY OF PRESENT ILLNESS: The patient was transferred here the evening of 02/23/2007 from Hospital with a new diagnosis of leukemia.\nASSESSMENT: Acute lymphoblastic leukemia.\nPLAN: Induction chemotherapy.';
    expect(levelEncounter(transfer).kind).toBe('initial');
  });

  it('"Follow up with me in 1 to 2 weeks" after a cesarean is the operating surgeon\'s own follow-up: global package', () => {
    const summary = (follow: string) =>
      'FINAL DIAGNOSES: Delivered pregnancy, failure to progress.\nPROCEDURE: Primary low transverse cesarean section.\n' +
      'HOSPITAL COURSE: She was induced at 38 weeks and was brought to the operative suite for a cesarean section. She did well through the 3-day stay and was discharged home.\n' +
      `FOLLOWUP: ${follow}`;
    expect(levelEncounter(summary('Follow up with me in 1 to 2 weeks.')).code).toBeUndefined();
    expect(levelEncounter(summary('Follow up with her obstetrician in 6 weeks.')).code).toBe('99238');
  });
});
