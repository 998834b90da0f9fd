import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHcpcsFixedWidth, parseHcpcsJson, parseHcpcsTable } from '../../../lib/codesets/hcpcs/hcpcs';
import { readXlsx } from '../../../lib/codesets/tables';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';
import { xlsxBytes } from '../../helpers/xlsx';

describe('HCPCS Level II', () => {
  it('reads the ANWEB fixed-width text, joining continuation lines and skipping modifiers', () => {
    const recs = parseHcpcsFixedWidth(fixtureText('hcpcs/HCPC2026_JAN_ANWEB.txt'), 'HCPC2026_JAN_ANWEB.txt');
    expect(recs.map((r) => r.code)).toEqual(['G0439', 'J3490', 'J1885', 'J0697', 'J0618', 'J0620', 'J0696']);
    expect(recs[2]!.long).toBe('Injection, ketorolac tromethamine, per 15 mg');
    expect(recs[0]!.long).toBe(
      'Annual wellness visit, includes a personalized prevention plan of service (pps), subsequent visit',
    );
    expect(recs[0]!.short).toBe('Ppps, subseq visit');
  });

  it('rejects a fixed-width line in another layout', () => {
    expect(() => parseHcpcsFixedWidth('G0439,Annual wellness visit\n', 'h.txt')).toThrowError(
      /h\.txt \(line 1\): not the HCPCS ANWEB record layout/,
    );
  });

  it('reads the ANWEB workbook with coverage and dates', () => {
    const bytes = xlsxBytes([
      [
        'HCPC',
        'SEQNUM',
        'RECID',
        'LONG DESCRIPTION',
        'SHORT DESCRIPTION',
        'COV',
        'TOS1',
        'ADD DT',
        'ACT EFF DT',
        'TERM DT',
        'ACTION CD',
      ],
      [
        'A4397',
        '00100',
        '3',
        'Irrigation supply; sleeve, each',
        'Irrigation supply sleeve',
        'I',
        'P',
        '19880101',
        '20220101',
        '20211231',
        'D',
      ],
      [
        'G0439',
        '00100',
        '3',
        'Annual wellness visit, includes a personalized prevention plan of service (pps),',
        'Ppps, subseq visit',
        'C',
        '1',
        '20110101',
        '20110101',
        '',
        'N',
      ],
      ['G0439', '00200', '4', 'subsequent visit', '', '', '', '', '', '', ''],
    ]);
    const recs = parseHcpcsTable(readXlsx(bytes, 'HCPC2026_JAN_ANWEB.xlsx'), 'HCPC2026_JAN_ANWEB.xlsx');
    expect(recs[0]).toMatchObject({ code: 'A4397', cov: 'I', termDate: '2021-12-31', addDate: '1988-01-01' });
    expect(recs[1]!.long).toMatch(/\(pps\), subsequent visit$/);
  });

  it('reads the JSON extraction and validates its shape', () => {
    const j = parseHcpcsJson(
      JSON.stringify({
        version: '2026-Q1-JAN',
        codes: [
          {
            code: 'G2211',
            longDesc: 'Visit complexity inherent to e/m',
            shortDesc: 'Complex e/m visit add on',
            cov: 'C',
            addDate: '20210101',
          },
        ],
      }),
      'h.json',
    );
    expect(j.version).toBe('2026-Q1-JAN');
    expect(j.records[0]).toMatchObject({ code: 'G2211', addDate: '2021-01-01' });
    expect(() => parseHcpcsJson('{"version":"x","codes":[{"code":"G2211"}]}', 'h.json')).toThrowError(
      /h\.json \(element <codes\.0\.longDesc>\)/,
    );
    expect(() => parseHcpcsJson('{"version":', 'h.json')).toThrowError(/not valid JSON/);
    expect(() =>
      parseHcpcsJson(
        JSON.stringify({ version: 'v', codes: [1, 2].map(() => ({ code: 'G2211', longDesc: 'a', shortDesc: 'b' })) }),
        'h.json',
      ),
    ).toThrowError(/duplicate code G2211/);
  });

  it('any set of distinct codes written as fixed width reads back (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.stringMatching(/^[A-V][0-9]{4}$/), fc.stringMatching(/^[A-Za-z][A-Za-z ,]{0,70}[a-z]$/)),
          { minLength: 1, maxLength: 20, selector: (t) => t[0] },
        ),
        (rows) => {
          const text = rows
            .map(([c, d]) => `${c}00100${'3'}${d.padEnd(80)}${d.slice(0, 28).padEnd(28)}`.padEnd(320))
            .join('\r\n');
          const parsed = parseHcpcsFixedWidth(text, 'p.txt');
          expect(parsed.map((r) => [r.code, r.long])).toEqual(rows.map(([c, d]) => [c, d.trim()]));
        },
      ),
    );
  });

  it('never throws anything but a CodesetError on arbitrary JSON-ish text (property)', () => {
    fc.assert(
      fc.property(fc.json(), (s) => {
        try {
          parseHcpcsJson(s, 'p.json');
        } catch (e) {
          expect(e).toBeInstanceOf(CodesetError);
        }
      }),
    );
  });
});
