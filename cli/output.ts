import { CodesetError } from '../lib/codesets/errors';
import { PackFormatError } from '../lib/pack/container';
import type { Setting } from '../lib/domain/setting';

export interface GlobalOptions {
  json?: boolean;
  pack?: string;
  date?: string;
  setting?: Setting;
}

export function print(opts: GlobalOptions, data: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command that was invoked correctly but could not do its work (network down, disk full …): one line, exit 1. */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailed';
  }
}

/** Exit codes: 2 = the invocation is wrong (flags, paths, inputs), 1 = the command could not do its work. */
export const EXIT_USAGE = 2;
export const EXIT_FAILED = 1;

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EMFILE: 'too many open files',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
};

interface Described {
  message: string;
  kind: 'usage' | 'input' | 'pack' | 'failed' | 'internal';
  extra?: Record<string, unknown>;
}

/** Every error a user can cause, as one line; anything else is a bug (kind internal, stack kept). */
export function describeError(e: unknown): Described {
  const first = (s: string) => s.split('\n')[0]!.trim();
  if (e instanceof UsageError || (e instanceof Error && e.name === 'UsageError'))
    return { message: first(e.message), kind: 'usage' };
  if (e instanceof CommandFailed) return { message: first(e.message), kind: 'failed' };
  if (e instanceof CodesetError)
    return { message: first(e.message), kind: 'input', extra: { file: e.file, line: e.line, element: e.element } };
  if (e instanceof PackFormatError) return { message: first(e.message), kind: 'pack' };
  const sys = e as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && SYSTEM_ERRORS[sys.code]) {
    return { message: `${sys.path ? `${sys.path}: ` : ''}${SYSTEM_ERRORS[sys.code]}`, kind: 'input' };
  }
  const issues = (e as { issues?: { path: (string | number)[]; message: string }[] })?.issues;
  if (e instanceof Error && e.name === 'ZodError' && issues?.length) {
    return { message: issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '), kind: 'input' };
  }
  return { message: e instanceof Error ? first(e.message) : String(e), kind: 'internal' };
}

/**
 * Ends the command on an error: one line on stderr ("error: …"); with --json also
 * {"error", "kind", …} as the only thing on stdout. Only an internal error (a bug) adds its stack.
 */
export function fail(e: unknown, opts: GlobalOptions = {}): never {
  const d = describeError(e);
  if (opts.json) process.stdout.write(`${JSON.stringify({ error: d.message, kind: d.kind, ...d.extra })}\n`);
  process.stderr.write(`error: ${d.message}\n`);
  if (d.kind === 'internal' && e instanceof Error && e.stack)
    process.stderr.write(`(internal error; please report it)\n${e.stack}\n`);
  process.exit(d.kind === 'usage' ? EXIT_USAGE : EXIT_FAILED);
}

/** Breaks text at spaces into lines of at most `width` characters (a longer word is split). */
export function wrapText(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * Columns padded to their widest cell; `wrap` gives a column's maximum width, and a longer cell
 * continues on the next lines of its column (nothing is cut).
 */
export function table(rows: string[][], wrap: Record<number, number> = {}): string {
  const split = rows.map((r) => r.map((cell, c) => (wrap[c] ? wrapText(cell, wrap[c]) : [cell])));
  const widths = split[0]?.map((_, c) => Math.max(...split.flatMap((r) => (r[c] ?? ['']).map((l) => l.length)))) ?? [];
  const out: string[] = [];
  for (const r of split) {
    const height = Math.max(...r.map((cell) => cell.length));
    for (let k = 0; k < height; k++)
      out.push(
        r
          .map((cell, c) => (cell[k] ?? '').padEnd(widths[c] ?? 0))
          .join('  ')
          .trimEnd(),
      );
  }
  return out.join('\n');
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MB`;
}
