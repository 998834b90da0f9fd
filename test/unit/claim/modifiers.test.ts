import { beforeAll, describe, expect, it } from 'vitest';
import { parseCodeList } from '../../../lib/claim/parse-code-list';
import { readCodeList } from '../../../lib/claim/code-list';
import { isKnownModifier } from '../../../lib/claim/modifiers';
import { RULES } from '../../../lib/checks/registry';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { checkEncounter } from '../../helpers/check-encounter';
import { fixtureInputs } from '../../helpers/fixtures';

/*
 * Issue 13 (strict input): a two-character entry after a code that is no CPT or HCPCS Level II
 * modifier (99214-ZZ) is not read as a modifier: the entry becomes a finding in `check`/`audit` and a
 * problem that refuses `export`, like every other entry that is not a code as written.
 */
describe('unknown modifiers', () => {
  let pack: CodePack;
  beforeAll(async () => {
    pack = loadPack((await compilePack(fixtureInputs('fy2026', 'hcpcs', 'ncci'))).bytes);
  });

  it('knows the CPT and HCPCS Level II modifiers a claim carries, and not made-up ones', () => {
    for (const m of [
      '25',
      '59',
      '50',
      'RT',
      'LT',
      'XS',
      'XU',
      'TC',
      'GT',
      'JW',
      'JZ',
      'KX',
      'GA',
      'FS',
      '95',
      '93',
      'P1',
      'RH',
      'QW',
      'E4',
      'FA',
      'T9',
      'A1',
    ])
      expect(isKnownModifier(m), m).toBe(true);
    for (const m of ['ZZ', '00', '01', '49', 'XA', 'YY', 'P7', 'OO']) expect(isKnownModifier(m), m).toBe(false);
  });

  it('99214-ZZ is not read as a service line, and says which modifier', () => {
    const r = parseCodeList('E11.22,99214-ZZ,20610-RT,99213-25-ZZ');
    expect(r.services.map((s) => `${s.code}-${s.modifiers.join('-')}`)).toEqual(['20610-RT']);
    expect(r.unparsed).toEqual([
      { text: '99214-ZZ', position: 2, reason: 'modifier "ZZ" is not a CPT or HCPCS Level II modifier' },
      { text: '99213-25-ZZ', position: 4, reason: 'modifier "ZZ" is not a CPT or HCPCS Level II modifier' },
    ]);
  });

  it('check: all 5 entries of "E11..22,99214-ZZ,E1122,XYZ123,hello" get a finding, 99214-ZZ a clear one', () => {
    const list = 'E11..22,99214-ZZ,E1122,XYZ123,hello';
    const findings = checkEncounter(
      { dateOfService: '2026-03-01', setting: 'office', ...parseCodeList(list) },
      pack,
      RULES.filter((r) => r.id !== 'release-does-not-cover-date'),
    );
    for (const entry of list.split(','))
      expect(
        findings.some((f) => f.message.includes(entry)),
        entry,
      ).toBe(true);
    expect(findings.find((f) => f.message.includes('99214-ZZ'))).toMatchObject({
      rule: 'unparseable-code',
      severity: 'error',
      codes: ['99214'],
      message: '"99214-ZZ" (entry 2) is not read as a code: modifier "ZZ" is not a CPT or HCPCS Level II modifier',
      action: 'Correct ZZ on 99214 to the modifier the record supports, or report 99214 without it.',
    });
  });

  it('export and the batch audit (readCodeList) refuse it as a problem', () => {
    const r = readCodeList('E11.22,99214-ZZ', pack, '2026-03-01');
    expect(r.problems).toEqual([
      {
        entry: '99214-ZZ',
        kind: 'shape',
        message: '"99214-ZZ" is not a code as written: modifier "ZZ" is not a CPT or HCPCS Level II modifier',
      },
    ]);
    expect(readCodeList('E11.22,99214-25,20610-XS,J1885-JW', pack, '2026-03-01').problems).toEqual([]);
  });
});
