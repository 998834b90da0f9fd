import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../lib/checks/registry';
import { EncounterSchema, type Finding } from '../../../lib/checks/schema';
import { familyOfCode } from '../../../lib/em/tables';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../../lib/suggest/analyze';
import { checkEncounter } from '../../helpers/check-encounter';
import { fixtureInputs } from '../../helpers/fixtures';

/*
 * Issue 16 item 2: no action proposes a code more severe than documented. Over every rule's
 * positive fixtures, each code an action names that is not on the claim (a proposal; a code the
 * action only says the next level "needs" is not one) is compared with the claim's codes of the same
 * condition. "More severe" here means, concretely:
 *   - CKD: a higher stage (N18.1 < N18.2 < N18.3x (3 unspecified < 3a < 3b) < N18.4 < N18.5 < N18.6);
 *   - hypertension: I10 < I11/I12 (with heart or kidney disease) < I13 (with both);
 *   - a "with" code of a category whose claimed code is "without" or "uncomplicated" (E11.9 -> E11.22,
 *     J44.9 -> J44.1), read from the pack's titles;
 *   - an injury's open-fracture 7th character for a closed one (A -> B/C, D -> E/F …);
 *   - E/M: a higher level of the same family than the claim's, or than the level the finding says
 *     the note supports — never allowed.
 * A more severe diagnosis is allowed only when documented: the note's own analysis reports it as
 * present, or the claim already holds what the combination code presumes (N18.- for I12/E1x.22,
 * I50.- for I11, both for I13). One more case is not a proposal of a more severe code: an action
 * that offers every replacement of a subdivided code for the coder to pick by the documentation
 * ("report the one the documentation supports: N18.30 …; N18.32 …", "report one of N18.30, N18.32")
 * when the choice includes one that is not more severe (N18.30, stage 3 unspecified, for N18.3).
 * Anything else is reported by rule and fixture.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ruleIds = readdirSync(path.join(root, 'lib/checks/rules'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const CODE = /\b(?:[A-TV-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?|\d{4}[0-9FTU]|[A-V]\d{4})\b/g;

/** Codes an action proposes: named, not on the claim, not only as what a higher level "needs". */
export function proposals(action: string, claim: string[]): string[] {
  const out = new Set<string>();
  for (const m of action.matchAll(CODE)) {
    const after = action.slice(m.index + m[0].length, m.index + m[0].length + 7);
    if (/^ needs\b/.test(after) || claim.includes(m[0])) continue;
    out.add(m[0]);
  }
  return [...out];
}

const CKD_RANK: Record<string, number> = {
  'N18.1': 1,
  'N18.2': 2,
  'N18.3': 3,
  'N18.30': 3,
  'N18.31': 3.1,
  'N18.32': 3.2,
  'N18.4': 4,
  'N18.5': 5,
  'N18.6': 6,
};
const htnRank = (c: string) => (c === 'I10' ? 0 : /^I1[12]\./.test(c) ? 1 : /^I13\./.test(c) ? 2 : undefined);
const WITHOUT = /\b(without|uncomplicated)\b/i;
const CLOSED = 'ADGKPS';
const OPEN = 'BCEFHJMNQR';

/** Why proposal p is a more severe reading than claim code c, or undefined. */
export function moreSevere(p: string, c: string, pack: CodePack): string | undefined {
  if (CKD_RANK[p] !== undefined && CKD_RANK[c] !== undefined && CKD_RANK[p]! > CKD_RANK[c]!)
    return `CKD stage ${p} above ${c}`;
  const hp = htnRank(p);
  const hc = htnRank(c);
  if (hp !== undefined && hc !== undefined && hp > hc) return `hypertension ${p} (with heart/kidney disease) for ${c}`;
  if (p.slice(0, 3) === c.slice(0, 3) && /^[A-Z]/.test(c)) {
    const tc = pack.codeInfo(c)?.title ?? '';
    const tp = pack.codeInfo(p)?.title ?? '';
    if (tc && tp && WITHOUT.test(tc) && !WITHOUT.test(tp)) return `"${tp}" (${p}) for "${tc}" (${c})`;
    if (
      /^[ST]/.test(c) &&
      p.length === 8 &&
      c.length === 8 &&
      p.slice(0, 7) === c.slice(0, 7) &&
      CLOSED.includes(c[7]!) &&
      OPEN.includes(p[7]!)
    )
      return `open fracture ${p} for closed ${c}`;
  }
  const fp = familyOfCode(p);
  const fc = familyOfCode(c);
  if (fp && fc && fp.family === fc.family && fp.rank > fc.rank) return `E/M ${p} above the claimed ${c}`;
  return undefined;
}

/** What the claim already holds that a combination code presumes (guidelines I.A.15, I.C.9.a). */
function presumedByClaim(p: string, claim: string[]): boolean {
  const has = (re: RegExp) => claim.some((c) => re.test(c));
  if (/^I12\./.test(p) || /^E(0[89]|1[013])\.22/.test(p)) return has(/^N18\./);
  if (/^I11\./.test(p)) return has(/^I50\./);
  if (/^I13\./.test(p)) return has(/^N18\./) && has(/^I5[01]\./);
  return false;
}

