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
