import { RULES } from './registry';

/** The rule catalog (docs/rules.md), generated from the registry so it never drifts. */
export function ruleCatalog(): string {
  const rows = RULES.map((r) => `| \`${r.id}\` | ${r.kind} | ${r.title} | ${r.source} |`);
  return [
    '# Rule catalog',
    '',
    'Generated from `lib/checks/registry.ts` by `npm run cli -- rules --write` (a test fails when it is out of date).',
    'Each rule lives in `lib/checks/rules/<id>.ts` with positive and negative fixtures in `test/fixtures/rules/<id>.json`.',
    '',
    '| id | kind | what it finds | source |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
