import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The E/M rules found on the coder's review of unseen notes (set 22). */
describe('set-22 E/M rules', () => {
  const consult =
    'REASON FOR CONSULTATION: Syncope.\nHISTORY OF PRESENT ILLNESS: A 78-year-old woman presented to the emergency room after a syncopal episode with nausea and weakness. She has coronary artery disease and atrial fibrillation.\n' +
    'PAST MEDICAL HISTORY: Hypertension.\nALLERGIES: Codeine.\nREVIEW OF SYSTEMS\nCONSTITUTIONAL: She denies fevers or chills.\nEYES: Decreased visual acuity.\nCARDIOVASCULAR: Denies chest pain.\nPSYCHIATRIC: No anxiety.';

  it("a review of systems' body systems are its own sub-headings: a consult that stops there supports no level", () => {
    expect(levelEncounter(consult).nothingToLevel).toMatch(/stops in the history/);
    // With an examination and an assessment it is levelled.
    const done = `${consult}\nPHYSICAL EXAMINATION: Alert, no distress.\nIMPRESSION: Syncope, likely vasovagal.\nPLAN: Telemetry, echocardiogram.`;
    expect(levelEncounter(done).code).toBeTruthy();
  });

  const visit =
    'HISTORY: The patient presents to the office today with extreme fatigue and loose bowel movements.\nDIAGNOSES:\n1. Type II diabetes mellitus.\n2. Hypertension.\nCURRENT MEDICATIONS: Metformin.\n' +
    'PHYSICAL EXAMINATION: Alert.\nCHEST: Clear.\nHEART: Regular.\nIMPRESSION:';

  it('a record that stops at an empty impression, with only a problem list above the examination, supports no level', () => {
    expect(levelEncounter(visit).nothingToLevel).toMatch(/empty "IMPRESSION" heading/);
    // An assessment written below the examination is the decision: levelled.
    const assessed = visit.replace('IMPRESSION:', 'FORMULATION: Fatigue from uncontrolled diabetes.\nDIAGNOSES:');
    expect(levelEncounter(assessed).code).toBeTruthy();
  });

  it("the delivering physician's discharge after a cesarean is in the global obstetric package", () => {
    const note =
      'ADMITTING DIAGNOSIS: Intrauterine pregnancy at term with previous cesarean.\nDISCHARGE DIAGNOSES: Status post repeat low transverse cesarean.\nHISTORY: She opted for a scheduled elective C-section.\n' +
      'HOSPITAL COURSE: On the first hospital day, the patient went to the operating room where repeat low transverse cesarean was performed. On the second postoperative day, the patient was discharged home.\nDISCHARGE MEDICATIONS: Motrin. She was instructed to see me in two weeks.';
    expect(levelEncounter(note).nothingToLevel).toMatch(/global surgical package/);
    // A cesarean the author did not do ("performed by Dr. X") leaves the discharge billable.
    expect(levelEncounter(note.replace('cesarean was performed', 'cesarean was performed by Dr. Smith')).code).toBe(
      '99238',
    );
  });
});

describe('set-23 E/M rules', () => {
  it('a consult cut off at an empty heading, with review-of-systems lines under unknown headings, supports no level', () => {
    const note =
      'REASON FOR CONSULTATION: Coronary artery disease.\nHISTORY OF PRESENT ILLNESS: A 70-year-old man with fever and fatigue.\nREVIEW OF SYSTEMS: Negative.\nPSYCHOLOGICAL: No anxiety or depression.\nHEMATOLOGICAL: As above.\n' +
      'PHYSICAL EXAMINATION\nVITAL SIGNS: Pulse of 75.\nLUNGS: Clear.\nEKG:';
    expect(levelEncounter(note).nothingToLevel).toMatch(/empty "EKG" heading/);
    expect(
      levelEncounter(note.replace('EKG:', 'IMPRESSION: Coronary artery disease, stable.\nPLAN: Continue aspirin.'))
        .code,
    ).toBeTruthy();
  });
});
