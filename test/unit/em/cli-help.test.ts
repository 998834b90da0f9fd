import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VISIT_CHOICES, VISIT_HELP } from '../../../cli/commands/em';
import { FAMILIES } from '../../../lib/em/em';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `em --visit` offers every family the leveller knows, once each, and the help says so. */
describe('em --visit help', () => {
  it('lists every family exactly once', () => {
    expect([...VISIT_CHOICES].sort()).toEqual([...FAMILIES].sort());
    for (const f of FAMILIES) expect(VISIT_HELP.split(/[\s|()]+/)).toContain(f);
    expect(VISIT_HELP).toMatch(/^auto \(read from the note\)/);
  });

  it('the command line uses the generated help, not a hand-written list', () => {
    const main = readFileSync(path.join(root, 'cli/main.ts'), 'utf8');
    expect(main).toMatch(/\.option\('--visit <family>', VISIT_HELP/);
  });
});
