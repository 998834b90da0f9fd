import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../lib/codesets/inputs';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const CODESET_FIXTURES = path.join(FIXTURES, 'codesets');

export function fixtureText(rel: string): string {
  return readFileSync(path.join(CODESET_FIXTURES, rel), 'utf8');
}

/** Every file under a fixture folder as compiler inputs (paths relative to the fixtures root). */
export function fixtureInputs(...dirs: string[]): InputFile[] {
  const out: InputFile[] = [];
  const walk = (abs: string) => {
    for (const name of readdirSync(abs).sort()) {
      const p = path.join(abs, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: path.relative(CODESET_FIXTURES, p), bytes: new Uint8Array(readFileSync(p)) });
    }
  };
  for (const d of dirs) walk(path.join(CODESET_FIXTURES, d));
  return out;
}
