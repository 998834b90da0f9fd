import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../cli/commands/codeset-build';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

/*
 * The misuse corpus (issue 13): bad invocations a careless or hostile user types, run against the
 * real command line. Each must end with its exit code (2: the invocation is wrong; 1: the command
 * could not do its work; 0: the answer itself reports the problem), one line on stderr, never a
 * stack trace, and with --json nothing but JSON on stdout.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(ROOT, 'cli/main.ts');
/** tsx's loader by its file URL, so the CLI also starts from a folder outside the project. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Case {
  name: string;
  args: string[];
  exit: 0 | 1 | 2;
  /** stderr's one line (error cases) or a check of the JSON result (exit 0). */
  message?: RegExp;
  result?: (json: Record<string, unknown>) => void;
  cwd?: string;
  stdin?: string;
  env?: Record<string, string>;
  /** Run without --json: stdout must then be empty on an error. */
  plain?: boolean;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(c: Case, env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    const args = ['--import', TSX, CLI, ...c.args, ...(c.plain ? [] : ['--json'])];
    // Not under npm unless the case says so (vitest itself may run under npm).
    const child = spawn(process.execPath, args, {
      cwd: c.cwd ?? ROOT,
      env: { ...process.env, npm_lifecycle_event: '', ...env, ...c.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(c.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the cases two at a time (two cores). */
async function runAll(cases: Case[], env: Record<string, string>): Promise<Ran[]> {
  const out: Ran[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < cases.length) {
        const i = next++;
        out[i] = await runCli(cases[i]!, env);
      }
    }),
  );
  return out;
}

describe('misuse corpus: bad invocations end in one line, never a stack trace', () => {
  let dir: string;
  let pack: string;
  const cases: Case[] = [];
  let results: Ran[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cc-misuse-'));
    pack = path.join(dir, 'codes.ccpack');
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026'), path.join(CODESET_FIXTURES, 'hcpcs')], pack, {
      quiet: true,
    });
    const f = (name: string, content: string | Uint8Array) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const note = f('note.txt', 'Assessment: Type 2 diabetes with stage 3b CKD. Essential hypertension.');
    const binary = f(
      'scan.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    const utf16 = f('utf16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]));
    const empty = f('empty.txt', '');
    const damaged = new Uint8Array(readFileSync(pack));
    damaged[damaged.length - 100]! ^= 8;
    const damagedPack = f('damaged.ccpack', damaged);
    const json = new TextEncoder().encode(JSON.stringify({ magic: 'CCPACK', formatVersion: 3 }));
    const old = new Uint8Array(12 + json.length);
    old.set(new TextEncoder().encode('CCPACK'));
    old[6] = 1;
    new DataView(old.buffer).setUint32(8, json.length, true);
    old.set(json, 12);
    const oldPack = f('old.ccpack', old);
    const notes = path.join(dir, 'notes');
    mkdirSync(notes);
    writeFileSync(path.join(notes, 'a.txt'), 'Assessment: essential hypertension.');
    const claims = f('claims.csv', 'chart_id,codes\na,I10\n');
    const dupClaims = f('dup.csv', 'chart_id,codes\na,I10\nb,I10\na,E11.9\n');
    const evilClaims = f('evil.csv', 'chart_id,codes\n../SECRET,I10\n');
    const sub = path.join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(path.join(sub, 'visit.txt'), 'Assessment: essential hypertension.');
    const out = path.join(dir, 'out');

    const missing = path.join(dir, 'nope.txt');
    cases.push(
      // Code lists
      {
        name: 'check: a list of non-codes is reported entry by entry',
        args: ['check', '--codes', 'E11..22,E1122,XYZ123,hello'],
        exit: 0,
        result: (j) =>
          expect(
            (j.findings as { rule: string }[]).filter((x) => x.rule === 'unparseable-code').length,
          ).toBeGreaterThanOrEqual(3),
      },
      {
        name: 'export: unknown and header codes are refused',
        args: ['export', '--codes', 'Z99.999,E11,99214'],
        exit: 2,
        message: /export refused, 2 problems in --codes: Z99\.999 is not an ICD-10-CM code .*; E11 is a header/,
      },
      {
        name: 'export: an undotted ICD code says what was meant',
        args: ['export', '--codes', 'E1122,99214'],
        exit: 2,
        message: /did you mean E11\.22/,
      },
      { name: 'export: empty code list', args: ['export', '--codes', '  '], exit: 2, message: /--codes is empty/ },
      // Dates and numbers
      {
        name: 'export: --date 2026-13-45 never reaches an 837P',
        args: ['export', '--codes', 'E11.22,99214', '--format', '837p', '--date', '2026-13-45'],
        exit: 2,
        message: /--date must be a date written YYYY-MM-DD, not "2026-13-45"/,
      },
      {
        name: '--date 2026-02-30',
        args: ['code', 'lookup', 'E11.22', '--date', '2026-02-30'],
        exit: 2,
        message: /--date must be a date/,
      },
      {
        name: 'export: --dob not a date',
        args: ['export', '--codes', 'E11.22', '--dob', '1970-02-31'],
        exit: 2,
        message: /--dob must be a date/,
      },
      {
        name: '--setting clinic',
        args: ['analyze', note, '--setting', 'clinic'],
        exit: 2,
        message: /--setting.*clinic.*invalid/,
      },
      {
        name: 'code search --limit abc',
        args: ['code', 'search', 'diabetes', '--limit', 'abc'],
        exit: 2,
        message: /--limit must be a whole number from 1 to 1000, not "abc"/,
      },
      {
        name: 'claims-from-gold --inject 5',
        args: ['claims-from-gold', '--gold', note, '--out', path.join(dir, 'c.csv'), '--inject', '5'],
        exit: 2,
        message: /--inject must be a share from 0 to 1/,
      },
      { name: 'bench --runs 0', args: ['bench', '--runs', '0'], exit: 2, message: /--runs must be a whole number/ },
      {
        name: 'eval --limit x',
        args: ['eval', '--notes', notes, '--gold', note, '--limit', 'x'],
        exit: 2,
        message: /--limit must be a whole number/,
      },
      // Paths
      {
        name: 'analyze: missing file',
        args: ['analyze', missing],
        exit: 2,
        message: new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such note`),
      },
      { name: 'analyze: a folder as the note', args: ['analyze', notes], exit: 2, message: /is a folder, not a note/ },
      {
        name: 'analyze: a binary file',
        args: ['analyze', binary],
        exit: 2,
        message: /scan\.png: not a text file \(it contains NUL bytes\)/,
      },
      {
        name: 'analyze: UTF-16 from standard input',
        args: ['analyze', '-'],
        stdin: '\ufeff',
        exit: 0,
        result: (j) => expect(j.suggestions).toEqual([]),
      },
      {
        name: 'em: UTF-16 file',
        args: ['em', '--note', utf16],
        exit: 2,
        message: /not a text file \(it is UTF-16; save it as UTF-8\)/,
      },
      { name: 'em: binary file', args: ['em', '--note', binary], exit: 2, message: /not a text file/ },
      {
        name: 'em: empty note levels nothing',
        args: ['em', '--note', empty],
        exit: 0,
        result: (j) => expect(j.code ?? null).toBeNull(),
      },
      { name: 'em: missing --note', args: ['em'], exit: 2, message: /required option '--note <file>' not specified/ },
      {
        name: 'check: missing note file',
        args: ['check', '--codes', 'I10', '--note', missing],
        exit: 1,
        message: /nope\.txt: no such file or folder/,
      },
      {
        name: 'codeset build: missing --from',
        args: ['codeset', 'build', '--out', path.join(dir, 'x.ccpack')],
        exit: 2,
        message: /required option '--from <paths\.\.\.>' not specified/,
      },
      {
        name: 'codeset build: --from a missing folder',
        args: ['codeset', 'build', '--from', path.join(dir, 'nowhere'), '--out', path.join(dir, 'x.ccpack')],
        exit: 2,
        message: /nowhere: no such file or folder/,
      },
      {
        name: 'codeset build: an unknown file',
        args: ['codeset', 'build', '--from', binary, '--out', path.join(dir, 'x.ccpack')],
        exit: 1,
        message: /scan\.png/,
      },
      {
        name: 'codeset fetch offline',
        args: ['codeset', 'fetch', '--base-url', 'http://127.0.0.1:9', '--out', path.join(dir, 'fetch')],
        exit: 1,
        message: /cannot download http:\/\/127\.0\.0\.1:9\/.*check the network/,
      },
      {
        name: 'codeset fetch: manifest not JSON',
        args: ['codeset', 'fetch', '--manifest', note],
        exit: 2,
        message: /the manifest is not valid JSON/,
      },
      {
        name: '--pack missing',
        args: ['code', 'lookup', 'E11.22', '--pack', missing],
        exit: 2,
        message: /no code pack at .*nope\.txt/,
      },
      {
        name: 'relative path typed from a subfolder',
        args: ['analyze', 'visit.txt'],
        cwd: sub,
        exit: 0,
        result: (j) => expect((j.suggestions as { code: string }[]).map((s) => s.code)).toContain('I10'),
      },
      {
        name: 'relative path under npm run (INIT_CWD)',
        args: ['analyze', 'visit.txt'],
        env: { npm_lifecycle_event: 'cli', INIT_CWD: sub },
        exit: 0,
        result: (j) => expect((j.suggestions as { code: string }[]).map((s) => s.code)).toContain('I10'),
      },
      // Packs
      {
        name: 'a damaged pack',
        args: ['codeset', 'info', '--pack', damagedPack],
        exit: 1,
        message: /damaged\.ccpack: section .* checksum mismatch; the file is damaged: rebuild it with "codeset build"/,
      },
      {
        name: 'a format-3 pack',
        args: ['code', 'lookup', 'E11.22', '--pack', oldPack],
        exit: 1,
        message: /pack format version 3 is not supported \(this ChartCoder reads version 4\); rebuild it/,
      },
      {
        name: 'a note given as the pack',
        args: ['code', 'lookup', 'E11.22', '--pack', note],
        exit: 1,
        message: /not a ChartCoder code pack/,
      },
      {
        name: 'code lookup of a non-code',
        args: ['code', 'lookup', 'XYZ123'],
        exit: 2,
        message: /XYZ123 is not in this pack/,
      },
      // Batch audit
      {
        name: 'audit --notes missing',
        args: ['audit', '--notes', path.join(dir, 'nowhere'), '--claims', claims, '--out', out],
        exit: 2,
        message: /nowhere: no such notes folder/,
      },
      {
        name: 'audit --workers abc',
        args: ['audit', '--notes', notes, '--claims', claims, '--out', out, '--workers', 'abc'],
        exit: 2,
        message: /--workers must be a whole number from 1 to 64/,
      },
      {
        name: 'audit --batch abc',
        args: ['audit', '--notes', notes, '--claims', claims, '--out', out, '--batch', 'abc'],
        exit: 2,
        message: /--batch must be a whole number/,
      },
      {
        name: 'audit --shard 4/3',
        args: ['audit', '--notes', notes, '--claims', claims, '--out', out, '--shard', '4/3'],
        exit: 2,
        message: /--shard must be i\/n/,
      },
      {
        name: 'audit --shard auto outside a batch engine',
        args: ['audit', '--notes', notes, '--claims', claims, '--out', out, '--shard', 'auto'],
        exit: 2,
        message: /no array index in the environment/,
      },
      {
        name: 'audit: duplicate chart ids',
        args: ['audit', '--notes', notes, '--claims', dupClaims, '--out', out],
        exit: 1,
        message: /dup\.csv \(line 4\): chart_id "a" appears again \(first on line 2\)/,
      },
      {
        name: 'audit: a chart id that climbs out of --notes',
        args: ['audit', '--notes', notes, '--claims', evilClaims, '--out', out],
        exit: 1,
        message: /evil\.csv \(line 2\): chart_id "\.\.\/SECRET" is not allowed/,
      },
      {
        name: 'audit --resume with nothing to resume',
        args: ['audit', '--notes', notes, '--claims', claims, '--out', path.join(dir, 'fresh'), '--resume'],
        exit: 2,
        message: /--resume: no interrupted run/,
      },
      {
        name: 'audit merge of a folder that is not an audit',
        args: ['audit', 'merge', '--out', out, notes],
        exit: 2,
        message: /not a finished audit folder/,
      },
      // The command line itself
      {
        name: 'unknown option',
        args: ['check', '--codes', 'I10', '--colour'],
        exit: 2,
        message: /unknown option '--colour'/,
      },
      { name: 'unknown command', args: ['frobnicate'], exit: 2, message: /unknown command 'frobnicate'/ },
      {
        name: 'plain: a usage error writes nothing on stdout',
        args: ['analyze', missing],
        exit: 2,
        plain: true,
        message: /no such note/,
      },
    );
    results = await runAll(cases, { CHARTCODER_PACK: pack });
  }, 600_000);

  it('every case: exit code, one line, no stack trace, pure JSON with --json', () => {
    const failures: string[] = [];
    cases.forEach((c, i) => {
      const r = results[i]!;
      const why: string[] = [];
      const stderrLines = r.stderr
        .split('\n')
        .filter((l) => l.trim() && !/^(Date of service|ExperimentalWarning|\(node:)/.test(l));
      if (r.code !== c.exit) why.push(`exit ${r.code}, expected ${c.exit}`);
      if (/\n\s+at .+:\d+:\d+\)?/.test(r.stderr) || /internal error/.test(r.stderr)) why.push('stack trace on stderr');
      if (c.exit !== 0) {
        if (stderrLines.length !== 1) why.push(`${stderrLines.length} lines on stderr`);
        if (c.message && !c.message.test(stderrLines[0] ?? ''))
          why.push(`stderr "${stderrLines[0]}" does not match ${c.message}`);
        if (c.plain) {
          if (r.stdout !== '') why.push('stdout not empty');
        } else {
          try {
            const j = JSON.parse(r.stdout) as { error?: string; kind?: string };
            if (!j.error || !j.kind) why.push('JSON error without error/kind');
            if (stderrLines[0] !== `error: ${j.error}`) why.push('stderr and JSON error differ');
          } catch {
            why.push(`stdout is not one JSON value: ${r.stdout.slice(0, 80)}`);
          }
        }
      } else {
        try {
          c.result?.(JSON.parse(r.stdout) as Record<string, unknown>);
        } catch (e) {
          why.push(
            `result: ${e instanceof Error ? e.message.split('\n')[0] : String(e)} (stderr: ${r.stderr.slice(0, 200)})`,
          );
        }
      }
      if (why.length) failures.push(`${c.name}: ${why.join('; ')}`);
    });
    console.log(`misuse corpus: ${cases.length} invocations, ${cases.length - failures.length} as expected`);
    expect(failures).toEqual([]);
  });

  it('--help on every command lists the shared flags', async () => {
    const commands = [
      ['check'],
      ['export'],
      ['analyze'],
      ['em'],
      ['audit'],
      ['audit', 'merge'],
      ['code', 'search'],
      ['code', 'lookup'],
      ['codeset', 'build'],
      ['codeset', 'info'],
      ['bench'],
      ['eval'],
      ['claims-from-gold'],
    ];
    const ran = await runAll(
      commands.map((c) => ({ name: c.join(' '), args: [...c, '--help'], exit: 0 as const, plain: true })),
      {},
    );
    ran.forEach((r, i) => {
      expect(r.code, commands[i]!.join(' ')).toBe(0);
      for (const flag of ['--json', '--pack <file>', '--date <YYYY-MM-DD>', '--setting <setting>'])
        expect(r.stdout, `${commands[i]!.join(' ')} --help`).toContain(flag);
    });
  }, 120_000);
});
