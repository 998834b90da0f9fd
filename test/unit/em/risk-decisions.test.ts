import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Risk of patient management: a prescription written at the visit (a PRESCRIPTIONS section) and a
 * dose change written with a capitalised verb ("Increase his Altace") are prescription drug
 * management; a decision for surgery by this author counts, one another physician makes or has
 * made does not.
 */
function riskOf(body: string) {
  const note =
    'CHIEF COMPLAINT: Follow-up.\nHISTORY OF PRESENT ILLNESS: Seen today for follow-up.\n' +
    'PHYSICAL EXAMINATION: No distress.\n' +
    body;
  const r = levelEncounter(note, 'established');
  return r.mdm.details.risk.map((i) => i.id);
}

describe('prescription drug management', () => {
  it.each([
    [
      'a PRESCRIPTIONS section',
      'IMPRESSION: Elevated PSA.\nPLAN: Cystoscopy.\nPRESCRIPTIONS: Proscar Dosage: 5 mg tablet Sig: once daily Dispense: 30 Refills: 0',
    ],
    ['an Rx section', 'ASSESSMENT: Acne.\nRx: Retin-A 0.025% cream nightly.'],
    [
      'a dose change opening a sentence',
      'IMPRESSION: Hypertension.\nPLAN: Increase his Altace to 5 mg day for better blood pressure control.',
    ],
  ])('%s is prescription drug management', (_what, body) => {
    expect(riskOf(body)).toContain('prescription-drug');
  });

  it.each([
    ['an over-the-counter drug under the heading', 'ASSESSMENT: Headache.\nPRESCRIPTIONS: Tylenol 500 mg as needed.'],
    ['the medication list', 'MEDICATIONS: Proscar 5 mg daily.\nASSESSMENT: Elevated PSA.\nPLAN: Cystoscopy.'],
  ])('%s is not', (_what, body) => {
    expect(riskOf(body)).not.toContain('prescription-drug');
  });
});

describe('decisions about surgery', () => {
  it.each([
    [
      'an admission for repair',
      'ASSESSMENT AND PLAN: Incarcerated umbilical hernia, now for repair with mesh.',
      'major-surgery',
    ],
    [
      "this author's recommendation of another physician's procedure",
      'ASSESSMENT: Lumbar stenosis.\nPLAN: I would recommend a course of epidural injections with Dr. Y.',
      'minor-surgery',
    ],
  ])('%s counts', (_what, body, id) => {
    expect(riskOf(body)).toContain(id);
  });

  it.each([
    [
      'an operation performed by another physician',
      'ASSESSMENT: On December 5 he did undergo a total knee arthroplasty performed by Dr. X. Knee pain, improving.',
    ],
    [
      'an operation another physician will perform',
      'ASSESSMENT: Carotid stenosis. Dr. X will perform a carotid endarterectomy, scheduled next week.',
    ],
    ['an operation planned by his surgeon', 'ASSESSMENT: Carotid stenosis, planned for endarterectomy by his surgeon.'],
  ])('%s does not', (_what, body) => {
    expect(riskOf(body).filter((id) => /surgery/.test(id))).toEqual([]);
  });
});
