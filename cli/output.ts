import { CodesetError } from '../lib/codesets/errors';
import { PackFormatError } from '../lib/pack/container';

export interface GlobalOptions {
  json?: boolean;
  pack?: string;
  date?: string;
  setting?: 'office' | 'hospital';
}

export function print(opts: GlobalOptions, data: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

/** Errors a user caused print one clear line and exit 1; anything else is a bug and keeps its stack. */
export function fail(e: unknown, opts: GlobalOptions = {}): never {
  const known = e instanceof CodesetError || e instanceof PackFormatError || (e instanceof Error && e.name === 'UsageError');
  const message = e instanceof Error ? e.message : String(e);
  if (opts.json) process.stdout.write(`${JSON.stringify({ error: message, ...(e instanceof CodesetError ? { file: e.file, line: e.line, element: e.element } : {}) })}\n`);
  process.stderr.write(`error: ${message}\n`);
  if (!known && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MB`;
}
