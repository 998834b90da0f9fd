import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditCommand, parseShard } from '../../../cli/commands/audit';
import { auditMergeCommand } from '../../../cli/commands/audit-merge';
import { buildPack } from '../../../cli/commands/codeset-build';
import { autoShard } from '../../../lib/audit/batch';
import { parseClaimsCsv } from '../../../lib/audit/claims';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const NOTE = readFileSync(path.join(ROOT, 'data/samples/visit-note.txt'), 'utf8');
const CODES = ['"E11.22 N18.32 I10"', '"I10 S52.501A 99214-25"', '"E11 ZZZZZ <img>"', '"J45.909,99213"', 'E11.9'];

/** Outputs with the run's timings and thread counts taken out: what must not differ between equal runs. */
function outputs(dir: string) {
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  for (const k of ['seconds', 'workers']) delete summary[k];
  return {
    files: readdirSync(dir).sort(),
    findings: readFileSync(path.join(dir, 'findings.csv'), 'utf8'),
    charts: readFileSync(path.join(dir, 'charts.csv'), 'utf8'),
    results: readFileSync(path.join(dir, 'results.jsonl'), 'utf8').replace(/"analysisMs":[\d.]+/g, '"analysisMs":0'),
    summary,
  };
}

async function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return await fn();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('batch audit that cannot lie', () => {
  let dir: string;
  let pack: string;
  let notes: string;
  let claims: string;
  const N = 90;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc-audit-batch-'));
    pack = path.join(dir, 'codes.ccpack');
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026'), path.join(CODESET_FIXTURES, 'hcpcs')], pack, {
      quiet: true,
    });
    notes = path.join(dir, 'notes');
    mkdirSync(notes);
    const rows = ['chart_id,codes,date_of_service,comment'];
    for (let i = 0; i < N; i++) {
      const id = `ch-${String(i).padStart(3, '0')}`;
      if (i % 17 !== 5)
        writeFileSync(
          path.join(notes, `${id}.txt`),
          `${NOTE}\n${i % 2 ? 'Assessment: essential hypertension.' : 'Type 2 diabetes with stage 3b CKD.'}`,
        );
      rows.push(`${id},${CODES[i % CODES.length]},2026-03-01,${i === 3 ? '=HYPERLINK("http://x")' : 'ok'}`);
    }
    writeFileSync(path.join(notes, 'ch-007.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    claims = path.join(dir, 'claims.csv');
    writeFileSync(claims, `${rows.join('\n')}\n`);
  }, 60_000);

  it('3 shards merged equal one run on the same input; summary says audited + skipped = charts', async () => {
    const one = path.join(dir, 'one');
    await quiet(() => auditCommand({ notes, claims, out: one, workers: '2' }, { pack, json: true }));
    const shards = [1, 2, 3].map((k) => path.join(dir, `shard-${k}`));
    for (const [k, out] of shards.entries())
      await quiet(() => auditCommand({ notes, claims, out, workers: '1', shard: `${k + 1}/3` }, { pack, json: true }));
    const merged = path.join(dir, 'merged');
    await quiet(() => auditMergeCommand([shards[2]!, shards[0]!, shards[1]!], merged, { json: true }));
    const a = outputs(one);
    const b = outputs(merged);
    expect(b).toEqual(a);
    expect(a.summary).toMatchObject({ charts: N, claimsInFile: N, shard: null });
    expect(a.summary.audited + a.summary.skipped.length).toBe(N);
    expect(a.summary.check).toMatch(new RegExp(`^audited \\d+ \\+ skipped \\d+ = ${N} charts`));
    // Missing notes and the binary one are skipped with why, never audited from nothing.
    expect(a.summary.skipped).toContainEqual({ chartId: 'ch-005', why: expect.stringMatching(/no note/) });
    expect(a.summary.skipped).toContainEqual({ chartId: 'ch-007', why: expect.stringMatching(/not a text file/) });
    // Entries that are not codes are findings, and formula-looking cells are escaped.
    expect(a.findings).toMatch(/unparseable-code/);
    expect(a.charts).toContain(`"'=HYPERLINK(""http://x"")"`);
    // A missing or foreign shard is refused.
    await expect(
      auditMergeCommand([shards[0]!, shards[1]!], path.join(dir, 'm2'), { json: true }),
    ).rejects.toThrowError(/missing shard 3\/3/);
    await expect(
      auditMergeCommand([shards[0]!, shards[0]!, shards[1]!], path.join(dir, 'm3'), { json: true }),
    ).rejects.toThrowError(/both shard 1\/3/);
  }, 240_000);

  it('a run killed mid-way and finished with --resume equals an uninterrupted run; the previous outputs stay whole meanwhile', async () => {
    const one = path.join(dir, 'one-b');
    await quiet(() => auditCommand({ notes, claims, out: one, workers: '1' }, { pack, json: true }));
    const out = path.join(dir, 'resumed');
    // A finished earlier run in the same folder (other claims): it must stay whole until the new run ends.
    const smallClaims = path.join(dir, 'small.csv');
    writeFileSync(smallClaims, 'chart_id,codes\nch-001,I10\n');
    await quiet(() => auditCommand({ notes, claims: smallClaims, out, workers: '1' }, { pack, json: true }));
    const before = outputs(out);
    const journal = `${out}.partial/journal.jsonl`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'cli/main.ts',
        'audit',
        '--pack',
        pack,
        '--notes',
        notes,
        '--claims',
        claims,
        '--out',
        out,
        '--workers',
        '1',
        '--batch',
        '1',
        '--json',
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    let killedAt = -1;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const lines = existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0;
        if (lines >= 25 && killedAt < 0) {
          killedAt = lines;
          child.kill('SIGKILL');
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    console.log(`audit killed with ${killedAt} of ${N} charts in its journal`);
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(N);
    expect(outputs(out)).toEqual(before);
    await quiet(() => auditCommand({ notes, claims, out, workers: '2', resume: true }, { pack, json: true }));
    expect(outputs(out)).toEqual(outputs(one));
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(readdirSync(dir).filter((f) => /\.(tmp|old)-\d+$/.test(f))).toEqual([]);
    // --resume with other inputs is refused.
    await expect(
      auditCommand({ notes, claims: smallClaims, out: path.join(dir, 'nothing'), resume: true }, { pack, json: true }),
    ).rejects.toThrowError(/no interrupted run/);
  }, 240_000);

  it('refuses bad options, duplicate and unsafe chart ids (with the line) and a folder that is not an audit folder', async () => {
    await expect(
      auditCommand({ notes, claims, out: path.join(dir, 'x'), workers: 'abc' }, { pack }),
    ).rejects.toThrowError(/--workers must be a whole number/);
    await expect(
      auditCommand({ notes, claims, out: path.join(dir, 'x'), batch: 'abc' }, { pack }),
    ).rejects.toThrowError(/--batch must be a whole number/);
    expect(() => parseClaimsCsv('chart_id,codes\na,I10\nb,I10\na,E11.9\n', 'c.csv')).toThrowError(
      /c\.csv \(line 4\): chart_id "a" appears again \(first on line 2\)/,
    );
    for (const bad of ['../SECRET', 'a/b', '=cmd()', '-x', '.hidden', 'a b'])
      expect(() => parseClaimsCsv(`chart_id,codes\n"${bad}",I10\n`, 'c.csv')).toThrowError(
        /c\.csv \(line 2\): chart_id .* is not allowed/,
      );
    expect(() => parseClaimsCsv('chart_id,codes\na,E11.22,N18.32\n', 'c.csv')).toThrowError(
      /quote a comma-separated code list/,
    );
    expect(() => parseClaimsCsv('chart_id,codes,date_of_service\na,I10,2026-02-30\n', 'c.csv')).toThrowError(/line 2/);
    const mine = path.join(dir, 'precious');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'thesis.txt'), 'keep me');
    await expect(
      quiet(() =>
        auditCommand({ notes, claims: path.join(dir, 'small.csv'), out: mine, workers: '1' }, { pack, json: true }),
      ),
    ).rejects.toThrowError(/not an audit folder/);
    expect(readFileSync(path.join(mine, 'thesis.txt'), 'utf8')).toBe('keep me');
  }, 120_000);

  it('--shard auto reads Kubernetes, Slurm and AWS Batch array indexes', () => {
    expect(autoShard('auto/4', { JOB_COMPLETION_INDEX: '2' })).toMatchObject({ shard: { index: 2, of: 4 } });
    expect(autoShard('auto', { JOB_COMPLETION_INDEX: '0', CHARTCODER_SHARDS: '3' })).toMatchObject({
      shard: { index: 0, of: 3 },
    });
    expect(
      autoShard('auto', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' }),
    ).toMatchObject({ shard: { index: 4, of: 8 } });
    expect(
      autoShard('auto', {
        SLURM_ARRAY_TASK_ID: '8',
        SLURM_ARRAY_TASK_MIN: '0',
        SLURM_ARRAY_TASK_STEP: '4',
        SLURM_ARRAY_TASK_COUNT: '3',
      }),
    ).toMatchObject({ shard: { index: 2, of: 3 } });
    expect(autoShard('auto/10', { AWS_BATCH_JOB_ARRAY_INDEX: '9' })).toMatchObject({ shard: { index: 9, of: 10 } });
    expect(autoShard('auto', {})).toMatchObject({ error: expect.stringMatching(/no array index/) });
    expect(autoShard('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toMatchObject({
      error: expect.stringMatching(/number of shards is unknown/),
    });
    expect(autoShard('auto/2', { JOB_COMPLETION_INDEX: '2' })).toMatchObject({
      error: expect.stringMatching(/outside 0…1/),
    });
    expect(parseShard('auto/3', { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 0, of: 3 });
    expect(() => parseShard('0/3')).toThrowError(/--shard must be i\/n/);
  });
});
