import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePtp } from '../../../lib/codesets/ncci/ptp';
import { parseMue } from '../../../lib/codesets/ncci/mue';
import { parseAoc } from '../../../lib/codesets/ncci/aoc';
import { readDelimited, readXlsx } from '../../../lib/codesets/tables';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';
import { xlsxBytes } from '../../helpers/xlsx';

describe('NCCI PTP edits', () => {
  it('reads the CMS text layout: notice line, header, blank continuation, * = no deletion', () => {
    const t = parsePtp(fixtureText('ncci/ccipra-v302r0-f1.txt'), 'ccipra-v302r0-f1.txt');
    expect(t.column1).toEqual(['99214', '99214', '93000', '20610']);
    expect(t.deletion).toEqual([null, '2019-12-31', null, null]);
    expect(t.effective[0]).toBe('2020-01-01');
    expect(t.modifier).toEqual([1, 1, 1, 0]);
    expect(t.rationale[3]).toBe('Standards of medical / surgical practice');
  });

  it('reads the TSV extraction (9999-12-31 = in force, no effective date)', () => {
    const t = parsePtp(
      'column1\tcolumn2\tdeletion_date\tmodifier_indicator\tptp_edit_rationale\n99214\t99213\t9999-12-31\t1\tMutually exclusive procedures\n',
      'ptp.tsv',
    );
    expect(t).toMatchObject({ column1: ['99214'], deletion: [null], effective: [null], modifier: [1] });
  });

  it('reads the CMS workbook layout', () => {
    const bytes = xlsxBytes([
      ['CPT codes and descriptions only are copyright 2023 American Medical Association.'],
      [
        'Column 1',
        'Column 2',
        '*=in existence prior to 1996',
        'Effective Date',
        'Deletion Date *=no data',
        'Modifier 0=not allowed 1=allowed 9=not applicable',
        'PTP Edit Rationale',
      ],
      ['99214', '99213', '', '20200101', '*', '1', 'Mutually exclusive procedures'],
    ]);
    const t = parsePtp(readXlsx(bytes, 'ccipra-v302r0-f1.xlsx'), 'ccipra-v302r0-f1.xlsx');
    expect(t.column2).toEqual(['99213']);
  });

  it.each([
    ['a modifier indicator of 2', '99214\t99213\t\t20200101\t*\t2\tx', /modifier indicator "2" is not 0, 1 or 9/],
    ['a date that is not a date', '99214\t99213\t\t20201341\t*\t1\tx', /not a date/],
    ['a column-2 value that is not a code', '99214\tabc\t\t20200101\t*\t1\tx', /does not hold two HCPCS\/CPT codes/],
  ])('rejects %s with the line', (_w, row, msg) => {
    const text = `${fixtureText('ncci/ccipra-v302r0-f1.txt')}${row}\r\n`;
    expect(() => parsePtp(text, 'f1.txt')).toThrowError(msg);
    expect(() => parsePtp(text, 'f1.txt')).toThrowError(/f1\.txt \(line 8\)/);
  });

  it('rejects a table without the PTP header', () => {
    expect(() => parsePtp('a\tb\n1\t2\n', 'x.txt')).toThrowError(/no PTP header row/);
  });

  it('from bytes, a few lines at a time: the same table as from the text, and errors name the same line', () => {
    const text = `${fixtureText('ncci/ccipra-v302r0-f1.txt')}${Array.from({ length: 300 }, (_, i) => `${String(10000 + i)}\t99213\t\t20200101\t*\t1\tMisuse of Column Two code with Column One code\r\n`).join('')}`;
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const fromText = parsePtp(text, 'f1.txt');
    for (const step of [1, 7, 64, 1 << 22])
      expect(parsePtp(bytes, 'f1.txt', undefined, step), `step ${step}`).toEqual(fromText);
    const bad = new TextEncoder().encode(`${text}99214\t99213\t\t20200101\t*\t2\tx\r\n`);
    const lines = text.split('\n').length;
    for (const step of [1, 50, 1 << 22])
      expect(() => parsePtp(bad, 'f1.txt', undefined, step)).toThrowError(
        new RegExp(`f1\\.txt \\(line ${lines}\\): PTP modifier indicator "2"`),
      );
  });

  it('any generated edit table reads back (property)', () => {
    const code = fc.stringMatching(/^[0-9]{5}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, code, fc.constantFrom(0, 1, 9), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const text = [
            'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale',
            ...rows.map(([a, b, m, del]) => `${a}\t${b}\t\t20240101\t${del ? '20241231' : '*'}\t${m}\tr`),
          ].join('\n');
          const t = parsePtp(text, 'p.txt');
          expect(t.column1).toEqual(rows.map((r) => r[0]));
          expect(t.modifier).toEqual(rows.map((r) => r[2]));
          expect(t.deletion).toEqual(rows.map((r) => (r[3] ? '2024-12-31' : null)));
        },
      ),
    );
  });
});

