import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/**
 * The global surgical package: the operating surgeon's discharge after an operation in the stay and
 * the surgeon's preoperative history and physical for a planned operation get no separate E/M; the
 * same notes by someone who did not operate (surgery consulted, the surgeon named as another) are
 * levelled. Every sign that makes the author the surgeon has a note where it holds and one where
 * it does not. Notes are written for these tests.
 */

/** A discharge summary of a stay with a laparoscopic cholecystectomy; `history` and `course` vary. */
const discharge = (history: string, course: string, followUp = 'Follow up with her primary physician in two weeks.') =>
  `ADMISSION DIAGNOSIS: Symptomatic cholelithiasis.
DISCHARGE DIAGNOSIS: Symptomatic cholelithiasis.
PROCEDURE PERFORMED: Laparoscopic cholecystectomy.
HISTORY OF PRESENT ILLNESS: The patient is a 51-year-old woman with right upper quadrant pain after fatty meals for six months. Ultrasound showed gallstones. ${history}
HOSPITAL COURSE: ${course} Postoperatively she did well, tolerated a regular diet and her pain was controlled on oral medication.
DISCHARGE MEDICATIONS: Hydrocodone as needed for pain.
DISCHARGE INSTRUCTIONS: ${followUp}
DISCHARGE CONDITION: Good.`;

const NEUTRAL_COURSE = 'She was taken to the operating room on 03/02 and a laparoscopic cholecystectomy was done.';

describe("the operating surgeon's discharge is in the global package", () => {
  it('levels the discharge when nothing says who operated (the baseline the signs below change)', () => {
    const r = levelEncounter(discharge('', NEUTRAL_COURSE));
    expect(r.kind).toBe('discharge');
    expect(r.code).toBe('99238');
    expect(r.globalSurgery).toBeUndefined();
    expect(r.advice.join(' ')).toMatch(/global surgical package/);
  });

  const signs: [string, string, string, string?][] = [
    ['the author writes as the operating team', '', 'We proceeded with a laparoscopic cholecystectomy on 03/02.'],
    [
      'the stay was the elective admission for the operation',
      'She elected to undergo a laparoscopic cholecystectomy.',
      NEUTRAL_COURSE,
    ],
    [
      'the stay was the admission for the operation (dated)',
      '',
      `She was admitted on 03/02 to undergo it. ${NEUTRAL_COURSE}`,
    ],
    ['the stay was on the operating service', '', `She was admitted to the general surgery service. ${NEUTRAL_COURSE}`],
    [
      "the operation was decided at the author's clinic consultation",
      'She was seen in clinic as an initial consultation on 02/10 complaining of this pain.',
      NEUTRAL_COURSE,
    ],
    [
      "the surgeon's own postoperative follow-up",
      '',
      NEUTRAL_COURSE,
      'She will be seen in one week for a wound check and removal of staples.',
    ],
  ];
  for (const [what, history, course, followUp] of signs) {
    it(`no E/M when ${what}`, () => {
      const r = levelEncounter(discharge(history, course, followUp));
      expect(r.code).toBeUndefined();
      expect(r.nothingToLevel).toMatch(/global surgical package.*supports 99238/);
      expect(r.globalSurgery?.evidence.length).toBe(2);
    });
    it(`levelled when ${what} but surgery was a consulting service`, () => {
      const r = levelEncounter(
        discharge(
          `${history} General surgery was consulted.`,
          course,
          `${followUp ?? ''} Follow up with the surgeon in one week.`,
        ),
      );
      expect(r.code).toBe('99238');
      expect(r.globalSurgery).toBeUndefined();
    });
  }

  it("no E/M when the postoperative check is in the author's office; levelled when it is with her surgeon", () => {
    const mine = levelEncounter(discharge('', NEUTRAL_COURSE, 'Postoperative check in my office in one week.'));
    expect(mine.code).toBeUndefined();
    const theirs = levelEncounter(
      discharge('', NEUTRAL_COURSE, 'Postoperative check in the office with her surgeon in one week.'),
    );
    expect(theirs.code).toBe('99238');
  });

  it('levelled when the only operation is in the past surgical history', () => {
    const note = `ADMISSION DIAGNOSIS: Community-acquired pneumonia.
DISCHARGE DIAGNOSIS: Community-acquired pneumonia.
PAST SURGERIES: Cholecystectomy in 2010. He elected to undergo a left knee arthroplasty in 2015.
HOSPITAL COURSE: The 70-year-old man was admitted with fever and cough and treated with intravenous ceftriaxone and azithromycin. We proceeded with a chest x-ray that showed a right lower lobe infiltrate. He improved and was discharged home.
DISCHARGE MEDICATIONS: Amoxicillin-clavulanate for five more days.
FOLLOW UP: With his primary physician in one week.`;
    const r = levelEncounter(note);
    expect(r.kind).toBe('discharge');
    expect(r.code).toBe('99238');
  });

  it('levelled when the procedures are a transfusion and a perfusion scan (no operation)', () => {
    const note = `ADMISSION DIAGNOSIS: Symptomatic anemia.
DISCHARGE DIAGNOSIS: Iron deficiency anemia.
PROCEDURES: Transfusion of two units of packed red cells. Nuclear myocardial perfusion scan, normal.
HOSPITAL COURSE: The 64-year-old woman was admitted for a blood transfusion after a hemoglobin of 6.9. She was transfused and started on oral iron. Her hemoglobin rose to 9.1 and she was discharged home.
DISCHARGE MEDICATIONS: Ferrous sulfate daily.
FOLLOW UP: With her primary physician in one week.`;
    const r = levelEncounter(note);
    expect(r.kind).toBe('discharge');
    expect(r.code).toBe('99238');
    expect(r.advice.join(' ')).not.toMatch(/operation was done/);
  });

  it('levels the discharge a coder asks for by family, with the advice', () => {
    const r = levelEncounter(discharge('', 'We proceeded with a laparoscopic cholecystectomy on 03/02.'), 'discharge');
    expect(r.code).toBe('99238');
    expect(r.globalSurgery).toBeUndefined();
  });
});

