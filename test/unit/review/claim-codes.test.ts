import { beforeAll, describe, expect, it } from 'vitest';
import { checkEncounter } from '../../../lib/checks/engine';
import { readCodeList } from '../../../lib/claim/code-list';
import { parseCodeList } from '../../../lib/claim/parse-code-list';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { compilePack } from '../../../lib/pack/compile';
import {
  claimEncounter,
  claimLines,
  claimText,
  emptyReview,
  looksLikeCodes,
  modifiersOf,
  parseReview,
  readTypedCodes,
  reduceReview,
  type ReviewAction,
  type ReviewState,
} from '../../../lib/review';
import { fixtureInputs } from '../../helpers/fixtures';

let pack: CodePack;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026', 'hcpcs'))).bytes);
});

const DOS = '2026-03-01';

function review(actions: ReviewAction[]): ReviewState {
  let s = reduceReview(emptyReview(), { type: 'open-chart', key: 'c1', banner: {} }).state;
  for (const a of actions) s = reduceReview(s, a).state;
  return s;
}

/** What `check --codes` answers for a list, and what the panel answers for its review (rule + message). */
const cliFindings = (list: string) =>
  checkEncounter({ dateOfService: DOS, setting: 'office', ...parseCodeList(list) }, pack).map(
    (f) => `${f.rule}: ${f.message}`,
  );
const panelFindings = (state: ReviewState) =>
  checkEncounter({ dateOfService: DOS, setting: 'office', ...claimEncounter(state) }, pack).map(
    (f) => `${f.rule}: ${f.message}`,
  );

describe('the review claim goes through the shared code-list parser', () => {
  const base: ReviewAction[] = [
    { type: 'add', code: 'E11.22', system: 'ICD-10-CM' },
    { type: 'add', code: 'I10', system: 'ICD-10-CM' },
    { type: 'em', code: '99214', offered: '99214' },
    { type: 'add', code: '20610', system: 'CPT', modifiers: ['RT'], units: 2 },
  ];

  it('writes the claim as the list check takes, and reads it back to the same lines', () => {
    const state = review([...base, { type: 'edit-service', code: '99214', patch: { modifiers: ['25'] } }]);
    expect(claimText(state)).toBe('E11.22 I10 99214-25 20610-RTx2');
    const read = claimEncounter(state);
    expect(read.unparsed).toEqual([]);
    // The same lines the review holds (what claimLines gave the checks before).
    const lines = claimLines(state);
    expect(read.diagnoses.map((d) => [d.code, d.line])).toEqual(lines.diagnoses.map((d) => [d.code, d.line]));
    expect(read.services).toEqual(lines.services);
  });

  it('a typed modifier that is not one is the finding check gives for the same list', () => {
    const state = review([...base, { type: 'edit-service', code: '99214', patch: { modifiers: ['ZZ'] } }]);
    const panel = panelFindings(state);
    expect(panel).toEqual(cliFindings('E11.22 I10 99214-ZZ 20610-RTx2'));
    expect(panel).toContainEqual(
      expect.stringMatching(/^unparseable-code: "99214-ZZ" \(entry 3\).*modifier "ZZ" is not a CPT or HCPCS/),
    );
    // Before: the claim reached the checks without the parser, and the bad modifier passed silently.
    const unparsedRule = checkEncounter(
      { dateOfService: DOS, setting: 'office', ...claimLines(state), unparsed: [] },
      pack,
    );
    expect(unparsedRule.map((f) => f.rule)).not.toContain('unparseable-code');
  });

  it('a clean claim gives no parser finding', () => {
    const state = review([...base, { type: 'edit-service', code: '99214', patch: { modifiers: ['25'] } }]);
    expect(panelFindings(state).filter((f) => f.startsWith('unparseable-code'))).toEqual([]);
  });

  it('modifiers typed "25 59", "25,59" or "25-59" are two modifiers; a bad one is kept for the parser to report', () => {
    expect(modifiersOf('25 59')).toEqual(['25', '59']);
    expect(modifiersOf('25,59')).toEqual(['25', '59']);
    expect(modifiersOf(' 25-rt ')).toEqual(['25', 'RT']);
    expect(modifiersOf('')).toEqual([]);
    expect(modifiersOf('zz')).toEqual(['ZZ']);
  });

  it('a review with a mistyped modifier still saves and restores (it is reported, not a broken review)', () => {
    const state = review([
      ...base,
      { type: 'edit-service', code: '99214', patch: { modifiers: modifiersOf('2559 25 59 XS RT') } },
    ]);
    expect(parseReview(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});

describe('codes typed in the panel are read as export reads them', () => {
  it('a clean list: every code, with its modifiers and units, and no problem', () => {
    const r = readTypedCodes('E11.22, "I10" 99214-25 J1885x2', pack, DOS);
    expect(r.problems).toEqual([]);
    expect(r.codes).toEqual([
      { code: 'E11.22', system: 'ICD-10-CM', modifiers: [], units: 1 },
      { code: 'I10', system: 'ICD-10-CM', modifiers: [], units: 1 },
      { code: '99214', system: 'CPT', modifiers: ['25'], units: 1 },
      { code: 'J1885', system: 'HCPCS', modifiers: [], units: 2 },
    ]);
  });

  it('a missing dot, a header, an unknown code, a doubled dot: the messages export gives, nothing added', () => {
    const list = 'E1122 E11 Z99.999 E11..22';
    const r = readTypedCodes(list, pack, DOS);
    expect(r.codes).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual(readCodeList(list, pack, DOS).problems.map((p) => p.message));
    const by = (entry: string) => r.problems.find((p) => p.entry === entry);
    expect(by('E1122')).toMatchObject({ meant: 'E11.22', message: expect.stringMatching(/did you mean E11\.22/) });
    expect(by('E11')).toMatchObject({ kind: 'header', message: expect.stringMatching(/^E11 is a header in FY2026/) });
    expect(by('Z99.999')).toMatchObject({
      kind: 'unknown',
      message: expect.stringMatching(/^Z99\.999 is not an ICD-10-CM code in FY2026/),
    });
    expect(by('E11..22')).toMatchObject({ kind: 'shape', meant: 'E11.22' });
  });

  it('only the entries with a problem are held back', () => {
    const r = readTypedCodes('E11.22 E11 99214-ZZ I10', pack, DOS);
    expect(r.codes.map((c) => c.code)).toEqual(['E11.22', 'I10']);
    expect(r.problems.map((p) => p.entry)).toEqual(['99214-ZZ', 'E11']);
  });

  it('the search box reads codes, not words', () => {
    for (const q of ['E11.9', 'E11', 'E1122', '99213', 'J1100', 'E11.22, I10 99214-25'])
      expect(looksLikeCodes(q), q).toBe(true);
    for (const q of ['diabetes', 'type 2 diabetes', 'heart failure E11', '', '  '])
      expect(looksLikeCodes(q), q).toBe(false);
  });

  it('a code added as typed keeps its modifiers and units and says so in the trail', () => {
    const step = reduceReview(review([]), {
      type: 'add',
      code: '20610',
      system: 'CPT',
      modifiers: ['RT'],
      units: 2,
      typed: true,
    });
    expect(step.state.services).toEqual([{ code: '20610', modifiers: ['RT'], units: 2 }]);
    expect(step.events).toEqual([{ kind: 'accepted', code: '20610', detail: 'typed in the search' }]);
    const picked = reduceReview(review([]), { type: 'add', code: 'E11.9', system: 'ICD-10-CM' });
    expect(picked.events[0]!.detail).toBe('added from search');
  });
});
