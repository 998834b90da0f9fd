import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Corpus learning (kNN, centroids, soft match, the reranker) serves `eval` only: the product runs
 * without it. Only the eval commands, lib/learn itself and tests may import lib/learn.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) ? [rel] : [];
  });
}

describe('lib/learn is imported by eval only', () => {
  it('no product file imports lib/learn', () => {
    const importers = ['lib', 'cli', 'components', 'utils', 'entrypoints']
      .flatMap(sources)
      .filter((f) => !f.startsWith(path.join('lib', 'learn')))
      .filter((f) => /from ['"][^'"]*\/learn\//.test(readFileSync(path.join(root, f), 'utf8')));
    expect(importers.every((f) => /^cli\/commands\/eval[\w-]*\.ts$/.test(f.split(path.sep).join('/')))).toBe(true);
    expect(importers.length).toBeGreaterThan(0);
  });
});
