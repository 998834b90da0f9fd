import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CodesetError } from '../lib/codesets/errors';
import { formatBytes, IMPORT_LIMITS, type ImportLimits, type InputFile } from '../lib/codesets/inputs';
import { trackTemp, untrackTemp } from './lifecycle';
import { UsageError } from './output';
import { userPath } from './paths';

/**
 * Reads files and (recursively) directories into compiler inputs, in a stable order. Paths are the
 * user's (relative to the folder the command was typed in); a file over the import limits is
 * refused from its size, before it is read.
 */
export async function readInputs(paths: string[], limits: ImportLimits = IMPORT_LIMITS): Promise<InputFile[]> {
  const out: InputFile[] = [];
  let total = 0;
  const walk = async (list: string[]) => {
    for (const p of list) {
      const abs = userPath(p);
      const st = await fs.stat(abs).catch(() => undefined);
      if (!st) throw new UsageError(`${p}: no such file or folder`);
      if (st.isDirectory()) {
        const names = (
          await fs.readdir(abs).catch(() => {
            throw new UsageError(`${p}: the folder cannot be read (permission denied)`);
          })
        )
          .filter((n) => !n.startsWith('.'))
          .sort();
        await walk(names.map((n) => path.join(p, n)));
        continue;
      }
      if (!st.isFile()) throw new UsageError(`${p}: not a regular file`);
      if (st.size > limits.perFileBytes)
        throw new CodesetError(
          p,
          `is ${formatBytes(st.size)}, over the limit of ${formatBytes(limits.perFileBytes)} per file; no official release file is that large`,
        );
      total += st.size;
      if (total > limits.totalBytes)
        throw new CodesetError(
          p,
          `the files given add up to more than ${formatBytes(limits.totalBytes)} (the limit); import fewer files at once`,
        );
      const bytes = await fs.readFile(abs).catch(() => {
        throw new UsageError(`${p}: cannot be read (permission denied)`);
      });
      out.push({ path: p, bytes: new Uint8Array(bytes) });
    }
  };
  await walk(paths);
  return out;
}

/** Whether process `pid` exists (EPERM: it does, owned by someone else). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed writer left beside `target` (`<name>.tmp-<pid>-<time>`
 * whose process is gone): a SIGKILL leaves no chance to clean up, so the next write does.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `${path.basename(target)}.tmp-`;
  const names = await fs.readdir(path.dirname(target)).catch(() => [] as string[]);
  for (const n of names) {
    const m = n.startsWith(prefix) ? /^(\d+)-\d+$/.exec(n.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      await fs.rm(path.join(path.dirname(target), n), { force: true });
  }
}

/**
 * Write to a temporary file beside the target, then rename: a reader never sees half a file, and
 * the temporary file is removed on an error or when the command is killed (lifecycle.ts), or by
 * the next write if the process was killed outright. `beforeRename` may throw to keep the old
 * file (a command whose starter was killed must not replace it).
 */
export async function writeAtomic(file: string, bytes: Uint8Array, beforeRename?: () => void): Promise<void> {
  const target = userPath(file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await removeStaleTemps(target);
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  trackTemp(tmp);
  try {
    await fs.writeFile(tmp, bytes);
    beforeRename?.();
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    untrackTemp(tmp);
  }
}
