import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../cli/commands/codeset-build';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

/*
 * Issue 14 (HCC flags in analyze): the text output shows the CMS-HCC V28 category that --json
 * carries, one short tag per suggested diagnosis that has one, and says once what the tag is.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const NOTE = path.join(ROOT, 'data/samples/visit-note.txt');

function analyze(pack: string, json: boolean): string {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      TSX,
      path.join(ROOT, 'cli/main.ts'),
      'analyze',
      NOTE,
      '--pack',
      pack,
      '--date',
      '2026-03-01',
      ...(json ? ['--json'] : []),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_lifecycle_event: '' },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('analyze: HCC tags in the text output', () => {
  let pack: string;
  beforeAll(async () => {
    pack = path.join(mkdtempSync(path.join(tmpdir(), 'cc-hcc-')), 'hcc.ccpack');
    await buildPack(
      ['fy2026', 'hcpcs', 'hcc'].map((d) => path.join(CODESET_FIXTURES, d)),
      pack,
      { quiet: true },
    );
  }, 60_000);

  it('every suggestion with an hcc in --json shows "HCC <n>" on its row, and no other row does', () => {
    const result = JSON.parse(analyze(pack, true)) as { suggestions: { code: string; hcc?: { category: number } }[] };
    const withHcc = result.suggestions.filter((s) => s.hcc);
    expect(withHcc.length).toBeGreaterThan(0);
    const text = analyze(pack, false);
    const lines = text.split('\n');
    const head = lines.findIndex((l) => /^#\s+code\s+hcc\s+score/.test(l));
    expect(head).toBeGreaterThan(-1);
    for (const s of result.suggestions) {
      const row = lines.slice(head + 1).find((l) => new RegExp(`^\\d+\\s+${s.code.replace('.', '\\.')}\\s`).test(l));
      expect(row, s.code).toBeDefined();
      if (s.hcc) expect(row).toMatch(new RegExp(`^\\d+\\s+${s.code.replace('.', '\\.')}\\s+HCC ${s.hcc.category}\\s`));
      else expect(row).not.toMatch(/HCC \d/);
    }
    expect(text.match(/^hcc: CMS-HCC V28 categories/gm)).toHaveLength(1);
  }, 60_000);
});
