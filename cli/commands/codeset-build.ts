import { promises as fs } from 'node:fs';
import cliProgress from 'cli-progress';
import { CodesetError } from '../../lib/codesets/errors';
import { compilePack, type CompileResult } from '../../lib/pack/compile';
import { readInputs, writeAtomic } from '../io';
import { checkWrapper } from '../lifecycle';
import { mb, print, table, type GlobalOptions } from '../output';

export interface BuildReport {
  out: string;
  bytes: number;
  readMs: number;
  compileMs: number;
  writeMs: number;
  counts: Record<string, number>;
  sources: CompileResult['sources'];
  skipped: CompileResult['skipped'];
}

/**
 * The compiler holds every parsed table until the pack is written (the PTP table's 175 MB of text
 * peaks at ~1.6 GB resident), so between steps the build checks its resident memory and stops
 * with a clear message before V8 would abort with a fatal out-of-memory error (its heap limit on
 * this machine is ~4 GB). `CHARTCODER_MAX_RSS_MB` changes the bound.
 */
export const MEMORY_LIMIT_MB =
  Number(process.env.CHARTCODER_MAX_RSS_MB) > 0 ? Number(process.env.CHARTCODER_MAX_RSS_MB) : 3072;

function checkMemory(phase: string): void {
  const rss = process.memoryUsage.rss() / 1048576;
  if (rss > MEMORY_LIMIT_MB) {
    throw new CodesetError(
      phase.replace(/^reading /, ''),
      `the build needs more than ${MEMORY_LIMIT_MB} MB of memory (the limit; now ${Math.round(rss)} MB): import fewer or smaller release files at once`,
    );
  }
}

/** Compiles release files into a pack and writes it atomically (the old pack stays on any error). */
export async function buildPack(
  from: string[],
  out: string,
  opts: GlobalOptions & { quiet?: boolean },
): Promise<BuildReport> {
  const t0 = performance.now();
  const files = await readInputs(from);
  const t1 = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      format: 'codeset build [{bar}] {percentage}% | {value}/{total} files | {phase}',
      stream: process.stderr,
      noTTYOutput: !opts.quiet,
      notTTYSchedule: 5000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const showBar = !opts.quiet && !opts.json;
  if (showBar) bar.start(1, 0, { phase: 'starting' });
  let result: CompileResult;
  try {
    result = await compilePack(files, {
      onProgress: (p) => {
        checkWrapper();
        checkMemory(p.phase);
        if (!showBar) return;
        bar.setTotal(Math.max(1, p.total));
        bar.update(p.done, { phase: p.phase });
      },
    });
  } finally {
    if (showBar) bar.stop();
  }
  const t2 = performance.now();
  await writeAtomic(out, result.bytes);
  const t3 = performance.now();
  return {
    out,
    bytes: result.bytes.length,
    readMs: Math.round(t1 - t0),
    compileMs: Math.round(t2 - t1),
    writeMs: Math.round(t3 - t2),
    counts: result.counts,
    sources: result.sources,
    skipped: result.skipped,
  };
}

export function printBuildReport(r: BuildReport, opts: GlobalOptions): void {
  print(opts, r, () =>
    [
      `wrote ${r.out} (${mb(r.bytes)})`,
      `read ${r.readMs} ms · compile ${r.compileMs} ms · write ${r.writeMs} ms`,
      '',
      table([
        ['source', 'release', 'effective', 'records'],
        ...r.sources.map((s) => [
          s.file,
          `${s.system} ${s.release}`,
          `${s.effectiveFrom}..${s.effectiveTo}`,
          String(s.records),
        ]),
      ]),
      '',
      table([['count', 'value'], ...Object.entries(r.counts).map(([k, v]) => [k, v.toLocaleString('en-US')])]),
      ...(r.skipped.length
        ? ['', `skipped ${r.skipped.length} file(s):`, ...r.skipped.map((s) => `  ${s.file}: ${s.why}`)]
        : []),
    ].join('\n'),
  );
}

export async function fileSize(p: string): Promise<number> {
  return (await fs.stat(p)).size;
}
