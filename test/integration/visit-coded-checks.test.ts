import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import Papa from 'papaparse';
import { compilePack } from '../../lib/pack/compile';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
import { checkEncounter } from '../helpers/check-encounter';
import { parseCodeList } from '../../lib/claim/parse-code-list';
import { RULES } from '../../lib/checks/registry';
import { feeScheduleOf } from '../../lib/checks/fee-schedule';
import { readInputs } from '../../cli/io';
import { codesetsDir } from '../../cli/paths';
import { boundedFflate, readHeader, type Inflate } from '../../lib/pack/container';
import { ANALYSIS_OMITS } from '../../lib/pack/load-order';
import { NoteAnalyzer } from '../../lib/suggest/analyze';

/*
 * The hand-coded visit notes (../shared/data/notes/visit-coded) with their gold codes as the claim:
 * diagnoses in claim order, the E/M with the modifiers the coder recorded, the procedures with
 * modifiers and units. Date of service in FY2026 (the release the coders used), office rules
 * (Section IV for every professional service, as they coded). A check a coder would trust raises
 * no error on a correct claim: the only errors allowed are listed below, each with why the gold
 * claim itself is incomplete.
 */
const dir = codesetsDir();
const casesFile = dir ? path.join(dir, '../notes/visit-coded/cases.json') : '';
const csvFile = dir ? path.join(dir, '../notes/mtsamples/mtsamples.csv.gz') : '';
const present = Boolean(dir && existsSync(path.join(dir, 'ncci')) && existsSync(casesFile) && existsSync(csvFile));
if (!present) console.warn('\n!!! SKIPPING the visit-coded gold-claim checks: no shared release or notes folder !!!\n');

/*
 * What the gold records of the E/M: `em` is {code, basis, also_acceptable, mdm} (the folder's
 * README); some coders add the E/M line's `modifiers`, others never do. Where the field is absent
 * the claim's E/M modifiers are unknown, not "none". Every gold claim that does record them puts
 * 25 on an E/M beside a 000/010-day procedure (31575, 92511), which is what the NCCI Policy Manual
 * requires for the E/M to be reported at all (Chapter I §D and §E.b: minor procedures, and
 * Chapter XI §B.14-15: immunization administration). So a claim whose E/M modifiers were not
 * recorded may raise the one finding that asks for 25 on its E/M line — and nothing else: with 25
 * appended, as a coder would send it, it must raise no error at all. These are counted and listed
 * here, each with what in the note makes the E/M separately identifiable (25, not removal).
 */
const EM_MODIFIER_RULES = ['ncci-ptp', 'global-surgery-em'];
const MODIFIERS_NOT_RECORDED: Record<string, string> = {
  '1478':
    'coder-0 first pass: lupus follow-up (Plaquenil, eye report, hair loss, CBC and urinalysis, methotrexate considered) beside both-elbow injections 20551 (PTP edit 20551/99214, indicator 1)',
  '1878':
    'coder-4: well-child visit 99391 beside immunization administration with counseling 90460 (PTP edit 90460/99391, indicator 1); a preventive visit is distinct from giving the vaccine',
  '2453':
    'coder-0 first pass: ED visit for a fist-through-glass injury (fracture and foreign body excluded by x-ray, possible human bite treated with Augmentin) beside the simple repair 12002 (000-day global, no PTP edit for ED visits)',
};

interface GoldCase {
  note_id: string;
  sha1_of_transcription: string;
  codes: string[];
  em: { code: string; modifiers?: string[] } | null;
  procedures: { code: string; modifiers: string[]; units: number }[];
}

/** The gold codes as a claim; `emModifiers` stand in for E/M modifiers the gold does not record. */
function goldClaim(c: GoldCase, emModifiers: string[] = []): string {
  const em = c.em ? [`${c.em.code}${(c.em.modifiers ?? emModifiers).map((m) => `-${m}`).join('')}`] : [];
  const procedures = c.procedures.map(
    (p) => `${p.code}${p.modifiers.map((m) => `-${m}`).join('')}${p.units > 1 ? `x${p.units}` : ''}`,
  );
  return [...c.codes, ...em, ...procedures].join(',');
}

