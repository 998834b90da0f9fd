import { Command, CommanderError, Option } from 'commander';
import { fail, UsageError, type GlobalOptions } from './output';
import { existing, intFlag, isoDate, shareFlag } from './input';
import { userCwd } from './paths';
import { buildPack, printBuildReport } from './commands/codeset-build';
import { codesetInfo } from './commands/codeset-info';
import { codeLookup } from './commands/code-lookup';
import { codeSearch } from './commands/code-search';
import { codesetDefault } from './commands/codeset-default';
import { codesetFetch } from './commands/codeset-fetch';
import { bench } from './commands/bench';
import { analyzeCommand } from './commands/analyze';
import { evalCommand } from './commands/eval';
import { evalVisitCommand } from './commands/eval-visit';
import { benchNotes } from './commands/bench-notes';
import { checkCommand, rulesCommand } from './commands/check';
import { emCommand, VISIT_HELP } from './commands/em';
import { auditCommand, claimsFromGoldCommand } from './commands/audit';
import { auditMergeCommand } from './commands/audit-merge';
import { EXPORT_FORMATS, exportCommand } from './commands/export';
import { installLifecycle } from './lifecycle';
import { SETTINGS } from '../lib/domain/setting';

installLifecycle();
// Paths on the command line are the user's: `npm run cli` starts in the project folder, so go back
// to the folder the command was typed in (INIT_CWD) before anything reads a path.
try {
  process.chdir(userCwd());
} catch {
  fail(new UsageError(`the folder this command was started in (${userCwd()}) no longer exists`), {
    json: process.argv.includes('--json'),
  });
}
const jsonWanted = process.argv.includes('--json');

/** One command line over the pure core: `npm run cli -- <command> [--json] [--pack f] [--date d] [--setting s]`. */
const program = new Command('chartcoder')
  .description('ChartCoder command line: code-set packs, code lookup and search (all local; nothing is sent anywhere)')
  .option('--json', 'machine-readable JSON output')
  .option('--pack <file>', 'code pack to use (default: $CHARTCODER_PACK or public/packs/default.ccpack)')
  .option('--date <YYYY-MM-DD>', 'date of service (warns when a loaded release does not cover it)')
  .addOption(new Option('--setting <setting>', 'care setting').choices([...SETTINGS]).default('office'))
  // Every command's --help lists the shared flags; usage errors go through fail() (one line, JSON with --json).
  .configureHelp({ showGlobalOptions: true })
  .configureOutput({ outputError: () => undefined })
  .exitOverride()
  .showHelpAfterError(false);

function globals(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<GlobalOptions>();
  if (o.date !== undefined) isoDate(o.date, '--date');
  return o;
}

function run(fn: (opts: GlobalOptions) => Promise<void>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    let opts: GlobalOptions = { json: jsonWanted };
    try {
      opts = globals(cmd);
      await fn(opts);
    } catch (e) {
      fail(e, opts);
    }
  };
}

const codeset = program.command('codeset').description('build and inspect code packs');
codeset
  .command('build')
  .description('compile official release files (folders, zips, .gz, XML, TXT, XLSX, TSV) into a code pack')
  .requiredOption('--from <paths...>', 'release files or folders')
  .requiredOption('--out <file>', 'pack file to write (atomically)')
  .action(
    run(async function (this: void, opts) {
      const cmd = codeset.commands.find((c) => c.name() === 'build')!;
      const { from, out } = cmd.opts<{ from: string[]; out: string }>();
      printBuildReport(await buildPack(from, out, opts), opts);
    }),
  );
codeset
  .command('info')
  .argument('[pack]', 'pack file (or use --pack)')
  .description('releases, effective dates, file checksums and sizes of a pack')
  .action(
    run(async (opts) => {
      const arg = codeset.commands.find((c) => c.name() === 'info')!.args[0];
      await codesetInfo({ ...opts, pack: arg ?? opts.pack });
    }),
  );
codeset
  .command('default')
  .description('compile the pack bundled with the extension from $CHARTCODER_CODESETS')
  .action(run(codesetDefault));
