import { describe, expect, it } from 'vitest';
import type { CodePack, TermSource } from '../../../lib/pack/code-pack';
import { parseDocument } from '../../../lib/document/document';
import { buildDrugTable, findSubstances, loadDrugTable, lookupSubstance } from '../../../lib/suggest/drug-table';
import {
  drugEventSuggestions,
  placeDrugEvents,
  withSeventh,
  type DrugEventOptions,
} from '../../../lib/suggest/drug-events';
import { SuggestionSchema, type Suggestion } from '../../../lib/suggest/schema';

const TITLES = [
  'Poisoning Accidental (unintentional)',
  'Poisoning Intentional self-harm',
  'Poisoning Assault',
  'Poisoning Undetermined',
  'Adverse effect',
  'Underdosing',
];
/** The pack's drug-table term sources for one row: `${column} ${path}`, cell = stem + column number. */
const row = (name: string, stem: string, columns = '123456'): TermSource[] =>
  [...columns].map((c) => ({ code: `${stem}${c}`, text: `${TITLES[Number(c) - 1]} ${name}`, kind: 'drug' as const }));

const SOURCES: TermSource[] = [
  ...row('Zolpidem', 'T42.6X'),
  ...row('Tramadol', 'T40.42'),
  ...row('Kerosene, kerosine NEC', 'T52.0X', '1234'),
  ...row('Kerosene, kerosine NEC vapor', 'T52.0X', '1234'),
  ...row('Liquid paraffin', 'T47.4X'),
  ...row('Paraffin liquid nonmedicinal', 'T52.0X', '1234'),
  ...row('Lithium', 'T56.89', '1234'),
  ...row('Lithium salts', 'T43.59'),
  ...row('Antipsychotic drug specified NEC', 'T43.59'),
  ...row('Carboplatin', 'T45.1X'),
  ...row('Cancer chemotherapy drug regimen', 'T45.1X'),
  ...row('Acetaminophen', 'T39.1X'),
  ...row('Aspirin', 'T39.01'),
  ...row('Alcohol', 'T51.9', '1234'),
  ...row('Bleach', 'T54.9', '1234'),
  ...row('Drug NEC', 'T50.90'),
  ...row('Iron', 'T45.4X'),
  { code: 'E11.9', text: 'Diabetes', kind: 'index' },
];
const TABLE = buildDrugTable(SOURCES);
/** Every code exists and is billable: what the module decides is under test, not the release. */
const PACK = {
  codeInfo: (code: string) => ({ code, title: `title of ${code}`, billable: true, children: [] }),
} as unknown as CodePack;

const events = (note: string, opts: DrugEventOptions = {}) =>
  drugEventSuggestions(PACK, parseDocument(note), TABLE, 'FY2026', opts);
const codes = (note: string, opts: DrugEventOptions = {}) => events(note, opts).map((e) => e.suggestion.code);

describe('buildDrugTable: the Table of Drugs and Chemicals as substance -> stem and columns', () => {
  it('keeps one entry per name, order-free keys, synonyms folded in, redundant subterms dropped', () => {
    expect(TABLE.substances['zolpidem']).toBe('T42.6X:123456');
    expect(TABLE.substances['kerosene']).toBe('T52.0X:1234');
    expect(TABLE.substances['kerosine']).toBe('T52.0X:1234');
    expect(TABLE.substances['kerosene vapor']).toBeUndefined(); // answers like "kerosene"
    expect(TABLE.substances['liquid nonmedicinal paraffin']).toBe('T52.0X:1234');
    expect(TABLE.substances['ambien']).toBe('T42.6X:123456'); // brand name
    expect(TABLE.substances['lithium']).toBe('T43.59:123456'); // a patient's lithium is a salt
    expect(TABLE.substances['lithium metal']).toBe('T56.89:1234');
    expect(TABLE.substances['abilify']).toBe('T43.59:123456'); // not in the table: its class
    expect(TABLE.substances['diabetes']).toBeUndefined();
  });

  it('is plain JSON that loads back; another format version is refused', () => {
    const back = loadDrugTable(JSON.parse(JSON.stringify(TABLE)));
    expect(back).toEqual(TABLE);
    expect(() => loadDrugTable({ ...TABLE, format: 2 })).toThrow(/format 2 is not supported/);
    expect(() => loadDrugTable({ ...TABLE, extra: 1 })).toThrow();
  });

  it('cells by column; toxic substances (T51-T65) have no adverse-effect or underdosing cell', () => {
    const k = lookupSubstance(TABLE, 'kerosene')!;
    expect([k.cell('accidental'), k.cell('undetermined'), k.cell('adverse'), k.toxic]).toEqual([
      'T52.0X1',
      'T52.0X4',
      undefined,
      true,
    ]);
    expect(lookupSubstance(TABLE, 'zolpidem')!.cell('underdosing')).toBe('T42.6X6');
  });

  it('finds the longest name, in any word order, never a stop key', () => {
    const found = findSubstances(TABLE, 'took paraffin liquid and drug with ethyl').map((m) => m.substance.key);
    expect(found).toEqual(['liquid paraffin']);
  });

  it('7th character with placeholder X (I.C.19.a)', () => {
    expect(withSeventh('T42.6X2', 'A')).toBe('T42.6X2A');
    expect(withSeventh('T51.91', 'A')).toBe('T51.91XA');
    expect(withSeventh('T40.422', 'S')).toBe('T40.422S');
  });
});

