import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * E/M rules from the set-17 review: an examination template whose headings name body systems
 * together ("EARS/NOSE:") supports no level; a patient "admitted to the operating room" goes to an
 * operation, not into hospital. Each has a case it must not move.
 */
const read = (note: string) => levelEncounter(note);

describe('set-17 E/M rules', () => {
  it('an examination template with compound body-system headings supports no E/M level', () => {
    const template =
      'EARS, NOSE, MOUTH AND THROAT,EARS/NOSE: The auricles are normal to palpation. The nose is normal.\n' +
      'LIPS/TEETH/GUMS: Normal lips and gums.\nOROPHARYNX: Normal mucosa, no lesions.';
    expect(read(template).code).toBeUndefined();
    // The same examination under a visit's history and assessment is levelled.
    const visit =
      'HISTORY OF PRESENT ILLNESS: Two days of sore throat and fever.\n' +
      template +
      '\nASSESSMENT: Acute pharyngitis.\nPLAN: Amoxicillin 500 mg three times daily for 10 days.';
    expect(read(visit).code).toMatch(/^992/);
  });

  it('"admitted to the operating room" is no hospital admission; "admitted to the floor" is', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: A 2-year-old with recurrent otitis media and adenoid hypertrophy.\n' +
      'IMPRESSION: Chronic otitis media with effusion, adenoid hypertrophy.\n' +
      'PLAN: The patient will be admitted to the operating room for adenoidectomy and myringotomy with tubes.';
    expect(read(note).detected?.family).not.toBe('initial');
    expect(
      read(note.replace('to the operating room for', 'to the floor for IV antibiotics before')).detected?.family,
    ).toBe('initial');
  });
});

describe('set-17 data reviewed', () => {
  const soap =
    'S: Three days of cough with green sputum, sore throat and chills.\n' +
    'O: Vital signs as per chart. Lungs coarse. Chest x-ray reveals no obvious consolidation. Influenza test is negative. Rapid strep screen is negative.\n' +
    'A: Bronchitis.\nP: Continue on the Keflex.';
  it('tests given with their results in the objective section are results reviewed at the visit', () => {
    const data = read(soap).mdm?.details?.data;
    const what = (data ?? []).map((d) => d.what);
    expect(what).toEqual(expect.arrayContaining(['chest-xray', 'strep']));
    expect(read(soap).code).toBe('99214');
  });

  it('"vital signs as per chart" is no external record; "C4-5" is no complement test', () => {
    const data = read(soap).mdm?.details?.data ?? [];
    expect(data.some((d) => d.category === 'external-notes')).toBe(false);
    const spine = read(
      'HISTORY OF PRESENT ILLNESS: Neck pain with right arm weakness.\nASSESSMENT: C4-5 disc herniation with radiculopathy.\nPLAN: Physical therapy.',
    );
    expect((spine.mdm?.details?.data ?? []).some((d) => d.what === 'complement')).toBe(false);
  });
});