describe.skipIf(!present)('visit-coded gold claims raise no unexpected error', () => {
  let bytes: Uint8Array;
  let pack: CodePack;
  let docs: { c: GoldCase; text: string }[];
  beforeAll(async () => {
    bytes = (await compilePack(await readInputs([dir!]))).bytes;
    pack = loadPack(bytes);
    const cases = (JSON.parse(readFileSync(casesFile, 'utf8')) as { cases: GoldCase[] }).cases;
    const rows = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(csvFile)).toString('utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const byId = new Map(rows.map((r) => [r.note_id ?? '', r.transcription ?? '']));
    docs = cases.map((c) => ({ c, text: byId.get(c.note_id) ?? '' }));
  }, 300_000);

  it('a gold claim raises no error, except the E/M modifier 25 where the gold does not record E/M modifiers', () => {
    const rules = RULES.filter((r) => r.id !== 'release-does-not-cover-date');
    const errorsOf = (c: GoldCase, text: string, emModifiers?: string[]) => {
      const claim = parseCodeList(goldClaim(c, emModifiers));
      expect(claim.unparsed, `note ${c.note_id}`).toEqual([]);
      return checkEncounter(
        { dateOfService: '2026-03-01', setting: 'office', ...claim, note: text },
        pack,
        rules,
      ).filter((f) => f.severity === 'error');
    };
    const unexpected: string[] = [];
    const asksFor25: string[] = [];
    for (const { c, text } of docs) {
      expect(text.length, `note ${c.note_id}`).toBeGreaterThan(0);
      const found = errorsOf(c, text);
      if (found.length === 0) continue;
      const em = c.em;
      const only25 =
        em !== null &&
        em.modifiers === undefined &&
        found.every(
          (f) => EM_MODIFIER_RULES.includes(f.rule) && f.codes.includes(em.code) && /\b25\b/.test(f.action),
        ) &&
        errorsOf(c, text, ['25']).length === 0;
      if (only25) asksFor25.push(c.note_id);
      else unexpected.push(...found.map((f) => `${c.note_id} ${f.rule}: ${f.message}`));
    }
    expect(unexpected).toEqual([]);
    expect(asksFor25.sort()).toEqual(Object.keys(MODIFIERS_NOT_RECORDED).sort());
    expect(docs.length).toBe(75);
  }, 300_000);

  it('the gold claims that do record E/M modifiers put 25 beside every minor procedure (the reading above)', () => {
    const recorded = docs.filter(({ c }) => c.em?.modifiers !== undefined && c.procedures.length > 0);
    expect(recorded.length).toBeGreaterThan(0);
    for (const { c } of recorded) {
      const minor = c.procedures.filter((p) => ['000', '010'].includes(feeScheduleOf(p.code)?.globalPeriod ?? ''));
      if (minor.length) expect(c.em!.modifiers, `note ${c.note_id}`).toContain('25');
    }
  });
  it("the background's analysis copy: the pack stores last the sections analysis never reads, and analysing every note reads none of them", () => {
    // What utils/native-inflate.ts does with ANALYSIS_OMITS: bytes past the last other section never arrive.
    const { header, base } = readHeader(bytes);
    const omitted = header.sections.filter((s) => ANALYSIS_OMITS.test(s.name));
    const kept = header.sections.filter((s) => !ANALYSIS_OMITS.test(s.name));
    expect(omitted.map((s) => s.name)).toEqual(expect.arrayContaining(['index', 'ptp.rows']));
    const cut = base + Math.max(...kept.map((s) => s.offset + s.length));
    expect(Math.min(...omitted.map((s) => base + s.offset))).toBeGreaterThanOrEqual(cut);
    const prefix = new Uint8Array(bytes.length);
    prefix.set(bytes.subarray(0, cut));
    const asked: number[] = [];
    const inflate: Inflate = (data, max) => {
      if (data.byteOffset >= cut) {
        asked.push(data.byteOffset);
        throw new Error('not read');
      }
      return boundedFflate(data, max);
    };
    inflate.verified = (data) => data.byteOffset >= cut;
    const analyzer = new NoteAnalyzer(loadPack(prefix, 'analysis copy', inflate));
    for (const { c, text } of docs) {
      const analysis = analyzer.analyze(text, { setting: 'office', dateOfService: '2026-11-01' });
      expect(analysis.suggestions.length, `note ${c.note_id}`).toBeGreaterThan(0);
    }
    expect(asked).toEqual([]);
    // The same request on a section past the cut is refused, never answered from missing bytes.
    expect(() => loadPack(prefix, 'analysis copy', inflate).ptpEdits('12002', '99213')).toThrow();
  }, 300_000);
});
