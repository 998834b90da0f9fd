import { Command, CommanderError, Option } from 'commander';
import { fail, UsageError, type GlobalOptions } from './output';
import { isoDate } from './input';
import { SETTINGS } from '../lib/domain/setting';

/** Whether the command line asks for JSON, known before commander has parsed it (for errors about parsing itself). */
export const jsonWanted = process.argv.includes('--json');

/** The root command with the flags every command shares: `--json`, `--pack`, `--date`, `--setting`. */
export function createProgram(): Command {
  return (
    new Command('chartcoder')
      .description(
        'ChartCoder command line: code-set packs, code lookup and search (all local; nothing is sent anywhere)',
      )
      .option('--json', 'machine-readable JSON output')
      .option('--pack <file>', 'code pack to use (default: $CHARTCODER_PACK or public/packs/default.ccpack)')
      .option('--date <YYYY-MM-DD>', 'date of service (warns when a loaded release does not cover it)')
      .addOption(new Option('--setting <setting>', 'care setting').choices([...SETTINGS]).default('office'))
      // Every command's --help lists the shared flags; usage errors go through fail() (one line, JSON with --json).
      .configureHelp({ showGlobalOptions: true })
      .configureOutput({ outputError: () => undefined })
      .exitOverride()
      .showHelpAfterError(false)
  );
}

function globals(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<GlobalOptions>();
  if (o.date !== undefined) isoDate(o.date, '--date');
  return o;
}

/**
 * An action handler: commander passes the command itself last, so `fn` reads that command's own
 * options and arguments from it; any error ends the process through fail() (one line, exit code by kind).
 */
export function run(fn: (opts: GlobalOptions, cmd: Command) => Promise<void>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    let opts: GlobalOptions = { json: jsonWanted };
    try {
      opts = globals(cmd);
      await fn(opts, cmd);
    } catch (e) {
      fail(e, opts);
    }
  };
}

/** Parses the command line and runs the command; parse errors become one usage line (see --help). */
export async function parseAndRun(program: Command): Promise<void> {
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
}