interface Case {
  name: string;
  pack?: string[];
  encounter: { note?: string; dateOfService: string; setting: 'office' | 'hospital' };
}

const packs = new Map<string, CodePack>();
async function packFor(dirs: string[] = ['fy2026', 'hcpcs', 'ncci']): Promise<CodePack> {
  const key = dirs.join(',');
  if (!packs.has(key)) packs.set(key, loadPack((await compilePack(fixtureInputs(...dirs))).bytes));
  return packs.get(key)!;
}

/** The more severe proposals of one finding that nothing documents. */
function undocumented(f: Finding, claim: string[], documented: Set<string>, pack: CodePack): string[] {
  const out: string[] = [];
  const supported = /the note supports (99\d{3})/.exec(f.message)?.[1];
  const proposed = proposals(f.action, claim);
  const choice = /\b(the one the documentation supports|one of)\b/i.test(f.action);
  for (const p of proposed) {
    if (supported) {
      const fp = familyOfCode(p);
      const fs = familyOfCode(supported);
      if (fp && fs && fp.family === fs.family && fp.rank > fs.rank)
        out.push(`${p}: E/M above the level the note supports (${supported})`);
    }
    for (const c of claim) {
      const why = moreSevere(p, c, pack);
      if (!why) continue;
      const milderOption =
        choice && proposed.some((q) => q !== p && q.slice(0, 3) === c.slice(0, 3) && !moreSevere(q, c, pack));
      if (familyOfCode(p)) out.push(why);
      else if (milderOption) continue;
      else if (!documented.has(p) && !presumedByClaim(p, claim)) out.push(`${why}, not documented`);
    }
  }
  return out;
}

describe('no action proposes a code more severe than documented (every rule, every positive fixture)', () => {
  it('the severity reading itself', async () => {
    const pack = await packFor();
    expect(moreSevere('N18.6', 'N18.32', pack)).toMatch(/CKD stage/);
    expect(moreSevere('N18.30', 'N18.32', pack)).toBeUndefined();
    expect(moreSevere('E11.22', 'E11.9', pack)).toMatch(/without complications/);
    expect(moreSevere('E11.9', 'E11.22', pack)).toBeUndefined();
    expect(moreSevere('I13.2', 'I10', pack)).toMatch(/hypertension/);
    expect(moreSevere('99215', '99213', pack)).toMatch(/E\/M 99215 above/);
    expect(moreSevere('99212', '99215', pack)).toBeUndefined();
    expect(proposals('Report 99212, or query: 99213 needs 20 minutes', ['99215'])).toEqual(['99212']);
    // What the per-rule tests would report.
    const finding = (message: string, action: string): Finding => ({
      rule: 'x',
      kind: 'conflict',
      severity: 'error',
      message,
      rationale: '',
      source: '',
      codes: [],
      evidence: [],
      action,
    });
    expect(undocumented(finding('', 'Replace N18.32 with N18.6.'), ['N18.32'], new Set(), pack)).toEqual([
      'CKD stage N18.6 above N18.32, not documented',
    ]);
    expect(undocumented(finding('', 'Replace N18.32 with N18.6.'), ['N18.32'], new Set(['N18.6']), pack)).toEqual([]);
    expect(undocumented(finding('', 'Replace E11.9 with E11.22.'), ['E11.9'], new Set(), pack)).toHaveLength(1);
    expect(undocumented(finding('', 'Replace E11.9 with E11.22.'), ['E11.9', 'N18.32'], new Set(), pack)).toEqual([]);
    expect(
      undocumented(finding('99213 is reported; the note supports 99212', 'Report 99214.'), ['99213'], new Set(), pack),
    ).toEqual(['99214: E/M above the level the note supports (99212)', 'E/M 99214 above the claimed 99213']);
  });

  it.each(ruleIds)('%s', async (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    const fixtures = JSON.parse(readFileSync(path.join(root, 'test/fixtures/rules', `${id}.json`), 'utf8')) as {
      positive: Case[];
    };
    const problems: string[] = [];
    for (const c of fixtures.positive) {
      const pack = await packFor(c.pack);
      const enc = EncounterSchema.parse(c.encounter);
      const claim = [...enc.diagnoses, ...enc.services].map((x) => x.code);
      const documented = new Set(
        enc.note === undefined
          ? []
          : new NoteAnalyzer(pack)
              .analyze(enc.note, { setting: enc.setting, dateOfService: enc.dateOfService })
              .suggestions.filter((s) => s.assertion === 'present')
              .map((s) => s.code),
      );
      for (const f of checkEncounter(c.encounter, pack, [rule])) {
        for (const p of undocumented(f, claim, documented, pack))
          problems.push(`${c.name}: ${p} — action "${f.action}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
