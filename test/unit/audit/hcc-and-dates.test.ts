import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCommand } from '../../../cli/commands/audit';
import { buildPack } from '../../../cli/commands/codeset-build';
import { releaseGroups, releaseGroupsLine } from '../../../lib/audit/batch';
import { hccMappingNote, hccOfDiagnoses, hccText } from '../../../lib/audit/hcc';
import { spotAudit } from '../../../lib/audit/spot-audit';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { compilePack } from '../../../lib/pack/compile';
import { NoteAnalyzer } from '../../../lib/suggest/analyze';
import { CODESET_FIXTURES, fixtureInputs } from '../../helpers/fixtures';

const NOTE = 'Assessment: Type 2 diabetes with stage 3b CKD. Heart failure.';

let pack: CodePack;
beforeAll(async () => {
  pack = loadPack((await compilePack(fixtureInputs('fy2020', 'fy2026', 'hcc', 'hcpcs'))).bytes);
});

describe('CMS-HCC V28 categories of billed diagnoses', () => {
  it('names the category with its label, in the order billed; codes without one are left out', () => {
    const list = hccOfDiagnoses(['E11.22', 'I10', 'I50.9', 'E11.22'], pack);
    expect(list.map((h) => [h.code, h.category])).toEqual([
      ['E11.22', 37],
      ['I50.9', 226],
    ]);
    expect(hccText(list[0]!)).toMatch(/^HCC 37: Diabetes with Chronic Complications$/i);
    expect(hccMappingNote(pack)).toMatch(/V28 .*payment year 2026.*FY2024 and FY2025/);
  });

  it('a spot-audit carries them', () => {
    const r = spotAudit('h1', NOTE, 'E11.22, N18.32, I50.9', pack, new NoteAnalyzer(pack.atDate('2026-03-01')), {
      dateOfService: '2026-03-01',
      setting: 'office',
    });
    expect(r.hcc.map((h) => `${h.code} ${h.category}`)).toEqual(['E11.22 37', 'I50.9 226']);
  });
});

describe('releases by each chart’s date of service', () => {
  it('groups charts by the releases that answer on their own dates, in one line', () => {
    const charts = [
      { chartId: 'a', codes: 'I10', dateOfService: '2020-03-01', extra: {} },
      { chartId: 'b', codes: 'I10', dateOfService: '2026-03-01', extra: {} },
      { chartId: 'c', codes: 'I10', extra: {} },
    ];
    const groups = releaseGroups(charts, '2026-02-01', (dos) => pack.releasesFor(dos));
    expect(groups.map((g) => [g.firstDate, g.lastDate, g.charts, g.releases.split(' · ')[0]])).toEqual([
      ['2020-03-01', '2020-03-01', 1, 'ICD-10-CM FY2020'],
      ['2026-02-01', '2026-03-01', 2, 'ICD-10-CM FY2026'],
    ]);
    const line = releaseGroupsLine(groups);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/2026-02-01…2026-03-01 \(2 charts\): ICD-10-CM FY2026 · HCPCS 2026 JAN \(Q1\)/);
  });

  it('the batch audit reads each chart with the release in force on its date, and reports HCCs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-audit-dates-'));
    const packFile = path.join(dir, 'p.ccpack');
    await buildPack(
      ['fy2020', 'fy2026', 'hcc', 'hcpcs'].map((d) => path.join(CODESET_FIXTURES, d)),
      packFile,
      { quiet: true },
    );
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    for (const id of ['old', 'new']) writeFileSync(path.join(notes, `${id}.txt`), NOTE);
    const claims = path.join(dir, 'claims.csv');
    // N18.32 is new in FY2021: not a code on a FY2020 date, a good one on a FY2026 date.
    writeFileSync(
      claims,
      'chart_id,codes,date_of_service\nold,"E11.22 N18.32 E11.9",2020-03-01\nnew,"E11.22 N18.32",2026-03-01\n',
    );
    const out = path.join(dir, 'out');
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      await auditCommand({ notes, claims, out, workers: '1' }, { pack: packFile });
    } finally {
      vi.restoreAllMocks();
    }
    const charts = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'charts.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(charts.map((c) => [c.chart_id, c.date_of_service, c.icd_release])).toEqual([
      ['new', '2026-03-01', 'FY2026'],
      ['old', '2020-03-01', 'FY2020'],
    ]);
    expect(charts.map((c) => c.hcc)).toEqual(['E11.22 HCC 37', 'E11.22 HCC 37; E11.9 HCC 38']);
    const findings = Papa.parse<Record<string, string>>(readFileSync(path.join(out, 'findings.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const invalid = (chart: string) =>
      findings.filter((f) => f.chart_id === chart && f.rule === 'code-not-valid-on-date').map((f) => f.codes);
    expect(invalid('old')).toContain('N18.32');
    expect(invalid('new')).toEqual([]);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.icdReleasesUsed).toEqual({ FY2020: 1, FY2026: 1 });
    expect(summary.hccMapping).toMatch(/V28/);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('Billed diagnoses by CMS-HCC V28 category');
    expect(html).toMatch(/E11\.22 HCC 37: Diabetes with Chronic Complications/i);
    const said = err.filter((l) => l.startsWith('Each chart answered'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/2020-03-01 \(1 chart\): ICD-10-CM FY2020 .*; 2026-03-01 \(1 chart\): ICD-10-CM FY2026/);
  }, 120_000);
});
