import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Release files: $CHARTCODER_CODESETS, else ../shared/data/codesets beside the checkout, else the fetch cache. */
export function codesetsDir(): string | undefined {
  const candidates = [
    process.env.CHARTCODER_CODESETS,
    path.resolve(PROJECT_ROOT, '../shared/data/codesets'),
    path.resolve(PROJECT_ROOT, '.cache/codesets'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

export function notesDir(): string | undefined {
  const candidates = [process.env.CHARTCODER_NOTES, path.resolve(PROJECT_ROOT, '../shared/data/notes')].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

export const DEFAULT_PACK = path.resolve(PROJECT_ROOT, 'public/packs/default.ccpack');

export function packPath(flag?: string): string {
  return flag ?? process.env.CHARTCODER_PACK ?? DEFAULT_PACK;
}
