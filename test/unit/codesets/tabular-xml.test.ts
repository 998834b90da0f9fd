import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTabularXml } from '../../../lib/codesets/icd10cm/tabular-xml';
import { CodesetError } from '../../../lib/codesets/errors';
import { fixtureText } from '../../helpers/fixtures';

const FILE = 'icd10cm_tabular_2026.xml';
const xml = fixtureText('fy2026/icd10cm_tabular_2026.xml');

describe('ICD-10-CM Tabular List XML', () => {
  const t = parseTabularXml(xml, FILE);

  it('reads version, chapters, sections and the diag tree in document order', () => {
    expect(t.version).toBe('2026');
    expect(t.chapters.map((c) => c.name)).toEqual(['4', '9', '14', '19', '21']);
    expect(t.chapters[0]!.sections[0]!.id).toBe('E08-E13');
    const e1122 = t.diags.find((d) => d.code === 'E11.22')!;
    expect(e1122).toMatchObject({ parent: 'E11.2', section: 'E08-E13', chapter: '4' });
    expect(t.diags.findIndex((d) => d.code === 'E11')).toBeLessThan(t.diags.findIndex((d) => d.code === 'E11.22'));
  });

  it('reads every note kind on the element that prints it', () => {
    const e11 = t.diags.find((d) => d.code === 'E11')!;
    expect(e11.notes.excludes1).toEqual(['type 1 diabetes mellitus (E10.-)']);
    expect(e11.notes.useAdditionalCode).toEqual(['code to identify control using:', 'insulin (Z79.4)']);
    expect(e11.notes.includes).toEqual(['diabetes NOS']);
    expect(t.diags.find((d) => d.code === 'E11.21')!.notes.inclusionTerm).toHaveLength(1);
    expect(t.diags.find((d) => d.code === 'N18')!.notes.codeFirst?.[0]).toMatch(/E11\.22/);
    expect(t.chapters[0]!.notes.excludes1).toEqual([
      'transitory endocrine and metabolic disorders specific to newborn (P70-P74)',
    ]);
    expect(t.chapters[3]!.notes.notes?.[0]).toMatch(/Chapter 20/);
  });

  it('reads sevenChrDef values and the sevenChrNote on the category', () => {
    const s52 = t.diags.find((d) => d.code === 'S52')!;
    expect(s52.sevenChrDef?.map((v) => v.char)).toEqual(['A', 'B', 'D', 'S']);
    expect(s52.notes.sevenChrNote?.[0]).toMatch(/7th character/);
    expect(t.diags.find((d) => d.code === 'S52.501')!.sevenChrDef).toBeUndefined();
  });

  it.each([
    ['truncated in the middle', xml.slice(0, Math.floor(xml.length / 2)), /(truncated XML|malformed XML)/],
    ['a wrong root element', xml.replace(/ICD10CM\.tabular/g, 'ICD10CM.index'), /expected root <ICD10CM\.tabular>/],
    ['a mismatched closing tag', xml.replace('</desc>\n      <diag>', '</dsc>\n      <diag>'), /malformed XML/],
    ['a duplicate code', xml.replace('<name>E10.9</name>', '<name>E11.9</name>'), /duplicate code E11\.9/],
    [
      'a name that is not a code',
      xml.replace('<name>I10</name>', '<name>hypertension</name>'),
      /"hypertension" is not an ICD-10-CM code/,
    ],
    ['a bad 7th-character value', xml.replace('char="A"', 'char="AA"'), /7th-character value "AA"/],
  ])('rejects %s with file and line', (_why, bad, message) => {
    let err: unknown;
    try {
      parseTabularXml(bad, FILE);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CodesetError);
    expect((err as CodesetError).message).toMatch(message);
    expect((err as CodesetError).line).toBeGreaterThan(0);
    expect((err as CodesetError).file).toBe(FILE);
  });

  it('any truncation of a valid file is rejected with a CodesetError, never a crash (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: xml.length - 20 }), (cut) => {
        expect(() => parseTabularXml(xml.slice(0, cut), FILE)).toThrowError(CodesetError);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips generated diag trees with notes (property)', () => {
    const noteArb = fc.stringMatching(/^[a-z][a-z ,()]{0,30}$/);
    const childArb = fc.record({
      suffix: fc.stringMatching(/^[0-9]$/),
      desc: noteArb,
      excl: fc.array(noteArb, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(childArb, { minLength: 1, maxLength: 8, selector: (c) => c.suffix }), (children) => {
        const body = children
          .map(
            (c) =>
              `<diag><name>K35.${c.suffix}</name><desc>${c.desc}</desc>${c.excl.length ? `<excludes1>${c.excl.map((n) => `<note>${n}</note>`).join('')}</excludes1>` : ''}</diag>`,
          )
          .join('');
        const doc = `<ICD10CM.tabular><version>2026</version><chapter><name>11</name><desc>d</desc><section id="K35-K38"><desc>s</desc><diag><name>K35</name><desc>Acute appendicitis</desc>${body}</diag></section></chapter></ICD10CM.tabular>`;
        const parsed = parseTabularXml(doc, FILE);
        expect(parsed.diags.slice(1).map((d) => [d.code, d.desc, d.parent, d.notes.excludes1 ?? []])).toEqual(
          children.map((c) => [
            `K35.${c.suffix}`,
            c.desc.replace(/\s+/g, ' ').trim(),
            'K35',
            c.excl.map((n) => n.replace(/\s+/g, ' ').trim()),
          ]),
        );
      }),
    );
  });
});
