import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Prescription drug management needs the drug to be recognised. A name written with its strength
 * ("indomethacin 25 mg") is a drug whatever its stem; a laboratory value carries a per-volume unit
 * ("glucose 120 mg/dL") and is not. An over-the-counter brand combined with a controlled drug
 * ("Tylenol with Codeine") is a prescription.
 */
const note = (plan: string) =>
  'CHIEF COMPLAINT: Knee pain.\nHISTORY OF PRESENT ILLNESS: The patient is a 40-year-old with knee pain for 3 days.\n' +
  `ASSESSMENT: Knee pain.\nPLAN: ${plan}\n`;
const risk = (plan: string) => levelEncounter(note(plan)).mdm.risk;

describe('drug names in the plan', () => {
  it('a drug named with its strength is prescription drug management', () => {
    expect(risk('We will start indomethacin 25 mg three times a day.')).toBe('moderate');
    expect(risk('We will start the new medicine three times a day.')).not.toBe('moderate');
  });

  it('a laboratory value with a per-volume unit is not a drug', () => {
    expect(risk('Recheck in the morning; glucose 120 mg/dL today.')).not.toBe('moderate');
  });

  it('an over-the-counter brand with codeine is a prescription drug', () => {
    expect(risk('Tylenol with Codeine No. 3, one to two tablets every 4 hours as needed.')).toBe('moderate');
    expect(risk('Tylenol, one to two tablets every 4 hours as needed.')).toBe('low');
  });

  it('an NSAID stem that is prescription only', () => {
    expect(risk('Meloxicam daily with food.')).toBe('moderate');
  });

  it('an antiseptic skin prep is no drug: "prepped with Betadine" is not amantadine\'s stem', () => {
    expect(risk('The digit was prepped with Betadine and the splinter removed; dressed with bacitracin.')).toBe('low');
    expect(risk('The digit was prepped and the splinter removed; start amantadine daily.')).toBe('moderate');
  });
});