describe('NCCI MUE tables', () => {
  it('reads the CMS CSV layout behind its notice line; MAI from the leading digit', () => {
    const rows = parseMue(
      readDelimited(fixtureText('ncci/MCR_MUE_PractitionerServices_Eff_07-01-2024.csv'), 'mue.csv'),
      'mue.csv',
    );
    expect(rows.find((r) => r.code === '99213')).toEqual({
      code: '99213',
      value: 2,
      mai: 3,
      rationale: 'Clinical: Data',
    });
    expect(rows.find((r) => r.code === 'G0439')!.mai).toBe(2);
  });

  it('rejects duplicates and bad indicators with the line', () => {
    const base = fixtureText('ncci/MCR_MUE_PractitionerServices_Eff_07-01-2024.csv');
    expect(() => parseMue(readDelimited(`${base}"99213","3","3 x","y"\r\n`, 'mue.csv'), 'mue.csv')).toThrowError(
      /mue\.csv \(line 7\): duplicate code 99213/,
    );
    expect(() => parseMue(readDelimited(`${base}"99215","3","7 x","y"\r\n`, 'mue.csv'), 'mue.csv')).toThrowError(
      /adjudication indicator "7 x"/,
    );
  });

  it('arbitrary text never escapes as anything but a CodesetError (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseMue(readDelimited(s, 'm.csv'), 'm.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(CodesetError);
        }
      }),
    );
  });
});

describe('NCCI add-on code edits', () => {
  it('reads edit types; CCCCC = no primary listed (type 2)', () => {
    const rows = parseAoc(readDelimited(fixtureText('ncci/AOC_V2024Q3-MCR.txt'), 'aoc.txt'), 'aoc.txt');
    expect(rows).toEqual([
      { addOn: '99292', primary: '99291', type: 1, editEffective: '2010-01-01', editDeletion: null },
      { addOn: '20930', primary: null, type: 2, editEffective: '2011-01-01', editDeletion: null },
    ]);
  });

  it('rejects an edit type of 4', () => {
    expect(() =>
      parseAoc(readDelimited('primary_code\tadd_on_code\taoc_edit_type\n99291\t99292\t4\n', 'a.tsv'), 'a.tsv'),
    ).toThrowError(/a\.tsv \(line 2\): AOC edit type "4"/);
  });
});

describe('NCCI add-on code edits (property)', () => {
  it('any generated add-on table reads back, CCCCC as null', () => {
    const code = fc.stringMatching(/^[0-9]{5}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, fc.option(code, { nil: null }), fc.constantFrom(1, 2, 3)), {
          minLength: 1,
          maxLength: 40,
        }),
        (rows) => {
          const text = [
            'Add-on Code\tPrimary Code\tAOC Edit Type',
            ...rows.map(([a, p, t]) => `${a}\t${p ?? 'CCCCC'}\t${t}`),
          ].join('\n');
          const parsed = parseAoc(readDelimited(text, 'a.txt'), 'a.txt');
          expect(parsed.map((r) => [r.addOn, r.primary, r.type])).toEqual(rows);
        },
      ),
    );
  });
});
