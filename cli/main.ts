import { Option } from 'commander';
import { fail, UsageError } from './output';
import { userCwd } from './paths';
import { createProgram, jsonWanted, parseAndRun, run } from './program';
import { registerCodeCommands, registerCodesetCommands } from './register-codes';
import { registerBenchCommand, registerEvalCommand } from './register-measure';
import { registerAuditCommands } from './register-audit';
import { analyzeCommand } from './commands/analyze';
import { checkCommand, rulesCommand } from './commands/check';
import { emCommand, VISIT_HELP } from './commands/em';
import { EXPORT_FORMATS, exportCommand } from './commands/export';
import { installLifecycle } from './lifecycle';

installLifecycle();
// Paths on the command line are the user's: `npm run cli` starts in the project folder, so go back
// to the folder the command was typed in (INIT_CWD) before anything reads a path.
try {
  process.chdir(userCwd());
} catch {
  fail(new UsageError(`the folder this command was started in (${userCwd()}) no longer exists`), { json: jsonWanted });
}

/** One command line over the pure core: `npm run cli -- <command> [--json] [--pack f] [--date d] [--setting s]`. */
const program = createProgram();
// Commands are listed in --help in the order they are added here.
registerCodesetCommands(program);
registerCodeCommands(program);

program
  .command('analyze')
  .argument('<file>', 'note text file, or - for standard input')
  .description('candidate codes for a note, each with the words that support it, assertion, section and reason')
  .action(run(async (opts, cmd) => analyzeCommand(cmd.args[0]!, opts)));

registerEvalCommand(program);

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
  .action(run(async (opts, cmd) => checkCommand(cmd.opts<{ codes: string; note?: string }>(), opts)));

program
  .command('em')
  .description(
    'E/M level supported by the note: total time or MDM (2 of 3), with evidence and what the next level needs',
  )
  .requiredOption('--note <file>', 'the visit note')
  .option('--visit <family>', VISIT_HELP, 'auto')
  .action(run(async (opts, cmd) => emCommand(cmd.opts<{ note: string; visit?: string }>(), opts)));

program
  .command('rules')
  .description('print the rule catalog (docs/rules.md); --write regenerates the file')
  .option('--write', 'write docs/rules.md')
  .action(run(async (opts, cmd) => rulesCommand(cmd.opts<{ write?: boolean }>(), opts)));

registerBenchCommand(program);

registerAuditCommands(program);

program
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
  .action(run(async (opts, cmd) => exportCommand(cmd.opts(), opts)));

await parseAndRun(program);
