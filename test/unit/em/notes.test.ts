import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { levelEncounter, type Family } from '../../../lib/em/em';
import {
  DataCuesSchema,
  EmRulesSchema,
  ProblemCuesSchema,
  RiskCuesSchema,
  VisitCuesSchema,
} from '../../../lib/em/schema';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../lib/em/data');

describe('data files: strict schemas, canonical form', () => {
  it.each([
    ['em-rules.json', EmRulesSchema],
    ['visit-families.json', VisitCuesSchema],
    ['mdm-problems.json', ProblemCuesSchema],
    ['mdm-data.json', DataCuesSchema],
    ['mdm-risk.json', RiskCuesSchema],
  ] as const)('%s parses, round-trips to the same text and rejects an unknown key', (file, schema) => {
    const text = readFileSync(path.join(dataDir, file), 'utf8');
    const parsed = schema.parse(JSON.parse(text));
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(text);
    expect(() => schema.parse({ ...JSON.parse(text), surprise: true })).toThrow();
  });

  it('every pattern compiles', () => {
    for (const file of ['visit-families.json', 'mdm-problems.json', 'mdm-data.json', 'mdm-risk.json']) {
      const strings: string[] = [];
      const walk = (v: unknown, key = ''): void => {
        if (
          typeof v === 'string' &&
          /pattern|^\d+$|words|stems|verbs|cues|negation|notAProblem|threat|severe|chronic|exacerbation|stable|uncertain|acute|complicated|minor|external|independent|discussion|notExternal|overTheCounter|Surgery|Procedure|Decision|emergent|riskFactors|prescription|continue|doseForms|patientStatus|established|new|inpatient|outpatient|viaEmergency|hospitalStay/.test(
            key,
          )
        )
          strings.push(v);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, typeof x === 'string' ? key : String(i)));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')));
      expect(strings.length).toBeGreaterThan(5);
      for (const s of strings) expect(() => new RegExp(s, 'i')).not.toThrow();
    }
  });
});

describe('nothing to level', () => {
  it.each([
    ['', /empty/],
    ['   \n\t ', /empty/],
    ['\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000binary\u0000\u0007\u0008', /binary|control/],
    ['ok', /nothing to level/],
    ['The quick brown fox jumps over the lazy dog again and again today.', /nothing to level/],
  ])('%j gets no level', (note, why) => {
    const r = levelEncounter(note);
    expect(r.code).toBeUndefined();
    expect(r.nothingToLevel).toMatch(why);
    expect(levelEncounter(note, 'established').code).toBeUndefined();
  });

  it('an operative note is not an E/M visit', () => {
    const r = levelEncounter(
      'PREOPERATIVE DIAGNOSIS: Fibroid uterus.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE PERFORMED: Hysteroscopy.\nESTIMATED BLOOD LOSS: 10 mL.',
    );
    expect(r.code).toBeUndefined();
    expect(r.detected.family).toBe('none');
    expect(r.nothingToLevel).toMatch(/not an E\/M visit/);
  });
});

