import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Family rules from the set-9 and set-10 reviews: the note's own place ("here in the Emergency
 * Department", a patient told to come to the emergency room) makes an emergency visit; a
 * dietitian's nutrition consultation is no E/M service. Each rule has notes it must not move.
 */
const EXAM = 'PHYSICAL EXAMINATION: Alert, in no distress. Lungs clear.\n';

describe('set-9 family rules', () => {
  it.each([
    [
      'a drug given "here in the Emergency Department"',
      'ed',
      'HISTORY OF PRESENT ILLNESS: Pain in her left lower jaw since last night.\n' +
        EXAM +
        'PROCEDURE NOTE: An inferior alveolar nerve block was done. She was given two Vicodin here in the Emergency Department.\n' +
        'ASSESSMENT: Dental pain.\nPLAN: Keflex.',
    ],
    [
      'a patient the author told to come to the emergency room',
      'ed',
      'REASON FOR THE VISIT: Very high INR.\nHISTORY: Her INR was 12, so I told her to come to the emergency room to get vitamin K.\n' +
        EXAM +
        'ASSESSMENT: Coagulopathy.\nPLAN: Vitamin K and send her home.',
    ],
    [
      'a patient brought in by EMS to an emergency department',
      'ed',
      'HISTORY OF PRESENT ILLNESS: She was brought in by the EMS service to Erlanger emergency department with pulseless electrical activity.\n' +
        EXAM +
        'ASSESSMENT: Cardiac arrest.\nPLAN: Resuscitation.',
    ],
    [
      'a transfer summary (condition and medications on transfer)',
      'discharge',
      'HISTORY OF PRESENT ILLNESS: A markedly abnormal stress test today; catheterization showed a 99% LAD lesion, so he is transferred for PCI.\n' +
        'CONDITION ON TRANSFER: Stable but guarded.\nMEDICATIONS ON TRANSFER:\n1. Aspirin.\n2. Heparin drip.',
    ],
    [
      'an office patient told to go to the emergency room if worse',
      'established',
      'SUBJECTIVE: Follow-up of her cough.\n' +
        EXAM +
        'ASSESSMENT: Bronchitis.\nPLAN: Return to the office in one week.',
    ],
  ])('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe("a dietitian's nutrition consultation is no E/M service (its own codes)", () => {
  it('a dietary consultation with a meal plan and energy needs gets no E/M', () => {
    const note =
      'SUBJECTIVE: This is a 56-year-old female who comes in for a dietary consultation for hyperlipidemia and weight reduction.\n' +
      'OBJECTIVE: BMI is approximately 29. A diet history was obtained. I instructed the patient on a 1200 calorie meal plan.\n' +
      "ASSESSMENT: The patient's basal energy expenditure is estimated at 1361 calories a day.\nPLAN: Follow up in one month.";
    expect(levelEncounter(note).code).toBeUndefined();
  });

  it('a physician visit that discusses diet still is one', () => {
    const note =
      'SUBJECTIVE: Follow-up of type 2 diabetes. She has been following her diet.\n' +
      EXAM +
      'ASSESSMENT: Type 2 diabetes mellitus, controlled.\nPLAN: Continue metformin. Diet and exercise discussed.';
    expect(levelEncounter(note).code).toBeDefined();
  });
});
