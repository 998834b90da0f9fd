import type { Command } from 'commander';
import { UsageError } from './output';
import { existing, intFlag, shareFlag } from './input';
import { run } from './program';
import { auditCommand } from './commands/audit';
import { auditMergeCommand } from './commands/audit-merge';
import { claimsFromGoldCommand } from './commands/claims-from-gold';

/** `audit` (batch compliance audit), `audit merge` (combine shards) and `claims-from-gold` (claims to audit). */
export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description(
      'batch compliance audit: billed codes (claims CSV) against their notes, on all cores; writes findings.csv, charts.csv, summary.json, report.html',
    )
    .option('--notes <dir>', 'folder of notes, one <chart_id>.txt per chart')
    .option(
      '--claims <csv>',
      'claims CSV: chart_id, codes (e.g. "E11.22 N18.31 99214-25"), optional date_of_service, setting',
    )
    .option('--out <dir>', 'report folder')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option(
      '--shard <i/n|auto>',
      'audit only shard i of n; auto (or auto/n) reads the array index of a Kubernetes Indexed Job, Slurm array or AWS Batch array job',
    )
    .option('--batch <n>', 'charts per message to a worker', '8')
    .option('--resume', 'finish the interrupted run for --out (its journal is <out>.partial/)')
    .action(
      run(async (opts, cmd) => {
        const a = cmd.opts<{
          notes?: string;
          claims?: string;
          out?: string;
          workers?: string;
          shard?: string;
          batch?: string;
          resume?: boolean;
        }>();
        if (!a.notes || !a.claims || !a.out)
          throw new UsageError('audit needs --notes <dir> --claims <csv> --out <dir>');
        await existing(a.notes, 'folder', 'notes folder');
        await existing(a.claims, 'file', 'claims CSV');
        const { notes, claims, out, workers, shard, batch } = a;
        await auditCommand({ notes, claims, out, workers, shard, batch, resume: Boolean(a.resume) }, opts);
      }),
    );
  audit
    .command('merge')
    .description('combine the folders of a sharded audit (shards 1/n … n/n) into the folder one run would have written')
    .argument('<folders...>', 'the shard output folders')
    // --out is the audit command's own option (read through it): the merged report folder.
    .action(
      run(async (opts, cmd) => {
        const out = cmd.optsWithGlobals<{ out?: string }>().out;
        if (!out) throw new UsageError('audit merge needs --out <dir> for the merged report');
        await auditMergeCommand(cmd.args, out, opts);
      }),
    );
  program
    .command('claims-from-gold')
    .description('write a claims CSV from gold codes (CodiEsp TSV), planting one known error in a share of charts')
    .requiredOption('--gold <tsv>', 'gold codes: chart id <TAB> code per line')
    .requiredOption('--out <csv>', 'claims CSV to write')
    .option('--inject <share>', 'share of charts given one planted error', '0.2')
    .option('--seed <n>', 'random seed', '7')
    .action(
      run(async (opts, cmd) => {
        const o = cmd.opts<{ gold: string; out: string; inject?: string; seed?: string }>();
        await existing(o.gold, 'file', 'gold file');
        const inject = shareFlag(o.inject, '--inject', 0.2);
        const seed = intFlag(o.seed, '--seed', { min: 0, max: 2 ** 31 - 1 }, 7);
        await claimsFromGoldCommand({ gold: o.gold, out: o.out, inject: String(inject), seed: String(seed) }, opts);
      }),
    );
}
