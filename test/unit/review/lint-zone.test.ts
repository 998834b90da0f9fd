import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

async function ruleIds(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The review model holds the panel's rules; this proves its lint zone fires there and not elsewhere.
describe('import zone: lib/review is the pure review model', () => {
  it.each([
    ["import { useReducer } from 'react';\nexport const x = useReducer;", 'react'],
    ["import Dexie from 'dexie';\nexport const x = Dexie;", 'dexie'],
    ["import { db } from '../../utils/db';\nexport const x = db;", 'extension storage'],
    ["import { SidePanelApp } from '@/components/panel/SidePanelApp';\nexport const x = SidePanelApp;", 'components'],
  ])('rejects %s (%s)', async (code) => {
    expect(await ruleIds(code, 'lib/review/zone-probe.ts')).toContain('no-restricted-imports');
  });

  it('rejects DOM globals and JSX', async () => {
    expect(await ruleIds('export const t = document.title;', 'lib/review/zone-probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const t = window.innerWidth;', 'lib/review/zone-probe.ts')).toContain(
      'no-restricted-globals',
    );
    expect(await ruleIds('export const v = <p>x</p>;', 'lib/review/zone-probe.tsx')).toContain('no-restricted-syntax');
  });

  it('accepts the model itself and other pure modules', async () => {
    expect(
      await ruleIds(
        "import { checkPatientIds } from '../billing/patient-id';\nexport const x = checkPatientIds;",
        'lib/review/zone-probe.ts',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        "import { useReducer } from 'react';\nexport const x = useReducer;",
        'components/panel/hooks/zone-probe.ts',
      ),
    ).toEqual([]);
  });
});
