import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emAnswersFrom } from '../../../lib/em/edition';

/*
 * Issue 14 (every surface says what it answers from, once, in one line): `em` honours --date and
 * states the E/M rules edition it applies and the date of service, in text and in --json; it reads
 * no code-set pack and says so instead of naming a release.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const NOTE = path.join(ROOT, 'data/samples/visit-note.txt');

function em(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    ['--import', TSX, path.join(ROOT, 'cli/main.ts'), 'em', '--note', NOTE, ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_lifecycle_event: '' },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('em: what the answer comes from', () => {
  it('names the rules edition and the date, and that no code-set pack is read', () => {
    const a = emAnswersFrom('established', '2026-11-29', true);
    expect(a.statement).toBe(
      'Date of service 2026-11-29: E/M by the CPT 2021 office/outpatient and 2023 other-family E/M guidelines (our own wording, no CPT descriptor text) · no code-set pack read (the level comes from the note alone)',
    );
    expect(a).toMatchObject({ dateOfService: '2026-11-29', dateGiven: true, guidelinesYear: 2021, codeSetPack: null });
    expect(a.warning).toBeUndefined();
    expect(a.statement).not.toMatch(/FY20|ICD-10-CM|HCPCS|NCCI/);
  });

  it('warns when the family’s guidelines were not in force on the date', () => {
    expect(emAnswersFrom('established', '2020-12-31', true).warning).toMatch(
      /2021 guidelines were not in force on 2020-12-31/,
    );
    expect(emAnswersFrom('established', '2021-01-01', true).warning).toBeUndefined();
    expect(emAnswersFrom('ed', '2022-06-01', true).warning).toMatch(/2023 guidelines were not in force/);
    expect(emAnswersFrom('ed', '2023-01-01', true).guidelinesYear).toBe(2023);
    // Preventive visits are levelled by age, not by the 2021/2023 MDM guidelines: no dated warning.
    expect(emAnswersFrom('preventive', '2019-01-01', true).warning).toBeUndefined();
    expect(emAnswersFrom('established', '2026-11-29', false).statement).toMatch(
      /^Date of service 2026-11-29 \(today's date: none given\):/,
    );
  });

  it('the command says it once, in one line, for the --date given (text and --json)', () => {
    const text = em('--date', '2026-11-29');
    expect(text.code).toBe(0);
    const lines = `${text.stderr}${text.stdout}`.split('\n').filter((l) => /Date of service|E\/M by the/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(
        /^Date of service 2026-11-29: E\/M by the CPT 2021 office\/outpatient and 2023 other-family E\/M guidelines .*no code-set pack read/,
      ),
    ]);
    const json = em('--date', '2020-06-01', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as {
      code: string;
      answersFrom: {
        dateOfService: string;
        dateGiven: boolean;
        codeSetPack: null;
        warning?: string;
        statement: string;
      };
    };
    expect(r.code).toMatch(/^992\d\d$/);
    expect(r.answersFrom).toMatchObject({ dateOfService: '2020-06-01', dateGiven: true, codeSetPack: null });
    expect(r.answersFrom.warning).toMatch(/2021 guidelines were not in force on 2020-06-01/);
    expect(json.stderr).toBe('');
  }, 60_000);
});
