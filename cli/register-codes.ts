import type { Command } from 'commander';
import { UsageError } from './output';
import { intFlag } from './input';
import { run } from './program';
import { buildPack, printBuildReport } from './commands/codeset-build';
import { codesetInfo } from './commands/codeset-info';
import { codeLookup } from './commands/code-lookup';
import { codeSearch } from './commands/code-search';
import { codesetDefault } from './commands/codeset-default';
import { codesetFetch } from './commands/codeset-fetch';

/** `codeset build|info|default|fetch`: make and inspect code packs. */
export function registerCodesetCommands(program: Command): void {
  const codeset = program.command('codeset').description('build and inspect code packs');
  codeset
    .command('build')
    .description('compile official release files (folders, zips, .gz, XML, TXT, XLSX, TSV) into a code pack')
    .requiredOption('--from <paths...>', 'release files or folders')
    .requiredOption('--out <file>', 'pack file to write (atomically)')
    .action(
      run(async (opts, cmd) => {
        const { from, out } = cmd.opts<{ from: string[]; out: string }>();
        printBuildReport(await buildPack(from, out, opts), opts);
      }),
    );
  codeset
    .command('info')
    .argument('[pack]', 'pack file (or use --pack)')
    .description('releases, effective dates, file checksums and sizes of a pack')
    .action(run(async (opts, cmd) => codesetInfo({ ...opts, pack: cmd.args[0] ?? opts.pack })));
  codeset
    .command('default')
    .description('compile the pack bundled with the extension from $CHARTCODER_CODESETS')
    .action(run((opts) => codesetDefault(opts)));
  codeset
    .command('fetch')
    .description('download the pinned official CMS/CDC release zips and verify their sha256')
    .option('--manifest <file>', 'manifest of pinned URLs (default: data/release-manifest.json)')
    .option('--out <dir>', 'where to put them (default: .cache/codesets)')
    .option('--base-url <url>', 'replace the origin of every URL (for a local mirror)')
    .option('--allow-unpinned', 'also fetch entries with no recorded checksum (prints the observed sha256)')
    .action(
      run(async (opts, cmd) => {
        const o = cmd.opts<{ manifest?: string; out?: string; baseUrl?: string; allowUnpinned?: boolean }>();
        await codesetFetch(o, opts);
      }),
    );
}

/** `code lookup|search`: one code's record, or a ranked search. */
export function registerCodeCommands(program: Command): void {
  const code = program.command('code').description('look up and search codes');
  code
    .command('lookup')
    .argument('<code>', 'ICD-10-CM (with or without the dot) or HCPCS code')
    .description('title, billable flag, hierarchy, every note that applies (inherited ones too) and releases')
    .action(run(async (opts, cmd) => codeLookup(cmd.args[0]!, opts)));
  code
    .command('search')
    .argument('<words...>', 'words to search for')
    .option('--limit <n>', 'how many results', '10')
    .description('ranked search over titles, inclusion terms, index terms and HCPCS descriptions')
    .action(
      run(async (opts, cmd) => {
        const words = cmd.args.join(' ').trim();
        if (!words) throw new UsageError('code search needs words to search for, e.g. "type 2 diabetes"');
        await codeSearch(words, intFlag(cmd.opts<{ limit: string }>().limit, '--limit', { min: 1, max: 1000 }), opts);
      }),
    );
}
