import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../lib/codesets/inputs';

/** Reads files and (recursively) directories into compiler inputs, in a stable order. */
export async function readInputs(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => undefined);
    if (!st) throw new Error(`${p}: no such file or directory`);
    if (st.isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => !n.startsWith('.')).sort();
      out.push(...(await readInputs(names.map((n) => path.join(p, n)))));
    } else {
      out.push({ path: p, bytes: new Uint8Array(await fs.readFile(p)) });
    }
  }
  return out;
}

/** Write to a temporary file beside the target, then rename: a reader never sees half a file. */
export async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
