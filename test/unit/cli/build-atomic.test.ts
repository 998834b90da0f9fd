import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPack } from '../../../cli/commands/codeset-build';
import { loadPack } from '../../../lib/pack/code-pack';
import { CODESET_FIXTURES } from '../../helpers/fixtures';

describe('codeset build writes atomically', () => {
  it('builds a pack, and on a corrupt release file keeps the previous pack untouched', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-build-'));
    const out = path.join(dir, 'codes.ccpack');
    await buildPack([path.join(CODESET_FIXTURES, 'fy2026')], out, { quiet: true });
    const before = readFileSync(out);
    expect(loadPack(new Uint8Array(before)).lookup('E11.22')).toBeDefined();

    const bad = path.join(dir, 'release');
    mkdirSync(bad);
    copyFileSync(
      path.join(CODESET_FIXTURES, 'fy2026/icd10cm_order_2026.txt'),
      path.join(bad, 'icd10cm_order_2026.txt'),
    );
    const xml = readFileSync(path.join(CODESET_FIXTURES, 'fy2026/icd10cm_tabular_2026.xml'), 'utf8');
    writeFileSync(path.join(bad, 'icd10cm_tabular_2026.xml'), xml.slice(0, 2000));
    await expect(buildPack([bad], out, { quiet: true })).rejects.toThrowError(/icd10cm_tabular_2026\.xml \(line \d+/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['codes.ccpack', 'release']);
  });
});
