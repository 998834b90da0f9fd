import { parentPort, workerData } from 'node:worker_threads';
import { CodesetError } from '../../lib/codesets/errors';
import type { InputFile } from '../../lib/codesets/inputs';
import { compilePack } from '../../lib/pack/compile';

/*
 * The compiler's worker thread (codeset-compile.ts): the same pure compilePack as the options
 * page's worker, with the CLI's inputs. Replies with progress, then once: the pack or the error.
 */
const port = parentPort!;
const { files, createdAt } = workerData as { files: InputFile[]; createdAt?: string };
try {
  const result = await compilePack(files, {
    ...(createdAt ? { createdAt } : {}),
    onProgress: (p) => port.postMessage({ type: 'progress', ...p }),
  });
  port.postMessage({ type: 'done', result }, [result.bytes.buffer as ArrayBuffer]);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  port.postMessage({
    type: 'error',
    name: err.name,
    message: err.message,
    stack: err.stack,
    ...(e instanceof CodesetError ? { file: e.file, line: e.line, element: e.element } : {}),
  });
}
