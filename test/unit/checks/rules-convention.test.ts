import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../lib/checks/registry';
import { checkEncounter } from '../../helpers/check-encounter';
import { ruleCatalog } from '../../../lib/checks/catalog';
import { compilePack } from '../../../lib/pack/compile';
import { loadPack, type CodePack } from '../../../lib/pack/code-pack';
import { fixtureInputs } from '../../helpers/fixtures';

/**
 * The rules/ folder is the source of truth (refined-github's convention test): each file is one
 * rule whose id is its file name, registered once, with fixtures where the rule fires on every
 * positive case and stays silent on every negative one, and a row in the generated catalog.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ruleFiles = readdirSync(path.join(root, 'lib/checks/rules'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

interface Case {
  name: string;
  pack?: string[];
  encounter: unknown;
}
const packs = new Map<string, CodePack>();
async function packFor(dirs: string[] = ['fy2026', 'hcpcs', 'ncci']): Promise<CodePack> {
  const key = dirs.join(',');
  if (!packs.has(key)) packs.set(key, loadPack((await compilePack(fixtureInputs(...dirs))).bytes));
  return packs.get(key)!;
}

describe('rule convention', () => {
  it('every file in lib/checks/rules is registered exactly once, with id = file name', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(ruleFiles);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('docs/rules.md is the catalog generated from the registry', () => {
    expect(readFileSync(path.join(root, 'docs/rules.md'), 'utf8')).toBe(ruleCatalog());
  });

  describe.each(ruleFiles)('%s', (id) => {
    const fixtures = JSON.parse(readFileSync(path.join(root, 'test/fixtures/rules', `${id}.json`), 'utf8')) as {
      positive: Case[];
      negative: Case[];
    };
    const rule = RULES.find((r) => r.id === id)!;
    beforeAll(async () => {
      await packFor();
    });

    it('has at least one positive and one negative fixture, and cites its source', () => {
      expect(fixtures.positive.length).toBeGreaterThan(0);
      expect(fixtures.negative.length).toBeGreaterThan(0);
      expect(rule.source.length).toBeGreaterThan(10);
    });

    it.each(fixtures.positive.map((c) => [c.name, c] as const))('fires: %s', async (_n, c) => {
      const findings = checkEncounter(c.encounter, await packFor(c.pack), [rule]);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.rule).toBe(id);
        expect(f.action.length).toBeGreaterThan(5);
      }
    });

    it.each(fixtures.negative.map((c) => [c.name, c] as const))('silent: %s', async (_n, c) => {
      expect(checkEncounter(c.encounter, await packFor(c.pack), [rule])).toEqual([]);
    });
  });
});
