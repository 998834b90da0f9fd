import { describe, expect, it } from 'vitest';
import { parseIndexFlatCsv } from '../../../lib/codesets/icd10cm/index-flat-csv';
import { resolveIndexRefs } from '../../../lib/codesets/icd10cm/index-refs';
import { parseIndexXml } from '../../../lib/codesets/icd10cm/index-xml';
import { fixtureText } from '../../helpers/fixtures';

describe('Alphabetic Index cross-references resolved at compile time', () => {
  const ix = parseIndexFlatCsv(fixtureText('fy2025/icd10cm_index_2025.flat.csv'), 'index.csv');
  const { refs, stats } = resolveIndexRefs(ix.entries);
  const refOf = (path: string) => refs.find((r) => ix.entries[r.entry]!.path.join(', ') === path);

  it.each([
    // A main term written with alternatives ("Pneumonia, pneumonic") answers to "see Pneumonia".
    ['Disease, diseased, reactive airway', 'see', ['J18.9']],
    // main term + subterm target
    ['Discomfort, chest', 'see', ['R07.9']],
    // main term + two subterm levels
    ['CKD', 'see', ['N18.9']],
    // a chain: Rise, temperature -> see Pyrexia -> see Fever
    ['Rise, temperature', 'see', ['R50.9']],
    // "see also" on a term with neither code nor subterms
    ['Inflammation, lung', 'seeAlso', ['J18.9']],
  ] as const)('%s -> %s %j', (path, via, codes) => {
    expect(refOf(path)).toMatchObject({ via, codes });
  });

  it('leaves a reference unresolved when the target has no code or does not exist', () => {
    expect(refOf('Ache')).toBeUndefined(); // "Pain" has no code of its own here
    expect(refOf('Unknown target')).toBeUndefined();
    expect(stats).toEqual({ see: 9, seeResolved: 5, seeAlso: 1, seeAlsoResolved: 1 });
  });

  it('answers "see Neoplasm, <site>, <behavior>" from the Table of Neoplasms; "by site" names no site', () => {
    const table = parseIndexXml(fixtureText('fy2026/icd10cm_neoplasm_2026.xml'), 'neoplasm.xml').entries;
    const withTable = resolveIndexRefs(ix.entries, table);
    const ref = (path: string) => withTable.refs.find((r) => ix.entries[r.entry]!.path.join(', ') === path);
    expect(ref('Carcinoma, ductal')).toMatchObject({ via: 'see', codes: ['C50.9-'] });
    expect(ref('Carcinoma, lobular')).toBeUndefined();
    expect(withTable.stats.seeResolved).toBe(6);
  });

  it('reads "see Diabetes, by type, with hyperglycemia" under the main term, whose subterms carry the default type', () => {
    const csv = [
      'RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code',
      '1,D,0,"Diabetes, diabetic",,,(mellitus),E11.9',
      '2,D,1,with,,,,',
      '3,D,2,hyperglycemia,,,,E11.65',
      '4,D,1,poorly controlled,"Diabetes, by type, with hyperglycemia",,,',
      '5,D,1,type 1,,,,E10.9',
    ].join('\n');
    const small = parseIndexFlatCsv(csv, 'index.csv');
    const { refs: found } = resolveIndexRefs(small.entries);
    expect(found).toEqual([expect.objectContaining({ entry: 3, via: 'see', codes: ['E11.65'] })]);
  });
});

describe('a subterm sent to a target without a code reads on under the target', () => {
  const csv = [
    'RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code',
    '1,D,0,"Displacement, displaced",,,,',
    '2,D,1,intervertebral disc NEC,,,,',
    '3,D,2,"cervical, cervicothoracic",,,(with),M50.20',
    '4,D,2,lumbar region,,,,M51.26',
    '5,D,3,with,,,,',
    '6,D,4,"neuritis, radiculitis, radiculopathy or sciatica",,,,M51.16',
    '7,H,0,Herniation,,,,',
    '8,H,1,nucleus pulposus,"Displacement, intervertebral disc",,,',
    '9,C,0,Cocainism,"Displacement, intervertebral disc",,,',
  ].join('\n');
  const ix = parseIndexFlatCsv(csv, 'index.csv');
  const { refs, stats } = resolveIndexRefs(ix.entries);

  it('each coded subterm below the target is a reference with its own words', () => {
    const herniation = refs.filter((r) => ix.entries[r.entry]!.path.join(', ') === 'Herniation, nucleus pulposus');
    expect(herniation.map((r) => [r.codes, r.under])).toEqual([
      [['M50.20'], ['cervical, cervicothoracic']],
      [['M51.26'], ['lumbar region']],
      [['M51.16'], ['lumbar region', 'with', 'neuritis, radiculitis, radiculopathy or sciatica']],
    ]);
    expect(stats.seeResolved).toBe(1);
  });

  it("a main term's reference does not (its word may stem like another: Cocainism)", () => {
    expect(refs.some((r) => ix.entries[r.entry]!.path[0] === 'Cocainism')).toBe(false);
  });
});
