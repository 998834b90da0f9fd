/// <reference lib="webworker" />
import '@/utils/zod-jitless';
import { compilePack } from '@/lib/pack/compile';
import { CodesetError } from '@/lib/codesets/errors';

/**
 * Compiles imported release files off the options page's main thread, reporting progress.
 * The same pure compiler as `npm run cli -- codeset build`. Replies once: the pack or the error.
 */
self.onmessage = async (e: MessageEvent<{ files: { path: string; bytes: Uint8Array }[] }>) => {
  try {
    const result = await compilePack(e.data.files, {
      generator: 'ChartCoder options import',
      onProgress: (p) => self.postMessage({ type: 'progress', ...p }),
    });
    self.postMessage(
      { type: 'done', bytes: result.bytes, sources: result.sources, skipped: result.skipped, counts: result.counts },
      { transfer: [result.bytes.buffer] },
    );
  } catch (err) {
    self.postMessage({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      codeset: err instanceof CodesetError,
    });
  }
};
