import { Worker } from 'node:worker_threads';
import type { ChartOutcome } from '../../lib/audit/batch';
import type { ClaimRow } from '../../lib/audit/claims';
import { checkWrapper } from '../lifecycle';
import { CommandFailed, type GlobalOptions } from '../output';
import type { AuditTask } from './audit-worker';

export type WorkerReply = ChartOutcome[];

/** One chart's work for a worker: its note, billed codes, date of service (else the run's) and setting. */
export function taskOf(c: ClaimRow, notePath: string, defaultDos: string, opts: GlobalOptions): AuditTask {
  return {
    chartId: c.chartId,
    notePath,
    codes: c.codes,
    dateOfService: c.dateOfService ?? defaultDos,
    setting: c.setting ?? opts.setting ?? 'office',
  };
}

/** Hands out `tasks` in batches to `n` worker threads (one pack each); `onReply` runs for each batch's records in arrival order. */
export async function runWorkers(
  tasks: AuditTask[],
  n: number,
  batch: number,
  packFile: string,
  onReply: (reply: WorkerReply) => Promise<void>,
): Promise<void> {
  let next = 0;
  let chain = Promise.resolve();
  await Promise.all(
    Array.from({ length: n }, () => {
      return new Promise<void>((resolve, reject) => {
        // The CLI runs TypeScript through tsx; a worker thread registers the same loader itself.
        const w = new Worker(new URL('./audit-worker-boot.mjs', import.meta.url), {
          workerData: { packPath: packFile },
        });
        const send = () => {
          checkWrapper();
          if (next >= tasks.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const chunk = tasks.slice(next, next + batch);
          next += chunk.length;
          w.postMessage(chunk);
        };
        w.on('message', (m: 'ready' | WorkerReply) => {
          if (m === 'ready') return send();
          chain = chain.then(() => onReply(m)).catch(reject);
          void chain.then(send);
        });
        w.on('error', (e) =>
          reject(new CommandFailed(`audit worker: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)),
        );
      });
    }),
  );
  await chain;
}
