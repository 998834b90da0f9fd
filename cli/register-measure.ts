import type { Command } from 'commander';
import { UsageError, type GlobalOptions } from './output';
import { existing, intFlag } from './input';
import { run } from './program';
import { bench } from './commands/bench';
import { benchNotes } from './commands/bench-notes';
import { evalCommand } from './commands/eval';
import { evalVisitCommand } from './commands/eval-visit';

interface EvalFlags {
  notes?: string;
  gold?: string;
  trainNotes?: string;
  trainGold?: string;
  limit?: string;
  visitCoded?: string;
  mtsamples?: string;
  report?: string;
}

/** `eval`: accuracy on a coded corpus or on hand-coded visit notes, printed as tables. */
export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'MAP, P@k, R@k, micro-F1 and recall by chapter on a coded corpus (CodiEsp layout), or claim-style scores on hand-coded visit notes (--visit-coded), with a BM25 baseline',
    )
    .option('--notes <dir>', 'folder of <id>.txt notes (CodiEsp layout)')
    .option('--gold <tsv>', 'gold codes: id<TAB>code per line')
    .option('--train-notes <dir>', 'training notes to learn calibration from (never the evaluated split)')
    .option('--train-gold <tsv>', 'training gold codes')
    .option('--limit <n>', 'evaluate only the first n notes')
    .option(
      '--visit-coded <dir>',
      'folder with cases.json of visit notes coded for the professional claim (recall@10, first-listed, precision, traps)',
    )
    .option(
      '--mtsamples <file>',
      'the MTSamples CSV the visit-coded cases point into (default <dir>/../mtsamples/mtsamples.csv.gz)',
    )
    .option('--report <file>', 'with --visit-coded: per-note missed / wrong / trap codes as JSON')
    .action(run(async (opts, cmd) => runEval(cmd.opts<EvalFlags>(), opts)));
}

/** `bench`: pack and note-analysis speed on real files (a command that prints a table, not a timed test). */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('pack build time, size, load time, lookup/search latency and heap')
    .option('--from <paths...>', 'release files to build from (default: $CHARTCODER_CODESETS)')
    .option('--runs <n>', 'load repetitions', '5')
    .option('--notes <dir>', 'time note analysis instead: CodiEsp dev, MTSamples and a 1 MB note under this folder')
    .action(
      run(async (opts, cmd) => {
        const o = cmd.opts<{ from?: string[]; runs: string; notes?: string }>();
        const runs = intFlag(o.runs, '--runs', { min: 1, max: 1000 });
        if (o.notes) await benchNotes(await existing(o.notes, 'folder', 'notes folder'), opts);
        else await bench(o.from, runs, opts);
      }),
    );
}

/** `eval`: the visit-coded scores with --visit-coded, else the CodiEsp-layout scores; inputs checked first. */
async function runEval(o: EvalFlags, opts: GlobalOptions): Promise<void> {
  if (o.visitCoded) {
    await existing(o.visitCoded, 'folder', 'visit-coded folder');
    if (o.mtsamples) await existing(o.mtsamples, 'file', 'MTSamples CSV');
    await evalVisitCommand(
      {
        dir: o.visitCoded,
        ...(o.mtsamples ? { mtsamples: o.mtsamples } : {}),
        ...(o.report ? { report: o.report } : {}),
      },
      opts,
    );
    return;
  }
  const { limit, notes, gold, trainNotes, trainGold } = o;
  if (!notes || !gold) throw new UsageError('eval needs --notes and --gold (CodiEsp layout) or --visit-coded <dir>');
  await existing(notes, 'folder', 'notes folder');
  await existing(gold, 'file', 'gold file');
  if (trainNotes) await existing(trainNotes, 'folder', 'notes folder');
  if (trainGold) await existing(trainGold, 'file', 'gold file');
  await evalCommand(
    {
      notes,
      gold,
      ...(trainNotes ? { trainNotes } : {}),
      ...(trainGold ? { trainGold } : {}),
      ...(limit ? { limit: intFlag(limit, '--limit', { min: 1, max: 1_000_000 }) } : {}),
    },
    opts,
  );
}
