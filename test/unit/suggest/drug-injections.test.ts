import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../../lib/suggest/analyze';
import { drugIndex, unitsFor } from '../../../lib/suggest/drug-injections';
import { AnalysisSchema } from '../../../lib/suggest/schema';
import { fixtureInputs } from '../../helpers/fixtures';

let pack: CodePack;
let analyzer: NoteAnalyzer;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026', 'hcpcs'))).bytes);
  analyzer = new NoteAnalyzer(pack);
});
const drugs = (text: string) => analyzer.analyze(text).suggestions.filter((s) => s.system === 'HCPCS');

describe('drugs given at the visit -> HCPCS J-codes with units from the dose', () => {
  it('reads drug, dose and unit from the HCPCS descriptions', () => {
    const k = drugIndex(pack).get('ketorolac')![0]!;
    expect(k).toMatchObject({ code: 'J1885', dose: 15, unit: 'mg' });
    expect(unitsFor(30, 'mg', k)).toBe(2);
    expect(unitsFor(20, 'mg', k)).toBe(2); // partial units round up
    expect(unitsFor(1, 'g', drugIndex(pack).get('ceftriaxone')![0]!)).toBe(4);
    expect(unitsFor(2, 'ml', k)).toBeUndefined();
  });

  it('an injection given: code, units and the words as evidence', () => {
    const [s] = drugs('Ketorolac 30 mg IM given in the left deltoid.');
    expect(s).toMatchObject({ code: 'J1885', units: 2, assertion: 'present' });
    expect(s!.evidence.map((e) => e.text)).toEqual(['Ketorolac', '30 mg']);
    expect(s!.reason.note).toMatch(/2 units: 30 mg documented, 15 mg per unit/);
  });

  it('g converts to the code’s mg', () => {
    expect(drugs('Ceftriaxone 1 g IM administered.')[0]).toMatchObject({ code: 'J0696', units: 4 });
  });

  it.each([
    ['a medication list', 'Medications:\nKetorolac 10 mg by mouth as needed.'],
    ['not given', 'Ketorolac 30 mg IM was declined by the patient.'],
    ['no administration words', 'Consider ketorolac 30 mg for pain.'],
  ])('nothing for %s', (_, text) => expect(drugs(text)).toEqual([]));

  it('the analysis with drug suggestions still passes its schema', () => {
    expect(() =>
      AnalysisSchema.parse(analyzer.analyze('Assessment: essential hypertension. Ketorolac 30 mg IM given.')),
    ).not.toThrow();
  });
});

describe('the drug named in the HCPCS title, not the words around it', () => {
  it('"sterile fashion" is not "Injection, sterile cefuroxime sodium"', () => {
    expect(drugs('The knee was prepped and draped in the usual sterile fashion and injected with lidocaine.')).toEqual(
      [],
    );
    expect(drugs('Cefuroxime 750 mg IV given.')[0]).toMatchObject({ code: 'J0697', units: 1 });
  });

  it('a salt the code does not name is another product: calcium chloride is J0618, not J0620', () => {
    expect(drugs('Calcium chloride 2 mg IV given.').map((s) => s.code)).toEqual(['J0618']);
    expect(drugs('Calcium glycerophosphate and calcium lactate 10 ml IV given.').map((s) => s.code)).toEqual(['J0620']);
  });
});

describe('only a drug given at this visit is on its claim', () => {
  it.each([
    [
      'the history tells of an earlier dose',
      'History of present illness:\nIn the emergency room she received ketorolac 30 mg IV.',
    ],
    ['a dose given weeks ago', 'Ketorolac 30 mg IM was given two weeks ago at urgent care.'],
    ['a dose given at another facility', 'He was taken to a local ER and given ketorolac 30 mg IM.'],
    ['a plan to change the regimen', 'We will increase the ceftriaxone to 1 g IV daily.'],
    ['a drug taken by mouth', 'He was given ketorolac 10 mg p.o. before discharge.'],
    ['a prescription handed over', 'She was given a prescription for ketorolac 10 mg.'],
    ['a regimen the patient is still on', 'Botox injection helped; she is still on ketorolac.'],
  ])('nothing when %s', (_, text) => expect(drugs(text)).toEqual([]));

  it('a dose given today is coded', () => {
    expect(drugs('Plan:\nKetorolac 30 mg IM was given in the office today.').map((s) => s.code)).toEqual(['J1885']);
  });
});