/** The examples of the issue, as synthetic notes written the same way. */
describe('examples a coder would sign', () => {
  it('insulin held, decreased and adjusted is prescription drug management: 99214', () => {
    const note =
      'SUBJECTIVE: Seen today for ongoing issues with her diabetic control. We have been adjusting her insulins downward. Her morning glucoses stay in the 70s.\n' +
      'PHYSICAL EXAMINATION: No distress.\n' +
      'ASSESSMENT AND PLAN: Diabetes, still with problematic low blood glucoses in the morning. I am going to hold her Lantus insulin tonight and decrease it to 55 units in the morning. I am also decreasing her Humalog sliding scale. I will review the blood glucoses again next week.';
    const r = levelEncounter(note, 'established');
    expect(r.mdm).toMatchObject({ problems: 'moderate', risk: 'moderate', level: 'moderate' });
    expect(r.code).toBe('99214');
    expect(r.mdm.details.risk.find((i) => i.id === 'prescription-drug')?.evidence[0]?.text).toMatch(/Lantus/);
  });

  it('a sepsis admission on IV antibiotics ("admitted", not "admit") is initial hospital care, high MDM: 99223', () => {
    const note =
      'REASON FOR ADMISSION: Rectal bleeding.\nHISTORY OF PRESENT ILLNESS: A 68-year-old man with three weeks of diarrhea and a week of rectal bleeding, admitted with fever.\n' +
      'PAST MEDICAL HISTORY: Hernia repair.\nSOCIAL HISTORY: No tobacco.\nFAMILY HISTORY: Noncontributory.\nREVIEW OF SYSTEMS: Negative otherwise.\n' +
      'LABORATORY STUDIES: Sodium 131, potassium 3.9, creatinine 0.9, white count 17.5, hemoglobin 12.3. EKG shows sinus tachycardia.\n' +
      'PROBLEM LIST:\n1. Colitis.\n2. Sepsis.\n3. Rectal bleeding.\nRECOMMENDATIONS: Continue Levaquin and Flagyl. IV fluids. CT of the abdomen and pelvis.';
    const r = levelEncounter(note);
    expect(r.kind).toBe('initial');
    expect(r.mdm).toMatchObject({ problems: 'high', data: 'moderate', risk: 'high' });
    expect(r.code).toBe('99223');
  });

  it('spurious cues of a keyword reader do not raise the level', () => {
    const note =
      'SUBJECTIVE: She returns for follow-up of alopecia. She reports an increase in her hair loss. Macular blotching on the arms and the rest of his body. Past history of myocardial infarction in 2005.\n' +
      'ASSESSMENT: Alopecia areata.\nPLAN: Discussed with patient. Follow up in three months.';
    const r = levelEncounter(note);
    expect(r.kind).toBe('established');
    expect(r.mdm).toMatchObject({ problems: 'low', data: 'straightforward', risk: 'straightforward' });
    expect(r.code).toBe('99212');
  });

  it('a discharge summary without a time statement is 99238; more than 30 minutes documented is 99239', () => {
    const note =
      'DISCHARGE DIAGNOSES: Pyelonephritis.\nHOSPITAL COURSE: Treated with IV ceftriaxone for three days, afebrile since day 2.\nDISCHARGE MEDICATIONS: Cephalexin 500 mg four times daily.';
    expect(levelEncounter(note)).toMatchObject({ kind: 'discharge', code: '99238', basis: 'default' });
    expect(levelEncounter(`${note}\nGreater than 30 minutes spent on discharge planning.`)).toMatchObject({
      code: '99239',
      basis: 'time',
    });
  });

  it('an emergency-department visit is levelled by MDM only, whatever the time', () => {
    const note =
      'CHIEF COMPLAINT: Headache.\nHPI: A 24-year-old with a known intracranial aneurysm presents to the emergency room with worsening headache.\n' +
      'COURSE IN THE ED: Repeat head CT ordered and reviewed: no bleed. Morphine 4 mg IV given.\nIMPRESSION: Headache, improved. Intracranial aneurysm.\n' +
      'PLAN: Admission recommended; the patient left against medical advice. Total time 20 minutes.';
    const r = levelEncounter(note);
    expect(r.kind).toBe('ed');
    expect(r.byTime).toBeUndefined();
    expect(r.code).toBe('99285');
  });

  it('a well-child check is coded by age, not by MDM', () => {
    const r = levelEncounter(
      'SUBJECTIVE: This 9-month-old comes in today for a 9-month well-child check. Growing well.\nASSESSMENT: Well child.\nPLAN: Vaccines today.',
    );
    expect(r).toMatchObject({ kind: 'preventive', code: '99391', basis: 'age' });
    expect(r.mdm.applies).toBe(false);
  });

  it('time and MDM: the higher wins, with the words and what the next level needs', () => {
    const r = levelEncounter(
      'ASSESSMENT: Type 2 diabetes, not at goal.\nPLAN: Check A1c and a lipid panel and a TSH. Increase metformin to 1000 mg twice daily. Total time 25 minutes.',
      'established',
    );
    expect(r.byTime).toBe('99213');
    expect(r.byMdm).toBe('99214');
    expect(r).toMatchObject({ code: '99214', basis: 'mdm', label: 'established patient office visit, level 4' });
    expect(r.nextLevel).toMatch(/^99215 needs 40 minutes/);
    expect(r.timeEvidence?.text).toMatch(/25 minutes/);
  });

  it('prolonged time on a level-5 office visit', () => {
    const r = levelEncounter(
      'ASSESSMENT: Hypertension, stable.\nPLAN: Continue lisinopril. I spent 70 minutes on the date of the encounter.',
      'established',
    );
    expect(r).toMatchObject({ code: '99215', basis: 'time' });
    expect(r.prolonged).toMatchObject({ code: '99417', cpt: 2, medicareCode: 'G2212', medicare: 1 });
  });

  it('a chronic illness the history calls worse is not stable, unless the history denies it', () => {
    const worse =
      'SUBJECTIVE: Reevaluation of her hand eczema; she comes in today because she is flaring.\nIMPRESSION: Hand dermatitis.\nTREATMENT: Triamcinolone ointment twice daily.';
    const denied =
      'SUBJECTIVE: Reevaluation of her hand eczema; she does not think it is flaring.\nIMPRESSION: Hand dermatitis.\nTREATMENT: Triamcinolone ointment twice daily.';
    expect(levelEncounter(worse, 'established').mdm.details.problems[0]).toMatchObject({ class: 'chronic-worse' });
    expect(levelEncounter(denied, 'established').mdm.details.problems[0]).toMatchObject({ class: 'chronic-stable' });
  });

  it('headings on their own lines without a colon (a page whose headings are elements) still type the note', () => {
    const note =
      'Chief Complaint\nCough and fever for four days.\nHistory of Present Illness\n45-year-old woman with productive cough, fever and shortness of breath.\n' +
      'Assessment\nAcute bronchitis. Mild intermittent asthma, uncomplicated.\nPlan\nAlbuterol as needed. Dexamethasone 10 mg IM given in clinic. Return if worse. Total time 25 minutes.';
    const r = levelEncounter(note, 'established');
    // Fever with bronchitis is not an acute illness with systemic symptoms (a treatable minor illness).
    expect(r.mdm.details.problems.map((p) => p.class)).toEqual(['acute', 'chronic-stable']);
    expect(r.mdm).toMatchObject({ problems: 'low', risk: 'moderate', level: 'low' });
    expect(r.code).toBe('99213');
  });

  it('plural or combined assessment and plan headings the document stage leaves untyped still carry the MDM', () => {
    const note =
      'REASON FOR VISIT: Routine return appointment for atrial fibrillation.\nASSESSMENTS: Chronic atrial fibrillation and heart failure now.\n' +
      'PROBLEMS DIAGNOSES: 1. Chronic atrial fibrillation. 2. Heart failure and she needs more diuretic.\nPLANS: I have restarted her Lasix at 80 mg daily.';
    const r = levelEncounter(note, 'established');
    expect(r.mdm.details.risk.map((i) => i.id)).toContain('prescription-drug');
    expect(r.code).toBe('99214');
  });

  it('one test named once counts once; a second test of the same broad kind still counts', () => {
    const tests = (note: string) => levelEncounter(note, 'established').mdm.details.data.map((d) => d.what);
    expect(tests('ASSESSMENT: COPD with exacerbation.\nPLAN: Chest x-ray.')).toEqual(['chest-xray']);
    expect(tests('ASSESSMENT: COPD. Knee pain.\nPLAN: Chest x-ray and an x-ray of the right knee.')).toEqual([
      'chest-xray',
      'other-xray',
    ]);
  });

  it('generic labs count once, and only where no specific test is named', () => {
    const tests = (note: string) => levelEncounter(note, 'established').mdm.details.data.map((d) => d.what);
    expect(tests('ASSESSMENT: Hypertension.\nPLAN: Routine blood tests. Sleep study.')).toEqual([
      'labs-unspecified',
      'sleep-study',
    ]);
    expect(tests('ASSESSMENT: Hypertension.\nPLAN: Labs: CBC and BMP.')).toEqual(['cbc', 'metabolic-panel']);
  });

  it.each([
    ['new', '99204'],
    ['office-consult', '99244'],
    ['inpatient-consult', '99254'],
    ['initial', '99222'],
    ['subsequent', '99232'],
    ['same-day', '99235'],
    ['ed', '99284'],
    ['nursing-initial', '99305'],
    ['nursing-subsequent', '99309'],
    ['home-new', '99344'],
    ['home-established', '99349'],
  ] as [Family, string][])('the same moderate-MDM note in the %s family -> %s', (family, code) => {
    const note =
      'ASSESSMENT:\n1. Type 2 diabetes, not at goal.\n2. Hypertension.\nPLAN: Increase metformin. Continue lisinopril.';
    expect(levelEncounter(note, family).code).toBe(code);
  });
});

