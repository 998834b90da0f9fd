import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/*
 * Family rules from the set-11 review: a ward round's 24-hour highest temperature (read in the
 * vital signs) and a plan ordering DVT prophylaxis are words of a hospital stay; a dietitian's
 * follow-up nutrition consultation is no E/M. Each has a note it must not move.
 */
const family = (note: string) => levelEncounter(note).detected?.family;

describe('set-11 family rules', () => {
  const round =
    'SUBJECTIVE: The patient states that he feels sick and weak.\n' +
    'PHYSICAL EXAMINATION: VITAL SIGNS: Highest temperature recorded over the past 24 hours was 101.1, and current temperature is 99.2. Oral mucosa is dry.\n' +
    'ASSESSMENT AND PLAN: 1. Fever of undetermined origin. Would continue current antibiotics. 2. Dehydration. Hydrate the patient. 3. DVT prophylaxis with subcutaneous heparin.';
  it('a 24-hour highest temperature and DVT prophylaxis: a later hospital visit', () => {
    expect(family(round)).toBe('subsequent');
  });

  it('one of them alone does not move an office visit', () => {
    expect(family(round.replace(' 3. DVT prophylaxis with subcutaneous heparin.', ''))).toBe('established');
  });

  it("a dietitian's follow-up dietary consultation is no E/M; a physician's visit about diet is one", () => {
    expect(
      family(
        'SUBJECTIVE: This is a followup dietary consultation for hyperlipidemia. She has followed the meal plan.\n' +
          'PLAN: A new 1500 calorie meal plan was developed.',
      ),
    ).toBe('none');
    expect(
      family(
        'SUBJECTIVE: Follow-up of hyperlipidemia. She has followed a low-fat diet.\nPHYSICAL EXAMINATION: Normal.\n' +
          'ASSESSMENT: Hyperlipidemia.\nPLAN: Continue atorvastatin 20 mg daily; diet discussed.',
      ),
    ).toBe('established');
  });
});

describe('set-11 global-package rule', () => {
  const summary = (followUp: string) =>
    'PROCEDURES: Cystourethroscopy and transurethral resection of prostate.\nADMITTING DIAGNOSIS: Difficulty voiding.\n' +
    'HISTORY: This 67-year-old man was admitted because of enlarged prostate and bladder neck obstruction.\n' +
    'COURSE IN THE HOSPITAL: The patient had a cysto and TUR of the prostate. Postoperative course was uncomplicated. He is being discharged in satisfactory condition.\n' +
    `DISCHARGE DIAGNOSIS: Enlarged prostate with benign bladder neck obstruction.\n${followUp}`;
  it("the author's own office follow-up in a week after the stay's operation: the surgeon's discharge, no E/M", () => {
    const r = levelEncounter(summary('To be followed in my office in one week.'));
    expect(r.detected?.family).toBe('discharge');
    expect(r.code).toBeUndefined();
  });

  it('a follow-up with the primary care physician leaves the discharge billable', () => {
    expect(levelEncounter(summary('Follow up with his primary care physician in one week.')).code).toBe('99238');
  });
});

describe('set-11 data rule: a young child brought by a parent', () => {
  const visit = (who: string) =>
    `SUBJECTIVE: This ${who} is brought by his mother with concerns about vomiting after raw carrots.\n` +
    'PHYSICAL EXAMINATION: Alert, abdomen soft and nontender.\nASSESSMENT: Vomiting and abdominal pain.\nPLAN: Avoid raw carrots; recheck if it recurs.';
  it('a 3-year-old: the mother is the independent historian (limited data, low MDM)', () => {
    const r = levelEncounter(visit('3-year-old male'));
    expect(r.mdm.data).toBe('low');
    expect(r.code).toBe('99213');
  });

  it('an adult brought by his mother gives his own history', () => {
    expect(levelEncounter(visit('45-year-old male')).mdm.data).toBe('straightforward');
  });
});

describe('set-11 problem rule: chronic skin disease', () => {
  const visit = (state: string) =>
    `SUBJECTIVE: Established patient with acne. She reports ${state} of her acne with small folliculitis lesions.\nPHYSICAL EXAMINATION: Papules on the chin.\n` +
    'ASSESSMENT: Acne with folliculitis.\nPLAN: Start Septra DS one tablet twice a day.';
  it('a flare of acne is a chronic illness with exacerbation (moderate problems)', () => {
    expect(levelEncounter(visit('a flaring')).mdm.problems).toBe('moderate');
  });

  it('acne in good control is a stable chronic illness (low problems)', () => {
    expect(levelEncounter(visit('good control')).mdm.problems).toBe('low');
  });
});

describe('set-11 risk rule: intravenous anticoagulant infusions', () => {
  const consult = (plan: string) =>
    'REASON FOR CONSULTATION: Non-ST elevation myocardial infarction.\nHISTORY: Chest pain since this morning; troponin elevated.\n' +
    `PHYSICAL EXAMINATION: In no distress.\nIMPRESSION: Non-Q-wave myocardial infarction.\nPLAN: ${plan}`;
  it('IV heparin and IV Integrilin: drug therapy needing intensive monitoring for toxicity (high risk)', () => {
    expect(levelEncounter(consult('Aspirin and IV heparin. IV Integrilin.')).mdm.risk).toBe('high');
  });

  it('subcutaneous heparin for DVT prophylaxis is not', () => {
    expect(levelEncounter(consult('Aspirin. Subcutaneous heparin for DVT prophylaxis.')).mdm.risk).not.toBe('high');
  });
});
