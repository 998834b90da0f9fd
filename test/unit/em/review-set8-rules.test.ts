import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Family rules from the set-8 review: another physician's consultation reported in the note is not
 * the author's; a planned transfer, a "hospital summary" and final diagnoses mark the end of a stay;
 * a consultant "follows along"; a consultation whose patient goes home from it, or whose
 * post-operative words are about an operation still planned, is an outpatient consultation.
 * Each rule has notes it must not move.
 */
const HISTORY =
  'PAST MEDICAL HISTORY: Hypertension.\nMEDICATIONS: Lisinopril.\nALLERGIES: None.\nSOCIAL HISTORY: Nonsmoker.\nFAMILY HISTORY: Noncontributory.\n' +
  'PHYSICAL EXAMINATION: Alert, in no distress. Lungs clear.\n';

const cases: [string, string, string][] = [
  [
    "a discharge summary reporting another physician's consultation",
    'discharge',
    'FINAL DIAGNOSIS: Pneumonia.\nDISPOSITION: To a long-term acute care facility.\nCONDITION ON DISCHARGE: Stable.\n' +
      'HOSPITAL SUMMARY: She was admitted with pneumonia and given IV antibiotics. She was seen in consultation by Dr. Y who managed her fluids. She improved.',
  ],
  [
    'the author\'s own consultation ("seen in consultation by me")',
    'inpatient-consult',
    'The patient was seen in consultation by me in the intensive care unit at the request of Dr. X.\n' +
      HISTORY +
      'IMPRESSION: Sepsis.\nRECOMMENDATIONS: Broaden antibiotics.',
  ],
  [
    'a transfer summary with final diagnoses and no discharge heading',
    'discharge',
    'HISTORY: A 69-year-old woman after bypass surgery.\nPHYSICAL EXAMINATION: Murmur.\n' +
      'She was treated with IV antibiotics. Throughout her hospitalization her sugars were adjusted. Eventually plans were made to transfer the patient to a rehabilitation facility.\n' +
      'FINAL DIAGNOSES:\n1. Coronary disease.\n2. Urinary tract infection.',
  ],
  [
    'a consultant on an emergency-room patient who will follow along',
    'inpatient-consult',
    'HISTORY OF PRESENT ILLNESS: A 53-year-old man presented to the emergency room with left leg pain. At the time of my exam it has improved.\n' +
      'PHYSICAL EXAM: No pedal pulses.\nIMPRESSION AND PLAN: Peripheral vascular disease. We will order an angiogram. We will follow him along closely.',
  ],
  [
    'a consultation on an emergency-room patient sent home',
    'office-consult',
    'REASON FOR CONSULTATION: A 66-year-old who came to the emergency room dizzy and hypertensive.\n' +
      HISTORY +
      'ASSESSMENT AND PLAN:\n1. Uncontrolled hypertension. Start a beta-blocker.\nDISPOSITION: The patient is discharged home.',
  ],
  [
    'a consultation before an elective operation, post-operative words only in the plan',
    'office-consult',
    'REASON FOR CONSULTATION: Breast reconstruction.\nHISTORY OF PRESENT ILLNESS: Breast cancer found on needle biopsy; a mastectomy is planned.\n' +
      HISTORY +
      'IMPRESSION: Candidate for a flap reconstruction.\nPLAN: Reconstruction at the time of the mastectomy. We may defer it if postoperative irradiation is likely.',
  ],
];

const unmoved: [string, string, string][] = [
  [
    'a progress note moving the patient to the floor is not a discharge',
    'subsequent',
    'SUBJECTIVE: Better today, off pressors. She is admitted for sepsis.\nOBJECTIVE: Lungs clear.\n' +
      'ASSESSMENT AND PLAN: Sepsis improving. Continue intravenous antibiotics. She will be transferred to the floor.',
  ],
  [
    'a hospital consultant who says the patient can go home later stays inpatient',
    'inpatient-consult',
    'REASON FOR CONSULTATION: Chest pain.\nThe patient was admitted to telemetry overnight.\n' +
      HISTORY +
      'IMPRESSION: Noncardiac chest pain.\nRECOMMENDATIONS: She may be discharged home from a cardiac standpoint.',
  ],
  [
    'a consultation on a post-operative patient told in the history stays inpatient',
    'inpatient-consult',
    'REASON FOR CONSULTATION: Fever.\nHISTORY OF PRESENT ILLNESS: She is postoperative day 2 after a colectomy and has a fever.\n' +
      HISTORY +
      'IMPRESSION: Atelectasis.\nRECOMMENDATIONS: Incentive spirometry.',
  ],
];

describe('set-8 family rules', () => {
  it.each(cases)('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
  it.each(unmoved)('%s -> %s', (_what, family, note) => {
    expect(levelEncounter(note).kind).toBe(family);
  });
});

describe('a record that stops in the history supports no level', () => {
  it.each([
    [
      'a referral with a problem line and a history only',
      'PROBLEM: Chronic abdominal pain, nausea.\nHISTORY: A 23-year-old referred for evaluation of abdominal pain since 2001. She had a cholecystectomy.',
    ],
    [
      'a consultation that stops in the social history',
      'REASON FOR CONSULTATION: Arm discomfort.\nHISTORY OF PRESENT ILLNESS: Pain for a month.\nSOCIAL HISTORY: Smokes a pack a day.',
    ],
  ])('%s -> none', (_what, note) => {
    expect(levelEncounter(note).code).toBeUndefined();
  });
  it.each([
    [
      'a history with an examination after it',
      'HISTORY: Knee pain for a week.\nPHYSICAL EXAMINATION: Effusion of the right knee.\nPAST MEDICAL HISTORY: Gout.',
    ],
    [
      'a history whose last section gives the plan in prose',
      'CHIEF COMPLAINT: Cough.\nHISTORY OF PRESENT ILLNESS: Cough for a week. We will start azithromycin and recheck in a week.',
    ],
  ])('%s keeps a level', (_what, note) => {
    expect(levelEncounter(note).code).toBeDefined();
  });
});
