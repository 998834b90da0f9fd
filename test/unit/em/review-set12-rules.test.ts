import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Family rules from the set-12 review: arrival by ambulance and a patient being seen in the
 * emergency department now; a consult another physician asked for at the bedside of an admitted
 * patient; a patient in hospital (gown, "since being in the hospital"); the last visit compared in
 * the assessment; a first visit's history with three of its four parts. Each has a case it must not move.
 */
const family = (note: string) => levelEncounter(note).detected?.family;

describe('set-12 family rules', () => {
  it('arriving by paramedic ambulance and being evaluated in the emergency department: an ED visit', () => {
    const note =
      "CHIEF COMPLAINT: Head injury.\nHISTORY: This 16-year-old female presents to Children's Hospital via paramedic ambulance after being struck in the head.\n" +
      'MEDICAL DECISION MAKING: She is evaluated in the emergency department with serial blood pressure examinations. CT of the head is normal.\n' +
      'PLAN: She should return to emergency department on concern.';
    expect(family(note)).toBe('ed');
  });

  it('a past visit to the ER in the history does not make an office visit an ED one', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: Two weeks ago, she was seen in the emergency room where a pelvic ultrasound was done. She returns for follow up of pelvic pain.\n' +
      'ASSESSMENT: Pelvic pain, improving. PLAN: Continue ibuprofen.';
    expect(family(note)).toBe('established');
  });

  it('an intensivist asking the author to see an admitted child in the PICU: an inpatient consultation', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: This is a 3-year-old female patient who was admitted today with bleeding from the G-tube site. She was transferred to PICU. Intensivist Dr. X requested me to come and look at her.\n' +
      'IMPRESSION: Bleeding from the G-tube site with coagulopathy.\nPLAN: Vitamin K, FFP.';
    expect(family(note)).toBe('inpatient-consult');
  });

  it('a patient in a hospital gown, without hallucinations since being in the hospital: an inpatient consultation', () => {
    const note =
      'REASON FOR CONSULT: Substance abuse.\nHISTORY OF PRESENT ILLNESS: He has not had hallucinations since being in the hospital.\n' +
      'MENTAL STATUS EXAMINATION: A 42-year-old male dressed in a hospital gown.\nRECOMMENDATIONS: Gabapentin 300 mg q.8h.';
    expect(family(note)).toBe('inpatient-consult');
  });

  it('"improved from the last visit" in the assessment: an established patient', () => {
    const note =
      'SUBJECTIVE: This patient presents to the office today because of numbness of her right hand.\n' +
      'ASSESSMENT: Numbness of the hand. Her blood pressure is elevated, but improved from the last visit.\nPLAN: EMG.';
    expect(family(note)).toBe('established');
    expect(family(note.replace(', but improved from the last visit', ''))).toBe('new');
  });

  it('a history written out in full, without social history: a new patient', () => {
    const note =
      'CHIEF COMPLAINT: Testicular pain.\nHISTORY OF PRESENT ILLNESS: A 4-year-old boy with left testicular pain this morning.\n' +
      'PAST MEDICAL HISTORY: Born full term.\nREVIEW OF SYSTEMS: Negative except as above.\nFAMILY HISTORY: No bleeding disorders.\n' +
      'ASSESSMENT/PLAN: Possible torsion-detorsion. Scrotal exploration today.';
    expect(family(note)).toBe('new');
    expect(family(note.replace('No bleeding disorders.', 'Unchanged.'))).toBe('established');
  });
});

describe('set-12 MDM rules', () => {
  const level = (note: string) => levelEncounter(note).code;
  const visit = (item2: string, plan: string) =>
    'SUBJECTIVE: The patient returns to the Pulmonary Medicine Clinic for followup evaluation of COPD.\n' +
    'MEDICATIONS: Spiriva 18 mcg daily, Advair 250/50 one puff b.i.d., albuterol p.r.n.\n' +
    `ASSESSMENT: 1. Chronic obstructive pulmonary disease, severe but stable. 2. ${item2}\nPLAN: ${plan}`;

  it('"mild hypoxemia … stable" is a second stable chronic illness, and continuing the respiratory medicine is drug management', () => {
    expect(
      level(
        visit(
          'Mild hypoxemia, however, oxygen saturation at rest is stable without supplemental oxygen.',
          'I have recommended that she continue current respiratory medicine.',
        ),
      ),
    ).toBe('99214');
  });

  it('acute hypoxemia the item does not call stable or mild is still a threat', () => {
    const { mdm } = levelEncounter(
      visit('Acute hypoxemia with saturation of 82% on room air.', 'Oxygen. Admit to the hospital.'),
    );
    expect(mdm.problems).toBe('high');
  });
});
