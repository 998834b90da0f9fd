import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Where the visit is when the note has no usual headings: hospital-only care ordered in the plan
 * (intravenous therapy, a sliding scale, a transfer to intensive care, the 24-hour maximum
 * temperature), discharge medications listed in the present tense, and a consultation the author
 * was asked to perform. Each rule has notes it must not move.
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril.\nALLERGIES: None.\nSOCIAL HISTORY: Nonsmoker.\nFAMILY HISTORY: Noncontributory.\n' +
  'PHYSICAL EXAMINATION: Alert, in no distress. Lungs with crackles.\n';

describe('hospital care ordered in the plan places the note in hospital', () => {
  it.each([
    [
      'a progress note continuing IV fluids and a sliding scale',
      'subsequent',
      'SUBJECTIVE: She feels a bit better.\nOBJECTIVE: Highest temperature over the past 24 hours is 101.\n' +
        'ASSESSMENT AND PLAN:\n1. Urinary tract infection. Continue intravenous fluids.\n2. Diabetes. Continue insulin sliding scale.',
    ],
    [
      'an event note: transferred to the ICU, IV antibiotic continued, during the hospitalization',
      'subsequent',
      'I was called that she was less responsive. Throughout her hospitalization we have adjusted her pain medications. ' +
        'She was given naloxone and improved. She was then transferred to the ICU. We will continue the IV piperacillin.',
    ],
    [
      'a full history of a patient who came through the emergency room, intravenous antibiotics begun',
      'initial',
      'HISTORY OF PRESENT ILLNESS: A 43-year-old man presented to the emergency room with dyspnea for a month.\n' +
        HISTORY +
        'IMPRESSION: Bilateral pneumonia.\nPLAN:\n1. Sputum culture.\n2. Begin intravenous antibiotics.',
    ],
  ])('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });

  it.each([
    [
      'an office follow-up after a hospital stay where IV antibiotics were given (history, not the plan)',
      'HISTORY OF PRESENT ILLNESS: He presented to the emergency room last month and was given IV antibiotics for pneumonia. He returns today for follow-up.\n' +
        HISTORY +
        'ASSESSMENT: Pneumonia, resolved.\nPLAN: Return in three months.',
    ],
    [
      'an office visit for a new problem whose plan names no hospital care',
      'HISTORY OF PRESENT ILLNESS: She presented to the emergency room last week with a cough and returns to our office.\n' +
        HISTORY +
        'ASSESSMENT: Bronchitis.\nPLAN: Albuterol inhaler. Return as needed.',
    ],
  ])('%s: an office visit', (_what, note) => {
    expect(['new', 'established']).toContain(levelEncounter(note).kind);
  });
});

describe('a discharge summary without its headings', () => {
  it('discharge medications listed as this discharge’s, in the present tense', () => {
    const note =
      'We found new T-wave changes and did a coronary angiogram, which showed patent grafts. We started carvedilol.\n' +
      'So her discharge meds are as follows:\n1. Carvedilol 6.25 mg b.i.d.\n2. Simvastatin 40 mg nightly.\nI will see her in a month.';
    expect(levelEncounter(note).kind).toBe('discharge');
  });
  it('the discharge medications of an earlier stay, in the past tense, do not make a discharge', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: She returns to the office two weeks after her hospital stay. Her discharge medications included carvedilol.\n' +
      HISTORY +
      'ASSESSMENT: Coronary artery disease, stable.\nPLAN: Continue carvedilol. Return in three months.';
    expect(levelEncounter(note).kind).not.toBe('discharge');
  });
});

describe('a consultation the author was asked to perform', () => {
  it.each([
    ['I was asked to perform cardiology consultation for her', 'inpatient-consult'],
    ['I was asked to provide an opinion on her arrhythmia', 'inpatient-consult'],
  ])('"%s" -> %s', (words, family) => {
    const note =
      `HISTORY OF PRESENT ILLNESS: An 84-year-old woman admitted after a fall with a hip fracture; ${words}.\n` +
      'MEDICATIONS ON ADMISSION: Aspirin.\n' +
      HISTORY +
      'IMPRESSION: Multifocal atrial tachycardia. She may proceed with hip surgery from a cardiac standpoint. Continue verapamil.';
    expect(levelEncounter(note).kind).toBe(family);
  });
  it('being asked to perform a procedure is no consultation', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: An 84-year-old woman admitted after a fall; I was asked to perform a hip aspiration.\n' +
      'MEDICATIONS ON ADMISSION: Aspirin.\n' +
      HISTORY +
      'IMPRESSION: Hip effusion. Aspiration today.';
    expect(levelEncounter(note).kind).not.toMatch(/consult/);
  });
});

describe('services that are not a physician’s E/M visit', () => {
  it.each([
    [
      'a speech therapist’s discharge (goals met, discharged from the therapist’s services)',
      'DIAGNOSIS: Cognitive linguistic impairment after stroke.\nNUMBER OF SESSIONS COMPLETED: 5\nHOSPITAL COURSE: She was referred for skilled speech therapy. ' +
        'She has accomplished all 5 of her short-term therapy goals. She is discharged from my services.',
    ],
    [
      'a neuropsychological testing report',
      'REASON FOR REFERRAL: The patient was referred for a neuropsychological evaluation by Dr. X for a second opinion.\n' +
        'HISTORY OF PRESENTING PROBLEM: She was dismissed from her job for performance complaints.\n' +
        'TASKS ADMINISTERED: Clinical Interview, Mini Mental Status Exam, Boston Naming Test.',
    ],
    [
      'a record that stops at an empty examination heading, with no assessment or plan',
      'CHIEF COMPLAINT: Small cell lung cancer.\nHISTORY OF PRESENT ILLNESS: She comes to clinic to review her CT scan.\n' +
        'REVIEW OF SYSTEMS: Back pain.\nPHYSICAL EXAM:\nVITALS:',
    ],
  ])('%s: no E/M level', (_what, note) => {
    const r = levelEncounter(note);
    expect(r.code).toBeUndefined();
    expect(r.nothingToLevel).toBeTruthy();
  });

  it.each([
    [
      'an office visit with a TEST RESULTS section',
      'CHIEF COMPLAINT: Elevated PSA.\nHISTORY OF PRESENT ILLNESS: He returns for follow-up of an elevated PSA.\nTEST RESULTS: PSA 6.1.\n' +
        'ASSESSMENT: Elevated PSA.\nPLAN: Prostate biopsy. Start tamsulosin 0.4 mg daily.',
    ],
    [
      'a physician’s visit that refers to physical therapy',
      'HISTORY OF PRESENT ILLNESS: He returns with low back pain after a fall.\nPHYSICAL EXAMINATION: Tender lumbar spine.\n' +
        'ASSESSMENT: Lumbar strain.\nPLAN: Physical therapy twice a week. Start naproxen 500 mg b.i.d.',
    ],
    [
      'a complete record with no assessment section (its last section has a body)',
      'CHIEF COMPLAINT: Sore throat.\nHISTORY OF PRESENT ILLNESS: Three days of sore throat and fever.\nPHYSICAL EXAM: Tonsils 2+, no exudate. Lungs clear.',
    ],
  ])('%s: levelled', (_what, note) => {
    expect(levelEncounter(note).code).toBeDefined();
  });
});
