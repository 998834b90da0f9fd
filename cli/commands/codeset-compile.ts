import { Worker } from 'node:worker_threads';
import { CodesetError } from '../../lib/codesets/errors';
import type { InputFile } from '../../lib/codesets/inputs';
import type { CompileProgress, CompileResult } from '../../lib/pack/compile';
import { PackFormatError } from '../../lib/pack/container';

/**
 * The memory bound of a build, as resident memory of the whole process. The compiler holds one
 * release file's bytes at a time (the NCCI PTP table, ~175 MB, is the largest) plus what it has
 * parsed; the default build of ../shared/data/codesets peaks below it. `CHARTCODER_MAX_RSS_MB`
 * changes it.
 */
export const MEMORY_LIMIT_MB =
  Number(process.env.CHARTCODER_MAX_RSS_MB) > 0 ? Number(process.env.CHARTCODER_MAX_RSS_MB) : 1280;

/*
 * The compiler's JavaScript heap is capped below the bound (V8 then collects garbage before it
 * grows the heap, instead of letting a 4 GB default heap fill with dead rows); the rest is for
 * the file being read (outside the heap), the code and the CLI's own thread.
 */
const HEAP_MB = Math.max(256, Math.round(MEMORY_LIMIT_MB * 0.5));

function memoryError(phase: string, rssMb: number): CodesetError {
  return new CodesetError(
    phase.replace(/^reading /, ''),
    `the build needs more than ${MEMORY_LIMIT_MB} MB of memory (the limit${rssMb ? `; now ${rssMb} MB` : ''}): import fewer or smaller release files at once`,
  );
}

interface ErrorReply {
  type: 'error';
  name: string;
  message: string;
  stack?: string;
  file?: string;
  line?: number;
  element?: string;
}

/** The worker's error as the class the CLI reports (one line for a bad input or a pack limit). */
function rebuild(m: ErrorReply): Error {
  let e: Error;
  if (m.name === 'CodesetError' && m.file !== undefined) {
    e = new CodesetError(m.file, '', {
      ...(m.line !== undefined ? { line: m.line } : {}),
      ...(m.element !== undefined ? { element: m.element } : {}),
    });
  } else if (m.name === 'PackFormatError') e = new PackFormatError('');
  else e = new Error('');
  e.message = m.message;
  if (m.stack) e.stack = m.stack;
  return e;
}

/**
 * Runs compilePack in a worker thread of this process. The main thread stays free: it reports
 * progress, checks the resident memory every 200 ms (a step of the compiler may run for seconds
 * without a progress report) and stops the compiler with a one-line error above MEMORY_LIMIT_MB,
 * and its signal handlers and parent watch (parent-watch.ts) act at once; a process.exit() ends the
 * worker with it, so no compiler can outlive the command. The input bytes are moved, not copied.
 */
export function compileInWorker(
  files: InputFile[],
  opts: { onProgress?: (p: CompileProgress) => void; createdAt?: string } = {},
): Promise<CompileResult> {
  return new Promise((resolve, reject) => {
    const buffers = [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];
    const worker = new Worker(new URL('./codeset-compile-boot.mjs', import.meta.url), {
      workerData: { files, createdAt: opts.createdAt },
      transferList: buffers,
      // The worker runs a file: an --input-type the command was started with (node -e) does not apply.
      execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    let settled = false;
    let phase = 'starting';
    const settle = (run: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      run();
    };
    const fail = (e: unknown) =>
      settle(() => {
        void worker.terminate();
        reject(e);
      });
    const timer = setInterval(() => {
      const rss = Math.round(process.memoryUsage.rss() / 1048576);
      if (rss > MEMORY_LIMIT_MB) fail(memoryError(phase, rss));
    }, 200);
    timer.unref();
    worker.on(
      'message',
      (m: ({ type: 'progress' } & CompileProgress) | { type: 'done'; result: CompileResult } | ErrorReply) => {
        if (m.type === 'progress') {
          phase = m.phase;
          try {
            opts.onProgress?.(m);
          } catch (e) {
            fail(e);
          }
        } else if (m.type === 'done') settle(() => resolve(m.result));
        else settle(() => reject(rebuild(m)));
      },
    );
    worker.on('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryError(phase, 0) : e),
    );
    worker.on('exit', (code) => fail(new Error(`the compiler stopped before it finished (exit code ${code})`)));
  });
}
