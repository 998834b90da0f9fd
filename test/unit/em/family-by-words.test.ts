import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';
import { placeByWords } from '../../../lib/em/family-place';
import { readNote } from '../../../lib/em/note-view';

/*
 * A note no family cue places is placed by its words: the author admitting the patient makes it
 * the admission (initial hospital care); the emergency department's words (stretcher, nursing
 * notes reviewed, discharged home) make it an emergency-department visit. Office or clinic words
 * in the history or examination, a conditional admission, or a family cue of its own keep the
 * note where it was.
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril.\nALLERGIES: None.\nSOCIAL HISTORY: Nonsmoker.\n' +
  'PHYSICAL EXAMINATION: Alert, in mild distress.\n';

describe('the author admitting the patient is initial hospital care', () => {
  it.each([
    [
      '"admitted here" in the chief complaint',
      'CHIEF COMPLAINT: A 74-year-old female patient admitted here with altered mental status.\n' +
        HISTORY +
        'ASSESSMENT: Cerebrovascular accident.\nPLAN: MRI of the brain. Neurology consult.',
    ],
    [
      '"is now being admitted" in the history',
      'CHIEF COMPLAINT: Incarcerated umbilical hernia. He is now being admitted for definitive repair.\n' +
        HISTORY +
        'IMPRESSION: Incarcerated umbilical hernia.\nPLAN: Repair with mesh tomorrow.',
    ],
    [
      '"Admit." as the first word of the plan',
      'HISTORY: This 61-year-old presents with acute shortness of breath and is found to be in acute pulmonary edema.\n' +
        HISTORY +
        'IMPRESSION: Acute pulmonary edema.\nPLAN: Admit. Aggressive heart failure management. Get echo.',
    ],
  ])('%s', (_what, note) => {
    const r = levelEncounter(note);
    expect(r.kind).toBe('initial');
    expect(r.detected.why.join(' ')).toMatch(/admits the patient/);
  });

  it.each([
    [
      'an office visit that ends in an admission stays an office visit',
      'HISTORY OF PRESENT ILLNESS: Mom returned to clinic again today because she got much worse since yesterday.\n' +
        HISTORY +
        'IMPRESSION AND PLAN: RSV bronchiolitis. Admit for nebulizer treatments and oxygen.',
      'established',
    ],
    [
      'a progress note of a patient admitted earlier stays a later visit',
      'PROGRESS NOTE\nHOSPITAL DAY 3: The patient was admitted here three days ago with pneumonia. Better today.\n' +
        'ASSESSMENT: Pneumonia, improving.\nPLAN: Continue ceftriaxone.',
      'subsequent',
    ],
  ])('%s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('placeByWords', () => {
  it.each([
    ['Should she worsen, we will admit her.', undefined],
    ['If she is not better tomorrow, she will be admitted for IV antibiotics.', undefined],
    ['She will be admitted for IV antibiotics.', 'initial'],
    ['We will admit her for IV antibiotics.', 'initial'],
  ])('plan %j: %s', (plan, family) => {
    const note = readNote(
      `HISTORY OF PRESENT ILLNESS: Cough for three days.\n${HISTORY}ASSESSMENT: Pneumonia.\nPLAN: ${plan}`,
    );
    expect(placeByWords(note)?.family).toBe(family);
  });
});

describe('emergency-department words with no office are an emergency-department visit', () => {
  const ed =
    'HISTORY OF PRESENT ILLNESS: A 40-year-old woman with nausea and vomiting since last night.\n' +
    'REVIEW OF SYSTEMS: Nursing notes were reviewed with which I agree.\n' +
    'PHYSICAL EXAMINATION: Well-appearing woman lying on the stretcher.\n' +
    'TREATMENT: IV fluids and Zofran. She felt well enough to be discharged home.\n' +
    'ASSESSMENT: Viral gastroenteritis.\nPLAN: Clear liquids.';

  it('stretcher, nursing notes and discharged home: ED', () => {
    const r = levelEncounter(ed);
    expect(r.kind).toBe('ed');
    expect(r.detected.why.join(' ')).toMatch(/emergency department/);
  });

  it.each([
    [
      'one word of the department alone',
      ed
        .replace('Nursing notes were reviewed with which I agree.', 'Negative.')
        .replace('lying on the stretcher', 'seated'),
    ],
    ['the same words in an office', ed.replace('A 40-year-old woman', 'Seen in the office today, a 40-year-old woman')],
  ])('%s: not ED', (_what, note) => {
    expect(levelEncounter(note).kind).not.toBe('ed');
  });
});
