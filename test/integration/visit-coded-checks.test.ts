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
import type { Finding } from '../../lib/checks/schema';
import { readInputs } from '../../cli/io';
import { codesetsDir } from '../../cli/paths';

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

/** note id -> rule ids of the error findings its gold claim is expected to raise, and why. */
const KNOWN_ERRORS: Record<string, { rules: string[]; why: string }> = {
  '1478': { rules: ['ncci-ptp'], why: 'first-pass case without E/M modifiers: 99214 beside the tendon injection 20551 needs 25 (PTP edit, indicator 1)' },
  '1878': { rules: ['ncci-ptp'], why: 'the E/M has no modifiers recorded: preventive 99391 beside immunization administration 90460 needs 25 (PTP edit, indicator 1)' },
  '2453': { rules: ['global-surgery-em'], why: 'first-pass case without E/M modifiers: ED 99284 beside the simple repair 12002 (000-day global) needs 25 — the issue’s own example' },
};

interface GoldCase {
  note_id: string;
  sha1_of_transcription: string;
  codes: string[];
  em: { code: string; modifiers?: string[] } | null;
  procedures: { code: string; modifiers: string[]; units: number }[];
}

function goldClaim(c: GoldCase): string {
  const em = c.em ? [`${c.em.code}${(c.em.modifiers ?? []).map((m) => `-${m}`).join('')}`] : [];
  const procedures = c.procedures.map((p) => `${p.code}${p.modifiers.map((m) => `-${m}`).join('')}${p.units > 1 ? `x${p.units}` : ''}`);
  return [...c.codes, ...em, ...procedures].join(',');
}

describe.skipIf(!present)('visit-coded gold claims raise no unexpected error', () => {
  let pack: CodePack;
  let docs: { c: GoldCase; text: string }[];
  beforeAll(async () => {
    pack = loadPack((await compilePack(await readInputs([dir!]))).bytes);
    const cases = (JSON.parse(readFileSync(casesFile, 'utf8')) as { cases: GoldCase[] }).cases;
    const rows = Papa.parse<Record<string, string>>(gunzipSync(readFileSync(csvFile)).toString('utf8'), { header: true, skipEmptyLines: true }).data;
    const byId = new Map(rows.map((r) => [r.note_id ?? '', r.transcription ?? '']));
    docs = cases.map((c) => ({ c, text: byId.get(c.note_id) ?? '' }));
  }, 300_000);

  it('every gold claim is checked with its note; the error findings are exactly the known ones', () => {
    const rules = RULES.filter((r) => r.id !== 'release-does-not-cover-date');
    const errors: Record<string, Finding[]> = {};
    for (const { c, text } of docs) {
      expect(text.length, `note ${c.note_id}`).toBeGreaterThan(0);
      const claim = parseCodeList(goldClaim(c));
      expect(claim.unparsed, `note ${c.note_id}`).toEqual([]);
      const found = checkEncounter({ dateOfService: '2026-03-01', setting: 'office', ...claim, note: text }, pack, rules).filter((f) => f.severity === 'error');
      if (found.length) errors[c.note_id] = found;
    }
    const summary = Object.fromEntries(Object.entries(errors).map(([id, fs]) => [id, [...new Set(fs.map((f) => f.rule))].sort()]));
    const detail = Object.entries(errors).flatMap(([id, fs]) => fs.map((f) => `${id} ${f.rule}: ${f.message}`)).join('\n');
    expect(summary, detail).toEqual(Object.fromEntries(Object.entries(KNOWN_ERRORS).map(([id, k]) => [id, k.rules])));
    expect(docs.length).toBe(75);
  }, 300_000);
});