codeset
  .command('fetch')
  .description('download the pinned official CMS/CDC release zips and verify their sha256')
  .option('--manifest <file>', 'manifest of pinned URLs (default: data/release-manifest.json)')
  .option('--out <dir>', 'where to put them (default: .cache/codesets)')
  .option('--base-url <url>', 'replace the origin of every URL (for a local mirror)')
  .option('--allow-unpinned', 'also fetch entries with no recorded checksum (prints the observed sha256)')
  .action(
    run(async (opts) => {
      const o = codeset.commands
        .find((c) => c.name() === 'fetch')!
        .opts<{ manifest?: string; out?: string; baseUrl?: string; allowUnpinned?: boolean }>();
      await codesetFetch(o, opts);
    }),
  );

const code = program.command('code').description('look up and search codes');
code
  .command('lookup')
  .argument('<code>', 'ICD-10-CM (with or without the dot) or HCPCS code')
  .description('title, billable flag, hierarchy, every note that applies (inherited ones too) and releases')
  .action(run(async (opts) => codeLookup(code.commands.find((c) => c.name() === 'lookup')!.args[0]!, opts)));
code
  .command('search')
  .argument('<words...>', 'words to search for')
  .option('--limit <n>', 'how many results', '10')
  .description('ranked search over titles, inclusion terms, index terms and HCPCS descriptions')
  .action(
    run(async (opts) => {
      const c = code.commands.find((x) => x.name() === 'search')!;
      const words = c.args.join(' ').trim();
      if (!words) throw new UsageError('code search needs words to search for, e.g. "type 2 diabetes"');
      await codeSearch(words, intFlag(c.opts<{ limit: string }>().limit, '--limit', { min: 1, max: 1000 }), opts);
    }),
  );

program
  .command('analyze')
  .argument('<file>', 'note text file, or - for standard input')
  .description('candidate codes for a note, each with the words that support it, assertion, section and reason')
  .action(run(async (opts) => analyzeCommand(program.commands.find((c) => c.name() === 'analyze')!.args[0]!, opts)));

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
  .action(
    run(async (opts) => {
      const o = program.commands
        .find((c) => c.name() === 'eval')!
        .opts<{
          notes?: string;
          gold?: string;
          trainNotes?: string;
          trainGold?: string;
          limit?: string;
          visitCoded?: string;
          mtsamples?: string;
          report?: string;
        }>();
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
      if (!notes || !gold)
        throw new UsageError('eval needs --notes and --gold (CodiEsp layout) or --visit-coded <dir>');
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
    }),
  );

program
  .command('check')
  .description(
    'coding checks on reported codes (and the note, when given): validity, Excludes1, NCCI PTP/MUE/add-on, sequencing',
  )
  .requiredOption(
    '--codes <list>',
    'comma-separated: ICD-10-CM with dots (E11.9), CPT/HCPCS with -modifiers and xUNITS (99214-25, 20610x2)',
  )
  .option('--note <file>', 'the visit note (for documentation findings)')
  .action(
    run(async (opts) => {
      const o = program.commands.find((c) => c.name() === 'check')!.opts<{ codes: string; note?: string }>();
      await checkCommand(o, opts);
    }),
  );

program
  .command('em')
  .description(
    'E/M level supported by the note: total time or MDM (2 of 3), with evidence and what the next level needs',
  )
  .requiredOption('--note <file>', 'the visit note')
  .option('--visit <family>', VISIT_HELP, 'auto')
  .action(
    run(async (opts) =>
      emCommand(program.commands.find((c) => c.name() === 'em')!.opts<{ note: string; visit?: string }>(), opts),
    ),
  );

program
  .command('rules')
  .description('print the rule catalog (docs/rules.md); --write regenerates the file')
  .option('--write', 'write docs/rules.md')
  .action(
    run(async (opts) =>
      rulesCommand(program.commands.find((c) => c.name() === 'rules')!.opts<{ write?: boolean }>(), opts),
    ),
  );

