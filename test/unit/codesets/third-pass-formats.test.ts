import { describe, expect, it } from 'vitest';
import { parseTabularNotesJson } from '../../../lib/codesets/icd10cm/tabular-notes-json';
import { parseMueJson } from '../../../lib/codesets/ncci/mue';
import { parseAocJson } from '../../../lib/codesets/ncci/aoc';
import { parseCmsHccMappings } from '../../../lib/codesets/hcc/cms-hcc';
import { readDelimited } from '../../../lib/codesets/tables';
import { detectSource } from '../../../lib/codesets/detect';
import { inferRelease } from '../../../lib/codesets/release';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';

const bytes = (t: string) => new TextEncoder().encode(t);

describe('ICD-10-CM tabular notes JSON (FY2026 extraction)', () => {
  const text = fixtureText('fy2026-notes/icd10cm_tabular_notes_2026.derived.json');

  it('reads each node’s notes by kind and the fiscal year it was parsed from', () => {
    const f = parseTabularNotesJson(text, 'notes.json');
    expect(f.version).toBe('2026');
    const e11 = f.nodes.find((n) => n.code === 'E11')!;
    expect(e11.notes).toEqual({
      includes: ['diabetes NOS'],
      excludes1: ['type 1 diabetes mellitus (E10.-)'],
      useAdditionalCode: ['insulin (Z79.4)'],
    });
    expect(f.nodes.find((n) => n.code === 'I10')!.notes.inclusionTerm).toContain('high blood pressure');
  });

  it('names file, line and node for an unknown key, a wrong code and bad JSON', () => {
    const unknown = text.replace('"excludes1_code_refs": ["E10"],', '"excludes3": ["x"],');
    expect(() => parseTabularNotesJson(unknown, 'n.json')).toThrowError(
      /n\.json \(line 14, element <codes\.E11>\): node E11: .*excludes3/,
    );
    expect(() => parseTabularNotesJson(text.replace('"code": "I10"', '"code": "I11"'), 'n.json')).toThrowError(
      /node I10 says it is I11/,
    );
    expect(() => parseTabularNotesJson('{\n "codes": {\n', 'n.json')).toThrowError(CodesetError);
  });

  it('is detected by its content and dated FY2026 by its name', () => {
    expect(detectSource({ path: 'icd10cm_tabular_notes_2026.derived.json', bytes: bytes(text) }, false)).toEqual({
      kind: 'icd10cm-tabular-notes',
    });
    expect(inferRelease('icd10cm-tabular-notes', 'icd10cm_tabular_notes_2026.derived.json')).toMatchObject({
      release: 'FY2026',
      effectiveFrom: '2025-10-01',
    });
  });
});

