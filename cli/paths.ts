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
  const candidates = [process.env.CHARTCODER_NOTES, path.resolve(PROJECT_ROOT, '../shared/data/notes')].filter(
    (p): p is string => Boolean(p),
  );
  return candidates.find((p) => existsSync(p));
}

export const DEFAULT_PACK = path.resolve(PROJECT_ROOT, 'public/packs/default.ccpack');

export function packPath(flag?: string): string {
  return flag ? userPath(flag) : process.env.CHARTCODER_PACK ? userPath(process.env.CHARTCODER_PACK) : DEFAULT_PACK;
}

/**
 * The folder the user typed the command in: `npm run cli` runs in the project folder and says
 * where it was invoked in INIT_CWD; run directly (node, tsx), the process's own working folder.
 */
export function userCwd(): string {
  return process.env.npm_lifecycle_event && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

/** A path as the user typed it, resolved from the folder they typed it in. */
export function userPath(p: string): string {
  return path.resolve(userCwd(), p);
}
