import { beforeAll, describe, expect, it } from 'vitest';
import { readCodeList } from '../../../lib/claim/code-list';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { fixtureInputs } from '../../helpers/fixtures';

describe('strict code list (shape, unknown, header, did you mean)', () => {
  let pack: CodePack;
  beforeAll(async () => {
    pack = loadPack((await compilePack(fixtureInputs('fy2026', 'hcpcs'))).bytes);
  });

  it('a clean list has no problems and keeps claim order', () => {
    const r = readCodeList('E11.22, "I10" 99214-25 J1885x2', pack, '2026-03-01');
    expect(r.problems).toEqual([]);
    expect(r.diagnoses.map((d) => d.code)).toEqual(['E11.22', 'I10']);
    expect(r.services.map((s) => [s.code, s.modifiers, s.units])).toEqual([
      ['99214', ['25'], 1],
      ['J1885', [], 2],
    ]);
  });

  it('every bad entry is a problem with why, and the code meant when the pack has it', () => {
    const r = readCodeList('E11..22,99214-ZZZ,E1122,XYZ123,hello,Z99.999,E11,<img>', pack, '2026-03-01');
    const by = (entry: string) => r.problems.find((p) => p.entry === entry);
    expect(by('E11..22')).toMatchObject({ kind: 'shape' });
    expect(by('99214-ZZZ')).toMatchObject({ kind: 'shape', message: expect.stringMatching(/modifier "ZZZ"/) });
    expect(by('E1122')).toMatchObject({ meant: 'E11.22', message: expect.stringMatching(/did you mean E11\.22/) });
    expect(by('XYZ123')).toMatchObject({ kind: 'shape' });
    expect(by('hello')).toMatchObject({ kind: 'shape' });
    expect(by('IMG')).toMatchObject({ kind: 'unknown' });
    expect(by('Z99.999')).toMatchObject({
      kind: 'unknown',
      message: expect.stringMatching(/^Z99\.999 is not an ICD-10-CM code in FY2026/),
    });
    expect(by('E11')).toMatchObject({
      kind: 'header',
      message: expect.stringMatching(/^E11 is a header in FY2026, not billable: report a more specific code \(E11\.9/),
    });
    expect(r.problems).toHaveLength(8);
  });

  it('an unknown code names the nearest billable codes above it', () => {
    const r = readCodeList('E11.299', pack);
    expect(r.problems[0]).toMatchObject({ kind: 'unknown', message: expect.stringMatching(/did you mean/) });
  });
});
