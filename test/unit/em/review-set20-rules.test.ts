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
});
