import { useState } from 'react';
import type { PackSource } from '@/lib/pack/format';
import { activateImportedPack } from '@/utils/release-store';
import { announceReleaseChange, messageOf } from './announce';

export type Progress = { phase: string; done: number; total: number };
export type Outcome = { ok: boolean; text: string };

const REJECTED = 'Import rejected, nothing changed — the code sets in use stay active.';

/**
 * Import of official release files: compiled in a worker (progress as it goes), then activated in
 * one step, so a rejected import leaves the code sets in use untouched.
 */
export function useReleaseImport(refresh: () => Promise<void>) {
  const [progress, setProgress] = useState<Progress>();
  const [importMsg, setImportMsg] = useState<Outcome>();

  const importReleases = async (list: FileList | null) => {
    if (!list?.length) return;
    setImportMsg(undefined);
    setProgress({ phase: 'reading files', done: 0, total: list.length });
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const worker = new Worker(new URL('../../../utils/compile-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = async (e: MessageEvent) => {
      const m = e.data as { type: string } & Record<string, unknown>;
      if (m.type === 'progress') return setProgress(m as unknown as Progress);
      worker.terminate();
      setProgress(undefined);
      if (m.type === 'error') return setImportMsg({ ok: false, text: `${REJECTED} ${String(m.message)}` });
      try {
        const sources = m.sources as PackSource[];
        await activateImportedPack(
          m.bytes as Uint8Array,
          files.map((f) => f.path),
        );
        announceReleaseChange();
        const skipped = (m.skipped as { file: string; why: string }[]).map((s) => `${s.file}: ${s.why}`);
        setImportMsg({
          ok: true,
          text: `Now using ${[...new Set(sources.map((s) => `${s.system} ${s.release}`))].join(' · ')}.${skipped.length ? ` Skipped: ${skipped.join('; ')}` : ''}`,
        });
        await refresh();
      } catch (err) {
        setImportMsg({ ok: false, text: `${REJECTED} ${messageOf(err)}` });
      }
    };
    worker.postMessage(
      { files },
      files.map((f) => f.bytes.buffer),
    );
  };

  return { progress, importMsg, importReleases };
}
