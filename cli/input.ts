import { promises as fs } from 'node:fs';
import { UsageError } from './output';
import { userPath } from './paths';

/*
 * The strict input layer every command goes through: dates that exist, numbers in range, paths
 * resolved from the user's folder that name what they should (a file, a folder), and text files
 * that are text. Every refusal is a UsageError: one line naming the flag or the path.
 */

/** A calendar date written YYYY-MM-DD between 1900 and 2100 (2026-13-45 and 2026-02-30 are refused). */
export function isoDate(value: string, flag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value)
    throw new UsageError(`${flag} must be a date written YYYY-MM-DD, not "${value}"`);
  if (value < '1900-01-01' || value > '2100-12-31')
    throw new UsageError(`${flag} ${value} is outside 1900-01-01 … 2100-12-31`);
  return value;
}

/** A whole number within [min, max]; `fallback` when the flag is absent. */
export function intFlag(
  value: string | undefined,
  flag: string,
  range: { min: number; max: number },
  fallback?: number,
): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`${flag} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value.trim()) || Number(value) < range.min || Number(value) > range.max) {
    throw new UsageError(`${flag} must be a whole number from ${range.min} to ${range.max}, not "${value}"`);
  }
  return Number(value);
}

/** A share between 0 and 1 (0.2, not 20 %). */
export function shareFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(value) || !(n >= 0 && n <= 1))
    throw new UsageError(`${flag} must be a share from 0 to 1 (e.g. 0.2), not "${value}"`);
  return n;
}

type Kind = 'file' | 'folder';

/** Resolves a user's path and checks it is an existing file or folder; the message names the path as typed. */
export async function existing(p: string, kind: Kind, what: string = kind): Promise<string> {
  const abs = userPath(p);
  const st = await fs.stat(abs).catch(() => undefined);
  if (!st) throw new UsageError(`${p}: no such ${what}`);
  if (kind === 'file' && st.isDirectory()) throw new UsageError(`${p}: is a folder, not a ${what}`);
  if (kind === 'folder' && !st.isDirectory()) throw new UsageError(`${p}: is a file, not a ${what}`);
  return abs;
}

export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/**
 * Why these bytes are not text, or undefined: NUL bytes (binary files, UTF-16) or many control
 * characters in the first 64 kB. Line breaks, tabs and form feeds are text.
 */
export function notTextReason(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 65536);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return 'it is UTF-16; save it as UTF-8';
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'it contains NUL bytes';
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  if (control > head.length * 0.05) return 'it is mostly control characters';
  const decoded = new TextDecoder('utf-8').decode(head);
  let replaced = 0;
  for (const ch of decoded) if (ch === '\uFFFD') replaced++;
  if (replaced > decoded.length * 0.1) return 'it is not UTF-8 text';
  return undefined;
}

/** Reads a text file the user named (a note, a CSV): refuses folders, missing paths, binary files and files over `maxBytes`. */
export async function readTextFile(p: string, what = 'file', maxBytes = MAX_TEXT_BYTES): Promise<string> {
  const abs = await existing(p, 'file', what);
  const st = await fs.stat(abs);
  if (st.size > maxBytes)
    throw new UsageError(
      `${p}: is ${(st.size / 1048576).toFixed(1)} MB, over the ${Math.round(maxBytes / 1048576)} MB limit for a ${what}`,
    );
  const bytes = await fs.readFile(abs).catch(() => {
    throw new UsageError(`${p}: cannot be read (permission denied)`);
  });
  return decodeText(new Uint8Array(bytes), p);
}

export function decodeText(bytes: Uint8Array, label: string): string {
  const why = notTextReason(bytes);
  if (why) throw new UsageError(`${label}: not a text file (${why})`);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Standard input as text, with the same limit and refusal. */
export async function readStdinText(maxBytes = MAX_TEXT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    size += (c as Buffer).length;
    if (size > maxBytes)
      throw new UsageError(`standard input: over the ${Math.round(maxBytes / 1048576)} MB limit for a note`);
    chunks.push(c as Buffer);
  }
  return decodeText(new Uint8Array(Buffer.concat(chunks)), 'standard input');
}
