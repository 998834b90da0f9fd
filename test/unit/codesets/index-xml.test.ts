import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIndexXml } from '../../../lib/codesets/icd10cm/index-xml';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';

describe('ICD-10-CM index XML (Alphabetic Index, neoplasm and drug tables, external cause index)', () => {
  it('reads the Alphabetic Index: term paths by level, nemod, codes, manifestation codes, see / see also', () => {
    const ix = parseIndexXml(fixtureText('fy2026/icd10cm_index_2026.xml'), 'index.xml');
    expect(ix.kind).toBe('index');
    expect(ix.version).toBe('2026');
    const ckd = ix.entries.find((e) => e.codes.includes('E11.22'))!;
    expect(ckd.path).toEqual(['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease']);
    expect(ckd.level).toBe(3);
    expect(ix.entries[0]!.nemod).toBe('(mellitus) (sugar)');
    const neph = ix.entries.find((e) => e.path.join('|') === 'Nephropathy|diabetic')!;
    expect(neph).toMatchObject({ codes: ['E11.21'], manif: ['N08'] });
    expect(ix.entries.find((e) => e.path.at(-1) === 'insipidus')!.see).toBe('Diabetes, insipidus');
    expect(ix.entries.find((e) => e.path.at(-1) === 'kidney involvement')!.seeAlso).toBe('Hypertension, kidney');
  });

  it('reads the neoplasm table columns, keeping "-" codes that need more characters', () => {
    const t = parseIndexXml(fixtureText('fy2026/icd10cm_neoplasm_2026.xml'), 'neoplasm.xml');
    expect(t.kind).toBe('neoplasm');
    const breast = t.entries.find((e) => e.path.at(-1) === 'breast')!;
    expect(breast.cells).toContainEqual({ column: 'Malignant Primary', code: 'C50.9-' });
    expect(breast.cells).toContainEqual({ column: 'Benign', code: 'D24.-' });
  });

  it('reads the drug table and drops "--" cells', () => {
    const t = parseIndexXml(fixtureText('fy2026/icd10cm_drug_2026.xml'), 'drug.xml');
    expect(t.kind).toBe('drug');
    expect(t.entries[0]!.cells).toHaveLength(6);
    expect(t.entries[1]!.cells?.map((c) => c.column)).toEqual([
      'Poisoning Accidental (unintentional)',
      'Poisoning Intentional self-harm',
      'Poisoning Assault',
      'Poisoning Undetermined',
    ]);
  });

  it('tells the external cause index apart', () => {
    const t = parseIndexXml(fixtureText('fy2026/icd10cm_eindex_2026.xml'), 'eindex.xml');
    expect(t.kind).toBe('eindex');
    expect(t.entries.find((e) => e.codes.includes('W06'))!.path).toEqual(['Fall, falling', 'from, off, out of', 'bed']);
  });

  it.each([
    [
      'a code that is not a code',
      (x: string) => x.replace('<code>I10</code>', '<code>I1O!</code>'),
      /"I1O!" is not an ICD-10-CM code/,
    ],
    ['a term level that is not a number', (x: string) => x.replace('level="1"', 'level="one"'), /term level "one"/],
    ['truncation', (x: string) => x.slice(0, 700), /(truncated|malformed)/],
  ])('rejects %s', (_w, mutate, msg) => {
    const bad = mutate(fixtureText('fy2026/icd10cm_index_2026.xml'));
    expect(() => parseIndexXml(bad, 'index.xml')).toThrowError(CodesetError);
    expect(() => parseIndexXml(bad, 'index.xml')).toThrowError(msg);
  });

  it('nested terms of any depth keep their full path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z][a-z ]{0,12}[a-z]$/), { minLength: 1, maxLength: 6 }), (titles) => {
        let inner = '<code>R51.9</code>';
        for (let i = titles.length - 1; i >= 1; i--)
          inner = `<term level="${i}"><title>${titles[i]}</title>${inner}</term>`;
        const doc = `<ICD10CM.index><version>2026</version><letter><title>X</title><mainTerm><title>${titles[0]}</title>${inner}</mainTerm></letter></ICD10CM.index>`;
        const parsed = parseIndexXml(doc, 'p.xml');
        const leaf = parsed.entries.find((e) => e.codes.length > 0)!;
        expect(leaf.path).toEqual(titles.map((t) => t.replace(/\s+/g, ' ').trim()));
      }),
    );
  });
});
