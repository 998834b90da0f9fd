import { describe, expect, it } from 'vitest';
import { levelEncounter } from '../../../lib/em/em';

/* The E/M rules found on the coder's review of unseen notes (set 23). */
describe('set-23 E/M rules', () => {
  const evaluation = (goals: string) =>
    'DIAGNOSIS: Status post stroke.\nSUBJECTIVE: The patient is a 64-year-old woman referred for difficulty with word retrieval.\n' +
    'OBJECTIVE: A motor speech protocol was completed. She named 8 of 10 pictures.\nDIAGNOSTIC IMPRESSION: Mild expressive deficits.\n' +
    `PLAN OF CARE: Two sessions a week.\n${goals}:\n1. The patient will name objects with 90% accuracy.`;

  it("a therapist's evaluation with goals over weeks is the therapist's own service, not an E/M visit", () => {
    expect(levelEncounter(evaluation('SHORT-TERM GOALS (THREE WEEKS)')).code).toBeUndefined();
    expect(levelEncounter(evaluation('LONG-TERM GOAL (FOUR WEEKS)')).code).toBeUndefined();
    // A physician's plan with a blood-pressure goal stays a visit.
    const visit =
      'HISTORY: He returns for hypertension.\nEXAM: BP 150/90.\nASSESSMENT: Hypertension, not at goal.\nPLAN: Increase lisinopril to 20 mg daily. Goal blood pressure under 130/80.';
    expect(levelEncounter(visit).code).toBeTruthy();
  });
});

describe("the emergency department read from the author's words wherever they were transcribed", () => {
  const note = (line: string) =>
    'HISTORY OF PRESENT ILLNESS: A 72-year-old man with a splinter beneath his left fifth fingernail since yesterday.\n' +
    `SOCIAL HISTORY: Married, a nonsmoker, lives with his wife.${line}\n` +
    'PHYSICAL EXAMINATION: A pleasant man sitting on the stretcher in no acute distress. A 5-mm splinter beneath the nail plate.\n' +
    'ASSESSMENT: Foreign body beneath the left fifth fingernail.\nPLAN: Removed after a digital block. Return if redness.';

  it('"Nursing notes were reviewed" at the end of the social history and the stretcher place the visit in the ED', () => {
    expect(levelEncounter(note(' Nursing notes were reviewed with which I agree.')).kind).toBe('ed');
    // The stretcher alone does not.
    expect(levelEncounter(note('')).kind).not.toBe('ed');
  });
});

describe('a bolus is intravenous fluid only when the fluid is named', () => {
  const risk = (plan: string) =>
    levelEncounter(
      `CHIEF COMPLAINT: Dysphagia.\nHISTORY OF PRESENT ILLNESS: A 60-year-old with trouble swallowing solids.\nASSESSMENT: Dysphagia.\nPLAN: ${plan}`,
    ).mdm.details.risk.map((r) => r.why);

  it('a swallowed food bolus is no intravenous fluid; a saline bolus is', () => {
    expect(risk('Perform a double swallow during meals with bolus sensation.')).not.toContain(
      'intravenous fluids (a prescription)',
    );
    expect(risk('Give a 1 liter normal saline bolus.')).toContain('intravenous fluids (a prescription)');
    expect(risk('Bolus with 20 mL/kg of fluid.')).toContain('intravenous fluids (a prescription)');
  });
});

describe("a dietitian's follow-up (set 24)", () => {
  it('a food diary gone over with the patient is medical nutrition therapy, no E/M level', () => {
    const visit = (line: string) =>
      `SUBJECTIVE: The patient is brought in by an assistant.${line}\nOBJECTIVE: Weight 186 pounds, down 1.5 pounds in the past month.\nASSESSMENT: Losing weight at an acceptable rate.\nPLAN: Follow up in one month.`;
    expect(levelEncounter(visit(' I went over his food diary and praised his food choices.')).code).toBeUndefined();
    expect(
      levelEncounter(visit(' He has type 2 diabetes on metformin; continue metformin 500 mg twice daily.')).code,
    ).toBeTruthy();
  });
});

describe('an admission history and physical cut off after the examination (set 24)', () => {
  const hp = (end: string) =>
    'REASON FOR ADMISSION: Hepatic encephalopathy.\nHISTORY OF PRESENT ILLNESS: A 51-year-old man with alcohol cirrhosis fell in the bathroom.\n' +
    'PAST MEDICAL HISTORY: Cirrhosis.\nMEDICATIONS: Lactulose.\nALLERGIES: None.\nSOCIAL HISTORY: Quit drinking.\nFAMILY HISTORY: Noncontributory.\n' +
    'PHYSICAL EXAMINATION:\nVITAL SIGNS: Stable.\nLYMPHATICS: No cervical lymphadenopathy.\nLOWER EXTREMITIES: +1 edema bilaterally.\nNEUROLOGIC: Alert, slow to respond.\n' +
    end;

  it('the limbs and the lymph nodes are body systems of the examination: a record that stops at "LABORATORY DATA:" has no decision', () => {
    expect(levelEncounter(hp('LABORATORY DATA:')).code).toBeUndefined();
    expect(
      levelEncounter(hp('ASSESSMENT: Hepatic encephalopathy.\nPLAN: Admit, lactulose, rifaximin.')).code,
    ).toBeTruthy();
  });
});

