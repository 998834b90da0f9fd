import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Global-package rules from the set-13 review: a decortication is an operation; another
 * specialty's consult on a surgical service's stay does not make the author someone else than the
 * surgeon; staples "removed on his follow-up appointment" are the surgeon's own follow-up. Each
 * has a case it must not move.
 */
const code = (note: string) => levelEncounter(note).code;

describe('set-13 global surgical package', () => {
  it('admitted to undergo a renal cyst decortication: the operating team discharge is in the package', () => {
    const note =
      'DISCHARGE DIAGNOSIS: Left renal cyst.\nPROCEDURES: Robotic-assisted laparoscopic left renal cyst decortication.\n' +
      'HOSPITAL COURSE: The patient was admitted to undergo left renal cyst decortication. There were no complications.\n' +
      'DISPOSITION: To home.';
    expect(code(note)).toBeUndefined();
    expect(code(note.replace('decortication', 'aspiration').replace('decortication', 'aspiration'))).toBe('99238');
  });

  it('a urology consult for stents on a general-surgery stay: still the surgeon', () => {
    const note =
      'DISCHARGE DIAGNOSIS: Peritoneal carcinomatosis.\nSERVICE: General surgery.\nPROCEDURES DURING THIS HOSPITALIZATION: Exploratory laparotomy, right hemicolectomy.\n' +
      'HOSPITAL COURSE: He was admitted for a routine preoperative evaluation, urology consult for ureteral stent placement. He will go home with his staples in place and they will be removed on his follow-up appointment.\n' +
      'CONDITION AT DISCHARGE: Good.';
    expect(code(note)).toBeUndefined();
    expect(code(note.replace('SERVICE: General surgery.\n', ''))).toBe('99238');
  });
});

const family = (note: string) => levelEncounter(note).detected?.family;

describe('set-13 family rules', () => {
  it('"comes in rechecking his ADHD medicines", "we placed him on Adderall last month": an established patient', () => {
    const note =
      'SUBJECTIVE: This is a 6-year-old male who comes in rechecking his ADHD medicines. We placed him on Adderall last month.\n' +
      'ASSESSMENT: Attention deficit hyperactivity disorder, doing well.\nPLAN: Continue Adderall.';
    expect(family(note)).toBe('established');
    const first =
      'SUBJECTIVE: This is a 6-year-old male who comes in with his mother for attention problems at school.\n' +
      'PAST MEDICAL HISTORY: Born full term.\nFAMILY HISTORY: Father with ADHD.\nSOCIAL HISTORY: In first grade.\n' +
      'ASSESSMENT: Attention deficit hyperactivity disorder.\nPLAN: Start Adderall.';
    expect(family(first)).toBe('new');
    expect(family(first.replace('comes in with his mother for', 'comes in rechecking his medicine for'))).toBe(
      'established',
    );
  });

  it("the emergency department's own words (medical screening exam, discharge the patient home): an ED visit", () => {
    const note =
      'CHIEF COMPLAINT: Right ankle pain.\nHISTORY OF PRESENT ILLNESS: The patient was running and twisted her right ankle.\n' +
      'MORBIDITY/MORTALITY: A full medical screening exam was done and no emergency medical condition exists upon discharge.\n' +
      'ASSESSMENT: Right ankle sprain.\nPLAN: Discharge the patient home and have her follow up with her doctor in 1 week.';
    expect(family(note)).toBe('ed');
    expect(family(note.replace(/MORBIDITY[^\n]*\n/, ''))).not.toBe('ed');
  });

  it('a restraints section and chair or bed checks: a nursing facility visit', () => {
    const note =
      'CODE STATUS: Do not resuscitate.\nRESTRAINTS: None. The patient has declined use of chair check and bed check.\n' +
      'INTERVAL HISTORY: Overall, the patient has been doing reasonably well.\nASSESSMENT: 1. Hypertension, stable. 2. Depression, stable.\nPLAN: Continue current medications.';
    expect(family(note)).toBe('nursing-subsequent');
    expect(family(note.replace(/RESTRAINTS[^\n]*\n/, ''))).not.toBe('nursing-subsequent');
  });

  it('a letter back to the asking physician is a consultation; a letter introducing a patient is no visit', () => {
    const consult =
      'PAST MEDICAL HISTORY: Diabetes.\nIMPRESSION: Oropharyngeal dysphagia.\nPLAN: Continue speech pathology evaluation. The patient will follow up with you. If you need any further assistance, do not hesitate to call me.';
    expect(family(consult)).toBe('office-consult');
    const letter =
      "Dear Doctor:\nThis letter is an introduction to my patient, A, who you will be seeing in the near future. He has Wilson's disease.\nIf you have any questions regarding his care, please feel free to call me.";
    expect(levelEncounter(letter).code).toBeUndefined();
  });
});