describe('poisoning and toxic effect (I.C.19.e.5.b, e.5.d)', () => {
  it('suicide attempt by ingestion: each drug, intentional self-harm, first', () => {
    const ev = events('ASSESSMENT: Suicide attempt by ingestion of Ambien and tramadol.');
    expect(ev.map((e) => [e.suggestion.code, e.sequence, e.kind])).toEqual([
      ['T42.6X2A', 'first', 'poisoning'],
      ['T40.422A', 'first', 'poisoning'],
    ]);
    expect(() => ev.map((e) => SuggestionSchema.parse(e.suggestion))).not.toThrow();
    expect(ev[0]!.suggestion.evidence.map((e) => e.text)).toEqual(['Suicide attempt', 'Ambien']);
  });

  it('intent from the words; not documented -> accidental; undetermined only when said', () => {
    expect(codes('ASSESSMENT: Kerosene ingestion.')).toEqual(['T52.0X1A']);
    expect(codes('ASSESSMENT: Acetaminophen overdose.')).toEqual(['T39.1X1A']);
    expect(codes('HPI: She was assaulted and poisoned by her partner with zolpidem.')).toEqual(['T42.6X3A']);
    expect(codes('ASSESSMENT: Aspirin ingestion; intent cannot be determined.')).toEqual(['T39.014A']);
    expect(codes('ASSESSMENT: Bleach ingestion, unclear circumstances.')).toEqual(['T54.91XA']);
  });

  it('a suicide attempt elsewhere in the note gives the intent of an overdose statement', () => {
    expect(codes('CHIEF COMPLAINT: Suicide attempt.\nHPI: She took an overdose of tramadol.')).toEqual(['T40.422A']);
  });

  it('a statement naming no substance borrows those of the discussion that says they were taken', () => {
    const note =
      'ASSESSMENT: A 34-year-old who presents after suicide attempt.\n1. Given the substances taken, no fetal risk. No anomalies reported with Ambien or tramadol use.';
    expect(codes(note, { pregnant: false })).toEqual(['T42.6X2A', 'T40.422A']);
  });

  it('components of one product: the nonmedicinal reading, one code (I.C.19.e.3)', () => {
    const ev = events('HPI: He ingested lamp oil (kerosene, liquid paraffin).');
    expect(ev.map((e) => e.suggestion.code)).toEqual(['T52.0X1A']);
    expect(ev[0]!.suggestion.reason.matched).toContain('liquid paraffin');
  });

  it('sequela and subsequent encounters change the 7th character', () => {
    expect(codes('ASSESSMENT: Sequela of kerosene ingestion.')).toEqual(['T52.0X1S']);
    expect(codes('ASSESSMENT: Kerosene ingestion.', { episode: 'D' })).toEqual(['T52.0X1D']);
  });

  it.each([
    'ASSESSMENT: Denies overdose.\nMEDICATIONS: Tylenol.',
    'ASSESSMENT: Possible ingestion of Tylenol.',
    'ASSESSMENT: No evidence of acetaminophen overdose.',
    'ASSESSMENT: Rule out tramadol overdose.',
    'ASSESSMENT: Depression. Discussed overdose precautions with her Ambien.',
    'HPI: History of suicide attempt by overdose of Tylenol in 2010.',
    'MEDICATIONS: Ambien 10 mg, tramadol 50 mg.\nASSESSMENT: Insomnia.',
    'PAST MEDICAL HISTORY: Acetaminophen overdose.',
    'ASSESSMENT: Suicide attempt by hanging.',
  ])('nothing when not asserted or only listed: %s', (note) => {
    expect(codes(note)).toEqual([]);
  });
});

