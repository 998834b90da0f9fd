import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The MDM rules found on the coder's review of unseen notes (set 20). */
describe('set-20 E/M rules', () => {
  it('stable ischemic heart disease on continued medication is a stable chronic illness under prescription drug management', () => {
    const note =
      'SUBJECTIVE: He returns for a recheck. He feels well.\nMEDICATIONS: Lipitor 20 mg daily, metoprolol 25 mg b.i.d.\nIMPRESSION/PLAN:\n1. Ischemic cardiac disease. This remains stable. He will continue on the same medication.\n' +
      '2. Hypercholesterolemia. He will continue on the same medication.';
    expect(levelEncounter(note).code).toBe('99214');
    // Nothing continued: the two stable illnesses alone, with no data and no risk, are straightforward.
    expect(levelEncounter(note.replace(/ He will continue on the same medication\./g, '')).code).toBe('99212');
  });

  it('a record that stops at an empty examination sub-heading documents no decision making', () => {
    const note =
      'CHIEF COMPLAINT: Decreased level of consciousness.\nHISTORY OF PRESENT ILLNESS: He was brought in by EMS with decreased responsiveness since last night.\n' +
      'PAST MEDICAL HISTORY: Parkinson disease.\nSOCIAL HISTORY: He lives with his wife.\nPHYSICAL EXAMINATION:\nGENERAL:';
    expect(levelEncounter(note).nothingToLevel).toMatch(/empty/);
    expect(
      levelEncounter(`${note} Alert.\nASSESSMENT: Parkinson disease.\nPLAN: Resume Sinemet.`).nothingToLevel,
    ).toBeUndefined();
  });

  it('a hospital course that tells no discharge, with no assessment or plan, is a case presentation: no level', () => {
    const note =
      'CHIEF COMPLAINT: Bright red blood per rectum.\nHISTORY OF PRESENT ILLNESS: Five days after discharge to a nursing home, she again had rectal bleeding.\n' +
      'PHYSICAL EXAM: Gross blood on rectal exam.\nHOSPITAL COURSE: A bleeding site was not identified. CT angiography was negative for pulmonary embolism.';
    expect(levelEncounter(note).nothingToLevel).toMatch(/case presentation/);
    // A course that ends in this stay's discharge is discharge day management.
    const discharged = `${note} She was discharged home in stable condition.`;
    expect(levelEncounter(discharged).nothingToLevel).toBeUndefined();
    expect(levelEncounter(discharged).code).toBe('99238');
  });
});
