import { describe, expect, it } from 'vitest';
import { looksLikeFlatIndexCsv, parseIndexFlatCsv } from '../../../lib/codesets/icd10cm/index-flat-csv';
import { detectSource } from '../../../lib/codesets/detect';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';

const HEADER = 'RowID,Letter,Level,Term,See,SeeAlso,NonEssModif,Code';

describe('ICD-10-CM Alphabetic Index as a flat CSV (lossy third-party rendering)', () => {
  it('rebuilds term paths from Level with a stack, keeping nemod, code, see and see also', () => {
    const ix = parseIndexFlatCsv(fixtureText('fy2025/icd10cm_index_2025.flat.csv'), 'index.csv');
    expect(ix.kind).toBe('index');
    const ckd = ix.entries.find((e) => e.codes.includes('E11.22'))!;
    expect(ckd.path).toEqual(['Diabetes, diabetic', 'type 2', 'with', 'chronic kidney disease']);
    expect(ckd.level).toBe(3);
    expect(ckd.line).toBe(9);
    expect(ix.entries.find((e) => e.path[0] === 'Diabetes, diabetic')!.nemod).toBe('(mellitus) (sugar)');
    expect(ix.entries.find((e) => e.path.join('|') === 'Disease, diseased|reactive airway')!.see).toBe('Pneumonia');
    expect(ix.entries.find((e) => e.path.join('|') === 'Inflammation|lung')!.seeAlso).toBe('Pneumonia');
    // Back to a main term after a level-3 subterm.
    expect(ix.entries.find((e) => e.codes.includes('R50.9'))!.path).toEqual(['Fever']);
  });

  it('uses the modifier as the title when the words after it were lost', () => {
    const ix = parseIndexFlatCsv(fixtureText('fy2025/icd10cm_index_2025.flat.csv'), 'index.csv');
    const e = ix.entries.find((x) => x.path[0] === 'Disorder' && x.level === 2)!;
    expect(e.path).toEqual(['Disorder', 'persistent', 'benign']);
    expect(e.nemod).toBeUndefined();
  });

  it('skips a coded subterm left with only connectives, and its subterms; keeps one with words of its own', () => {
    const ix = parseIndexFlatCsv(
      `${HEADER}\n1,G,0,"Gout, gouty",,,(acute),M10.9\n2,G,1,idiopathic,,,,M10.00\n3,G,2,knee,,,,M10.06-\n` +
        `4,G,1,in,,,(due to),M10.30\n5,G,2,knee,,,,M10.36-\n6,G,1,lead-induced,,,,M10.10\n` +
        `7,F,0,Failure,,,,\n8,F,1,acute,,,,I50.31\n9,F,2,and,,,(on) chronic (congestive),I50.33\n`,
      'ix.csv',
    );
    const paths = ix.entries.map((e) => e.path.join(' > '));
    expect(paths).toContain('Gout, gouty > idiopathic > knee');
    expect(paths).toContain('Gout, gouty > lead-induced');
    expect(paths.some((p) => p.includes('> in'))).toBe(false);
    expect(ix.entries.some((e) => e.codes.includes('M10.36-'))).toBe(false);
    // The words outside the modifier's parentheses are the subterm's own: "and chronic".
    expect(paths).toContain('Failure > acute > and (on) chronic (congestive)');
  });

  it("joins a modifier column's words outside parentheses to the term ('Normocytic anemia' due to blood loss)", () => {
    const ix = parseIndexFlatCsv(
      `${HEADER}
1,N,0,Normocytic anemia,,,(infectional) due to blood loss (chronic),D50.0
2,N,0,Nephritis,,,(acute) (chronic),N05.9
`,
      'ix.csv',
    );
    expect(ix.entries[0]!.path).toEqual(['Normocytic anemia (infectional) due to blood loss (chronic)']);
    expect(ix.entries[1]!.path).toEqual(['Nephritis']);
    expect(ix.entries[1]!.nemod).toBe('(acute) (chronic)');
  });

  it('names file and line for a skipped level, a bad level and a bad code', () => {
    const bad = (rows: string) => () => parseIndexFlatCsv(`${HEADER}\n${rows}\n`, 'ix.csv');
    expect(bad('1,A,0,Abc,,,,\n2,A,2,def,,,,A00.0')).toThrow(
      /ix\.csv \(line 3\): a level-2 subterm follows a level-0 term/,
    );
    expect(bad('1,A,x,Abc,,,,')).toThrow(/line 2\): Level "x"/);
    expect(bad('1,A,0,Abc,,,,E11.9x')).toThrow(CodesetError);
    expect(bad('1,A,0,,,,,E11.9')).toThrow(/line 2\): index term without a title/);
    expect(() => parseIndexFlatCsv(`${HEADER}\n`, 'ix.csv')).toThrow(/no terms/);
  });

  it('is detected as an icd10cm-index source by its header, and other CSVs are not', () => {
    const bytes = new TextEncoder().encode(`${HEADER}\n1,A,0,Abc,,,,A00.0\n`);
    expect(looksLikeFlatIndexCsv(`${HEADER}\n`)).toBe(true);
    expect(detectSource({ path: 'icd10cm_index_2025.flat.csv', bytes }, false)).toEqual({ kind: 'icd10cm-index' });
    expect(looksLikeFlatIndexCsv('code,description\n')).toBe(false);
  });
});
