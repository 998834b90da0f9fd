import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The visit family rules found on the coder's review of unseen notes (set 19). */
describe('set-19 E/M rules', () => {
  it('an earlier stay "admitted and discharged yesterday" is no same-day admission and discharge', () => {
    const note =
      'CHIEF COMPLAINT: Intractable nausea and vomiting.\nHISTORY OF PRESENT ILLNESS: She was recently admitted and discharged yesterday for the same complaint. She is admitted today for intravenous fluids.\n' +
      'ASSESSMENT: Intractable vomiting due to gastroparesis.\nPLAN: Admit. IV fluids and IV Reglan.';
    expect(levelEncounter(note).kind).not.toBe('same-day');
    // This stay's own words still make it one.
    expect(
      levelEncounter(
        'HISTORY OF PRESENT ILLNESS: Chest pain. The patient was admitted and discharged the same day after a negative workup.\nASSESSMENT: Chest pain, noncardiac.\nPLAN: Discharge home.',
      ).kind,
    ).toBe('same-day');
  });

  it('an urgent care visit that discharges the patient home is an office visit, not a hospital discharge', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: His athletic trainer brought him to the urgent care after he dropped a weight on his feet.\n' +
      'ASSESSMENT: Bilateral foot contusions.\nDISCHARGE MEDICATIONS: Darvocet.\nThe patient was discharged in the care of his mother.';
    expect(levelEncounter(note).kind).toMatch(/^(new|established)$/);
    expect(levelEncounter(note.replace('the urgent care', 'the hospital')).kind).toBe('discharge');
  });

  it('the author’s own earlier care ("I froze a previous wart on him") makes the patient established', () => {
    const note =
      'SUBJECTIVE: He has a wart on his finger; he tells me I froze a previous wart on him in the past.\nPAST MEDICAL HISTORY: None.\nFAMILY HISTORY: Noncontributory.\nSOCIAL HISTORY: Smoker.\nREVIEW OF SYSTEMS: Negative.\nASSESSMENT: Wart.\nPLAN: Cryotherapy today.';
    expect(levelEncounter(note).kind).toBe('established');
  });
});
