import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * A procedure, test, pathology or autopsy report or a delivery note is not an E/M visit: the
 * leveller says "no E/M" with the reason, read from the document's type (its headings, its title at
 * the top, a record with headings but none of a visit's parts). Visit notes that mention a test, a
 * procedure done at the visit or a planned operation are still levelled.
 */
const REPORTS: [string, string][] = [
  [
    'imaging report titled with the study',
    'EXAM: MRI RIGHT KNEE WITHOUT CONTRAST\nCLINICAL: Knee pain after a fall.\nFINDINGS: The menisci are intact. There is a small joint effusion.\nIMPRESSION: Small effusion, no meniscal tear.',
  ],
  [
    'ultrasound report with a short title statement',
    'EXAM: Renal ultrasound.\nHISTORY: Flank pain.\nFINDINGS: Both kidneys are normal in size without hydronephrosis.\nIMPRESSION: Normal study.',
  ],
  [
    'echocardiogram with no visit parts',
    'TRANSTHORACIC ECHOCARDIOGRAM\nMEASUREMENTS: Left ventricular end-diastolic dimension 4.9 cm.\nCONCLUSIONS: Normal left ventricular size and systolic function, ejection fraction 60%.',
  ],
  [
    'stress test report',
    'EXAM: Exercise treadmill stress test.\nINDICATION: Chest pain.\nTYPE OF TEST: Bruce protocol to 9 minutes.\nINTERPRETATION: No ischemic electrocardiographic changes.',
  ],
  [
    'pulmonary function report',
    'PULMONARY FUNCTION TEST\nSPIROMETRY: FEV1 2.1 L, 68% of predicted.\nINTERPRETATION: Moderate obstructive defect.',
  ],
  [
    'procedure note titled with the operation',
    'KNEE ARTHROSCOPY\nPROCEDURE: The patient was placed supine. The knee was prepped and draped in sterile fashion and a partial medial meniscectomy was done.\nThe patient went to recovery in good condition.',
  ],
  [
    'joint injection note',
    'SUBACROMIAL BURSA INJECTION\nPROCEDURE: After verbal consent the shoulder was cleaned with chlorhexidine and 40 mg triamcinolone with lidocaine was injected.',
  ],
  [
    'endoscopy with pre- and post-procedure diagnoses',
    'PREOPERATIVE DIAGNOSIS: Screening for colon cancer.\nPOSTOPERATIVE DIAGNOSIS: Sigmoid diverticulosis.\nFINDINGS: Scattered sigmoid diverticula, no polyps.',
  ],
  [
    'pathology report',
    'SPECIMEN: Gallbladder.\nGROSS DESCRIPTION: Received in formalin is a 7 cm gallbladder with a thickened wall.\nMICROSCOPIC DESCRIPTION: Chronic inflammation of the wall.\nFINAL DIAGNOSIS: Chronic cholecystitis.',
  ],
  [
    'autopsy report',
    'EXTERNAL EXAMINATION: The body is that of a well-developed adult male.\nCAUSE OF DEATH: Coronary atherosclerosis.\nMANNER OF DEATH: Natural.',
  ],
  [
    'delivery note',
    'DELIVERY NOTE: A 28-year-old G2 P1 at 39 weeks came in with regular contractions. She delivered a viable female infant over an intact perineum and the placenta delivered spontaneously.',
  ],
];

const VISITS: [string, string, string][] = [
  [
    'office visit with a results heading for an MRI',
    'CHIEF COMPLAINT: Knee pain.\nHISTORY OF PRESENT ILLNESS: Knee pain for two weeks after a fall.\nMRI: Small effusion, no tear.\nEXAM: Mild effusion, stable ligaments.\nASSESSMENT: Knee sprain.\nPLAN: Ibuprofen 600 mg as needed; return in two weeks.',
    'established',
  ],
  [
    'ED-style note with a CT heading after the complaint',
    'CHIEF COMPLAINT: Fall.\nCT HEAD: No acute bleed.\nHISTORY OF PRESENT ILLNESS: Tripped at home and struck her head.\nEXAM: Small scalp abrasion.\nASSESSMENT: Scalp abrasion.\nPLAN: Wound care, return if worse.',
    'established',
  ],
  [
    'visit whose reason names a test',
    'REASON FOR VISIT: Colonoscopy.\nHISTORY OF PRESENT ILLNESS: He is 50 and asks about colon cancer screening. No bleeding.\nASSESSMENT: Screening for colon cancer.\nPLAN: Schedule a screening colonoscopy.',
    'established',
  ],
  [
    'prose office note with an injection done at the visit',
    'She returns for her knee pain, worse over a month. Exam shows an effusion and crepitus. A knee injection was performed today and she tolerated the procedure well. Osteoarthritis of the knee: continue meloxicam 15 mg daily.',
    'established',
  ],
  [
    'discharge summary that lists the operation of the stay',
    'ADMISSION DIAGNOSIS: Appendicitis.\nDISCHARGE DIAGNOSIS: Appendicitis.\nPROCEDURE: Laparoscopic appendectomy.\nHOSPITAL COURSE: Uneventful recovery; tolerating diet on postoperative day 1.\nDISCHARGE MEDICATIONS: Acetaminophen.\nThe patient was discharged home.',
    'discharge',
  ],
];

describe('reports are not E/M visits', () => {
  it.each(REPORTS)('%s: no E/M, with the reason', (_name, note) => {
    const r = levelEncounter(note);
    expect(r.detected.family).toBe('none');
    expect(r.code).toBeUndefined();
    expect(r.nothingToLevel).toMatch(/not an E\/M visit/);
    expect(r.detected.why.length).toBeGreaterThan(0);
  });

  it.each(REPORTS)('%s: levelled when the coder chooses a family anyway', (_name, note) => {
    expect(levelEncounter(note, 'established').detected.family).toBe('none');
    expect(levelEncounter(note, 'established').kind).toBe('established');
  });
});

describe('visit notes that mention a test or a procedure are levelled', () => {
  it.each(VISITS)('%s', (_name, note, family) => {
    const r = levelEncounter(note);
    expect(r.detected.family).not.toBe('none');
    expect(r.kind).toBe(family);
    expect(r.code).toBeDefined();
  });
});