/** An admission history and physical; `plan` varies. */
const admission = (history: string, plan: string) =>
  `HISTORY OF PRESENT ILLNESS: The patient is a 66-year-old man with biopsy-proven adenocarcinoma of the colon. ${history}
PAST MEDICAL HISTORY: Hypertension.
MEDICATIONS: Lisinopril.
ALLERGIES: None.
SOCIAL HISTORY: Does not smoke.
REVIEW OF SYSTEMS: Negative except as above.
PHYSICAL EXAMINATION: Lungs clear. Heart regular. Abdomen soft and nontender.
IMPRESSION: Adenocarcinoma of the sigmoid colon.
PLAN: ${plan}`;

describe("the operating surgeon's preoperative history and physical is in the global package", () => {
  const planned = 'He is being admitted to undergo a sigmoid colectomy.';
  it('no E/M when the admission is for the planned operation and the author takes the consent', () => {
    const r = levelEncounter(
      admission(
        planned,
        'Sigmoid colectomy tomorrow. The risks, benefits, and alternatives of the operation have been discussed and he asks that I proceed.',
      ),
    );
    expect(r.kind).toBe('initial');
    expect(r.code).toBeUndefined();
    expect(r.nothingToLevel).toMatch(/preoperative.*global surgical package.*modifier 57/);
  });
  it('levelled when the admission is for the operation but nothing shows the author operates', () => {
    const r = levelEncounter(admission(planned, 'Bowel preparation tonight. Continue lisinopril.'));
    expect(r.kind).toBe('initial');
    expect(r.code).toMatch(/^9922[123]$/);
    expect(r.advice.join(' ')).toMatch(/modifier 57/);
  });
  it('levelled where the operation is decided (no admission for it yet): modifier 57, not the package', () => {
    const r = levelEncounter(
      admission(
        'He was admitted through the emergency department with an obstruction.',
        'I recommend a sigmoid colectomy. The risks, benefits, and alternatives have been discussed and he asks that I proceed.',
      ),
    );
    expect(r.code).toMatch(/^99/);
    expect(r.globalSurgery).toBeUndefined();
  });
  it('levelled when another physician is the surgeon', () => {
    const r = levelEncounter(
      admission(
        `${planned} Surgery was consulted.`,
        'The risks, benefits, and alternatives have been discussed and he asks that I proceed.',
      ),
    );
    expect(r.code).toMatch(/^9922[123]$/);
  });
});
