import { beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePack } from '../../lib/pack/compile';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
import { NoteAnalyzer } from '../../lib/suggest/analyze';
import { readInputs } from '../../cli/io';
import { codesetsDir, DEFAULT_PACK } from '../../cli/paths';

/** Whether the real code set is here: the default pack (npm test builds it first) or the shared release files. */
export function realPackPresent(what: string): boolean {
  const dir = codesetsDir();
  const present = existsSync(DEFAULT_PACK) || Boolean(dir && existsSync(path.join(dir, 'icd10cm')));
  if (!present) console.warn(`\n!!! SKIPPING ${what}: no default pack and no release folder !!!\n`);
  return present;
}

/** The default pack when it was built, else one compiled from the shared release files. */
export async function loadRealPack(): Promise<CodePack> {
  const bytes = existsSync(DEFAULT_PACK)
    ? new Uint8Array(readFileSync(DEFAULT_PACK))
    : (await compilePack(await readInputs([codesetsDir()!]))).bytes;
  return loadPack(bytes);
}

/**
 * The analyzer on the real code set for a test file: registers the load (skipped without the code
 * set) and returns the analysis, the shown ICD-10-CM codes in claim order, and the pack.
 */
export function realAnalyzer(what: string) {
  const present = realPackPresent(what);
  let pack: CodePack | undefined;
  let analyzer: NoteAnalyzer | undefined;
  beforeAll(async () => {
    if (!present) return;
    pack = await loadRealPack();
    analyzer = new NoteAnalyzer(pack);
  }, 180_000);
  const analyze = (note: string) => analyzer!.analyze(note);
  return {
    present,
    analyze,
    shown: (note: string) =>
      analyze(note)
        .suggestions.filter((s) => s.system === 'ICD-10-CM')
        .map((s) => s.code),
    analyzer: () => analyzer!,
    pack: () => pack!,
  };
}
