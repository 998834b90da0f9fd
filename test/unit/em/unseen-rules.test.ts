import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';
import { findTotalTime } from '../../../lib/em/time';

/*
 * General coder's rules from a review of notes the leveller was not tuned on: where the patient
 * is (more days in hospital, a transfer in, a consultant's thanks, an admission only after a
 * planned operation), the visit's length written as "our 45-minute", and the MDM elements (a new
 * or active cancer, "much improved", an image read by the author, a urinalysis's white cells, a
 * decision to admit or not to operate, "cholesterol" is no drug).
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril.\nALLERGIES: None.\nSOCIAL HISTORY: Nonsmoker.\n' +
  'PHYSICAL EXAMINATION: Alert, in no distress.\n';

describe('family read from where the patient is', () => {
  it.each([
    [
      'more days of the stay expected in the plan',
      'subsequent',
      'SUBJECTIVE: She underwent cholecystectomy 8 days ago and is improving.\nPHYSICAL EXAMINATION: Abdomen soft.\n' +
        'ASSESSMENT AND PLAN: Improving ileus.\nI anticipate another 3 days in the hospital for continued TPN.',
    ],
    [
      'follow-up during the hospital stay in the plan',
      'subsequent',
      'HISTORY: He has Crohn disease and pneumonia, treated with IV antibiotics.\nPHYSICAL EXAMINATION: Edema.\n' +
        'ASSESSMENT AND PLAN: Protein-losing enteropathy. Calorie count. I will follow him up during his hospital stay.',
    ],
    [
      'a patient transferred in from another facility',
      'initial',
      'CHIEF COMPLAINT: Altered mental status.\nHISTORY OF PRESENT ILLNESS: The patient is a 69-year-old male transferred from an outlying facility with a stroke.\n' +
        HISTORY +
        'ASSESSMENT AND PLAN: Probable stroke. MRI of the brain.',
    ],
  ])('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });

  it('a consultant thanking the referring physician for being involved in the care', () => {
    const note =
      'Dear Doctor:\nWe had the pleasure of seeing Abc and his mother in the clinic today. He has had wheezing for months.\n' +
      'On exam today, he had some scattered rhonchi.\nI think it would be prudent to continue his steroids.\n' +
      'Thanks so much for allowing us to be involved in his care.';
    expect(levelEncounter(note).kind).toBe('office-consult');
  });

  it.each([
    [
      'an admission planned for after the operation (a pre-operative visit)',
      'HISTORY OF PRESENT ILLNESS: His pacemaker battery has reached end of life; he will be admitted after the pacemaker exchange.\n' +
        HISTORY +
        'IMPRESSION/PLAN:\n1. Pacemaker battery end of life requiring exchange.\n2. Admit the patient after surgery for postoperative care and monitoring.',
    ],
    [
      'a past admission and hospital stay in an office follow-up',
      'HISTORY OF PRESENT ILLNESS: He was admitted to the hospital in March for pneumonia. During his hospital stay he was given antibiotics. He returns today for follow-up.\n' +
        HISTORY +
        'ASSESSMENT: Pneumonia, resolved.\nPLAN: Return in three months.',
    ],
    [
      'a plan with no words of more hospital days',
      'HISTORY OF PRESENT ILLNESS: Follow-up of hypertension.\n' +
        HISTORY +
        'ASSESSMENT AND PLAN: Hypertension, stable. Continue lisinopril.',
    ],
  ])('%s stays an office visit', (_what, note) => {
    expect(levelEncounter(note).kind).toBe('established');
  });
});

describe('the visit length written as a share of "our N-minute" visit', () => {
  it.each([
    ['We spent the majority of our 45-minute just reviewing asthma management.', 45],
    ['Half of this 40-minute was counseling.', 40],
  ])('%s -> %s minutes', (note, minutes) => {
    expect(findTotalTime(note)?.minutes).toBe(minutes);
  });

  it.each([['Most of our 6-minute walk test was normal.'], ['After giving this 5 minutes to take effect.']])(
    '%s -> no total time',
    (note) => {
      expect(findTotalTime(note)).toBeUndefined();
    },
  );
});

const OFFICE = 'CHIEF COMPLAINT: Follow-up.\nHISTORY OF PRESENT ILLNESS: Seen today for follow-up.\n';
const problemsOf = (body: string) =>
  levelEncounter(OFFICE + 'PHYSICAL EXAMINATION: No distress.\n' + body, 'established').mdm.details.problems.map(
    (p) => p.class,
  );

describe('problems: a new or active cancer, and "much improved"', () => {
  it.each([
    ['a cancer named without a status', 'ASSESSMENT: Marginal zone lymphoma.', 'chronic-worse'],
    ['a newly diagnosed cancer', 'ASSESSMENT: Newly diagnosed breast carcinoma.', 'threat'],
    ['a cancer said to be stable', 'ASSESSMENT: Prostate cancer, stable on Lupron.', 'chronic-stable'],
    [
      'a cancer with no evidence of disease',
      'ASSESSMENT: Lung cancer, no evidence of disease after lobectomy.',
      'chronic-stable',
    ],
    ['a refractory illness much improved', 'ASSESSMENT: Refractory hypertension, much improved.', 'chronic-stable'],
    ['a refractory illness without improvement', 'ASSESSMENT: Refractory hypertension.', 'chronic-severe'],
  ])('%s -> %s', (_what, body, cls) => {
    expect(problemsOf(body)).toEqual([cls]);
  });
});

const dataOf = (body: string) =>
  levelEncounter(OFFICE + body, 'established').mdm.details.data.map((d) =>
    d.category === 'interpretation' ? d.category : d.what,
  );

describe('data: the author reading an image, and tests named by the right words', () => {
  it.each([
    [
      '"by my observation" on an x-ray is an independent interpretation',
      'DIAGNOSTIC DATA: X-ray of the right ankle reveals no acute fracture by my observation.\nASSESSMENT: Ankle sprain.',
      'interpretation',
    ],
    [
      'white cells beside a named blood count are a CBC',
      'LABORATORY DATA: CBC shows a white count of 12.\nASSESSMENT: Leukocytosis.',
      'cbc',
    ],
    [
      'clue cells are a wet preparation',
      'DIAGNOSTIC STUDIES: There are positive clue cells.\nASSESSMENT: Bacterial vaginosis.',
      'wet-prep',
    ],
    [
      'chlamydia and gonorrhea pending are tests',
      'DIAGNOSTIC STUDIES: Chlamydia and gonorrhea are pending.\nASSESSMENT: Vaginitis.',
      'sti-tests',
    ],
  ])('%s', (_what, body, item) => {
    expect(dataOf(body)).toContain(item);
  });

  it.each([
    [
      '"no wbc\'s" in a urinalysis is not a CBC',
      "DIAGNOSTIC STUDIES: Urinalysis shows 3+ bacteria, however, there are no wbc's.\nASSESSMENT: Vaginitis.",
      'cbc',
    ],
    [
      'an x-ray read by the radiologist is not an independent interpretation',
      'DIAGNOSTIC DATA: X-ray of the right ankle reveals no acute fracture per the radiologist.\nASSESSMENT: Ankle sprain.',
      'interpretation',
    ],
  ])('%s', (_what, body, item) => {
    expect(dataOf(body)).not.toContain(item);
  });
});

const riskOf = (body: string) =>
  levelEncounter(OFFICE + 'PHYSICAL EXAMINATION: No distress.\n' + body, 'established').mdm.details.risk.map(
    (i) => i.id,
  );

describe('risk: decisions about admission or surgery, and words that are no drug', () => {
  it.each([
    [
      'having the patient admitted',
      'ASSESSMENT: Hyponatremia.\nPLAN: Have her admitted to the medical service for treatment of her hyponatremia.',
      'hospitalization',
    ],
    [
      'a decision that no operation is needed',
      'ASSESSMENT: No intra-abdominal pathology.\nPLAN: She does not need surgery at this time.',
      'surgery-not-indicated',
    ],
    [
      'no indication for surgical intervention',
      'ASSESSMENT: Small bowel ileus.\nPLAN: There is no indication for surgical intervention.',
      'surgery-not-indicated',
    ],
    ['refilling a statin', 'ASSESSMENT: Hyperlipidemia.\nPLAN: Refill atorvastatin.', 'prescription-drug'],
    [
      'refilling her medications',
      'MEDICATIONS: Lisinopril 10 mg daily.\nASSESSMENT: Hypertension.\nPLAN: Refill meds.',
      'prescription-drug',
    ],
  ])('%s -> %s', (_what, body, id) => {
    expect(riskOf(body)).toContain(id);
  });

  it.each([
    [
      'a lipid profile for elevated cholesterol',
      'ASSESSMENT: Elevated cholesterol.\nPLAN: Lipid profile for elevated cholesterol.',
      'prescription-drug',
    ],
    [
      'a past admission',
      'ASSESSMENT: Pneumonia, resolved.\nPLAN: She had been admitted last month; follow up in three months.',
      'hospitalization',
    ],
    [
      'a recommendation for surgery is not a decision against it',
      'ASSESSMENT: Inguinal hernia.\nPLAN: We recommend inguinal hernia repair with mesh.',
      'surgery-not-indicated',
    ],
  ])('%s is not %s', (_what, body, id) => {
    expect(riskOf(body)).not.toContain(id);
  });
});
