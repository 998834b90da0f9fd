import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The E/M rules found on the coder's review of unseen notes (set 26). */
describe('set-26 E/M rules', () => {
  it('an unfilled template (its fields left "**") documents no visit; a note with a stray blank is levelled', () => {
    const blanks = Array.from({ length: 12 }, (_, i) => `Field ${i + 1} is **.`).join(' ');
    const template = `HISTORY OF PRESENT ILLNESS: This is a ** week gestational age infant delivered by ** at **. ${blanks}\nASSESSMENT: Healthy newborn.\nPLAN: Routine newborn care.`;
    const result = levelEncounter(template);
    expect(result.code).toBeUndefined();
    expect(result.nothingToLevel).toMatch(/unfilled template/);
    const filled =
      'CHIEF COMPLAINT: Cough.\nHISTORY OF PRESENT ILLNESS: Cough for three days, no fever. Referred by Dr. **.\nASSESSMENT: Acute bronchitis.\nPLAN: Albuterol inhaler prescribed. Return if worse.';
    expect(levelEncounter(filled).code).toBeDefined();
  });
});
