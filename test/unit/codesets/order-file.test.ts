import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCodesFile, parseOrderFile } from '../../../lib/codesets/icd10cm/order-file';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';

const FILE = 'icd10cm_order_2026.txt';

function orderLine(n: number, code: string, billable: boolean, short: string, long: string): string {
  return `${String(n).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${short.padEnd(60)} ${long}`;
}

describe('ICD-10-CM order file (CMS fixed width)', () => {
  it('reads the fixture: dotted codes, billable flags, both titles', () => {
    const recs = parseOrderFile(fixtureText('fy2026/icd10cm_order_2026.txt'), FILE);
    expect(recs).toHaveLength(47);
    const e1122 = recs.find((r) => r.code === 'E11.22')!;
    expect(e1122).toMatchObject({
      billable: true,
      long: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
      order: 10,
    });
    expect(recs.find((r) => r.code === 'E11')!.billable).toBe(false);
    expect(recs.find((r) => r.code === 'S52.501A')!.short).toBe('Unsp fx the low end r rad, init for clos fx');
  });

  it.each([
    ['a shifted flag column', '00001 E119     1 Type 2 diabetes mellitus without complications                 x'],
    ['a missing order number', 'E119    1 Type 2 diabetes mellitus'],
    ['a comma-separated row', '00001,E119,1,Type 2,Type 2 diabetes'],
    ['a flag that is not 0/1', orderLine(1, 'E119', true, 'a', 'b').replace(' 1 a', ' 7 a')],
  ])('rejects %s with the file and line', (_why, bad) => {
    const text = `${orderLine(1, 'A00', false, 'Cholera', 'Cholera')}\r\n${bad}\r\n`;
    expect(() => parseOrderFile(text, FILE)).toThrowError(CodesetError);
    expect(() => parseOrderFile(text, FILE)).toThrowError(/icd10cm_order_2026\.txt \(line 2\)/);
  });

  it('rejects duplicate codes, naming both lines', () => {
    const text = [
      orderLine(1, 'I10', true, 'HTN', 'Essential (primary) hypertension'),
      orderLine(2, 'I10', true, 'HTN', 'again'),
    ].join('\r\n');
    expect(() => parseOrderFile(text, FILE)).toThrowError(/line 2.*duplicate code I10 \(first seen on line 1\)/);
  });

  it('rejects an empty file', () => {
    expect(() => parseOrderFile('', FILE)).toThrowError(/empty/);
  });

  it('round-trips any well-formed record (property)', () => {
    const codeArb = fc.stringMatching(/^[A-Z][0-9][0-9A-Z]([0-9A-Z]{0,4})$/);
    const titleArb = fc.stringMatching(/^[A-Za-z0-9(),' -]{1,60}$/).map((s) => s.trim() || 'x');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(codeArb, fc.boolean(), titleArb, titleArb), {
          minLength: 1,
          maxLength: 30,
          selector: (t) => t[0],
        }),
        (rows) => {
          const text = rows.map(([c, b, s, l], i) => orderLine(i + 1, c, b, s, l)).join('\r\n');
          const parsed = parseOrderFile(text, FILE);
          expect(parsed.map((r) => [r.code.replace('.', ''), r.billable, r.short, r.long])).toEqual(
            rows.map(([c, b, s, l]) => [c, b, s.trimEnd(), l.trim()]),
          );
        },
      ),
    );
  });

  it('never throws anything but a CodesetError on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          parseOrderFile(s, FILE);
        } catch (e) {
          expect(e).toBeInstanceOf(CodesetError);
        }
      }),
    );
  });
});

describe('ICD-10-CM valid-codes file', () => {
  it('reads billable codes with long titles', () => {
    const recs = parseCodesFile(fixtureText('fy2026/icd10cm_codes_2026.txt'), 'codes.txt');
    expect(recs.map((r) => r.code)).toContain('S52.501A');
    expect(recs).toHaveLength(25);
  });

  it('rejects a line that is not code + title', () => {
    expect(() => parseCodesFile('A000    Cholera\n!!! nope\n', 'codes.txt')).toThrowError(/codes\.txt \(line 2\)/);
  });
});

describe('ICD-10-CM valid-codes file (property)', () => {
  it('round-trips any set of distinct codes and titles', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.stringMatching(/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/),
            fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,()-]{0,80}$/),
          ),
          {
            minLength: 1,
            maxLength: 30,
            selector: (t) => t[0],
          },
        ),
        (rows) => {
          const text = rows.map(([c, t]) => `${c.padEnd(7)} ${t}`).join('\r\n');
          expect(parseCodesFile(text, 'c.txt').map((r) => [r.code.replace('.', ''), r.long])).toEqual(
            rows.map(([c, t]) => [c, t.trim()]),
          );
        },
      ),
    );
  });
});