describe('NCCI JSON conversions (2026 Q3)', () => {
  it('MUE: value, MAI and rationale from "<MAI> <rationale>", with the quarter', () => {
    const m = parseMueJson(fixtureText('ncci-2026q3/mue_practitioner_2026q3.derived.json'), 'mue.json');
    expect(m.rows.find((r) => r.code === '99213')).toEqual({
      code: '99213',
      value: 2,
      mai: 3,
      rationale: 'Clinical: Data',
    });
    expect(m.rows.find((r) => r.code === 'G0439')).toMatchObject({ value: 1, mai: 2 });
    expect(m).toMatchObject({
      effectiveFrom: '2026-07-01',
      sourceFile: 'medicare-ncci-2026-q3-practitioner-services-mue-table.zip',
    });
    expect(inferRelease('ncci-mue', 'mue_practitioner_2026q3.derived.json')).toMatchObject({
      release: '2026 Q3',
      effectiveFrom: '2026-07-01',
      effectiveTo: '2026-09-30',
    });
  });

  it('MUE: a bad MAI, a duplicate code and a wrong value are reported with the record', () => {
    const one = (r: object) =>
      JSON.stringify([
        {
          code: '99213',
          mue_value: 2,
          description: '3 Clinical: Data',
          effective_date: '2026-07-01',
          end_date: '9999-12-31',
          source_file: 'x.zip',
          ...r,
        },
      ]);
    expect(() => parseMueJson(one({ description: '7 Odd' }), 'm.json')).toThrowError(
      /m\.json \(line 1, element <\[0\]\.description>\): MUE record 1 \(99213\): expected the MAI digit/,
    );
    expect(() => parseMueJson(one({ mue_value: -1 }), 'm.json')).toThrowError(/MUE record 1 \(99213\)/);
    expect(() => parseMueJson(one({ code: '9921' }), 'm.json')).toThrowError(/"9921" is not a HCPCS\/CPT code/);
    const two = `[${one({}).slice(1, -1)},\n${one({}).slice(1, -1)}]`;
    expect(() => parseMueJson(two, 'm.json')).toThrowError(/duplicate code 99213/);
  });

  it('AOC: add-on, primary (CCCCC = contractor-defined), edit type from the "modifier" column', () => {
    const a = parseAocJson(fixtureText('ncci-2026q3/aoc_edits_2026q3.derived.json'), 'aoc.json');
    expect(a.rows).toEqual([
      { addOn: '0054T', primary: null, type: 2, editEffective: '2013-04-01', editDeletion: null },
      { addOn: '99292', primary: '99291', type: 1, editEffective: '2013-04-01', editDeletion: null },
    ]);
    expect(a.sourceFile).toBe('AOC_V2026Q3-F-MCR.txt');
    expect(() =>
      parseAocJson(
        fixtureText('ncci-2026q3/aoc_edits_2026q3.derived.json').replace('"modifier": "1"', '"modifier": "4"'),
        'aoc.json',
      ),
    ).toThrowError(/aoc\.json \(line 15, element <\[1\]\.modifier>\): add-on code edit record 2 \(99292\)/);
  });

  it('both are detected as NCCI sources by name', () => {
    expect(detectSource({ path: 'mue_practitioner_2026q3.derived.json', bytes: bytes('[]') }, false)).toEqual({
      kind: 'ncci-mue',
    });
    expect(detectSource({ path: 'aoc_edits_2026q3.derived.json', bytes: bytes('[]') }, false)).toEqual({
      kind: 'ncci-aoc',
    });
  });
});

describe('CMS-HCC mappings CSV (2026 initial)', () => {
  const text = fixtureText('hcc/cms_hcc_2026_initial_icd10cm_mappings.csv');
  const parse = (t: string) => parseCmsHccMappings(readDelimited(t, 'hcc.csv', ','), 'hcc.csv');

  it('keeps the V28 categories per code (two rows = two categories), the code years and the lines', () => {
    const m = parse(text);
    expect(m.codeYears).toBe('FY2024 and FY2025');
    const by = new Map(m.records.map((r) => [r.code, r]));
    expect(by.get('E11.22')).toMatchObject({ v28: [37], line: 52 });
    expect(by.get('E11.9')!.v28).toEqual([38]);
    expect(by.get('I50.9')!.v28).toEqual([226]);
    expect(by.get('E08.311')!.v28).toEqual([37, 298]);
    expect(by.get('F32.9')!.v28).toEqual([]);
  });

  it('reports a bad code or category with its line, and data after the footer', () => {
    expect(() => parse(text.replace('I509,', 'I50.9,'))).toThrowError(
      /hcc\.csv \(line 56\): "I50\.9" is not an ICD-10-CM code as CMS writes it/,
    );
    expect(() => parse(text.replace('85,85,85,85,226', '85,85,85,85,HCC226'))).toThrowError(
      /line 56\): V28 category "HCC226"/,
    );
    expect(() => parse(`${text}Z999,x,,,,,1,,,,,,,\n`)).toThrowError(/line 60\): a data row after the table ended/);
  });

  it('is detected by its header and dated by its payment year', () => {
    expect(detectSource({ path: '2026 Initial ICD-10-CM Mappings.csv', bytes: bytes(text) }, false)).toEqual({
      kind: 'cms-hcc',
    });
    expect(inferRelease('cms-hcc', 'cms_hcc_2026_initial_icd10cm_mappings.csv')).toMatchObject({
      system: 'CMS-HCC',
      release: 'PY2026 initial',
      effectiveFrom: '2026-01-01',
    });
  });
});
