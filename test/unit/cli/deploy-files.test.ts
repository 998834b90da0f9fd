import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { auditCommand } from '../../../cli/commands/audit';
import { buildPack } from '../../../cli/commands/codeset-build';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DEPLOY = path.join(ROOT, 'deploy');
const read = (rel: string) => readFileSync(path.join(DEPLOY, rel), 'utf8');

describe('deploy/: example job files for the sharded audit', () => {
  it('every file runs `audit --shard auto`, and its shard count agrees with the engine setting', () => {
    const k8s = read('kubernetes/audit-indexed-job.yaml');
    const completions = Number(/completions: (\d+)/.exec(k8s)![1]);
    expect(k8s).toMatch(/completionMode: Indexed/);
    expect(k8s).toMatch(new RegExp(`name: CHARTCODER_SHARDS\\s+value: "${completions}"`));
    expect(k8s).toMatch(/--shard auto/);
    const merge = read('kubernetes/audit-merge-job.yaml');
    for (let i = 0; i < completions; i++) expect(merge).toContain(`/results/shard-${i}`);
    expect(merge).not.toContain(`/results/shard-${completions}`);
    const batch = JSON.parse(read('aws-batch/audit-array-job.json'));
    expect(batch.containerOverrides.environment).toContainEqual({
      name: 'CHARTCODER_SHARDS',
      value: String(batch.arrayProperties.size),
    });
    expect(batch.containerOverrides.command.join(' ')).toMatch(/--shard auto/);
    expect(read('slurm/audit-array.sbatch')).toMatch(/#SBATCH --array=1-\d+/);
  });

  it('the Slurm scripts as written: a 3-task array then the merge give the report of one run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-slurm-'));
    const data = path.join(dir, 'data');
    mkdirSync(path.join(data, 'notes'), { recursive: true });
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026')], path.join(data, 'codes.ccpack'), { quiet: true });
    const rows = ['chart_id,codes'];
    for (let i = 0; i < 10; i++) {
      writeFileSync(
        path.join(data, 'notes', `n${i}.txt`),
        i % 2 ? 'Assessment: essential hypertension.' : 'Type 2 diabetes with stage 3b CKD.',
      );
      rows.push(`n${i},${i % 2 ? 'I10' : '"E11.22 N18.32"'}`);
    }
    writeFileSync(path.join(data, 'claims.csv'), `${rows.join('\n')}\n`);
    const results = path.join(dir, 'results');
    const env = {
      ...process.env,
      CHARTCODER: ROOT,
      DATA: data,
      RESULTS: results,
      SLURM_ARRAY_TASK_MIN: '1',
      SLURM_ARRAY_TASK_COUNT: '3',
      SLURM_CPUS_PER_TASK: '1',
    };
    for (const id of ['1', '2', '3'])
      execFileSync('bash', [path.join(DEPLOY, 'slurm/audit-array.sbatch')], {
        env: { ...env, SLURM_ARRAY_TASK_ID: id },
        stdio: 'pipe',
      });
    execFileSync('bash', [path.join(DEPLOY, 'slurm/audit-merge.sbatch')], { env, stdio: 'pipe' });
    const one = path.join(dir, 'one');
    const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await auditCommand(
        { notes: path.join(data, 'notes'), claims: path.join(data, 'claims.csv'), out: one, workers: '1' },
        { pack: path.join(data, 'codes.ccpack'), json: true },
      );
    } finally {
      quiet.mockRestore();
    }
    for (const f of ['findings.csv', 'charts.csv'])
      expect(readFileSync(path.join(results, 'all', f), 'utf8')).toBe(readFileSync(path.join(one, f), 'utf8'));
    expect(JSON.parse(readFileSync(path.join(results, 'shard-2.json'), 'utf8'))).toMatchObject({ shard: '2/3' });
    expect(readdirSync(results).sort()).toEqual([
      'all',
      'shard-1',
      'shard-1.json',
      'shard-2',
      'shard-2.json',
      'shard-3',
      'shard-3.json',
    ]);
  }, 180_000);
});
