import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';
import { findTotalTime } from '../../../lib/em/time';

/*
 * A visit's length written as a noun phrase ("This was a 30-minute consultation") is a total-time
 * statement; the length of a symptom, an exercise goal, or another person's time is not.
 */
describe('the visit written as an N-minute visit or consultation', () => {
  it.each([
    ['This was a 30-minute consultation.', 30],
    ['This was a one-hour consultation.', 60],
    ['A 40 minute office visit, more than half in counseling.', 40],
    ['Greater than 50% of this 40-minute appointment was devoted to counseling.', 40],
    ['Greater than 25 minute face-to-face visit.', 26],
    ['I spent 45 minutes with the patient.', 45],
    ['We spent 30 minutes with the family discussing goals of care.', 30],
    ['I spent 25 minutes; the dietitian spent 40 minutes with her.', 25],
  ])('%s -> %s minutes', (note, minutes) => {
    expect(findTotalTime(note)?.minutes).toBe(minutes);
  });

  it.each([
    ['She had a 30-minute episode of chest pain.'],
    ['Chest pain lasting 30 minutes, relieved by rest.'],
    ['Encouraged a 30-minute duration of walking five days a week.'],
    ['The nurse spent 20 minutes on diabetic teaching.'],
    ['She spent 30 minutes with the dietitian.'],
    ['Social worker spent 45 minutes with the family.'],
  ])('%s -> no total time', (note) => {
    expect(findTotalTime(note)).toBeUndefined();
  });

  it('levels a consultation by the time its last sentence gives', () => {
    const note =
      'SUBJECTIVE: This is a followup consultation for hyperlipidemia, requested by Dr. X. She reports better food choices.\n' +
      'ASSESSMENT: Hyperlipidemia.\nPLAN: I recommended an afternoon snack. Follow up in one month. This was a 30-minute consultation.';
    const r = levelEncounter(note, 'office-consult');
    expect(r).toMatchObject({ timeMinutes: 30, basis: 'time', code: '99243' });
    expect(r.timeEvidence?.text).toBe('30-minute consultation');
  });
});
