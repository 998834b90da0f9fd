import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Family rules from the set-11 review: a ward round's 24-hour highest temperature (read in the
 * vital signs) and a plan ordering DVT prophylaxis are words of a hospital stay; a dietitian's
 * follow-up nutrition consultation is no E/M. Each has a note it must not move.
 */
const family = (note: string) => levelEncounter(note).detected?.family;

describe('set-11 family rules', () => {
  const round =
    'SUBJECTIVE: The patient states that he feels sick and weak.\n' +
    'PHYSICAL EXAMINATION: VITAL SIGNS: Highest temperature recorded over the past 24 hours was 101.1, and current temperature is 99.2. Oral mucosa is dry.\n' +
    'ASSESSMENT AND PLAN: 1. Fever of undetermined origin. Would continue current antibiotics. 2. Dehydration. Hydrate the patient. 3. DVT prophylaxis with subcutaneous heparin.';
  it('a 24-hour highest temperature and DVT prophylaxis: a later hospital visit', () => {
    expect(family(round)).toBe('subsequent');
  });

  it('one of them alone does not move an office visit', () => {
    expect(family(round.replace(' 3. DVT prophylaxis with subcutaneous heparin.', ''))).toBe('established');
  });

  it("a dietitian's follow-up dietary consultation is no E/M; a physician's visit about diet is one", () => {
    expect(
      family(
        'SUBJECTIVE: This is a followup dietary consultation for hyperlipidemia. She has followed the meal plan.\n' +
          'PLAN: A new 1500 calorie meal plan was developed.',
      ),
    ).toBe('none');
    expect(
      family(
        'SUBJECTIVE: Follow-up of hyperlipidemia. She has followed a low-fat diet.\nPHYSICAL EXAMINATION: Normal.\n' +
          'ASSESSMENT: Hyperlipidemia.\nPLAN: Continue atorvastatin 20 mg daily; diet discussed.',
      ),
    ).toBe('established');
  });
});