describe('nursing facility, home or residence, critical care', () => {
  const SEPSIS =
    'ASSESSMENT: Septic shock with acute respiratory failure on the ventilator.\nPLAN: Norepinephrine titrated to a mean pressure of 65, broad-spectrum antibiotics.';

  it.each([
    [`${SEPSIS} Critical care time: 45 minutes, excluding procedures.`, '99291', 0, 0],
    [`${SEPSIS} I provided 110 minutes of critical care today.`, '99291', 2, 1],
  ])('critical care by its time: %s -> %s + 99292 x%i (CPT), x%i (Medicare)', (note, code, cpt, medicare) => {
    const r = levelEncounter(note);
    expect(r).toMatchObject({ kind: 'critical-care', code, basis: 'time' });
    expect(r.prolonged).toEqual({ code: '99292', cpt, medicareCode: '99292', medicare });
    expect(r.nextLevel).toBe(
      `99292 x${cpt + 1} needs ${75 + 30 * cpt} minutes of critical care (Medicare: x${medicare + 1} from ${104 + 30 * medicare} minutes)`,
    );
  });

  it('critical-care words with under 30 minutes are levelled as the hospital visit, and say why', () => {
    const r = levelEncounter(`PROGRESS NOTE\n${SEPSIS} Critical care time: 20 minutes.`);
    expect(r.kind).toBe('subsequent');
    // 20 minutes is below the subsequent-care time too: MDM (a threat to life, drug management) levels it.
    expect(r).toMatchObject({ code: '99232', basis: 'mdm', timeMinutes: 20 });
    expect(r.advice[0]).toMatch(/only 20 minutes.*30 minutes or more/);
  });

  it('critical care chosen by the coder without a time statement: nothing to level, with the reason', () => {
    const r = levelEncounter(SEPSIS, 'critical-care');
    expect(r.code).toBeUndefined();
    expect(r.nothingToLevel).toMatch(/30 minutes or more must be documented/);
  });

  it('a nursing facility discharge day is 99315 without a time, 99316 past 30 minutes', () => {
    const note =
      'SUBJECTIVE: Seen at the nursing facility on the day of her discharge home.\nDISCHARGE DIAGNOSES: Hip fracture, rehabilitated.\nDISCHARGE MEDICATIONS: Lisinopril.';
    expect(levelEncounter(note)).toMatchObject({ kind: 'nursing-discharge', code: '99315', basis: 'default' });
    expect(levelEncounter(`${note}\nTotal time 40 minutes on discharge planning.`)).toMatchObject({
      code: '99316',
      basis: 'time',
    });
    expect(levelEncounter(note).nextLevel).toMatch(/^99316 needs more than 30 minutes/);
  });

  it('the facility admission is initial nursing facility care; the hospital discharge to a facility is not', () => {
    const admission =
      'SUBJECTIVE: Admitted to the skilled nursing facility today after a hospital stay for a hip fracture repair.\nPAST MEDICAL HISTORY: Hypertension.\n' +
      'ASSESSMENT: Hip fracture after hemiarthroplasty, needing rehabilitation. Hypertension, not at goal.\nPLAN: Physical therapy. Increase lisinopril to 20 mg daily. Total time 52 minutes.';
    expect(levelEncounter(admission)).toMatchObject({ kind: 'nursing-initial', code: '99306', basis: 'time' });
    const hospital =
      'DISCHARGE DIAGNOSES: Hip fracture.\nHOSPITAL COURSE: Hemiarthroplasty on day 2.\nDISPOSITION: Discharged to a skilled nursing facility for rehabilitation.';
    expect(levelEncounter(hospital)).toMatchObject({ kind: 'discharge', code: '99238' });
  });

  it('a home visit is levelled in the home family, new or established by its own words', () => {
    const est =
      'SUBJECTIVE: Seen at his home for follow-up of COPD; last visit a month ago.\nASSESSMENT: COPD, stable. Hypertension, stable.\nPLAN: Continue tiotropium and lisinopril.';
    expect(levelEncounter(est)).toMatchObject({ kind: 'home-established', status: 'established', code: '99349' });
    const neu =
      'HOME VISIT\nSUBJECTIVE: New patient seen at her home; homebound since a stroke.\nASSESSMENT: Hemiparesis after stroke.\nPLAN: Home physical therapy. Total time 32 minutes.';
    expect(levelEncounter(neu)).toMatchObject({ kind: 'home-new', code: '99342', basis: 'time' });
  });

  it('the treating physician asked to see the patient again is not a consultant', () => {
    const note =
      'SUBJECTIVE: I am asked to see the patient today about her diabetic control. We have been adjusting her insulin downward for two weeks.\n' +
      'ASSESSMENT: Diabetes with problematic low morning glucoses.\nPLAN: Hold her Lantus tonight and decrease it to 55 units in the morning.';
    expect(levelEncounter(note)).toMatchObject({ kind: 'established', code: '99214' });
    // Without the author's own earlier care the same request reads as a consultation.
    expect(levelEncounter(note.replace(' We have been adjusting her insulin downward for two weeks.', '')).kind).toBe(
      'office-consult',
    );
  });
});
