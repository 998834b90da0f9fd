import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditCommand, parseShard } from '../../../cli/commands/audit';
import { buildPack } from '../../../cli/commands/codeset-build';
import { claimsFromGold, parseClaimsCsv } from '../../../lib/audit/claims';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

describe('batch audit CLI (worker threads, fixture pack)', () => {
  it('audits every chart on 2 workers and writes findings.csv, charts.csv, summary.json and an offline report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-audit-'));
    const pack = path.join(dir, 'codes.ccpack');
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026')], pack, { quiet: true });
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'a.txt'), 'Assessment: Type 2 diabetes with stage 3b CKD.');
    writeFileSync(path.join(notes, 'b.txt'), 'Assessment: essential hypertension.');
    writeFileSync(path.join(notes, 'c.txt'), 'Closed fracture of the right distal radius, initial encounter.');
    const claims = path.join(dir, 'claims.csv');
    writeFileSync(
      claims,
      'chart_id,codes,date_of_service\na,E11.22 N18.32,2026-03-01\nb,I10 S52.501A,2026-03-01\nc,S52,2026-03-01\nd,I10,2026-03-01\n',
    );
    const out = path.join(dir, 'out');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await auditCommand({ notes, claims, out, workers: '2', batch: '1' }, { pack, json: true });
    } finally {
      write.mockRestore();
    }
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ charts: 4, audited: 3, workers: 2 });
    expect(summary.skipped).toEqual([{ chartId: 'd', why: expect.stringMatching(/no note/) }]);
    const findings = readFileSync(path.join(out, 'findings.csv'), 'utf8');
    expect(findings).toMatch(/^b,unsupported,billed-code-unsupported,error,S52\.501A/m);
    expect(findings).toMatch(/^c,validity,non-billable-header,error,S52/m);
    const charts = readFileSync(path.join(out, 'charts.csv'), 'utf8').trim().split(/\r?\n/);
    expect(charts[0]).toMatch(/^chart_id,score,billed,unsupported,missed,findings/);
    expect(charts.find((l) => l.startsWith('a,'))).toMatch(/^a,100,/);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg role="img" aria-label="Findings by rule"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
  });

  it('shards are disjoint and cover the claims', () => {
    expect(parseShard('2/3')).toEqual({ index: 1, of: 3 });
    expect(() => parseShard('4/3')).toThrow(/i\/n/);
  });
});

describe('claims CSV and planted errors', () => {
  it('parses chart_id + codes and rejects bad rows with the line', () => {
    expect(parseClaimsCsv('chart_id,codes,setting\nx,I10,hospital\n')).toEqual([
      { chartId: 'x', codes: 'I10', setting: 'hospital', extra: {} },
    ]);
    expect(() => parseClaimsCsv('chart_id,codes,date_of_service\nx,I10,22/11/2026\n', 'c.csv')).toThrow(
      /c\.csv \(line 2\)/,
    );
    expect(() => parseClaimsCsv('patient,billed\nx,I10\n')).toThrow(/chart_id and codes/);
  });

  it('plants the asked share of errors, reproducibly', () => {
    const gold = Array.from({ length: 200 }, (_, i) => `n${i}\ti10\nn${i}\te11.9`).join('\n');
    const a = claimsFromGold(gold, { inject: 0.25, seed: 3, unrelated: ['S52.501A'] });
    const b = claimsFromGold(gold, { inject: 0.25, seed: 3, unrelated: ['S52.501A'] });
    expect(a).toEqual(b);
    const share = a.rows.filter((r) => r.injected !== 'none').length / a.rows.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    expect(a.rows.find((r) => r.injected === 'none')!.codes).toBe('I10 E11.9');
  });
});
