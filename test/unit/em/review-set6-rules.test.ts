import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * General coder's rules from a sixth review of unseen notes: a comprehensive evaluation with
 * screening ordered is a preventive visit; the plan's advice to go to the emergency room does not
 * place a consultation in hospital; a review-of-systems sheet filled in today is no history
 * carried over from an earlier visit; the risks of an operation told to the patient are no
 * problems addressed; "no changes in her medications" is a decision about prescription drugs; a
 * record with no reason, history of present illness, assessment or plan supports no level.
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril 10 mg daily.\nALLERGIES: None.\n' +
  'FAMILY HISTORY: Noncontributory.\nSOCIAL HISTORY: Nonsmoker.\n';
const EXAM = 'PHYSICAL EXAMINATION: Alert, in no distress. Lungs clear. Heart regular.\n';

describe('a comprehensive evaluation with screening ordered is preventive', () => {
  it.each([
    [
      'comprehensive evaluation, mammogram and lipid profile ordered',
      'preventive',
      'SUBJECTIVE: The patient comes in today for a comprehensive evaluation. She is well known to me. She is 52 years old.\n' +
        HISTORY +
        EXAM +
        'ASSESSMENT: Hypertension, controlled.\nPLAN: We will check a lipid profile and a mammogram.',
    ],
    [
      'comprehensive evaluation of a named problem',
      'established',
      'SUBJECTIVE: The patient comes in today for a comprehensive evaluation of her headaches. She is well known to me.\n' +
        HISTORY +
        EXAM +
        'ASSESSMENT: Tension headache.\nPLAN: We will check a lipid profile and a mammogram.',
    ],
    [
      'comprehensive evaluation, no screening ordered',
      'established',
      'SUBJECTIVE: The patient comes in today for a comprehensive evaluation. She is well known to me.\n' +
        HISTORY +
        EXAM +
        'ASSESSMENT: Hypertension, controlled.\nPLAN: Continue lisinopril.',
    ],
  ])('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).detected.family).toBe(family);
  });
});

describe('where a consultation took place', () => {
  const consult = (plan: string, hpi = 'She has had dizziness for three months.') =>
    'REASON FOR CONSULTATION: Dizziness.\nHISTORY OF PRESENT ILLNESS: ' +
    hpi +
    '\n' +
    HISTORY +
    EXAM +
    'IMPRESSION: Subjective dizziness.\nRECOMMENDATIONS: An ENG was ordered. ' +
    plan +
    '\nThank you for allowing me to participate in the care of your patient.';
  it.each([
    [
      'advice to go to the emergency room if worse',
      'office-consult',
      consult('If her balance worsens she should pursue an emergent visit to the emergency room.'),
    ],
    [
      'the patient came through the emergency room',
      'inpatient-consult',
      consult('Meclizine as needed.', 'She had dizziness yesterday and came to the emergency room.'),
    ],
  ])('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('new or established: a review-of-systems sheet filled in today', () => {
  const note = (ros: string) =>
    'CHIEF COMPLAINT: Right hydronephrosis.\nHISTORY OF PRESENT ILLNESS: A PET scan showed right hydronephrosis.\n' +
    HISTORY +
    `REVIEW OF SYSTEMS: ${ros}\n` +
    EXAM +
    'IMPRESSION AND PLAN: Right hydronephrosis. IVP and renal scan.';
  it.each([
    ['the ROS sheet reviewed', 'new', 'I have reviewed her review of systems sheet and it is on the chart.'],
    ['the ROS reviewed, no sheet', 'established', 'Reviewed and unremarkable.'],
  ])('%s -> %s', (_what, status, ros) => {
    expect(levelEncounter(note(ros)).kind).toBe(status);
  });
});

describe('the risks of an operation are no problems addressed', () => {
  const note = (risk: string) =>
    'REASON FOR VISIT: Preop evaluation regarding gastric bypass surgery.\n' +
    EXAM +
    'ASSESSMENT AND PLAN: The patient is in stable condition with morbid obesity, scheduled for gastric bypass surgery in two weeks. ' +
    risk;
  it.each([
    [
      'a consent list of risks',
      'low',
      'Risks and benefits of the procedure were reiterated with the patient, which included death, pulmonary embolism, anastomotic leak, small bowel obstruction, bleeding, and infection.',
    ],
    [
      'a problem named before the risk words',
      'high',
      'Pulmonary embolism last month; the risks of anticoagulation were discussed, including bleeding.',
    ],
    ['risk factors are no consent talk', 'high', 'Risk factors include a pulmonary embolism last year.'],
  ])('%s -> problems %s', (_what, level, risk) => {
    expect(levelEncounter(note(risk), 'established').mdm.problems).toBe(level);
  });
});

describe('medications continued unchanged are prescription drug management', () => {
  const note = (plan: string) =>
    'SUBJECTIVE: She returns for follow-up of hypertension.\n' +
    HISTORY +
    EXAM +
    `ASSESSMENT: Hypertension, controlled.\nPLAN: ${plan} See me back in two months.`;
  it.each([
    ['I made no changes in her medications.', 'moderate'],
    ['Her medications remain unchanged.', 'moderate'],
    ['No changes to her diet.', 'straightforward'],
  ])('%s -> risk %s', (plan, risk) => {
    expect(levelEncounter(note(plan)).mdm.risk).toBe(risk);
  });
});

describe('a record with no decision making supports no level', () => {
  it.each([
    ['an examination template', true, 'PHYSICAL EXAMINATION\nGENERAL: Alert.\nHEENT: Normal.\nLUNGS: Clear.\n'],
    [
      'a fragment of history and examination',
      true,
      'On review of systems, she admits to heartburn.\n' + HISTORY + 'PHYSICAL EXAMINATION:\nBP 133/72',
    ],
    [
      'an examination with an assessment',
      false,
      'PHYSICAL EXAMINATION: Lungs clear.\nASSESSMENT: Bronchitis.\nPLAN: Fluids and rest.',
    ],
    ['a visit with a chief complaint', false, 'CHIEF COMPLAINT: Cough.\n' + EXAM],
    [
      'a letter under RE',
      false,
      'RE: Sample Patient\nDear Dr. Sample: I saw Mrs. Patient today for glaucoma. Her pressures are 18. I recommend continuing timolol.',
    ],
    [
      'an examination with a documented total time',
      false,
      EXAM + 'I spent a total of 30 minutes with the patient today.',
    ],
  ])('%s -> no level: %s', (_what, none, note) => {
    expect(levelEncounter(note).nothingToLevel !== undefined).toBe(none);
  });
});
