import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePack } from '../../lib/pack/compile';
import { loadPack, type CodePack } from '../../lib/pack/code-pack';
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
