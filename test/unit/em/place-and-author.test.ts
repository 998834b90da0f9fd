import { describe, expect, it } from 'vitest';
import { criticalCareTime } from '../../../lib/em/critical-care';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Coder's rules about where the patient is and who is writing: critical care reported by its
 * documented time whatever the record's headings, an arrival the history calls an "admission" to
 * the emergency department, a consultant who writes that he or she was consulted or answers a
 * reason for referral, and an earlier hospital stay that does not place today's consultation.
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril.\nALLERGIES: None.\nSOCIAL HISTORY: Nonsmoker.\n' +
  'FAMILY HISTORY: Negative.\nPHYSICAL EXAMINATION: Alert, in mild distress.\n';

describe('critical-care minutes in the note', () => {
  it.each([
    ['Critical care time outside billable procedures was 45 minutes with this patient.', 45],
    ['Critical care time: 40 min.', 40],
    ['I spent 50 minutes providing critical care to this patient.', 50],
    ['35 minutes of direct critical care time.', 35],
    ['The total critical care time spent at the bedside was 1 hour.', 60],
    ['Critical care time was less than 30 minutes.', 29],
  ])('%s -> %i', (text, minutes) => {
    expect(criticalCareTime(text)?.minutes).toBe(minutes);
  });

  it.each([
    'Total time spent with the patient was 45 minutes.',
    'He was transferred to critical care. The procedure took 45 minutes.',
    'The pain lasts 30 minutes at a time.',
  ])('no critical-care time: %s', (text) => {
    expect(criticalCareTime(text)).toBeUndefined();
  });
});

describe('critical care is reported by its time, whatever the record', () => {
  const edRecord =
    'HISTORY AND PHYSICAL: The patient has complete heart block and his pacemaker is not capturing.\n' +
    HISTORY +
    'IMPRESSION: Complete heart block with pacemaker malfunction.\nPLAN: He is admitted to the ICU.\n';

  it.each([
    [
      'an admission history with 45 minutes of critical care',
      'TIME: Critical care time was 45 minutes.',
      'critical-care',
    ],
    ['74 minutes is still the first unit', 'Critical care time was 74 minutes.', 'critical-care'],
  ])('%s -> %s', (_what, time, family) => {
    const r = levelEncounter(edRecord + time);
    expect(r.kind).toBe(family);
    expect(r.code).toBe('99291');
  });

  it.each([
    ['critical care under 30 minutes', 'Critical care time was 20 minutes.'],
    ['a total visit time, not critical care', 'Total time spent was 45 minutes.'],
  ])('%s: the admission it reads as', (_what, time) => {
    expect(levelEncounter(edRecord + time).kind).toBe('initial');
  });
});