describe('pregnancy first (I.C.15.m)', () => {
  it('O9A.21- by trimester, unknown -> 9, before the T code', () => {
    expect(codes('ASSESSMENT: Intrauterine pregnancy at 30 weeks gestation. Accidental ingestion of bleach.')).toEqual([
      'O9A.213',
      'T54.91XA',
    ]);
    expect(codes('ASSESSMENT: Pregnant, unknown gestation, presents after intentional overdose of tramadol.')).toEqual([
      'O9A.219',
      'T40.422A',
    ]);
    expect(codes('ASSESSMENT: Pregnancy, first trimester. Zolpidem overdose.')).toEqual(['O9A.211', 'T42.6X1A']);
    expect(codes('ASSESSMENT: Postpartum day 3. Acetaminophen overdose.')).toEqual(['O9A.23', 'T39.1X1A']);
  });

  it('no pregnancy code when the note says not pregnant, or without a drug event', () => {
    expect(codes('ASSESSMENT: Urine pregnancy test negative. Acetaminophen overdose.')).toEqual(['T39.1X1A']);
    expect(codes('ASSESSMENT: Intrauterine pregnancy at 30 weeks gestation.')).toEqual([]);
  });
});

describe('adverse effect (I.C.19.e.5.a)', () => {
  it('condition due to a drug: the T..5 code after the condition', () => {
    const ev = events('ASSESSMENT: Neutropenia due to chemotherapy (carboplatin).');
    expect(ev.map((e) => [e.suggestion.code, e.sequence, e.kind])).toEqual([['T45.1X5A', 'after', 'adverse-effect']]);
    expect(codes('ASSESSMENT: Lithium-induced nephrogenic diabetes insipidus.')).toEqual(['T43.595A']);
  });

  it.each([
    'ASSESSMENT: Anemia due to iron deficiency.',
    'ASSESSMENT: Possible rash due to carboplatin.',
    'ASSESSMENT: G-CSF after chemotherapy due to neutropenia.',
    'ALLERGIES: Carboplatin causes rash.',
  ])('nothing: %s', (note) => {
    expect(codes(note)).toEqual([]);
  });
});

describe('underdosing (I.C.19.e.5.c)', () => {
  it('stopped a prescribed drug: T..6, then the intent code, both after the condition', () => {
    const ev = events('HPI: She stopped taking her Abilify and lithium.');
    expect(ev.map((e) => [e.suggestion.code, e.sequence])).toEqual([
      ['T43.596A', 'after'],
      ['Z91.128', 'after'],
    ]);
    expect(ev[0]!.suggestion.evidence.map((e) => e.text)).toEqual(['stopped taking', 'Abilify', 'lithium']);
  });

  it('the reason chooses the intent code', () => {
    expect(codes('HPI: He ran out of his lithium because he could not afford it.')).toEqual(['T43.596A', 'Z91.120']);
    expect(codes('HPI: She forgot and has not been taking her lithium.')).toEqual(['T43.596A', 'Z91.138']);
    expect(codes('HPI: He ran out of tramadol last week.')).toEqual(['T40.426A', 'Z91.148']);
  });

  it.each([
    'ASSESSMENT: Lithium was discontinued by her psychiatrist.',
    'HPI: She has not taken her meds for three days.',
    'PLAN: Stop lithium.',
    'MEDICATIONS: Lithium 300 mg, not taking.',
  ])('nothing: %s', (note) => {
    expect(codes(note)).toEqual([]);
  });
});

describe('placeDrugEvents: the claim order', () => {
  const s = (code: string, start: number, end: number): Suggestion => ({
    code,
    description: code,
    system: 'ICD-10-CM',
    release: 'FY2026',
    billable: true,
    score: 1,
    assertion: 'present',
    section: 'diagnostic',
    evidence: [{ start, end, text: code }],
    mentions: 1,
    reason: { matched: code, via: 'test' },
  });
  it('poisoning first, the adverse effect right after its condition, underdosing at the end', () => {
    const note = 'ASSESSMENT: Hypertension.\nNeutropenia due to carboplatin.\nKerosene ingestion.';
    const doc = parseDocument(note);
    const ev = drugEventSuggestions(PACK, doc, TABLE, 'FY2026');
    const neutro = note.indexOf('Neutropenia');
    const claim = [s('I10', 12, 24), s('D70.1', neutro, neutro + 11), s('E11.9', 0, 1)];
    expect(placeDrugEvents(claim, ev).map((x) => x.code)).toEqual(['T52.0X1A', 'I10', 'D70.1', 'T45.1X5A', 'E11.9']);
  });
});
