import { describe, expect, it } from 'vitest';
import { realAnalyzer } from '../helpers/real-pack';

/*
 * General coding rules found on the coder's reviews of unseen visit notes (set 20 leftovers and
 * set 21), on the real code set. Each rule has a case it must not move.
 */
const { present, shown } = realAnalyzer('the set-21 review cases');

describe.skipIf(!present)('set-21 rules', () => {
  it('a device or test the patient was tested for is not yet a status (I.C.21.c.3)', () => {
    expect(
      shown('HPI: She was tested for home O2 and qualified for it yesterday.\nASSESSMENT: COPD exacerbation.'),
    ).toEqual(['J44.1']);
    // Oxygen the patient uses is the dependence.
    expect(shown('HPI: She uses home O2 at 2 liters.\nASSESSMENT: COPD exacerbation.')).toEqual(['J44.1', 'Z99.81']);
  });

  it('a condition "complicated by" another is coded by the other, not by the Index\'s "Complication" of its site', () => {
    expect(shown('ASSESSMENT: Anticoagulation therapy complicated by lower gastrointestinal bleeding.')).toEqual([
      'K92.2',
    ]);
    expect(shown('ASSESSMENT: Hospital course complicated by renal failure.')).toEqual(['N19']);
    // The noun still reads the Index's "Complication, gastrointestinal".
    expect(shown('ASSESSMENT: Gastrointestinal complication.')).toEqual(['K92.9']);
  });

  it("a past kidney cancer is the kidney's history code: the words a title excepts name no site (I.C.2.d)", () => {
    expect(
      shown('PAST MEDICAL HISTORY: Renal cell carcinoma status post left nephrectomy.\nASSESSMENT: Hypertension.'),
    ).toEqual(['I10', 'Z85.528']);
    expect(
      shown(
        'PAST MEDICAL HISTORY: Cancer of the renal pelvis status post nephroureterectomy.\nASSESSMENT: Hypertension.',
      ),
    ).toEqual(['I10', 'Z85.53']);
  });

  it('a measurement\'s words stay together, and what "will help" is advice, not a finding', () => {
    expect(
      shown('ASSESSMENT: Mild pedal edema. Has to cut down on fluid intake, weight loss will help as well.'),
    ).toEqual(['R60.0']);
    // "fluid intake" lends no word to a fluid loss (E86.9); the weight loss written as a finding stays.
    expect(shown('ASSESSMENT: Hypertension, poor fluid intake, weight loss.')).toEqual(['I10', 'R63.4']);
    expect(shown('ASSESSMENT: Fluid loss from diarrhea.')).toContain('E86.9');
  });
});
