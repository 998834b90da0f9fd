import { beforeAll, describe, expect, it } from 'vitest';
import { inSpotAuditSample, spotAudit } from '../../../lib/audit/spot-audit';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../../lib/suggest/analyze';
import { fixtureInputs } from '../../helpers/fixtures';

let pack: CodePack;
let analyzer: NoteAnalyzer;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2026'))).bytes);
  analyzer = new NoteAnalyzer(pack);
});
const NOTE = 'Assessment: Type 2 diabetes with stage 3b CKD. Essential hypertension.';
const opts = { dateOfService: '2026-03-01', setting: 'office' as const };

describe('compliance spot-audit of one chart', () => {
  it('billed as documented: supported, nothing missed, high score', () => {
    const r = spotAudit('c1', NOTE, 'E11.22, N18.32, I12.9', pack, analyzer, opts);
    expect(r.unsupported).toEqual([]);
    expect(r.supported).toEqual(['E11.22', 'N18.32', 'I12.9']);
    expect(r.score).toBeGreaterThanOrEqual(80);
  });

  it('a billed code the note does not support, and a documented condition not billed', () => {
    const r = spotAudit('c2', NOTE, 'E11.22, S52.501A', pack, analyzer, opts);
    expect(r.unsupported).toEqual(['S52.501A']);
    expect(r.missed.map((m) => m.code)).toContain('N18.32');
    expect(r.score).toBeLessThan(80);
  });

  it('conflicts and gaps come from the checks engine (a header code is invalid)', () => {
    const r = spotAudit('c3', NOTE, 'E11, N18.32', pack, analyzer, opts);
    expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
  });
});

describe('what the audit passes on and reports', () => {
  it('entries that are not codes as written reach the checks engine: one unparseable-code finding each', () => {
    const r = spotAudit('c4', NOTE, 'E11.22, N18.32, ZZZZZ, E11..22, I12.9', pack, analyzer, opts);
    const unparsed = r.findings.filter((f) => f.rule === 'unparseable-code');
    expect(unparsed.map((f) => f.message.match(/^"([^"]+)"/)?.[1])).toEqual(['ZZZZZ', 'E11..22']);
    expect(unparsed.find((f) => f.message.startsWith('"E11..22"'))?.action).toMatch(/E11\.22/);
    expect(r.billed).toEqual(['E11.22', 'N18.32', 'I12.9']);
  });

  it('names the ICD-10-CM release the chart was read with; no HCC without a mapping in the pack', () => {
    const r = spotAudit('c5', NOTE, 'E11.22', pack, analyzer, opts);
    expect(r.icdRelease).toBe('FY2026');
    expect(r.hcc).toEqual([]);
  });
});

describe('random sampling of reviews', () => {
  it('is reproducible and close to the rate', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `review-${i}`);
    const picked = ids.filter((id) => inSpotAuditSample(id, 10));
    expect(picked.length / ids.length).toBeGreaterThan(0.08);
    expect(picked.length / ids.length).toBeLessThan(0.12);
    expect(ids.filter((id) => inSpotAuditSample(id, 10))).toEqual(picked);
    expect(ids.some((id) => inSpotAuditSample(id, 0))).toBe(false);
    expect(ids.every((id) => inSpotAuditSample(id, 100))).toBe(true);
  });
});