describe('an arrival in the emergency department the history calls an admission', () => {
  it('"was admitted to the Emergency Department" places the visit there', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: This is a 12-year-old male, who was admitted to the Emergency Department, who fell off his bicycle a few hours ago.\n' +
      HISTORY +
      'DIAGNOSES: 1. Concussion.\nPLANS/RECOMMENDATIONS: Admitted for observation.';
    const r = levelEncounter(note);
    expect(r.kind).toBe('ed');
    expect(r.mdm.risk).toBe('high');
  });

  it.each([
    [
      'admitted to the ED and then to the floor: the hospital stay',
      'HISTORY OF PRESENT ILLNESS: She was admitted to the emergency room and then transferred to the floor for pneumonia.\n' +
        'SUBJECTIVE: Feels better overnight.\nASSESSMENT: Pneumonia, improving.\nPLAN: Continue antibiotics.',
      'subsequent',
    ],
    [
      'brought to the emergency room in an admission history',
      'HISTORY OF PRESENT ILLNESS: The child was brought into the emergency room and a septic workup was done.\n' +
        HISTORY +
        'IMPRESSION: Fever.\nPLAN: Admit to the pediatric floor. IV antibiotics.',
      'initial',
    ],
  ])('%s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('the author writes as a consultant', () => {
  it.each([
    [
      '"I am being consulted" for an intubated patient',
      'HISTORY OF PRESENT ILLNESS: She developed sepsis and respiratory failure requiring intubation. I am being consulted for further evaluation.\n' +
        'PHYSICAL EXAMINATION: Sedated, lying in bed intubated.\nIMPRESSION/PLAN: Disseminated intravascular coagulation. Continue factor replacement.',
      'inpatient-consult',
    ],
    [
      'a reason-for-referral heading for a patient who came in to the hospital',
      'REASON FOR REFERRAL: Cardiac evaluation in a patient who came in the hospital with abdominal pain.\n' +
        'HISTORY: She was seen in the emergency room and admitted for the same. She is lying in bed, comfortable.\n' +
        HISTORY +
        'IMPRESSION: Coronary artery disease, stable. Continue her cardiac medications.',
      'inpatient-consult',
    ],
    [
      'a reason-for-referral heading in the clinic, after a recent hospitalization',
      'REASON FOR REFERRAL: The patient was referred to me by Dr. X due to a recent admission for seizures.\n' +
        'HISTORY: She was recently hospitalized twice.\n' +
        HISTORY +
        'IMPRESSION: Pseudoseizures.\nPLAN: Start sertraline.',
      'office-consult',
    ],
  ])('%s -> %s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });

  it.each([
    [
      'the admitting physician consulted another service',
      'HISTORY OF PRESENT ILLNESS: Admitted with chest pain. Cardiology was consulted.\n' +
        HISTORY +
        'ASSESSMENT: Chest pain.\nPLAN: Admit to telemetry. Serial troponins.',
      'initial',
    ],
    [
      'a referral named in the history of an office follow-up',
      'HISTORY OF PRESENT ILLNESS: He returns for follow-up. He was referred to physical therapy last month.\n' +
        'ASSESSMENT: Low back pain, improving.\nPLAN: Continue therapy.',
      'established',
    ],
  ])('not a consultation: %s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('new or established: a first visit’s history, or words of earlier care', () => {
  const fullHistory =
    'PAST MEDICAL HISTORY: Diabetes.\nMEDICATIONS: Metformin.\nALLERGIES: None.\nFAMILY HISTORY: Father had diabetes.\n' +
    'SOCIAL HISTORY: He works in an office.\nREVIEW OF SYSTEMS: Negative except as above.\n' +
    'PHYSICAL EXAMINATION: Normal strength.\n';
  const plan = 'IMPRESSION: Cervical radiculopathy.\nRECOMMENDATIONS: EMG. I gave him a prescription for gabapentin.';

  it.each([
    [
      'the whole history written out, no earlier visit',
      'HISTORY OF PRESENT ILLNESS: He presents with right arm pain for a year.\n' + fullHistory + plan,
      'new',
    ],
    [
      'a note cut off before the history of present illness',
      'He has no voiding complaints.\n' + fullHistory + plan,
      'new',
    ],
    ['referred to the author', 'HISTORY: He was referred to me for arm pain.\n' + HISTORY + plan, 'new'],
  ])('%s -> %s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });

  it.each([
    [
      'the same history with "I am following" him',
      'HISTORY OF PRESENT ILLNESS: A 64-year-old man who I am following for thrombocytosis.\n' + fullHistory + plan,
    ],
    [
      'the history "reviewed and unchanged"',
      'HISTORY OF PRESENT ILLNESS: Arm pain.\nPAST MEDICAL HISTORY: Reviewed and unchanged.\nFAMILY HISTORY: Unchanged.\n' +
        'SOCIAL HISTORY: Unchanged.\nREVIEW OF SYSTEMS: Negative.\n' +
        plan,
    ],
    [
      'a follow-up visit with the whole history',
      'HISTORY OF PRESENT ILLNESS: He returns for follow-up of arm pain.\n' + fullHistory + plan,
    ],
    [
      'no family or social history',
      'HISTORY OF PRESENT ILLNESS: Arm pain.\nPAST MEDICAL HISTORY: Diabetes.\nREVIEW OF SYSTEMS: Negative.\n' + plan,
    ],
    [
      'the patient called the office',
      'HISTORY OF PRESENT ILLNESS: His atrial fibrillation recurred and he called our office this morning.\n' +
        fullHistory +
        plan,
    ],
  ])('established: %s', (_what, note) => {
    expect(levelEncounter(note).kind).toBe('established');
  });
});

describe('a patient someone else admitted, seen by the author for an opinion', () => {
  const seen =
    'HISTORY OF PRESENT ILLNESS: The patient is known to me; I first saw him in the office last year. He is being seen on the Seventh Floor. ' +
    'He was admitted to the hospital with GI bleeding and has had no chest pain throughout this hospitalization.\n' +
    HISTORY +
    'REVIEW OF SYSTEMS: Negative.\n';

  it('the whole history, the author’s opinion and no admission of his own: an inpatient consultation', () => {
    const r = levelEncounter(
      seen + 'ASSESSMENT AND PLAN: Chronic atrial fibrillation. I agree with the notion of hospice care.',
    );
    expect(r.kind).toBe('inpatient-consult');
  });

  it.each([
    [
      'the author admits the patient: the admission',
      seen + 'ASSESSMENT AND PLAN: Atrial fibrillation. I agree with the plan. He is admitted to telemetry.',
      'initial',
    ],
    [
      'no opinion given: the admission the whole history reads as',
      seen + 'ASSESSMENT AND PLAN: Atrial fibrillation. Continue metoprolol.',
      'initial',
    ],
    [
      'turning over in bed at home is no hospital bed',
      'HISTORY OF PRESENT ILLNESS: She gets dizzy when she rolls over in bed. One month ago she was admitted for gout.\n' +
        HISTORY +
        'REVIEW OF SYSTEMS: Negative.\nIMPRESSION: Positional vertigo. I agree with meclizine.',
      'new',
    ],
  ])('%s -> %s', (_what, note, family) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('data: external notes reviewed and a discussion with another physician', () => {
  const read = (plan: string) =>
    levelEncounter(
      'HISTORY OF PRESENT ILLNESS: Urine leaking around the nephrostomy tube.\nPHYSICAL EXAMINATION: Damp dressing.\n' +
        `EMERGENCY DEPARTMENT COURSE: ${plan}\nDIAGNOSES: Leaking nephrostomy tube.`,
    ).mdm.details.data.flatMap((d) => d.evidence.map((e) => e.text));

  it.each([
    ["Reviewed the patient's admission record from one month ago.", "Reviewed the patient's admission record"],
    ['I reviewed the ER notes.', 'reviewed the ER notes'],
    [
      'I reviewed her pertinent previous neurology evaluations.',
      'reviewed her pertinent previous neurology evaluations',
    ],
    ['Paged Dr. X. Dr. A responded to the page and recommended a BMP.', 'Dr. A responded to the page'],
    ['Received a call back from Dr. X, who will change the tube tomorrow.', 'Received a call back from Dr'],
  ])('%s', (plan, words) => {
    expect(read(plan)).toContain(words);
  });

  it.each([
    'I reviewed the nursing notes.',
    'Review of systems and medical history negative.',
    'I reviewed my notes from the last visit.',
    'Paged Dr. X, no answer yet.',
  ])('not external data: %s', (plan) => {
    expect(read(plan)).toEqual([]);
  });
});

describe('a stay read from the words of hospital care (set-16 review)', () => {
  it('a patient on the telemetry monitor and on IV amiodarone is seen in hospital: a later visit', () => {
    const note =
      'SUBJECTIVE: The patient states that she feels better. She is on IV amiodarone.\n' +
      'PHYSICAL EXAMINATION: The patient shows a normal sinus rhythm on the telemetry monitor.\n' +
      'IMPRESSION: Atrial fibrillation with rapid ventricular response, converted.\n' +
      'PLAN: Convert to oral amiodarone.\n';
    expect(levelEncounter(note).kind).toBe('subsequent');
  });

  it('"he is admitted for video EEG" and "will remain hospitalized" with a full history: the admission', () => {
    const note =
      'CHIEF COMPLAINT: Intractable epilepsy, here for video EEG.\nHISTORY OF PRESENT ILLNESS: He is admitted for video EEG to capture his episodes.\n' +
      HISTORY +
      'REVIEW OF SYSTEMS: Negative.\nIMPRESSION: Intractable epilepsy.\nPLAN: He will remain hospitalized for 48 to 72 hours.\n';
    expect(levelEncounter(note).kind).toBe('initial');
  });

  it('arrived "this morning" through the emergency room, IV antibiotics and the author concurring: a consultation', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: He presented this morning to ER, where he was seen by Dr. X.\n' +
      HISTORY +
      'REVIEW OF SYSTEMS: Dysphagia.\nIMPRESSION: Exudative tonsillitis.\n' +
      'RECOMMENDATIONS: I concur with IV clindamycin as per Dr. X. He may need several days of IV antibiotics.\n';
    expect(levelEncounter(note).kind).toBe('inpatient-consult');
  });

  it('"our recommendation would be" is the consultant\'s opinion on a patient someone else admitted', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: He was recently discharged after being admitted for altered mental status; he is in bed today and has a Foley catheter.\n' +
      HISTORY +
      'REVIEW OF SYSTEMS: Negative.\nIMPRESSION: Penile discharge.\n' +
      'RECOMMENDATIONS: Our recommendation would be to remove the Foley catheter.\n';
    expect(levelEncounter(note).kind).toBe('inpatient-consult');
  });

  it('one word of a hospital alone places nothing: an office visit stays one', () => {
    const note =
      'SUBJECTIVE: Follow-up of palpitations; the telemetry monitor in the hospital last year showed PACs.\n' +
      'IMPRESSION: Palpitations.\nPLAN: Holter monitor.\n';
    expect(['established', 'new']).toContain(levelEncounter(note).kind);
  });
});
