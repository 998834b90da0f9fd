import { beforeAll, describe, expect, it } from 'vitest';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack } from '../../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../../lib/suggest/analyze';
import { AnalysisSchema } from '../../../lib/suggest/schema';
import { buildDictionary, dictionaryFor } from '../../../lib/suggest/dictionary-build';
import { fixtureInputs } from '../../helpers/fixtures';

let analyzer: NoteAnalyzer;
beforeAll(async () => {
  const { bytes } = await compilePack(fixtureInputs('fy2026'));
  analyzer = new NoteAnalyzer(loadPack(bytes));
});

const codes = (text: string, setting: 'office' | 'hospital' = 'office') =>
  analyzer.analyze(text, { setting }).suggestions.map((s) => s.code);

describe('note analysis: the cases the issue names', () => {
  it.each([
    ['Patient denies chest pain.', [], ['R07']],
    ['Her mother had breast cancer.', ['Z80.3'], ['C50']],
    ['History of MI.', ['I25.2'], ['I21']],
    ['Type 2 diabetes with stage 3b CKD.', ['E11.22', 'N18.32'], ['N18.2', 'E11.9']],
    ['Closed fracture of the right distal radius, initial encounter.', ['S52.501A'], ['S52.502']],
    ['Assessment: essential hypertension.', ['I10'], []],
    ['Cough and fever for 3 days; rule out pneumonia.', ['R05.9', 'R50.9'], ['J18']],
  ] as const)('%s', (note, want, notWant) => {
    const got = codes(note);
    for (const c of want) expect(got).toContain(c);
    for (const prefix of notWant) expect(got.some((c) => c.startsWith(prefix))).toBe(false);
  });

  it('outpatient: "rule out pneumonia" is excluded with the guideline; inpatient: kept as possible', () => {
    const office = analyzer.analyze('Rule out pneumonia.', { setting: 'office' });
    expect(office.suggestions.map((s) => s.code)).not.toContain('J18.9');
    expect(office.excluded.find((s) => s.code === 'J18.9')?.reason.note).toMatch(/IV\.H/);
    const hospital = analyzer.analyze('Rule out pneumonia.', { setting: 'hospital' });
    expect(hospital.suggestions.find((s) => s.code === 'J18.9')?.assertion).toBe('possible');
  });

  it('negated findings are listed as excluded with the reason, not suggested', () => {
    const r = analyzer.analyze('Patient denies chest pain.');
    expect(r.excluded.map((s) => [s.code, s.assertion, s.reason.note])).toEqual([
      ['R07.9', 'negated', 'documented as absent'],
    ]);
  });
});

describe('output: evidence, reasons, schema, determinism', () => {
  const note =
    'HPI: 58 y/o with type 2 diabetes and stage 3b CKD.\nFamily history: mother had breast cancer.\nAssessment: essential hypertension.';

  it('every suggestion points at the words of the note that support it', () => {
    const r = analyzer.analyze(note);
    for (const s of [...r.suggestions, ...r.excluded]) {
      for (const e of s.evidence) expect(note.slice(e.start, e.end)).toBe(e.text);
    }
    // Family history is considered, not put on the claim by itself (reported when it affects care).
    expect(r.suggestions.find((s) => s.code === 'Z80.3')).toBeUndefined();
    const z803 = r.excluded.find((s) => s.code === 'Z80.3')!;
    expect(z803.evidence.map((e) => e.text).join(' ')).toMatch(/breast cancer/);
    expect(z803).toMatchObject({ assertion: 'family', section: 'family_history', reason: { mappedFrom: 'C50.919' } });
    expect(z803.reason.note).toMatch(/family history/);
    expect(r.suggestions.find((s) => s.code === 'S52.501A')).toBeUndefined();
  });

  it('refinement says where it came from and why', () => {
    const r = analyzer.analyze('Closed fracture of the right distal radius, initial encounter.');
    const s = r.suggestions.find((x) => x.code === 'S52.501A')!;
    expect(s.reason.refinedBy).toContain('7th character A');
    expect(s.billable).toBe(true);
  });

  it('matches the Zod schema and is deterministic', () => {
    const a = analyzer.analyze(note);
    expect(() => AnalysisSchema.parse(a)).not.toThrow();
    const b = analyzer.analyze(note);
    expect({ ...b, stats: { ...b.stats, ms: 0 } }).toEqual({ ...a, stats: { ...a.stats, ms: 0 } });
  });

  it('word order, inflection, hyphens and abbreviations do not matter', () => {
    for (const variant of ['hypertension, essential', 'Essential hypertension', 'HTN', 'high blood pressure'])
      expect(codes(variant)).toContain('I10');
    for (const variant of ['type-2 diabetes with CKD stage 3b', 'DM2 with chronic kidney diseases, stage 3b'])
      expect(codes(variant)).toEqual(expect.arrayContaining(['E11.22', 'N18.32']));
  });

  it('bounded: a long hostile note is analysed without error', () => {
    const hostile = `${'<script>alert(1)</script> '.repeat(2000)}${'no '.repeat(5000)}chest pain ${'x'.repeat(50_000)}`;
    const r = analyzer.analyze(hostile);
    expect(r.stats.characters).toBe(hostile.length);
  });
});

describe('dictionary compiled into the pack', () => {
  it('loads the same terms as a fresh build', async () => {
    const { bytes } = await compilePack(fixtureInputs('fy2026'));
    const pack = loadPack(bytes);
    const packed = dictionaryFor(pack);
    const fresh = buildDictionary(pack);
    expect(packed.size).toBe(fresh.size);
    for (let i = 0; i < fresh.size; i += 7) expect(packed.term(i)).toEqual(fresh.term(i));
  });
});
