import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The lint rule is what keeps lib/ pure; this proves it fires, and only where it should.
describe('import zones: lib/ is the pure core', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;", 'react'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;", 'dexie'],
    ["import { browser } from 'wxt/browser';\nexport const x = browser;", 'wxt'],
    ["import fs from 'node:fs';\nexport const x = fs;", 'node built-in'],
    [
      "import { loadDefaultPack } from '../../utils/default-pack';\nexport const x = loadDefaultPack;",
      'extension folder',
    ],
  ])('rejects %s in lib/ (%s)', async (code) => {
    expect(await ruleIds(code, 'lib/codesets/zone-probe.ts')).toContain('no-restricted-imports');
  });

  it('rejects DOM and extension globals in lib/', async () => {
    expect(await ruleIds('export const t = document.title;', 'lib/pack/zone-probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const t = browser.runtime;', 'lib/pack/zone-probe.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('allows the same imports outside lib/ and pure imports inside it', async () => {
    expect(
      await ruleIds("import { useState } from 'react';\nexport const x = useState;", 'components/zone-probe.tsx'),
    ).toEqual([]);
    expect(
      await ruleIds("import { deflateSync } from 'fflate';\nexport const x = deflateSync;", 'lib/pack/zone-probe.ts'),
    ).toEqual([]);
  });
});
