import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The runtime zones and the message contract are lint rules (eslint.config.js RUNTIME_ZONES):
 * this proves they fire where they should and stay quiet where imports are allowed. Here rather
 * than in test/unit because the zones guard the extension's own folders.
 */
const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const use = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const probe = ${what};`;

describe('runtime zones: content script, pages, background, shared utils', () => {
  it.each([
    [
      'components/panel/zone-probe.tsx',
      use('readFrame', '@/utils/content/capture/capture'),
      'a panel component importing capture code',
    ],
    ['utils/tab-link-probe.ts', use('readFrame', './content/capture/capture'), 'shared utils importing capture code'],
    ['utils/tab-link.ts', use('readFrame', './content/capture/capture'), 'page-only utils importing capture code'],
    [
      'entrypoints/sidepanel/zone-probe.tsx',
      use('warmAnalyzer', '@/utils/background/analysis-service'),
      'the panel importing background code',
    ],
    [
      'utils/content/capture/zone-probe.ts',
      use('db', '@/utils/db'),
      'content code opening Dexie through the storage module',
    ],
    ['utils/content/fill/zone-probe.ts', use('useState', 'react'), 'content code importing React'],
    ['entrypoints/content.ts', use('highlightInPage', '@/utils/tab-link'), 'the content script importing page code'],
    [
      'utils/background/zone-probe.ts',
      use('SidePanelApp', '@/components/panel/SidePanelApp'),
      'background code importing a component',
    ],
    [
      'entrypoints/background.ts',
      use('readFrame', '@/utils/content/capture/capture'),
      'the background importing capture code',
    ],
  ])('rejects %s (%s)', async (file, code) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  it('allows each runtime its own code, the contract and lib/', async () => {
    expect(
      await ruleIds(use('readFrame', '../../utils/content/capture/capture'), 'utils/content/fill/zone-probe.ts'),
    ).toEqual([]);
    expect(await ruleIds(use('NoteMessageSchema', '@/utils/messages'), 'utils/content/capture/zone-probe.ts')).toEqual(
      [],
    );
    expect(await ruleIds(use('onNote', '@/utils/tab-link'), 'components/panel/zone-probe.tsx')).toEqual([]);
    expect(await ruleIds(use('loadActivePack', '../release-store'), 'utils/background/zone-probe.ts')).toEqual([]);
  });

  it('sends messages only through the typed contract (utils/messages.ts)', async () => {
    const direct = "export const probe = () => browser.runtime.sendMessage({ type: 'cc:warm' });";
    expect(await ruleIds(direct, 'components/panel/zone-probe.tsx')).toContain('no-restricted-syntax');
    expect(await ruleIds(direct.replace('runtime', 'tabs'), 'utils/content/capture/zone-probe.ts')).toContain(
      'no-restricted-syntax',
    );
    expect(await ruleIds(direct, 'utils/messages.ts')).toEqual([]);
  });
});

describe('hooks lint in components/', () => {
  it('rejects a hook called conditionally and an effect missing what it reads', async () => {
    const conditional =
      "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}";
    expect(await ruleIds(conditional, 'components/panel/HooksProbe.tsx')).toContain('react-hooks/rules-of-hooks');
    const missing =
      "import { useEffect } from 'react';\nexport function Probe({ id }: { id: string }) {\n  useEffect(() => console.log(id), []);\n  return null;\n}";
    expect(await ruleIds(missing, 'components/panel/HooksProbe.tsx')).toContain('react-hooks/exhaustive-deps');
  });
});