program
  .command('bench')
  .description('pack build time, size, load time, lookup/search latency and heap')
  .option('--from <paths...>', 'release files to build from (default: $CHARTCODER_CODESETS)')
  .option('--runs <n>', 'load repetitions', '5')
  .option('--notes <dir>', 'time note analysis instead: CodiEsp dev, MTSamples and a 1 MB note under this folder')
  .action(
    run(async (opts) => {
      const o = program.commands
        .find((c) => c.name() === 'bench')!
        .opts<{ from?: string[]; runs: string; notes?: string }>();
      const runs = intFlag(o.runs, '--runs', { min: 1, max: 1000 });
      if (o.notes) await benchNotes(await existing(o.notes, 'folder', 'notes folder'), opts);
      else await bench(o.from, runs, opts);
    }),
  );

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
    run(async (opts) => {
      const a = audit.opts<{
        notes?: string;
        claims?: string;
        out?: string;
        workers?: string;
        shard?: string;
        batch?: string;
        resume?: boolean;
      }>();
      if (!a.notes || !a.claims || !a.out) throw new UsageError('audit needs --notes <dir> --claims <csv> --out <dir>');
      await existing(a.notes, 'folder', 'notes folder');
      await existing(a.claims, 'file', 'claims CSV');
      await auditCommand(
        {
          notes: a.notes,
          claims: a.claims,
          out: a.out,
          workers: a.workers,
          shard: a.shard,
          batch: a.batch,
          resume: Boolean(a.resume),
        },
        opts,
      );
    }),
  );
const auditMerge = audit
  .command('merge')
  .description('combine the folders of a sharded audit (shards 1/n … n/n) into the folder one run would have written')
  .argument('<folders...>', 'the shard output folders')
  // --out is the audit command's own option (read through it): the merged report folder.
  .action(
    run(async (opts) => {
      const out = auditMerge.optsWithGlobals<{ out?: string }>().out;
      if (!out) throw new UsageError('audit merge needs --out <dir> for the merged report');
      await auditMergeCommand(auditMerge.args, out, opts);
    }),
  );
const claimsCmd = program
  .command('claims-from-gold')
  .description('write a claims CSV from gold codes (CodiEsp TSV), planting one known error in a share of charts')
  .requiredOption('--gold <tsv>', 'gold codes: chart id <TAB> code per line')
  .requiredOption('--out <csv>', 'claims CSV to write')
  .option('--inject <share>', 'share of charts given one planted error', '0.2')
  .option('--seed <n>', 'random seed', '7')
  .action(
    run(async (opts) => {
      const o = claimsCmd.opts<{ gold: string; out: string; inject?: string; seed?: string }>();
      await existing(o.gold, 'file', 'gold file');
      const inject = shareFlag(o.inject, '--inject', 0.2);
      const seed = intFlag(o.seed, '--seed', { min: 0, max: 2 ** 31 - 1 }, 7);
      await claimsFromGoldCommand({ gold: o.gold, out: o.out, inject: String(inject), seed: String(seed) }, opts);
    }),
  );

const exportCmd = program
  .command('export')
  .description(
    'the billing hand-off for a code list: text (or the summary as --json), csv, FHIR R4 Claim (draft), 837P fragment, CMS-1500 boxes 21/24, printable html',
  )
  .requiredOption(
    '--codes <list>',
    'codes as for check: "E11.22,N18.31,99214-25,J1100x10" (diagnoses first-listed first)',
  )
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('text'))
  .option('--patient-name <name>', 'patient name (optional)')
  .option('--dob <YYYY-MM-DD>', 'date of birth (optional)')
  .option('--member-id <id>', 'member id (optional)')
  .option('--provider <label>', 'rendering provider label (optional)')
  .action(
    run(async (opts) => {
      await exportCommand(exportCmd.opts(), opts);
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with their own output.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version')
      process.exit(0);
    fail(new UsageError(`${e.message.replace(/^error: /, '')} (see --help)`), { json: jsonWanted });
  }
  fail(e, { json: jsonWanted });
}