describe('a record cut off at an empty body-system sub-heading (set 24)', () => {
  const ed = (end: string) =>
    'CHIEF COMPLAINT: Ankle pain.\nHISTORY OF PRESENT ILLNESS: A 17-year-old twisted his right ankle playing basketball and cannot bear weight.\n' +
    'PAST MEDICAL HISTORY: None.\nMEDICATIONS: None.\nALLERGIES: Unknown.\nREVIEW OF SYSTEMS: Ten systems reviewed and are negative.\n' +
    `PHYSICAL EXAMINATION:\nVITAL SIGNS: Temperature 97.6, pulse 70, blood pressure 120/63.${end}`;

  it('"VITAL SIGNS: … GENERAL:" and nothing after it: no decision making documented, no level', () => {
    expect(levelEncounter(ed(', GENERAL:')).nothingToLevel).toMatch(/empty "GENERAL" heading/);
    // A finished record with the same examination is levelled.
    expect(
      levelEncounter(
        ed('\nGENERAL: No distress.\nASSESSMENT: Right ankle sprain.\nPLAN: Ankle x-ray, crutches, ibuprofen.'),
      ).code,
    ).toBeTruthy();
  });
});

describe('a psychiatric admission (set 24)', () => {
  const note = (plan: string) =>
    'HISTORY OF PRESENT ILLNESS: This 40-year-old man has been in outpatient therapy for 10 years; his therapist called the police because the patient was having tantrums in his office.\n' +
    'MENTAL STATUS EXAMINATION: Disheveled, anxious, tangential.\nDIAGNOSES: Axis I: Schizoaffective disorder.\n' +
    `RECOMMENDATION: ${plan}`;

  it('"will be hospitalized" admits the patient; another person\'s office places no visit', () => {
    expect(levelEncounter(note('The patient will be hospitalized to assess.')).kind).toBe('initial');
    expect(levelEncounter(note('Continue outpatient therapy; return in two weeks.')).kind).not.toBe('initial');
  });
});

describe('an established patient told by the care under way (set 24)', () => {
  const note = (line: string) =>
    `CHIEF COMPLAINT: Left knee pain.\nSUBJECTIVE: A 36-year-old woman presents to the office today with left knee pain.${line}\nASSESSMENT: Torn meniscus, left knee.\nPLAN: Physical therapy.`;

  it('the third injection of a series is care already under way', () => {
    expect(levelEncounter(note(' She is five days after a third Synvisc injection.')).kind).toBe('established');
    expect(levelEncounter(note(' She injured it five days ago.')).kind).toBe('new');
  });
});

describe('the tests of an emergency department record (set 24)', () => {
  const ed = (heading: string) =>
    'CHIEF COMPLAINT: Not feeling well.\nHISTORY OF PRESENT ILLNESS: A 93-year-old woman with heart failure was somnolent this morning; her neighbor found her.\n' +
    'PHYSICAL EXAMINATION:\nVITAL SIGNS: Stable.\nRESPIRATIONS: Clear to auscultation.\n' +
    `${heading}: CBC is normal. Chemistry shows a sodium of 131. Cardiac enzymes are negative. Digoxin level is 1.1. Head CT shows no acute process.\n` +
    'DIAGNOSES: 1. Transient somnolence. 2. Heart failure.\nDISPOSITION: Discharged home with home health.';

  it('"EMERGENCY DEPARTMENT TESTING" holds the results reviewed: data the level counts', () => {
    const data = levelEncounter(ed('EMERGENCY DEPARTMENT TESTING')).mdm.details.data;
    expect(data.filter((d) => d.category === 'test-reviewed').length).toBeGreaterThanOrEqual(3);
    expect(levelEncounter(ed('EMERGENCY DEPARTMENT TESTING')).mdm.data).not.toBe('straightforward');
  });
});

describe("a psychiatric formulation's empty axes and its Axis IV and V (set 24)", () => {
  it('"Deferred at this time", "Noncontributory", the stressors and the GAF are no problems addressed', () => {
    const note =
      'HISTORY OF PRESENT ILLNESS: A 40-year-old man brought by his family for tantrums and threats.\nMENTAL STATUS EXAMINATION: Disheveled, anxious.\n' +
      'DIAGNOSES:\nAxis I: Major depression.\nAxis II: Deferred at this time.\nAxis III: Noncontributory.\nAxis IV: Family financial and social pressures.\nAxis V: Global Assessment of Functioning 40.\n' +
      'RECOMMENDATION: The patient will be hospitalized to assess.';
    const problems = levelEncounter(note).mdm.details.problems.map((p) => p.text);
    expect(problems.some((t) => /Major depression/.test(t))).toBe(true);
    expect(problems.filter((t) => /Deferred|Noncontributory|Axis IV|Axis V/.test(t))).toEqual([]);
  });
});
